/**
 * Issue 15, the festival day, on a real SQLite database: stand passes, check-in (duplicate
 * scans, forged and foreign codes, undo, scans kept offline and sent later), the arrivals
 * board, now and next, and a day change published through the one publish path.
 */
import path from 'node:path';
import SQLite from 'better-sqlite3';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderEmail } from '../../emails/index';
import { arrivalBoard, checkInStand, undoCheckIn } from '../../app/domain/festival-day/check-in.server';
import { applyDayChange, previewDayChange } from '../../app/domain/festival-day/day-change.server';
import { stageNowAndNext } from '../../app/domain/festival-day/now-next.server';
import { formatPassCode, normalisePassCode, PASS_ALPHABET } from '../../app/domain/festival-day/pass-code';
import { grantWaiver } from '../../app/domain/payments/waivers.server';
import { ConflictError, ValidationError } from '../../app/domain/errors';
import { getLogistics, logisticsCsv } from '../../app/domain/siteplan/logistics.server';
import { translator } from '../../app/lib/i18n';
import { assignPitch, unassignPitch } from '../../app/domain/siteplan/pitches.server';
import { standPassOf } from '../../app/domain/festival-day/passes.server';
import { decideRegistration } from '../../app/domain/registrations/review.server';
import { signIn } from '../helpers/auth';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { shownHtml } from '../helpers/html';
import { startServer, type RunningServer } from '../helpers/server';

