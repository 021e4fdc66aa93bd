import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderEmail } from '../../emails/index';
import { listAudit } from '../../app/domain/audit/audit.server';
import { previewCampaign, sendCampaign } from '../../app/domain/office/campaigns.server';
import { cloneEdition, inviteReturningExhibitors } from '../../app/domain/office/clone.server';
import { editionDashboard } from '../../app/domain/office/dashboard.server';
import { exportEdition } from '../../app/domain/office/exports.server';
import { toCsv } from '../../app/lib/csv';
import { officeProviders } from '../../app/domain/office/providers.server';
import type { Person } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

let t: TestDatabase;
let admin: Person;
let team: Person;
const edition = (slug: string) => t.db.selectFrom('editions').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
  admin = await t.db.selectFrom('people').selectAll().where('email', '=', 'orga@festplatz.localhost').executeTakeFirstOrThrow();
  team = await t.db.selectFrom('people').selectAll().where('email', '=', 'team-djelem@festplatz.localhost').executeTakeFirstOrThrow();
});
afterAll(() => t.close());

describe('cloning an edition', () => {
  it('moves Djelem Djelem to the same weekdays a year later, in Berlin wall-clock time across the clock change', async () => {
    const result = await cloneEdition(t.db, team, 'djelem-djelem-2027', { publish: false, invite: true, publicUrl: 'http://x' });
    expect(result.edition).toMatchObject({ slug: 'djelem-djelem-2028', starts_on: '2028-10-26', ends_on: '2028-10-29' });
    expect(result.counts).toEqual({ venues: 2, stages: 3, openingHours: 12, standTypes: 2, pitches: 6 });
    expect(result.invited).toBe(0); // a draft invites nobody

    const copy = await edition('djelem-djelem-2028');
    expect(JSON.parse(copy.title)).toEqual({ de: 'Djelem Djelem 2028', en: 'Djelem Djelem 2028' });
    expect(copy.status).toBe('draft');
    expect(copy.registration_opens_at).toBe('2027-11-09T23:00:00.000Z'); // 10 November 2027, 00:00 CET (11 November 2026 + 52 weeks)
    expect(copy.registration_closes_at).toBe('2028-09-28T21:59:59.999Z'); // 28 September 2028, 23:59:59.999 CEST

    const hours = await t.db
      .selectFrom('opening_hours')
      .innerJoin('stages', 'stages.id', 'opening_hours.stage_id')
      .select(['opening_hours.day', 'opening_hours.opens_at', 'opening_hours.closes_at'])
      .where('stages.edition_id', '=', copy.id)
      .where('stages.slug', '=', 'grosser-saal')
      .orderBy('opening_hours.day')
      .execute();
    expect(hours).toEqual([
      { day: '2028-10-26', opens_at: '2028-10-26T13:00:00.000Z', closes_at: '2028-10-26T21:30:00.000Z' }, // Thursday 15:00–23:30 CEST
      { day: '2028-10-27', opens_at: '2028-10-27T13:00:00.000Z', closes_at: '2028-10-27T21:30:00.000Z' },
      // Saturday 11:00 CEST into Sunday 03:00 CET: the night the clocks go back (29 October 2028)
      { day: '2028-10-28', opens_at: '2028-10-28T09:00:00.000Z', closes_at: '2028-10-29T02:00:00.000Z' },
      { day: '2028-10-29', opens_at: '2028-10-29T09:00:00.000Z', closes_at: '2028-10-29T22:30:00.000Z' }, // Sunday 10:00–23:30 CET
    ]);
    const stages = await t.db.selectFrom('stages').select(['slug', 'venue_id']).where('edition_id', '=', copy.id).orderBy('sort_order').execute();
    const venues = await t.db.selectFrom('venues').select('id').where('edition_id', '=', copy.id).execute();
    expect(stages.map((s) => s.slug)).toEqual(['grosser-saal', 'foyer', 'kino-im-u']);
    for (const s of stages) expect(venues.map((v) => v.id)).toContain(s.venue_id);
    expect(await t.db.selectFrom('program_items').select('id').where('edition_id', '=', copy.id).execute()).toEqual([]);

    const audit = await listAudit(t.db, { action: 'edition.cloned' });
    expect(audit.rows[0]).toMatchObject({ actor_person_id: team.id, subject_type: 'edition', subject_id: String(copy.id) });
    expect(JSON.parse(audit.rows[0]!.details)).toMatchObject({ from: 'djelem-djelem-2027', to: 'djelem-djelem-2028', shiftDays: 364, invited: 0 });
  });

  it('refuses a second clone and another series’ edition', async () => {
    await expect(cloneEdition(t.db, admin, 'djelem-djelem-2027', { publish: true, invite: true, publicUrl: 'http://x' })).rejects.toMatchObject({
      name: 'ConflictError',
      messageKey: 'admin:clone.errors.exists',
    });
    await expect(cloneEdition(t.db, team, 'dortbund-2027', { publish: true, invite: true, publicUrl: 'http://x' })).rejects.toMatchObject({ name: 'ForbiddenError' });
    await expect(cloneEdition(t.db, admin, 'nope-2027', { publish: true, invite: true, publicUrl: 'http://x' })).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('copies the pitches of the site plan, free, onto the new stages, and invites last year’s confirmed exhibitors in their language', async () => {
    const result = await cloneEdition(t.db, admin, 'dortbund-2027', { publish: true, invite: true, publicUrl: 'http://festplatz.test' });
    expect(result.edition).toMatchObject({ slug: 'dortbund-2028', starts_on: '2028-09-09', ends_on: '2028-09-10' }); // second Saturday of September
    expect(result.counts).toEqual({ venues: 1, stages: 4, openingHours: 8, standTypes: 3, pitches: 12 });
    const newZone = await t.db.selectFrom('stages').select('id').where('edition_id', '=', result.edition.id).where('slug', '=', 'standzone').executeTakeFirstOrThrow();
    const source = await edition('dortbund-2027');
    const before = await t.db.selectFrom('pitches').select(['label', 'width', 'height', 'registration_id']).where('edition_id', '=', source.id).orderBy('id').execute();
    expect(before.some((p) => p.registration_id !== null)).toBe(true); // the demo placed confirmed stands
    const copied = await t.db.selectFrom('pitches').select(['label', 'stage_id', 'width', 'height', 'registration_id']).where('edition_id', '=', result.edition.id).orderBy('id').execute();
    // same geometry, on the new edition's stand zone, nobody placed yet
    expect(copied).toEqual(before.map((p) => ({ label: p.label, stage_id: newZone.id, width: p.width, height: p.height, registration_id: null })));

    // dortbund-2027 has two confirmed stands: Abrahamsreligionen (contact reads Arabic) and MIA-DO (German)
    expect(result.invited).toBe(2);
    const mail = await t.db.selectFrom('outbox').selectAll().where('template', '=', 'reapply-invitation').orderBy('to_address').execute();
    expect(mail.map((m) => [m.to_address, m.locale])).toEqual([
      ['kontakt@abrahamsreligionen.example', 'ar'],
      ['kontakt@mia-do.example', 'de'],
    ]);
    const ar = renderEmail(mail[0]!.template, JSON.parse(mail[0]!.payload), mail[0]!.locale);
    expect(ar.subject).toBe('دعوة: Dortbund! Eine Stadt. Viele Gesichter 2028');
    const de = renderEmail(mail[1]!.template, JSON.parse(mail[1]!.payload), mail[1]!.locale);
    expect(de.subject).toBe('Einladung: Dortbund! Eine Stadt. Viele Gesichter 2028');
    expect(de.text).toContain('MIA-DO – Migrations- und Integrationsagentur war im letzten Jahr mit einem Stand dabei');
    expect(de.text).toContain('http://festplatz.test/editions/dortbund-2028');

    // inviting again adds nobody
    expect(await inviteReturningExhibitors(t.db, admin, result.edition.id, 'http://festplatz.test')).toBe(0);
  });
});

describe('bulk mail', () => {
  const texts = { subject: { de: 'Aufbau am Samstag', ar: 'التجهيز يوم السبت' }, body: { de: 'Bitte kommen Sie um 7:30 Uhr.\n\nDanke!', ar: 'يرجى الحضور الساعة 7:30.' } };

  it('previews the message in one recipient’s language with the count per language', async () => {
    const source = await edition('dortbund-2027');
    const preview = await previewCampaign(t.db, admin, source.id, { states: ['confirmed'], standTypeIds: [], areaIds: [] }, texts);
    expect(preview.count).toBe(2);
    expect(preview.byLanguage).toEqual({ ar: 1, de: 1 });
    expect(preview.sample).toMatchObject({ locale: 'ar', organisation: 'Arbeitskreis der Abrahamsreligionen' });
    const sample = renderEmail('campaign', preview.sample!.payload, preview.sample!.locale);
    expect(sample.subject).toBe('التجهيز يوم السبت');
    expect(sample.text).toContain('يرجى الحضور الساعة 7:30.');
    // Without an Arabic text, the Arabic reader gets the German one
    const germanOnly = await previewCampaign(t.db, admin, source.id, { states: ['confirmed'], standTypeIds: [], areaIds: [] }, { subject: { de: 'A' }, body: { de: 'B' } });
    expect(germanOnly.byLanguage).toEqual({ de: 2 });
    // Stand type filter: the information tables of 2027 went to Projekt Ankommen (submitted), FreiwilligenAgentur (waitlisted) and MIA-DO (confirmed)
    const infotisch = await t.db.selectFrom('stand_types').select('id').where('edition_id', '=', source.id).where('slug', '=', 'infotisch').executeTakeFirstOrThrow();
    const narrowed = await previewCampaign(t.db, admin, source.id, { states: ['confirmed'], standTypeIds: [infotisch.id], areaIds: [] }, texts);
    expect(narrowed.choices.map((c) => c.organisation)).toEqual(['MIA-DO – Migrations- und Integrationsagentur']);
  });

  it('sends one outbox row per recipient in their language, once, and keeps the campaign', async () => {
    const source = await edition('dortbund-2027');
    const sent = await sendCampaign(t.db, admin, source.id, { states: ['confirmed'], standTypeIds: [], areaIds: [] }, texts, 'http://festplatz.test');
    expect(sent.count).toBe(2);
    const rows = await t.db.selectFrom('outbox').selectAll().where('template', '=', 'campaign').orderBy('to_address').execute();
    expect(rows.map((r) => [r.to_address, r.locale, r.dedupe_key])).toEqual([
      ['kontakt@abrahamsreligionen.example', 'ar', `campaign:${sent.campaignId}:${(await personId('kontakt@abrahamsreligionen.example'))}`],
      ['kontakt@mia-do.example', 'de', `campaign:${sent.campaignId}:${(await personId('kontakt@mia-do.example'))}`],
    ]);
    const token = (await t.db.selectFrom('mail_preferences').select('token').where('person_id', '=', await personId('kontakt@mia-do.example')).executeTakeFirstOrThrow()).token;
    expect(renderEmail('campaign', JSON.parse(rows[1]!.payload), 'de').text).toBe(
      'Bitte kommen Sie um 7:30 Uhr.\n\nDanke!\n\n--\n\nSie erhalten diese Nachricht als Kontakt einer Organisation, die sich für Dortbund! Eine Stadt. Viele Gesichter 2027 angemeldet hat.' +
        `\n\nKeine Rundschreiben und Einladungen mehr: http://festplatz.test/mail/circulars/${token}`,
    );
    const campaign = await t.db.selectFrom('mail_campaigns').selectAll().where('id', '=', sent.campaignId).executeTakeFirstOrThrow();
    expect(campaign.recipient_count).toBe(2);
    expect(JSON.parse(campaign.subject)).toEqual(texts.subject);
  });

  it('needs German and somebody to send to; a series team cannot mail another series', async () => {
    const source = await edition('dortbund-2027');
    await expect(sendCampaign(t.db, admin, source.id, { states: [], standTypeIds: [], areaIds: [] }, { subject: { ar: 'x' }, body: {} }, 'http://festplatz.test')).rejects.toMatchObject({
      messageKey: 'admin:mail.errors.germanRequired',
      fieldErrors: { subject_de: 'forms:errors.required', body_de: 'forms:errors.required' },
    });
    const djelem = await edition('djelem-djelem-2027');
    await expect(sendCampaign(t.db, team, djelem.id, { states: ['confirmed'], standTypeIds: [], areaIds: [] }, texts, 'http://festplatz.test')).rejects.toMatchObject({
      messageKey: 'admin:mail.errors.noRecipients',
    });
    await expect(sendCampaign(t.db, team, source.id, { states: [], standTypeIds: [], areaIds: [] }, texts, 'http://festplatz.test')).rejects.toMatchObject({ name: 'ForbiddenError' });
    await expect(previewCampaign(t.db, team, source.id, { states: [], standTypeIds: [], areaIds: [] }, texts)).rejects.toMatchObject({ name: 'ForbiddenError' });
  });
});

async function personId(email: string) {
  return (await t.db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}

describe('CSV exports', () => {
  it('quotes by RFC 4180, starts with a byte order mark, ends lines with CRLF and defuses formulas', () => {
    expect(toCsv([['a', 'b'], ['Chor "Vielfalt", Dortmund', 'zwei\nZeilen'], ['=SUM(1)', 3], [null, 'ü']])).toBe(
      '\uFEFFa,b\r\n"Chor ""Vielfalt"", Dortmund","zwei\nZeilen"\r\n\'=SUM(1),3\r\n,ü\r\n',
    );
  });

  it('exports an edition’s applications with every column of needs and logs it', async () => {
    const source = await edition('dortbund-2027');
    await t.db.updateTable('organisations').set({ name: 'Train of Hope e.V., Dortmund' }).where('slug', '=', 'train-of-hope').execute();
    const file = await exportEdition(t.db, admin, source.id, 'applications', 'de');
    expect(file.filename).toBe('dortbund-2027-applications.csv');
    expect(file.rows).toBe(10);
    const lines = file.csv.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFNr.,Organisation,Stand,Standtyp,Breite (m),Tiefe (m),Strom (W),Wasser,Tische,Bänke,Eigener Pavillon,Zufahrt,Aktivitäten,Bühnenbeitrag,Bühnenbeitrag (Minuten),Technik für die Bühne,Barrierefreiheit,Öffentlich nennen,Eingereicht am,Geändert am',
    );
    const train = lines.find((l) => l.includes('Train of Hope'))!;
    expect(train).toMatch(/^\d+,"Train of Hope e\.V\., Dortmund",Entwurf,Pavillon 3 × 3 m \(gestellt\),3,3,1000,ja,1,0,nein,ja,"Infostand, Gespräche und Mitmachaktion von Train of Hope e\.V\.\.",,,,Stand ebenerdig erreichbar\.,ja,,\d{4}-\d\d-\d\d \d\d:\d\d$/);
    const audit = await listAudit(t.db, { action: 'export.applications' });
    expect(audit.rows[0]).toMatchObject({ actor_person_id: admin.id, subject_id: String(source.id) });
    expect(JSON.parse(audit.rows[0]!.details)).toEqual({ edition: 'dortbund-2027', rows: 10 });
  });

  it('exports the contacts of an edition for its series team only', async () => {
    const djelem = await edition('djelem-djelem-2027');
    const file = await exportEdition(t.db, team, djelem.id, 'contacts', 'en');
    const lines = file.csv.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('\uFEFFOrganisation,Legal form,Website,Contact person,Email,Language,Role,State,Stand type');
    expect(lines).toHaveLength(7);
    expect(lines).toContain('Africa Positive e.V.,e.V.,https://africa-positive.example,Kontakt Africa Positive e.V.,kontakt@africa-positive.example,de,Main contact,Submitted,Information table in the foyer');
    const dortbund = await edition('dortbund-2027');
    await expect(exportEdition(t.db, team, dortbund.id, 'contacts', 'en')).rejects.toMatchObject({ name: 'ForbiddenError' });
  });
});

describe('the dashboard', () => {
  it('counts applications by state and stand type, capacity used and what waits for a decision', async () => {
    const d = await editionDashboard(t.db, admin, 'dortbund-2027');
    expect(d.totals).toEqual({ draft: 1, submitted: 2, approved: 1, waitlisted: 1, rejected: 1, confirmed: 2, withdrawn: 1, cancelled: 1 });
    expect(d.needsDecision).toEqual({ submitted: 2, waitlisted: 1 });
    expect(d.byStandType.map((s) => [s.slug, s.capacity, s.occupied, s.free])).toEqual([
      ['pavillon-3x3', 4, 2, 2],
      ['infotisch', 3, 1, 2],
      ['eigener-pavillon', 2, 0, 2],
    ]);
    expect(d.previousSlug).toBe('dortbund-2026');
    // fees come from the payments domain: the approved 50 € gazebo of the demo is still owed
    expect(d.fees).toEqual({ count: 1, totalCents: 5000 });
    // the schedule editor's detector: the demo program of dortbund-2027 has no conflicts
    expect(d.conflicts).toEqual([]);
    await expect(editionDashboard(t.db, team, 'dortbund-2027')).rejects.toMatchObject({ name: 'ForbiddenError' });
  });

  it('shows fees and schedule conflicts once their providers are plugged in', async () => {
    const { feesOutstanding, scheduleConflicts } = officeProviders;
    officeProviders.feesOutstanding = async () => ({ count: 3, totalCents: 15_000 });
    officeProviders.scheduleConflicts = async () => [{ label: 'Hauptbühne: two items at 12:00' }];
    try {
      const d = await editionDashboard(t.db, team, 'djelem-djelem-2027');
      expect(d.fees).toEqual({ count: 3, totalCents: 15_000 });
      expect(d.conflicts).toEqual([{ label: 'Hauptbühne: two items at 12:00' }]);
    } finally {
      officeProviders.feesOutstanding = feesOutstanding;
      officeProviders.scheduleConflicts = scheduleConflicts;
    }
  });
});

describe('the audit log', () => {
  it('filters by actor, action and time, newest first, in pages', async () => {
    const all = await listAudit(t.db, {});
    expect(all.total).toBeGreaterThanOrEqual(6);
    const byTeam = await listAudit(t.db, { actorId: team.id });
    expect(byTeam.rows.map((r) => r.action)).toEqual(['export.contacts', 'edition.cloned']);
    expect(byTeam.rows[0]!.actor_email).toBe('team-djelem@festplatz.localhost');
    expect((await listAudit(t.db, { from: '2099-01-01T00:00:00.000Z' })).total).toBe(0);
    expect((await listAudit(t.db, { to: '2000-01-01T00:00:00.000Z' })).total).toBe(0);
    expect((await listAudit(t.db, { page: 2 })).rows).toEqual([]);
  });
});
