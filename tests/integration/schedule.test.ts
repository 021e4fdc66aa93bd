import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../../db/connection';
import { createItem, getScheduleBoard, moveItem, resizeItem, scheduleConflicts, setItemStatus, updateItem } from '../../app/domain/schedule/editor.server';
import { listReleases, publishSchedule, ScheduleConflictsError } from '../../app/domain/schedule/publish.server';
import { ConflictError } from '../../app/domain/errors';
import { announcedChange } from '../../app/domain/schedule/changes';
import { renderEmail } from '../../emails/index';
import type { ItemForm } from '../../app/domain/schedule/item.schema';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase({ seed: true });
});
afterEach(() => t.close());

async function edition(db: DB, slug: string) {
  return db.selectFrom('editions').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
}
async function stage(db: DB, editionId: number, slug: string) {
  return db.selectFrom('stages').selectAll().where('edition_id', '=', editionId).where('slug', '=', slug).executeTakeFirstOrThrow();
}
async function org(db: DB, slug: string) {
  return db.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
}
async function published(db: DB, uid: string) {
  return db.selectFrom('program_items').selectAll().where('uid', '=', uid).executeTakeFirstOrThrow();
}
const conflictSummary = async (db: DB, editionId: number) =>
  (await scheduleConflicts(db, editionId)).map((c) => ({ kind: c.kind, severity: c.severity, uids: c.uids }));

function form(overrides: Partial<ItemForm> & Pick<ItemForm, 'stage_id' | 'day' | 'start' | 'end'>): ItemForm {
  return {
    title_de: 'Neuer Programmpunkt',
    title_en: 'New item',
    description_de: '',
    description_en: '',
    category: 'talk',
    languages: ['de'],
    accessibility: ['wheelchair'],
    host_organisation_id: null,
    registration_id: null,
    repeat: 'none',
    repeat_until: '',
    ...overrides,
  };
}