let t: TestDatabase;
let organiserId: number;
const editionId = async (slug: string) => (await t.db.selectFrom('editions').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
const passOf = async (organisation: string, edition: string) =>
  t.db
    .selectFrom('stand_passes')
    .innerJoin('registrations', 'registrations.id', 'stand_passes.registration_id')
    .innerJoin('organisations', 'organisations.id', 'registrations.organisation_id')
    .innerJoin('editions', 'editions.id', 'registrations.edition_id')
    .select(['stand_passes.code', 'registrations.id as registration_id'])
    .where('organisations.slug', '=', organisation)
    .where('editions.slug', '=', edition)
    .executeTakeFirstOrThrow();
const checkIns = async () => t.db.selectFrom('stand_check_ins').selectAll().orderBy('id').execute();

beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
  organiserId = (await t.db.selectFrom('people').select('id').where('email', '=', 'orga@festplatz.localhost').executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

describe('stand passes', () => {
  it('every confirmed stand has one random code of the look-alike-free alphabet; no other stand has one', async () => {
    const rows = await t.db
      .selectFrom('registrations')
      .leftJoin('stand_passes', 'stand_passes.registration_id', 'registrations.id')
      .select(['registrations.state', 'stand_passes.code'])
      .execute();
    const confirmed = rows.filter((r) => r.state === 'confirmed');
    expect(confirmed.length).toBeGreaterThan(3);
    for (const r of confirmed) {
      expect(r.code).toMatch(new RegExp(`^[${PASS_ALPHABET}]{7}$`));
      expect(normalisePassCode(formatPassCode(r.code!).toLowerCase())).toBe(r.code);
    }
    expect(rows.filter((r) => r.state !== 'confirmed' && r.code)).toEqual([]);
    expect(new Set(confirmed.map((r) => r.code)).size).toBe(confirmed.length);
  });

  it('a stand confirmed by a waiver gets its pass in that transaction, and the waiver mail carries it with the QR code attached', async () => {
    // VMDO's approved Dortbund! 2027 stand has a fee; its waiver request is granted
    const reg = await t.db
      .selectFrom('registrations')
      .innerJoin('organisations', 'organisations.id', 'registrations.organisation_id')
      .innerJoin('editions', 'editions.id', 'registrations.edition_id')
      .select(['registrations.id', 'registrations.state'])
      .where('organisations.slug', '=', 'vmdo')
      .where('editions.slug', '=', 'dortbund-2027')
      .executeTakeFirstOrThrow();
    expect(reg.state).toBe('approved');
    await t.db.insertInto('waiver_requests').values({ registration_id: reg.id, state: 'requested', reason: 'gemeinnützig', requested_by: organiserId }).execute();
    const organiser = await t.db.selectFrom('people').selectAll().where('id', '=', organiserId).executeTakeFirstOrThrow();
    await grantWaiver(t.db, { registrationId: reg.id, organiser, reason: null, publicUrl: 'http://festplatz.test' });
    const pass = await passOf('vmdo', 'dortbund-2027');
    const row = await t.db.selectFrom('outbox').selectAll().where('template', '=', 'waiver-decided').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const mail = renderEmail(row.template, JSON.parse(row.payload), 'de');
    expect(mail.text).toContain(`Ihr Standausweis für den Festtag: ${formatPassCode(pass.code)}.`);
    expect(mail.text).toContain(`http://festplatz.test/account/applications/${reg.id}/pass`);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments![0]).toMatchObject({ filename: `stand-pass-${formatPassCode(pass.code)}.svg`, contentType: 'image/svg+xml' });
    expect(mail.attachments![0]!.content).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
  });

  it('a stand confirmed by hand in the review queue gets its pass by mail', async () => {
    const reg = await t.db
      .selectFrom('registrations')
      .innerJoin('editions', 'editions.id', 'registrations.edition_id')
      .innerJoin('organisations', 'organisations.id', 'registrations.organisation_id')
      .select(['registrations.id', 'organisations.name'])
      .where('editions.slug', '=', 'djelem-djelem-2027')
      .where('registrations.state', '=', 'approved')
      .executeTakeFirstOrThrow();
    await decideRegistration(t.db, { organiserId, editionSlug: 'djelem-djelem-2027', registrationId: reg.id, decision: 'confirm', publicUrl: 'http://festplatz.test' });
    const code = (await t.db.selectFrom('stand_passes').select('code').where('registration_id', '=', reg.id).executeTakeFirstOrThrow()).code;
    const row = await t.db.selectFrom('outbox').selectAll().where('template', '=', 'stand-confirmed').executeTakeFirstOrThrow();
    const mail = renderEmail(row.template, JSON.parse(row.payload), 'en');
    expect(mail.subject).toBe('Confirmed: your stand at Djelem Djelem 2027');
    expect(mail.text).toContain(`Your stand pass for the festival day: ${formatPassCode(code)}.`);
    expect(mail.attachments?.map((a) => a.contentType)).toEqual(['image/svg+xml']);
  });

  it('keeps the code when the stand moves to another pitch; the pass shows the new one', async () => {
    const e = await editionId('dortbund-2027');
    const before = await passOf('mia-do', 'dortbund-2027');
    const old = await t.db.selectFrom('pitches').select(['id', 'label']).where('registration_id', '=', before.registration_id).executeTakeFirstOrThrow();
    const free = await t.db.selectFrom('pitches').select(['id', 'label']).where('edition_id', '=', e).where('registration_id', 'is', null).where('width', '>=', 2).where('height', '>=', 1).orderBy('id').executeTakeFirstOrThrow();
    await unassignPitch(t.db, e, old.id);
    await assignPitch(t.db, e, free.id, before.registration_id);
    const after = await standPassOf(t.db, before.registration_id);
    expect(after).toMatchObject({ code: before.code, pitch: { label: free.label } });
    // and back, for the tests below
    await unassignPitch(t.db, e, free.id);
    await assignPitch(t.db, e, old.id, before.registration_id);
    expect((await standPassOf(t.db, before.registration_id))?.pitch?.label).toBe(old.label);
  });
});

describe('checking stands in', () => {
  it('records when and by whom; a second scan answers who was first instead of failing', async () => {
    const e = await editionId('dortbund-2027');
    const pass = await passOf('mia-do', 'dortbund-2027');
    const first = await checkInStand(t.db, { editionId: e, personId: organiserId, code: formatPassCode(pass.code).toLowerCase(), method: 'code', now: new Date('2027-09-25T07:42:00Z') });
    expect(first).toMatchObject({ status: 'checked-in', registrationId: pass.registration_id, organisation: 'MIA-DO – Migrations- und Integrationsagentur', at: '2027-09-25T07:42:00.000Z' });
    const again = await checkInStand(t.db, { editionId: e, personId: organiserId, code: `http://x/office/editions/dortbund-2027/check-in?code=${pass.code}`, method: 'scan', now: new Date('2027-09-25T08:00:00Z') });
    expect(again).toMatchObject({ status: 'already', at: '2027-09-25T07:42:00.000Z' });
    expect((again as { by: string }).by).not.toBe('');
    expect((await checkIns()).filter((c) => c.registration_id === pass.registration_id)).toHaveLength(1);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'stand.checked_in').execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses a forged code, a malformed one, another edition’s pass and a stand no longer confirmed, writing nothing', async () => {
    const e = await editionId('dortbund-2027');
    const before = await checkIns();
    const forged = 'ZZZ-ZZ-ZZ';
    await expect(checkInStand(t.db, { editionId: e, personId: organiserId, code: forged, method: 'code' })).rejects.toThrow(ValidationError);
    await expect(checkInStand(t.db, { editionId: e, personId: organiserId, code: forged, method: 'code' })).rejects.toThrow('festival-day:errors.unknownCode');
    await expect(checkInStand(t.db, { editionId: e, personId: organiserId, code: 'D27-F3', method: 'code' })).rejects.toThrow('festival-day:errors.codeFormat');
    // last year's Dortbund! stand of the same association
    const foreign = await passOf('train-of-hope', 'dortbund-2026');
    const refusal = await checkInStand(t.db, { editionId: e, personId: organiserId, code: foreign.code, method: 'scan' }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ConflictError);
    expect(refusal).toMatchObject({ messageKey: 'festival-day:errors.otherEdition', values: { edition: 'dortbund-2026' } });
    // a stand from the list must be of this edition
    await expect(checkInStand(t.db, { editionId: e, personId: organiserId, registrationId: foreign.registration_id, method: 'list' })).rejects.toThrow('festival-day:errors.unknownStand');
    // cancelled after confirmation: the pass no longer counts
    const cancelled = await passOf('abrahamsreligionen', 'dortbund-2027');
    await t.db.updateTable('registrations').set({ state: 'cancelled' }).where('id', '=', cancelled.registration_id).execute();
    await expect(checkInStand(t.db, { editionId: e, personId: organiserId, code: cancelled.code, method: 'code' })).rejects.toThrow('festival-day:errors.notConfirmed');
    await t.db.updateTable('registrations').set({ state: 'confirmed' }).where('id', '=', cancelled.registration_id).execute();
    expect(await checkIns()).toEqual(before);
  });

  it('undo keeps the row as undone, writes the audit log, and the stand can arrive again', async () => {
    const e = await editionId('dortbund-2027');
    const pass = await passOf('mia-do', 'dortbund-2027');
    await undoCheckIn(t.db, { editionId: e, personId: organiserId, registrationId: pass.registration_id, now: new Date('2027-09-25T08:05:00Z') });
    const rows = (await checkIns()).filter((c) => c.registration_id === pass.registration_id);
    expect(rows).toMatchObject([{ undone_at: '2027-09-25T08:05:00.000Z', undone_by: organiserId }]);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'stand.check_in_undone').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_person_id: organiserId, subject_type: 'registration', subject_id: String(pass.registration_id) });
    await expect(undoCheckIn(t.db, { editionId: e, personId: organiserId, registrationId: pass.registration_id })).rejects.toThrow('festival-day:errors.notCheckedIn');
    const again = await checkInStand(t.db, { editionId: e, personId: organiserId, registrationId: pass.registration_id, method: 'list', now: new Date('2027-09-25T08:10:00Z') });
    expect(again.status).toBe('checked-in');
    expect((await checkIns()).filter((c) => c.registration_id === pass.registration_id && c.undone_at === null)).toHaveLength(1);
  });

  it('a scan kept offline counts from when it was made; the same scan sent twice counts once', async () => {
    const e = await editionId('dortbund-2027');
    const pass = await passOf('vmdo', 'dortbund-2027');
    const now = new Date('2027-09-25T08:30:00Z');
    const queued = { editionId: e, personId: organiserId, code: pass.code, method: 'offline' as const, scannedAt: '2027-09-25T08:12:34.000Z', now };
    expect(await checkInStand(t.db, queued)).toMatchObject({ status: 'checked-in', at: '2027-09-25T08:12:34.000Z' });
    expect(await checkInStand(t.db, queued)).toMatchObject({ status: 'already', at: '2027-09-25T08:12:34.000Z' });
    // a time in the future or days ago is not believed: the server's clock counts
    const other = await passOf('abrahamsreligionen', 'dortbund-2027');
    expect(await checkInStand(t.db, { ...queued, code: other.code, scannedAt: '2027-09-26T00:00:00Z' })).toMatchObject({ at: '2027-09-25T08:30:00.000Z' });
    await undoCheckIn(t.db, { editionId: e, personId: organiserId, registrationId: other.registration_id });
  });

  it('counts arrived / expected per area; after the setup end it lists the missing stands with their contacts', async () => {
    const e = await editionId('dortbund-2027');
    const during = await arrivalBoard(t.db, e, { now: new Date('2027-01-01T00:00:00Z') });
    expect(during.total).toEqual({ expected: 3, arrived: 2 });
    expect(during.setupOver).toBe(false);
    expect(during.missing.map((m) => [m.organisation, m.contacts])).toEqual([['Arbeitskreis der Abrahamsreligionen', []]]);
    expect(during.areas.reduce((n, a) => n + a.arrived, 0)).toBe(2);
    const after = await arrivalBoard(t.db, e, { now: new Date(Date.parse(during.setup!.endsAt) + 60_000) });
    expect(after.setupOver).toBe(true);
    expect(after.missing).toMatchObject([{ organisation: 'Arbeitskreis der Abrahamsreligionen', contacts: [{ email: 'kontakt@abrahamsreligionen.example' }] }]);
    // the crew list's CSV has the arrival time in Berlin time, empty for a stand not arrived
    const csv = logisticsCsv(await getLogistics(t.db, e), 'de', translator('de')).split('\r\n');
    expect(csv[0]).toMatch(/,Ankunft$/);
    expect(csv.find((l) => l.includes('MIA-DO'))).toMatch(/,2027-09-25 10:10$/);
    expect(csv.find((l) => l.includes('Abrahamsreligionen'))).toMatch(/,$/);
  });
});

