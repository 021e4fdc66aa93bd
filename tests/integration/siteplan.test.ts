import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../../db/connection';
import {
  acceptSuggestions,
  assignPitch,
  getPitchForRegistration,
  getPublicSitePlan,
  getSitePlan,
  PitchAssignmentError,
  suggestPitches,
  unassignPitch,
} from '../../app/domain/siteplan/pitches.server';
import { getLogistics, logisticsCsv } from '../../app/domain/siteplan/logistics.server';
import { translator } from '../../app/lib/i18n';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase({ seed: true });
});
afterEach(() => t.close());

async function editionId(db: DB, slug: string) {
  return (await db.selectFrom('editions').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}
async function pitch(db: DB, edition: number, label: string) {
  return db.selectFrom('pitches').selectAll().where('edition_id', '=', edition).where('label', '=', label).executeTakeFirstOrThrow();
}
async function registration(db: DB, edition: number, orgSlug: string) {
  return db
    .selectFrom('registrations')
    .innerJoin('organisations', 'organisations.id', 'registrations.organisation_id')
    .selectAll('registrations')
    .where('registrations.edition_id', '=', edition)
    .where('organisations.slug', '=', orgSlug)
    .executeTakeFirstOrThrow();
}
async function reason(call: Promise<unknown>) {
  const error = await call.then(() => null, (e: unknown) => e);
  return error instanceof PitchAssignmentError ? [error.reason, error.messageKey] : error;
}

// Dortbund! 2027: pitches 1–6 are 4 × 4 m (1–4 with 2000 W, 1–2 with water), 7–10 are
// 7 × 4 m, 11 is 3 × 2 m without power, 12 is 3 × 2 m with 500 W. VMDO is approved
// (3 × 3 m, 1000 W); the confirmed Arbeitskreis der Abrahamsreligionen (3 × 3 m, 1000 W)
// and MIA-DO (2 × 1 m) were placed by the demo.
describe('placing stands on pitches', () => {
  it('the demo placed the confirmed stands on the smallest pitch that fits', async () => {
    const e = await editionId(t.db, 'dortbund-2027');
    const plan = await getSitePlan(t.db, e);
    const placed = plan.areas.flatMap((a) => a.pitches.filter((p) => p.registration_id).map((p) => [p.label, p.organisation_name]));
    expect(placed).toEqual([
      ['3', 'Arbeitskreis der Abrahamsreligionen'],
      ['11', 'MIA-DO – Migrations- und Integrationsagentur'],
    ]);
    expect(plan.unplaced.map((r) => r.name)).toEqual(['Verbund sozial-kultureller Migrantenvereine in Dortmund e.V. (VMDO)']);
  });

  it('checks size, power, water, state and that nothing is placed twice', async () => {
    const e = await editionId(t.db, 'dortbund-2027');
    const vmdo = await registration(t.db, e, 'vmdo');
    expect(await reason(assignPitch(t.db, e, (await pitch(t.db, e, '12')).id, vmdo.id))).toEqual(['tooSmall', 'schedule:pitches.errors.tooSmall']);
    expect(await reason(assignPitch(t.db, e, (await pitch(t.db, e, '5')).id, vmdo.id))).toEqual(['notEnoughPower', 'schedule:pitches.errors.notEnoughPower']);
    await t.db.updateTable('registrations').set({ water: 1 }).where('id', '=', vmdo.id).execute();
    expect(await reason(assignPitch(t.db, e, (await pitch(t.db, e, '4')).id, vmdo.id))).toEqual(['noWater', 'schedule:pitches.errors.noWater']);
    expect(await reason(assignPitch(t.db, e, (await pitch(t.db, e, '3')).id, vmdo.id))).toEqual(['pitchTaken', 'schedule:pitches.errors.pitchTaken']);
    const waitlisted = await registration(t.db, e, 'freiwilligenagentur');
    expect(waitlisted.state).toBe('waitlisted');
    expect(await reason(assignPitch(t.db, e, (await pitch(t.db, e, '6')).id, waitlisted.id))).toEqual(['notPlaceable', 'schedule:pitches.errors.notPlaceable']);

    await assignPitch(t.db, e, (await pitch(t.db, e, '1')).id, vmdo.id);
    expect((await pitch(t.db, e, '1')).registration_id).toBe(vmdo.id);
    expect(await reason(assignPitch(t.db, e, (await pitch(t.db, e, '2')).id, vmdo.id))).toEqual(['alreadyPlaced', 'schedule:pitches.errors.alreadyPlaced']);
    // the database refuses one registration on two pitches even past the domain
    await expect(t.db.updateTable('pitches').set({ registration_id: vmdo.id }).where('id', '=', (await pitch(t.db, e, '2')).id).execute()).rejects.toThrow(/UNIQUE/);

    // a 6 × 3 m own gazebo fits a 3 × 6 m pitch turned by 90°
    await unassignPitch(t.db, e, (await pitch(t.db, e, '1')).id);
    await t.db.updateTable('registrations').set({ width_m: 6, depth_m: 3, water: 0, power_watts: 0 }).where('id', '=', vmdo.id).execute();
    const standzone = (await pitch(t.db, e, '1')).stage_id;
    await t.db.insertInto('pitches').values({ edition_id: e, stage_id: standzone, label: '13', x: 30, y: 1, width: 3, height: 6 }).execute();
    await assignPitch(t.db, e, (await pitch(t.db, e, '13')).id, vmdo.id);
    expect((await pitch(t.db, e, '13')).registration_id).toBe(vmdo.id);
  });

  it('suggests a pitch for the rest, largest first, and places them when accepted', async () => {
    const e = await editionId(t.db, 'djelem-djelem-2027');
    // Djelem Djelem 2027: only VMDO is approved (3 × 3 m, 1000 W); approve two more.
    for (const slug of ['africa-positive', 'projekt-ankommen']) {
      await t.db.updateTable('registrations').set({ state: 'approved' }).where('id', '=', (await registration(t.db, e, slug)).id).execute();
    }
    const suggestions = await suggestPitches(t.db, e);
    const labels = Object.fromEntries(
      await Promise.all(suggestions.map(async (s) => [s.registration.name, s.pitchId ? (await t.db.selectFrom('pitches').select('label').where('id', '=', s.pitchId).executeTakeFirstOrThrow()).label : null])),
    );
    // VMDO (3 × 3 m) needs power: F1; Projekt Ankommen (3 × 3 m, no power): F2; Africa Positive (2 × 1 m): F5
    expect(labels).toEqual({
      'Verbund sozial-kultureller Migrantenvereine in Dortmund e.V. (VMDO)': 'F1',
      'Projekt Ankommen e.V.': 'F2',
      'Africa Positive e.V.': 'F5',
    });
    await acceptSuggestions(t.db, e, suggestions.filter((s) => s.pitchId).map((s) => ({ registrationId: s.registrationId, pitchId: s.pitchId! })));
    expect((await getSitePlan(t.db, e)).unplaced).toEqual([]);
    expect(await suggestPitches(t.db, e)).toEqual([]);
  });

  it('accepting a changed suggestion that breaks a rule places none of it', async () => {
    const e = await editionId(t.db, 'dortbund-2027');
    const vmdo = await registration(t.db, e, 'vmdo');
    const mia = await registration(t.db, e, 'mia-do');
    await unassignPitch(t.db, e, (await pitch(t.db, e, '11')).id);
    const result = await reason(
      acceptSuggestions(t.db, e, [
        { registrationId: mia.id, pitchId: (await pitch(t.db, e, '12')).id },
        { registrationId: vmdo.id, pitchId: (await pitch(t.db, e, '12')).id },
      ]),
    );
    expect(result).toEqual(['pitchTaken', 'schedule:pitches.errors.pitchTaken']);
    expect((await pitch(t.db, e, '12')).registration_id).toBeNull();
  });

  it('gives the exhibitor its pitch and setup time', async () => {
    const e = await editionId(t.db, 'dortbund-2027');
    const mia = await registration(t.db, e, 'mia-do');
    const placed = await getPitchForRegistration(t.db, mia.id);
    expect(placed).toMatchObject({ label: '11', width: 3, height: 2, power_available: 0, water: 0 });
    expect(JSON.parse(placed!.area_name).de).toBe('Standzone Friedensplatz');
    expect(JSON.parse(placed!.setup_info).de).toBe('Aufbau am ersten Festtag ab 7:30 Uhr, Abbau bis 21:00 Uhr. Zufahrt über die Kleppingstraße.');
    expect(await getPitchForRegistration(t.db, (await registration(t.db, e, 'vmdo')).id)).toBeNull();
  });

  it('shows the public the names of confirmed stands that agreed only', async () => {
    const e = await editionId(t.db, 'dortbund-2027');
    const vmdo = await registration(t.db, e, 'vmdo');
    await assignPitch(t.db, e, (await pitch(t.db, e, '1')).id, vmdo.id); // approved, not confirmed
    await t.db.updateTable('registrations').set({ public_consent: 0 }).where('id', '=', (await registration(t.db, e, 'mia-do')).id).execute();
    const [area] = await getPublicSitePlan(t.db, e);
    expect(area!.pitches.filter((p) => p.name).map((p) => [p.label, p.name])).toEqual([['3', 'Arbeitskreis der Abrahamsreligionen']]);
    expect(area!.pitches).toHaveLength(12);
  });
});

describe('crew lists', () => {
  it('sums power, water, tables and benches per area, and exports CSV', async () => {
    const e = await editionId(t.db, 'dortbund-2027');
    await t.db.updateTable('organisations').set({ name: 'Verbund "VMDO", Dortmund' }).where('slug', '=', 'vmdo').execute();
    const data = await getLogistics(t.db, e);
    expect(data.areas.map((a) => [a.areaName ? JSON.parse(a.areaName).de : null, a.totals])).toEqual([
      ['Standzone Friedensplatz', { stands: 2, power_watts: 1000, water: 0, tables: 3, benches: 1 }],
      [null, { stands: 1, power_watts: 1000, water: 0, tables: 2, benches: 0 }],
    ]);
    expect(data.total).toEqual({ stands: 3, power_watts: 2000, water: 0, tables: 5, benches: 1 });
    const csv = logisticsCsv(data, 'de', translator('de'));
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFBereich,Platz,Organisation,Status,Standart,Breite (m),Tiefe (m),Strom (W),Wasser,Tische,Bänke,Eigener Pavillon,Zufahrt,Ankunft',
      'Standzone Friedensplatz,3,Arbeitskreis der Abrahamsreligionen,Bestätigt,Pavillon 3 × 3 m (gestellt),3,3,1000,nein,1,0,nein,nein,',
      'Standzone Friedensplatz,11,MIA-DO – Migrations- und Integrationsagentur,Bestätigt,Infotisch,2,1,0,nein,2,1,ja,nein,',
      'Noch ohne Platz,,"Verbund ""VMDO"", Dortmund",Zugesagt,Pavillon 3 × 3 m (gestellt),3,3,1000,nein,2,0,nein,nein,',
      '',
    ]);
  });
});