// Dortbund! 2027 is on Saturday 2027-09-11 and Sunday 2027-09-12 (CEST, UTC+2); the stages
// are open 10:00–19:00 with a 15-minute changeover. On the main stage on Saturday:
// -02 "Trommelgruppe" 12:00–13:00, -03 "Halay und Folklore" (VMDO) 13:30–14:15.
describe('conflict rules', () => {
  it('finds none in the demo schedules', async () => {
    for (const slug of ['dortbund-2026', 'dortbund-2027', 'djelem-djelem-2026', 'djelem-djelem-2027']) {
      const e = await edition(t.db, slug);
      expect(await conflictSummary(t.db, e.id), slug).toEqual([]);
    }
  });

  it('two items on one stage overlap when the changeover gap is not kept', async () => {
    const e = await edition(t.db, 'dortbund-2027');
    const main = await stage(t.db, e.id, 'hauptbuehne');
    // 12:30–13:30 ends right when Halay starts: no time to change over
    await moveItem(t.db, e.id, 'dortbund-2027-02', { stage_id: main.id, day: '2027-09-11', start: '12:30' });
    expect(await conflictSummary(t.db, e.id)).toEqual([{ kind: 'stage_overlap', severity: 'hard', uids: ['dortbund-2027-02', 'dortbund-2027-03'] }]);
    // ending at 13:15 leaves exactly the 15 minutes
    await resizeItem(t.db, e.id, 'dortbund-2027-02', '13:15');
    expect(await conflictSummary(t.db, e.id)).toEqual([]);
    // a longer changeover on the stage brings the conflict back
    await t.db.updateTable('stages').set({ changeover_minutes: 20 }).where('id', '=', main.id).execute();
    const [conflict] = await scheduleConflicts(t.db, e.id);
    expect(conflict).toEqual({ kind: 'stage_overlap', severity: 'hard', uids: ['dortbund-2027-02', 'dortbund-2027-03'], stageId: main.id, changeoverMinutes: 20 });
    // a cancelled item is in nobody's way
    await setItemStatus(t.db, e.id, 'dortbund-2027-03', 'cancelled');
    expect(await conflictSummary(t.db, e.id)).toEqual([]);
  });

  it('one host organisation on two stages at once is a warning', async () => {
    const e = await edition(t.db, 'dortbund-2027');
    const standzone = await stage(t.db, e.id, 'standzone');
    const vmdo = await org(t.db, 'vmdo');
    const [uid] = await createItem(t.db, e.id, form({ stage_id: standzone.id, day: '2027-09-11', start: '14:00', end: '14:45', host_organisation_id: vmdo.id }));
    expect(await conflictSummary(t.db, e.id)).toEqual([{ kind: 'host_double_booked', severity: 'warning', uids: ['dortbund-2027-03', uid] }]);
  });

  it('an item outside its stage’s opening hours, or on a day the stage is closed', async () => {
    const e = await edition(t.db, 'dortbund-2027');
    const main = await stage(t.db, e.id, 'hauptbuehne');
    await moveItem(t.db, e.id, 'dortbund-2027-02', { stage_id: main.id, day: '2027-09-11', start: '18:30' });
    expect(await conflictSummary(t.db, e.id)).toEqual([{ kind: 'outside_opening_hours', severity: 'hard', uids: ['dortbund-2027-02'] }]);
    await moveItem(t.db, e.id, 'dortbund-2027-02', { stage_id: main.id, day: '2027-09-11', start: '09:30' });
    expect(await conflictSummary(t.db, e.id)).toEqual([{ kind: 'outside_opening_hours', severity: 'hard', uids: ['dortbund-2027-02'] }]);
    await t.db.deleteFrom('opening_hours').where('stage_id', '=', main.id).where('day', '=', '2027-09-12').execute();
    await moveItem(t.db, e.id, 'dortbund-2027-02', { stage_id: main.id, day: '2027-09-12', start: '16:30' });
    const sunday = await conflictSummary(t.db, e.id);
    expect(sunday).toContainEqual({ kind: 'stage_closed', severity: 'hard', uids: ['dortbund-2027-02'] });
  });

  it('an item outside the edition’s dates', async () => {
    const e = await edition(t.db, 'dortbund-2027');
    const main = await stage(t.db, e.id, 'hauptbuehne');
    await moveItem(t.db, e.id, 'dortbund-2027-02', { stage_id: main.id, day: '2027-09-13', start: '12:00' });
    expect(await conflictSummary(t.db, e.id)).toEqual([
      { kind: 'outside_edition', severity: 'hard', uids: ['dortbund-2027-02'] },
      { kind: 'stage_closed', severity: 'hard', uids: ['dortbund-2027-02'] },
    ]);
    // the grid gets a table for that day, so the item can be found and moved back
    expect((await getScheduleBoard(t.db, 'dortbund-2027')).days).toEqual(['2027-09-11', '2027-09-12', '2027-09-13']);
    // Djelem Djelem's Balkan night starts on Saturday and ends on Sunday at 02:00: inside
    const d = await edition(t.db, 'djelem-djelem-2027');
    expect(await conflictSummary(t.db, d.id)).toEqual([]);
  });

  it('a stage act whose application is not approved (warning) or was refused (hard)', async () => {
    const e = await edition(t.db, 'dortbund-2027');
    const dialog = await stage(t.db, e.id, 'dialogbuehne');
    const application = await t.db
      .selectFrom('registrations')
      .innerJoin('organisations', 'organisations.id', 'registrations.organisation_id')
      .select(['registrations.id', 'registrations.state'])
      .where('registrations.edition_id', '=', e.id)
      .where('organisations.slug', '=', 'projekt-ankommen')
      .executeTakeFirstOrThrow();
    expect(application.state).toBe('submitted');
    const [uid] = await createItem(
      t.db,
      e.id,
      form({ stage_id: dialog.id, day: '2027-09-12', start: '16:00', end: '16:20', title_de: 'Kurzer Auftritt unserer Gruppe', registration_id: application.id }),
    );
    expect(await conflictSummary(t.db, e.id)).toEqual([{ kind: 'stage_act_not_approved', severity: 'warning', uids: [uid] }]);
    await t.db.updateTable('registrations').set({ state: 'rejected' }).where('id', '=', application.id).execute();
    expect(await conflictSummary(t.db, e.id)).toEqual([{ kind: 'stage_act_refused', severity: 'hard', uids: [uid] }]);
    await t.db.updateTable('registrations').set({ state: 'approved' }).where('id', '=', application.id).execute();
    expect(await conflictSummary(t.db, e.id)).toEqual([]);
  });
});