describe('now and next, and a change on the day', () => {
  const at = async (uid: string) => t.db.selectFrom('program_items').select(['starts_at', 'ends_at', 'sequence', 'status']).where('uid', '=', uid).executeTakeFirstOrThrow();

  it('shows the item on now and the next two; a delay is published alone, raises SEQUENCE and mails the host association', async () => {
    const e = await editionId('dortbund-2027');
    const drum = await at('dortbund-2027-02');
    const during = new Date(Date.parse(drum.starts_at) + 10 * 60_000);
    const before = await stageNowAndNext(t.db, 'dortbund-2027', 'hauptbuehne', during);
    expect(before.now?.uid).toBe('dortbund-2027-02');
    expect(before.next.map((i) => i.uid)).toEqual(['dortbund-2027-03', 'dortbund-2027-04']);

    // an unpublished edit elsewhere stays unpublished
    await t.db.updateTable('program_item_drafts').set({ category: 'film' }).where('uid', '=', 'dortbund-2027-05').execute();
    const preview = await previewDayChange(t.db, e, 'dortbund-2027-02', { kind: 'delay', minutes: 30 });
    expect(preview.conflicts.map((c) => [c.kind, c.uids])).toEqual([['stage_overlap', ['dortbund-2027-02', 'dortbund-2027-03']]]);
    expect((await previewDayChange(t.db, e, 'dortbund-2027-02', { kind: 'delay', minutes: 15 })).conflicts).toEqual([]);
    await expect(previewDayChange(t.db, e, 'dortbund-2027-02', { kind: 'delay', minutes: 0 })).rejects.toThrow('festival-day:errors.minutes');

    const releasesBefore = await t.db.selectFrom('schedule_releases').select('version').where('edition_id', '=', e).execute();
    const result = await applyDayChange(t.db, { editionId: e, uid: 'dortbund-2027-02', change: { kind: 'delay', minutes: 15 }, personId: organiserId, publicUrl: 'http://festplatz.test' });
    expect(result.version).toBe(releasesBefore.length + 1);
    expect(result.hostMailed).toBe(1);
    const after = await at('dortbund-2027-02');
    expect(after.starts_at).toBe(new Date(Date.parse(drum.starts_at) + 15 * 60_000).toISOString());
    expect(after.sequence).toBe(drum.sequence + 1);
    const release = await t.db.selectFrom('schedule_releases').selectAll().where('edition_id', '=', e).where('version', '=', result.version).executeTakeFirstOrThrow();
    expect(JSON.parse(release.changes)).toMatchObject([{ uid: 'dortbund-2027-02', change: 'moved', previous: { starts_at: drum.starts_at } }]);
    expect((await t.db.selectFrom('program_items').select('category').where('uid', '=', 'dortbund-2027-05').executeTakeFirstOrThrow()).category).toBe('talk');

    const mail = await t.db.selectFrom('outbox').selectAll().where('template', '=', 'day-change').executeTakeFirstOrThrow();
    expect(mail.to_address).toBe('kontakt@africa-positive.example');
    const rendered = renderEmail(mail.template, JSON.parse(mail.payload), 'de');
    expect(rendered.subject).toBe('Verspätung: „Trommelgruppe Africa Positive“ beginnt 15 Minuten später');
    expect(rendered.text).toContain('Neu: ');
    expect(rendered.text).toContain('12:15–13:15, Hauptbühne');

    const now = await stageNowAndNext(t.db, 'dortbund-2027', 'hauptbuehne', new Date(Date.parse(drum.starts_at) + 20 * 60_000));
    expect(now.now).toMatchObject({ uid: 'dortbund-2027-02', movedFrom: { starts_at: drum.starts_at, stage_name: null } });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'schedule.day_change').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details)).toEqual({ kind: 'delay', minutes: 15, release: result.version });
  });

  it('cancels in one release; a cancelled item is not delayed, nor cancelled twice', async () => {
    const e = await editionId('dortbund-2027');
    await applyDayChange(t.db, { editionId: e, uid: 'dortbund-2027-03', change: { kind: 'cancel' }, personId: organiserId, publicUrl: 'http://festplatz.test' });
    expect((await at('dortbund-2027-03')).status).toBe('cancelled');
    await expect(applyDayChange(t.db, { editionId: e, uid: 'dortbund-2027-03', change: { kind: 'cancel' }, personId: organiserId, publicUrl: 'http://x' })).rejects.toThrow('festival-day:errors.alreadyCancelled');
    await expect(previewDayChange(t.db, e, 'dortbund-2027-03', { kind: 'delay', minutes: 5 })).rejects.toThrow('festival-day:errors.cancelledItem');
    await expect(previewDayChange(t.db, e, 'no-such-item', { kind: 'cancel' })).rejects.toThrow('festival-day:errors.notPublished');
  });
});