describe('publishing', () => {
  it('is refused while hard conflicts stand, with the list; warnings do not block', async () => {
    const e = await edition(t.db, 'dortbund-2027');
    const main = await stage(t.db, e.id, 'hauptbuehne');
    await moveItem(t.db, e.id, 'dortbund-2027-02', { stage_id: main.id, day: '2027-09-11', start: '12:30' });
    const error = await publishSchedule(t.db, e.id, null).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ScheduleConflictsError);
    expect((error as ScheduleConflictsError).conflicts.map((c) => [c.kind, c.uids])).toEqual([['stage_overlap', ['dortbund-2027-02', 'dortbund-2027-03']]]);
    // nothing was published
    expect((await published(t.db, 'dortbund-2027-02')).starts_at).toBe('2027-09-11T10:00:00.000Z');
    expect(await t.db.selectFrom('schedule_releases').select('version').where('edition_id', '=', e.id).execute()).toEqual([{ version: 1 }, { version: 2 }]);
  });

  it('makes numbered releases with what changed, raising each changed item’s sequence once', async () => {
    const e = await edition(t.db, 'dortbund-2027');
    const main = await stage(t.db, e.id, 'hauptbuehne');
    const dialog = await stage(t.db, e.id, 'dialogbuehne');
    const organiser = await t.db.selectFrom('people').select('id').where('email', '=', 'orga@festplatz.localhost').executeTakeFirstOrThrow();
    expect((await published(t.db, 'dortbund-2027-02')).sequence).toBe(0);

    // Nothing changed yet: nothing to publish.
    await expect(publishSchedule(t.db, e.id, organiser.id)).rejects.toThrow(ConflictError);

    // Release 3: one item moved twice and resized, one cancelled, one added, one retitled.
    await moveItem(t.db, e.id, 'dortbund-2027-02', { stage_id: main.id, day: '2027-09-11', start: '12:15' });
    await moveItem(t.db, e.id, 'dortbund-2027-02', { stage_id: main.id, day: '2027-09-11', start: '12:05' });
    await resizeItem(t.db, e.id, 'dortbund-2027-02', '13:10');
    await setItemStatus(t.db, e.id, 'dortbund-2027-05', 'cancelled');
    const added = (await createItem(t.db, e.id, form({ stage_id: dialog.id, day: '2027-09-12', start: '16:00', end: '17:00', title_de: 'Offenes Mikrofon', title_en: 'Open mic' })))[0]!;
    const board = await getScheduleBoard(t.db, 'dortbund-2027');
    const halay = board.items.find((i) => i.uid === 'dortbund-2027-03')!;
    await updateItem(t.db, e.id, halay.uid, {
      ...form({ stage_id: main.id, day: '2027-09-11', start: '13:30', end: '14:15' }),
      title_de: 'Halay und Folklore aus Anatolien',
      title_en: 'Halay and folk dance',
      description_de: 'Tanzgruppen aus den Mitgliedsvereinen des VMDO.',
      description_en: 'Dance groups from the member associations of VMDO.',
      category: 'dance',
      languages: ['de', 'tr'],
      accessibility: ['wheelchair'],
      host_organisation_id: halay.host_organisation_id,
    });
    expect((await getScheduleBoard(t.db, 'dortbund-2027')).pending.map((c) => [c.uid, c.change])).toEqual([
      ['dortbund-2027-05', 'cancelled'],
      ['dortbund-2027-02', 'moved'],
      ['dortbund-2027-03', 'changed'],
      [added, 'added'],
    ]);
    // the public still sees the published state until then
    expect((await published(t.db, 'dortbund-2027-02')).starts_at).toBe('2027-09-11T10:00:00.000Z');

    const first = await publishSchedule(t.db, e.id, organiser.id, { now: new Date('2027-08-01T08:00:00.000Z') });
    expect(first.version).toBe(3);
    expect(first.changes).toEqual([
      {
        uid: 'dortbund-2027-05',
        change: 'cancelled',
        title: JSON.stringify({ de: 'Ehrenamt in der Integrationsarbeit', en: 'Volunteering in integration work' }),
        stage_id: dialog.id,
        starts_at: '2027-09-11T10:00:00.000Z',
        ends_at: '2027-09-11T11:00:00.000Z',
      },
      {
        uid: 'dortbund-2027-02',
        change: 'moved',
        title: JSON.stringify({ de: 'Trommelgruppe Africa Positive', en: 'Africa Positive drum group' }),
        stage_id: main.id,
        starts_at: '2027-09-11T10:05:00.000Z',
        ends_at: '2027-09-11T11:10:00.000Z',
        previous: { stage_id: main.id, starts_at: '2027-09-11T10:00:00.000Z', ends_at: '2027-09-11T11:00:00.000Z' },
      },
      {
        uid: 'dortbund-2027-03',
        change: 'changed',
        title: JSON.stringify({ de: 'Halay und Folklore aus Anatolien', en: 'Halay and folk dance' }),
        stage_id: main.id,
        starts_at: '2027-09-11T11:30:00.000Z',
        ends_at: '2027-09-11T12:15:00.000Z',
      },
      {
        uid: added,
        change: 'added',
        title: JSON.stringify({ de: 'Offenes Mikrofon', en: 'Open mic' }),
        stage_id: dialog.id,
        starts_at: '2027-09-12T14:00:00.000Z',
        ends_at: '2027-09-12T15:00:00.000Z',
      },
    ]);
    const seq = async () =>
      Object.fromEntries(
        (await t.db.selectFrom('program_items').select(['uid', 'sequence', 'status']).where('uid', 'in', ['dortbund-2027-02', 'dortbund-2027-03', 'dortbund-2027-05', 'dortbund-2027-06', added]).execute()).map(
          (r) => [r.uid, `${r.sequence} ${r.status}`],
        ),
      );
    expect(await seq()).toEqual({
      'dortbund-2027-02': '1 scheduled',
      'dortbund-2027-03': '1 scheduled',
      'dortbund-2027-05': '1 cancelled',
      'dortbund-2027-06': '0 scheduled',
      [added]: '0 scheduled',
    });
    expect((await published(t.db, 'dortbund-2027-02')).starts_at).toBe('2027-09-11T10:05:00.000Z');

    // Release 4: the cancelled item comes back, the new one moves to the main stage.
    await setItemStatus(t.db, e.id, 'dortbund-2027-05', 'scheduled');
    await moveItem(t.db, e.id, added, { stage_id: main.id, day: '2027-09-12', start: '17:00' });
    const second = await publishSchedule(t.db, e.id, organiser.id, { now: new Date('2027-08-15T08:00:00.000Z') });
    expect(second.version).toBe(4);
    expect(second.changes.map((c) => [c.uid, c.change, c.previous ?? null])).toEqual([
      ['dortbund-2027-05', 'restored', null],
      [added, 'moved', { stage_id: dialog.id, starts_at: '2027-09-12T14:00:00.000Z', ends_at: '2027-09-12T15:00:00.000Z' }],
    ]);
    expect(await seq()).toEqual({
      'dortbund-2027-02': '1 scheduled',
      'dortbund-2027-03': '1 scheduled',
      'dortbund-2027-05': '2 scheduled',
      'dortbund-2027-06': '0 scheduled',
      [added]: '1 scheduled',
    });
    // uids never change
    expect((await t.db.selectFrom('program_items').select('uid').where('edition_id', '=', e.id).execute()).length).toBe(15);

    const changelog = await listReleases(t.db, 'dortbund-2027');
    expect(changelog.releases.map((r) => [r.version, r.published_at, r.changes.length])).toEqual([
      [4, '2027-08-15T08:00:00.000Z', 2],
      [3, '2027-08-01T08:00:00.000Z', 4],
      [2, '2026-11-17T23:00:00.000Z', 1],
      [1, '2026-11-03T23:00:00.000Z', 14],
    ]);
    // the seeded releases list only uids; the changelog fills in the titles
    expect(JSON.parse(changelog.releases[2]!.changes[0]!.title).de).toBe('Abschlusskonzert');
  });

  it('queues an update mail for every confirmed subscriber of the series, in the same transaction', async () => {
    const e = await edition(t.db, 'dortbund-2027');
    const main = await stage(t.db, e.id, 'hauptbuehne');
    await t.db
      .insertInto('series_subscriptions')
      .values([
        { series_id: e.series_id, email: 'anwohnerin@example.org', locale: 'tr', token: 'tok-confirmed', status: 'confirmed', consent_version: '1', consent_text: 'ok', confirmed_at: '2026-11-20T10:00:00.000Z' },
        { series_id: e.series_id, email: 'noch-nicht@example.org', locale: 'de', token: 'tok-pending', status: 'pending', consent_version: '1', consent_text: 'ok' },
      ])
      .execute();
    await moveItem(t.db, e.id, 'dortbund-2027-02', { stage_id: main.id, day: '2027-09-11', start: '12:05' });
    const release = await publishSchedule(t.db, e.id, null, { publicUrl: 'https://feste.example' });
    expect(release.notified).toBe(1);
    const mails = await t.db.selectFrom('outbox').select(['to_address', 'locale', 'template', 'payload']).where('template', '=', 'program-update').execute();
    expect(mails.map((m) => [m.to_address, m.locale])).toEqual([['anwohnerin@example.org', 'tr']]);
    const payload = JSON.parse(mails[0]!.payload);
    expect(payload.changes).toEqual([
      { change: 'moved', title: JSON.stringify({ de: 'Trommelgruppe Africa Positive', en: 'Africa Positive drum group' }), starts_at: '2027-09-11T10:05:00.000Z', url: 'https://feste.example/program/dortbund-2027-02' },
    ]);
  });

  it('announces a changed end time as longer or shorter, not as moved, in the changelog and the mail', async () => {
    const e = await edition(t.db, 'dortbund-2027');
    await t.db
      .insertInto('series_subscriptions')
      .values({ series_id: e.series_id, email: 'anwohnerin@example.org', locale: 'de', token: 'tok-confirmed', status: 'confirmed', consent_version: '1', consent_text: 'ok', confirmed_at: '2026-11-20T10:00:00.000Z' })
      .execute();
    await resizeItem(t.db, e.id, 'dortbund-2027-02', '13:10');
    const release = await publishSchedule(t.db, e.id, null, { publicUrl: 'https://feste.example' });
    expect(announcedChange(release.changes[0]!)).toBe('longer');
    const mail = await t.db.selectFrom('outbox').select(['template', 'payload', 'locale']).where('template', '=', 'program-update').executeTakeFirstOrThrow();
    expect(JSON.parse(mail.payload).changes.map((c: { change: string }) => c.change)).toEqual(['longer']);
    expect(renderEmail(mail.template, JSON.parse(mail.payload), 'de').text).toContain('Länger: Trommelgruppe Africa Positive');
    expect(renderEmail(mail.template, JSON.parse(mail.payload), 'en').text).toContain('Longer: Africa Positive drum group');

    await resizeItem(t.db, e.id, 'dortbund-2027-02', '12:40');
    const second = await publishSchedule(t.db, e.id, null, { publicUrl: 'https://feste.example' });
    expect(second.changes.map((c) => announcedChange(c))).toEqual(['shorter']);
  });

  it('expands a daily workshop across the October switch, one published item per occurrence', async () => {
    const e = await edition(t.db, 'djelem-djelem-2027');
    const cinema = await stage(t.db, e.id, 'kino-im-u');
    const uids = await createItem(
      t.db,
      e.id,
      form({ stage_id: cinema.id, day: '2027-10-28', start: '16:30', end: '17:30', title_de: 'Filmwerkstatt', title_en: 'Film workshop', category: 'workshop', repeat: 'daily', repeat_until: '2027-10-31' }),
    );
    expect(uids).toHaveLength(4);
    expect(await conflictSummary(t.db, e.id)).toEqual([]);
    await publishSchedule(t.db, e.id, null);
    const rows = await t.db
      .selectFrom('program_items')
      .select(['uid', 'series_uid', 'starts_at', 'ends_at', 'recurrence_rule', 'sequence'])
      .where('uid', 'in', uids)
      .orderBy('starts_at')
      .execute();
    const series = rows[0]!.series_uid!;
    expect(rows).toEqual([
      { uid: `${series}-20271028`, series_uid: series, starts_at: '2027-10-28T14:30:00.000Z', ends_at: '2027-10-28T15:30:00.000Z', recurrence_rule: null, sequence: 0 },
      { uid: `${series}-20271029`, series_uid: series, starts_at: '2027-10-29T14:30:00.000Z', ends_at: '2027-10-29T15:30:00.000Z', recurrence_rule: null, sequence: 0 },
      { uid: `${series}-20271030`, series_uid: series, starts_at: '2027-10-30T14:30:00.000Z', ends_at: '2027-10-30T15:30:00.000Z', recurrence_rule: null, sequence: 0 },
      // 16:30 CET on Sunday
      { uid: `${series}-20271031`, series_uid: series, starts_at: '2027-10-31T15:30:00.000Z', ends_at: '2027-10-31T16:30:00.000Z', recurrence_rule: null, sequence: 0 },
    ]);
  });
});