describe('over HTTP', () => {
  let server: RunningServer;
  let cookie: string;
  let db: SQLite.Database;
  beforeAll(async () => {
    server = await startServer({ PUBLIC_URL: 'http://festplatz.test' });
    cookie = await signIn(server.url, path.join(server.dir, 'mail'), 'orga@festplatz.localhost');
    db = new SQLite(server.databasePath, { readonly: true });
  }, 60_000);
  afterAll(async () => {
    db?.close();
    await server?.stop();
  });
  const code = (organisation: string, edition: string) =>
    (
      db
        .prepare(
          `select p.code from stand_passes p join registrations r on r.id = p.registration_id join organisations o on o.id = r.organisation_id join editions e on e.id = r.edition_id where o.slug = ? and e.slug = ?`,
        )
        .get(organisation, edition) as { code: string }
    ).code;
  const scan = (body: Record<string, string>, headers: Record<string, string> = { Cookie: cookie }) =>
    fetch(`${server.url}/office/editions/dortbund-2027/check-in/scan`, { method: 'POST', headers: { ...headers, 'Accept-Language': 'de' }, body: new URLSearchParams(body), redirect: 'manual' });
  const count = () => (db.prepare(`select count(*) n from stand_check_ins`).get() as { n: number }).n;

  it('answers a scan, a duplicate scan, and replayed offline scans with sentences, counting each stand once', async () => {
    const mia = code('mia-do', 'dortbund-2027');
    const first = await scan({ code: mia, method: 'scan' });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ ok: true, status: 'checked-in', message: expect.stringMatching(/^Eingecheckt: MIA-DO – Migrations- und Integrationsagentur, Platz \d+, um \d\d:\d\d\.$/) });
    const again = await scan({ code: formatPassCode(mia), method: 'scan' });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ ok: true, status: 'already', message: expect.stringMatching(/^MIA-DO – Migrations- und Integrationsagentur ist schon eingecheckt, um \d\d:\d\d von .+\.$/) });
    // a phone that was offline sends its queue, twice (it did not see the first answer)
    const other = code('abrahamsreligionen', 'dortbund-2027');
    const scannedAt = new Date(Date.now() - 5 * 60_000).toISOString();
    for (const expected of ['checked-in', 'already']) {
      const replay = await scan({ code: other, method: 'offline', scannedAt });
      expect(replay.status).toBe(200);
      expect((await replay.json()).status).toBe(expected);
    }
    expect(db.prepare(`select method, checked_in_at from stand_check_ins where registration_id = (select registration_id from stand_passes where code = ?)`).all(other)).toEqual([{ method: 'offline', checked_in_at: scannedAt }]);
    expect(count()).toBe(2);
  });

  it('refuses forged and foreign codes with a translated 4xx, writing nothing; other people get no answer', async () => {
    const before = count();
    const forged = await scan({ code: 'ZZZ-ZZ-ZZ' });
    expect(forged.status).toBe(400);
    expect((await forged.json()).message).toBe('Diesen Code gibt es nicht. Bitte prüfen Sie die Zeichen oder wählen Sie den Stand aus der Liste.');
    const foreign = await scan({ code: code('train-of-hope', 'dortbund-2026') });
    expect(foreign.status).toBe(409);
    expect((await foreign.json()).message).toBe('Dieser Ausweis gehört zu einer anderen Ausgabe (dortbund-2026) und gilt hier nicht.');
    const english = await fetch(`${server.url}/office/editions/dortbund-2027/check-in/scan`, { method: 'POST', headers: { Cookie: cookie, 'Accept-Language': 'en' }, body: new URLSearchParams({ code: 'abc' }) });
    expect(english.status).toBe(400);
    expect((await english.json()).message).toBe('That is not a stand pass code: it has seven characters, e.g. D27-F3-7K.');
    // not signed in: off to the sign-in page, nothing checked in
    const visitor = await scan({ code: code('mia-do', 'dortbund-2027') }, {});
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get('location')).toMatch(/^\/login\?redirectTo=/);
    expect(count()).toBe(before);
  });

  it('the page without JavaScript: a typed forged code is refused next to the field; undo from the list', async () => {
    const post = (body: Record<string, string>) =>
      fetch(`${server.url}/office/editions/dortbund-2027/check-in`, { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) });
    const refused = await post({ intent: 'code', code: 'ZZZ-ZZ-ZZ' });
    expect(refused.status).toBe(400);
    const html = shownHtml(await refused.text());
    expect(html).toContain('Diesen Code gibt es nicht. Bitte prüfen Sie die Zeichen oder wählen Sie den Stand aus der Liste.');
    expect(html).toContain('value="ZZZ-ZZ-ZZ"');
    const id = String((db.prepare(`select registration_id id from stand_passes where code = ?`).get(code('mia-do', 'dortbund-2027')) as { id: number }).id);
    const undone = await post({ intent: 'undo', registrationId: id });
    expect(undone.status).toBe(200);
    expect(shownHtml(await undone.text())).toContain('Die Ankunft von MIA-DO – Migrations- und Integrationsagentur ist zurückgenommen.');
    const twice = await post({ intent: 'undo', registrationId: id });
    expect(twice.status).toBe(409);
    expect(shownHtml(await twice.text())).toContain('MIA-DO – Migrations- und Integrationsagentur ist nicht eingecheckt; es gibt nichts zurückzunehmen.');
    const page = shownHtml(await (await fetch(`${server.url}/office/editions/dortbund-2027/check-in?q=mia`, { headers: { Cookie: cookie } })).text());
    expect(page).toContain('Einchecken');
    expect(page).not.toContain('Arbeitskreis der Abrahamsreligionen</strong>');
  });

  it('shows the pass only to the confirmed stand’s own association', async () => {
    const regOf = (organisation: string) =>
      (db.prepare(`select r.id from registrations r join organisations o on o.id = r.organisation_id join editions e on e.id = r.edition_id where o.slug = ? and e.slug = 'dortbund-2027'`).get(organisation) as { id: number }).id;
    const member = await signIn(server.url, path.join(server.dir, 'mail'), 'kontakt@mia-do.example');
    const own = shownHtml(await (await fetch(`${server.url}/account/applications/${regOf('mia-do')}`, { headers: { Cookie: member } })).text());
    expect(own).toContain('Standausweis');
    expect(own).toContain(formatPassCode(code('mia-do', 'dortbund-2027')));
    const pass = await fetch(`${server.url}/account/applications/${regOf('mia-do')}/pass`, { headers: { Cookie: member } });
    expect(pass.status).toBe(200);
    expect(shownHtml(await pass.text())).toContain('src="data:image/svg+xml;base64,');
    // someone else's pass: not found, and the code is nowhere
    const foreign = await fetch(`${server.url}/account/applications/${regOf('abrahamsreligionen')}/pass`, { headers: { Cookie: member } });
    expect(foreign.status).toBe(404);
    expect(shownHtml(await foreign.text())).not.toContain(formatPassCode(code('abrahamsreligionen', 'dortbund-2027')));
    // a stand not confirmed (submitted) has no pass
    const waiting = await signIn(server.url, path.join(server.dir, 'mail'), 'kontakt@projekt-ankommen.example');
    const status = await fetch(`${server.url}/account/applications/${regOf('projekt-ankommen')}`, { headers: { Cookie: waiting } });
    expect(status.status).toBe(200);
    const page = shownHtml(await status.text());
    expect(page).toContain('Eingereicht');
    expect(page).not.toContain('Standausweis');
    expect((await fetch(`${server.url}/account/applications/${regOf('projekt-ankommen')}/pass`, { headers: { Cookie: waiting } })).status).toBe(404);
  });

  it('serves the now page (meta refresh, ?lang=) and printable signs; the camera is allowed on the check-in page only', async () => {
    const drum = db.prepare(`select starts_at from program_items where uid = 'dortbund-2027-02'`).get() as { starts_at: string };
    const during = new Date(Date.parse(drum.starts_at) + 10 * 60_000).toISOString();
    const now = await fetch(`${server.url}/editions/dortbund-2027/stages/hauptbuehne/now?lang=tr&at=${during}`);
    expect(now.status).toBe(200);
    const html = await now.text();
    expect(html).toContain('<meta http-equiv="refresh" content="60"/>');
    expect(shownHtml(html)).toContain('Trommelgruppe Africa Positive');
    expect(html).toContain('Şimdi');
    expect((await fetch(`${server.url}/editions/dortbund-2027/stages/no-such-stage/now`)).status).toBe(404);
    for (const url of ['/editions/dortbund-2027/stages/hauptbuehne/sign.svg?size=a3', '/editions/dortbund-2027/sign.svg']) {
      const sign = await fetch(`${server.url}${url}`);
      expect(sign.status).toBe(200);
      expect(sign.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
      const svg = await sign.text();
      expect(svg).toContain(url.includes('a3') ? 'width="297mm" height="420mm"' : 'width="210mm" height="297mm"');
      expect(svg).toContain('برنامج');
      // the QR code on the sign reads back as the link to the program (no language in it)
      const { data, info } = await sharp(Buffer.from(svg), { density: 96 }).flatten({ background: '#ffffff' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const read = jsQR(new Uint8ClampedArray(data), info.width, info.height);
      expect(read?.data).toBe(url.includes('stages') ? 'http://festplatz.test/program?edition=dortbund-2027&stage=dortbund-2027/hauptbuehne' : 'http://festplatz.test/editions/dortbund-2027');
    }
    const checkIn = await fetch(`${server.url}/office/editions/dortbund-2027/check-in`, { headers: { Cookie: cookie } });
    expect(checkIn.headers.get('permissions-policy')).toContain('camera=(self)');
    const dashboard = await fetch(`${server.url}/office/editions/dortbund-2027`, { headers: { Cookie: cookie } });
    expect(dashboard.headers.get('permissions-policy')).toContain('camera=()');
    expect(shownHtml(await dashboard.text())).toContain('Ankunft am Festtag');
  });
});
