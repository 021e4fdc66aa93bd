/**
 * Volunteers in the domain, on a real migrated SQLite with the demo: shifts generated from a
 * stage's opening hours across the night the clocks go back, every refusal of the issue with
 * the sentence a person reads, the waiting list moving up (the first one told by mail), a
 * group sign-up, a shift with people cancelled instead of removed, the reminder, the CSV and
 * the privacy steps.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderEmail } from '../../emails/index';
import { DomainError } from '../../app/domain/errors';
import { collectPersonalData } from '../../app/domain/privacy/export.server';
import { erasePerson } from '../../app/domain/privacy/erasure.server';
import { boardShifts, coverageByDay, dayList, exportVolunteers } from '../../app/domain/volunteers/board.server';
import { sendVolunteerReminders, volunteerFeed, volunteerFeedToken, revokeVolunteerFeed } from '../../app/domain/volunteers/public.server';
import { createRole } from '../../app/domain/volunteers/roles.server';
import { previewVolunteerMail, sendVolunteerMail } from '../../app/domain/volunteers/mail.server';
import { shiftTimes } from '../../app/domain/volunteers/shift-times';
import { createShift, generateShifts, removeShift, updateShift } from '../../app/domain/volunteers/shifts.server';
import { cancelOwnSignup, removeFromShift, setCheckedIn, signUp, signUpGroup } from '../../app/domain/volunteers/signups.server';
import { applyRetention, peopleDueForErasure } from '../../app/domain/privacy/retention.server';
import { groupSignupSchema, roleSchema, shiftSchema, signupSchema } from '../../app/domain/volunteers/volunteers.schema';
import { translator } from '../../app/lib/i18n';
import { utcToBerlinWallClock } from '../../app/lib/time';
import type { Edition, Person } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

const URL_ = 'http://festplatz.test';
const NOW = new Date('2026-11-25T10:00:00Z');
const de = translator('de');
let t: TestDatabase;
let admin: Person;
let djelem: Edition;
let dortbund: Edition;
let saal: number;
let foyer: number;

/** The sentence a person reads for a refused call (German), or "ok". */
async function refusal(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return 'ok';
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const fields = 'fieldErrors' in error ? Object.keys((error as { fieldErrors: Record<string, string> }).fieldErrors) : [];
    return `${fields.length ? `[${fields.join(',')}] ` : ''}${de(error.messageKey, error.values)}`;
  }
}

async function person(email: string, locale = 'de'): Promise<Person> {
  return t.db.insertInto('people').values({ email, name: '', locale }).returningAll().executeTakeFirstOrThrow();
}

const role = (input: Record<string, unknown>) => roleSchema.parse({ name_de: 'Infostand', languages: [], min_age: '18', cancel_hours: '24', ...input });
const shift = (input: Record<string, unknown>) => shiftSchema.parse({ needed: '2', ...input });
const signup = (input: Record<string, unknown>) => signupSchema.parse({ name: 'Amira Haddad', age_confirmed: 'on', consent: 'on', ...input });
const ctx = (locale: 'de' | 'ar' = 'de') => ({ locale, publicUrl: URL_, now: NOW });
const outbox = (template: string) => t.db.selectFrom('outbox').selectAll().where('template', '=', template).orderBy('id').execute();

beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
  admin = await t.db.selectFrom('people').selectAll().where('email', '=', 'orga@festplatz.localhost').executeTakeFirstOrThrow();
  djelem = await t.db.selectFrom('editions').selectAll().where('slug', '=', 'djelem-djelem-2027').executeTakeFirstOrThrow();
  dortbund = await t.db.selectFrom('editions').selectAll().where('slug', '=', 'dortbund-2027').executeTakeFirstOrThrow();
  saal = (await t.db.selectFrom('stages').select('id').where('edition_id', '=', djelem.id).where('slug', '=', 'grosser-saal').executeTakeFirstOrThrow()).id;
  foyer = (await t.db.selectFrom('stages').select('id').where('edition_id', '=', djelem.id).where('slug', '=', 'foyer').executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

describe('the night the clocks go back (last Sunday of October: 02:00–03:00 twice)', () => {
  it('generates hour blocks from the Großer Saal’s Saturday hours, 11:00 to 03:00, with 02:00 twice: 17 real hours, 17 shifts', async () => {
    const crew = await createRole(t.db, admin.id, djelem.id, role({ name_de: 'Bühnencrew' }));
    const made = await generateShifts(t.db, admin.id, djelem, { role_id: crew, source: 'hours', stage_id: saal, day: '2027-10-30', minutes: 60, needed: 2 });
    expect(made).toEqual({ created: 17, skipped: 0 });
    const rows = await t.db.selectFrom('volunteer_shifts').selectAll().where('role_id', '=', crew).orderBy('starts_at').execute();
    expect(rows[0]).toMatchObject({ starts_at: '2027-10-30T09:00:00.000Z', ends_at: '2027-10-30T10:00:00.000Z' });
    expect(rows.at(-1)).toMatchObject({ starts_at: '2027-10-31T01:00:00.000Z', ends_at: '2027-10-31T02:00:00.000Z' });
    const walls = rows.map((r) => utcToBerlinWallClock(r.starts_at).slice(11));
    expect(walls.slice(-4)).toEqual(['00:00', '01:00', '02:00', '02:00']);
    expect(rows.slice(-2).map((r) => r.starts_at)).toEqual(['2027-10-31T00:00:00.000Z', '2027-10-31T01:00:00.000Z']);
    for (const r of rows) expect(Date.parse(r.ends_at) - Date.parse(r.starts_at)).toBe(3_600_000);
    // generating again makes nothing twice
    expect(await generateShifts(t.db, admin.id, djelem, { role_id: crew, source: 'hours', stage_id: saal, day: '2027-10-30', minutes: 60, needed: 2 })).toEqual({ created: 0, skipped: 17 });
  });

  it('reads a typed 02:00–02:00 as one hour across the switch, and the second 02:30 when asked; the skipped March hour is refused', () => {
    expect(shiftTimes('2027-10-31T02:00', '2027-10-31T02:00')).toEqual({ ok: true, startsAt: '2027-10-31T00:00:00.000Z', endsAt: '2027-10-31T01:00:00.000Z' });
    expect(shiftTimes('2027-10-31T01:30', '2027-10-31T02:30')).toEqual({ ok: true, startsAt: '2027-10-30T23:30:00.000Z', endsAt: '2027-10-31T00:30:00.000Z' });
    expect(shiftTimes('2027-10-31T02:30', '2027-10-31T03:00', { startSecond: true })).toEqual({ ok: true, startsAt: '2027-10-31T01:30:00.000Z', endsAt: '2027-10-31T02:00:00.000Z' });
    expect(shiftTimes('2027-03-28T02:30', '2027-03-28T04:00')).toEqual({ ok: false, field: 'starts_at', key: 'volunteers:errors.time' });
  });
});

describe('refusals, each with the sentence a person reads and nothing saved', () => {
  let desk: number;
  let arabic: number;
  let minors: number;
  let deskShift: number;
  beforeAll(async () => {
    desk = await createRole(t.db, admin.id, djelem.id, role({ name_de: 'Infostand', min_age: '16' }));
    arabic = await createRole(t.db, admin.id, djelem.id, role({ name_de: 'Sprachhilfe Arabisch', languages: ['ar'] }));
    minors = await createRole(t.db, admin.id, djelem.id, role({ name_de: 'Kinderbereich', min_age: '14', allows_minors: 'on' }));
    deskShift = await createShift(t.db, admin.id, djelem.id, shift({ role_id: String(desk), stage_id: String(foyer), starts_at: '2027-10-29T15:00', ends_at: '2027-10-29T17:00', needed: '1' }));
  });
  const count = async () => Number((await t.db.selectFrom('volunteer_shifts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('refuses inverted and overlapping shift times and a count below the people already on the shift', async () => {
    const before = await count();
    expect(await refusal(() => createShift(t.db, admin.id, djelem.id, shift({ role_id: String(desk), starts_at: '2027-10-29T18:00', ends_at: '2027-10-29T16:00' })))).toBe(
      '[ends_at] Das Ende liegt vor dem Beginn oder gleich. Bitte prüfen Sie die Zeiten.',
    );
    expect(await refusal(() => createShift(t.db, admin.id, djelem.id, shift({ role_id: String(desk), stage_id: String(foyer), starts_at: '2027-10-29T16:00', ends_at: '2027-10-29T18:00' })))).toBe(
      '[starts_at] Diese Zeit überschneidet sich mit einer anderen Schicht derselben Aufgabe am selben Ort.',
    );
    expect(await count()).toBe(before);
    const a = await person('needed-a@example.org');
    const b = await person('needed-b@example.org');
    const twoPlaces = await createShift(t.db, admin.id, djelem.id, shift({ role_id: String(desk), stage_id: String(foyer), starts_at: '2027-10-29T19:00', ends_at: '2027-10-29T21:00', needed: '2' }));
    await signUp(t.db, a, djelem.id, signup({ shiftId: String(twoPlaces) }), ctx());
    await signUp(t.db, b, djelem.id, signup({ shiftId: String(twoPlaces) }), ctx());
    expect(
      await refusal(() => updateShift(t.db, admin.id, djelem.id, twoPlaces, shift({ role_id: String(desk), stage_id: String(foyer), starts_at: '2027-10-29T19:00', ends_at: '2027-10-29T21:00', needed: '1' }), URL_)),
    ).toBe('[needed] Auf dieser Schicht sind schon 2 Personen eingetragen; weniger geht nicht.');
    expect((await t.db.selectFrom('volunteer_shifts').select('needed').where('id', '=', twoPlaces).executeTakeFirstOrThrow()).needed).toBe(2);
  });

  it('refuses a full shift (offering the waiting list), a second place, an overlapping shift and an unconfirmed age', async () => {
    const amira = await person('amira@example.org', 'ar');
    const lena = await person('lena@example.org');
    expect(await signUp(t.db, amira, djelem.id, signup({ shiftId: String(deskShift), languages: ['ar', 'de'] }), ctx('ar'))).toMatchObject({ status: 'confirmed' });
    expect(await refusal(() => signUp(t.db, amira, djelem.id, signup({ shiftId: String(deskShift) }), ctx()))).toBe('Sie sind für diese Schicht schon eingetragen.');
    expect(await refusal(() => signUp(t.db, lena, djelem.id, signup({ shiftId: String(deskShift) }), ctx()))).toBe(
      'Diese Schicht ist voll. Sie können sich auf die Warteliste setzen: Wird ein Platz frei, rücken Sie nach.',
    );
    const overlapping = await createShift(t.db, admin.id, djelem.id, shift({ role_id: String(arabic), starts_at: '2027-10-29T16:00', ends_at: '2027-10-29T18:00' }));
    expect(await refusal(() => signUp(t.db, amira, djelem.id, signup({ shiftId: String(overlapping) }), ctx()))).toBe(
      'Diese Schicht überschneidet sich mit einer anderen Ihrer Schichten: Freitag, 29. Oktober 2027, 15:00–17:00, Infostand.',
    );
    expect(await refusal(() => signUp(t.db, lena, djelem.id, signup({ shiftId: String(overlapping), age_confirmed: '' }), ctx()))).toBe('[age_confirmed] Bitte bestätigen Sie, dass Sie mindestens 18 Jahre alt sind.');
    expect(await refusal(() => signUp(t.db, lena, djelem.id, signup({ shiftId: String(overlapping), consent: '' }), ctx()))).toBe('[consent] Bitte stimmen Sie der Speicherung zu, sonst können wir Sie nicht eintragen.');
    expect(await refusal(() => signUp(t.db, lena, djelem.id, signup({ shiftId: String(overlapping), under_18: 'on' }), ctx()))).toBe('[under_18] Diese Aufgabe ist nur für Erwachsene.');
    const kids = await createShift(t.db, admin.id, djelem.id, shift({ role_id: String(minors), starts_at: '2027-10-30T11:00', ends_at: '2027-10-30T13:00' }));
    expect(await refusal(() => signUp(t.db, lena, djelem.id, signup({ shiftId: String(kids), under_18: 'on' }), ctx()))).toBe('[guardian_name] Bitte nennen Sie die erziehungsberechtigte Person, die einverstanden ist.');
    const teen = await signUp(t.db, lena, djelem.id, signup({ shiftId: String(kids), under_18: 'on', guardian_name: 'Maria Schulz' }), ctx());
    expect((await t.db.selectFrom('volunteer_signups').select(['guardian_name', 'consent_version']).where('id', '=', teen.signupId).executeTakeFirstOrThrow())).toEqual({ guardian_name: 'Maria Schulz', consent_version: 'volunteer@2026-12-03' });
    // the waiting list, when asked for
    expect(await signUp(t.db, lena, djelem.id, signup({ shiftId: String(deskShift), waitlist: 'on' }), ctx())).toMatchObject({ status: 'waiting' });
    expect(await refusal(() => signUp(t.db, lena, djelem.id, signup({ shiftId: String(deskShift), waitlist: 'on' }), ctx()))).toBe('Sie stehen für diese Schicht schon auf der Warteliste.');
    expect(await outbox('volunteer-waitlisted')).toHaveLength(1);
  });

  it('refuses a cancelled shift and another edition’s shift by id', async () => {
    const sam = await person('sam@example.org');
    const gone = await createShift(t.db, admin.id, djelem.id, shift({ role_id: String(desk), starts_at: '2027-10-31T10:00', ends_at: '2027-10-31T12:00' }));
    const removed = await removeShift(t.db, admin.id, djelem.id, gone, URL_);
    expect(removed.outcome).toBe('removed');
    const withPeople = await createShift(t.db, admin.id, djelem.id, shift({ role_id: String(desk), starts_at: '2027-10-31T12:00', ends_at: '2027-10-31T14:00' }));
    const lena = await t.db.selectFrom('people').selectAll().where('email', '=', 'lena@example.org').executeTakeFirstOrThrow();
    await signUp(t.db, lena, djelem.id, signup({ shiftId: String(withPeople) }), ctx());
    expect(await removeShift(t.db, admin.id, djelem.id, withPeople, URL_)).toEqual({ outcome: 'cancelled', told: 1 });
    expect((await outbox('volunteer-shift-cancelled')).map((m) => m.to_address)).toEqual(['lena@example.org']);
    expect(await refusal(() => signUp(t.db, sam, djelem.id, signup({ shiftId: String(withPeople) }), ctx()))).toBe('Diese Schicht ist abgesagt.');
    const otherRole = await createRole(t.db, admin.id, dortbund.id, role({ name_de: 'Aufbau' }));
    const other = await createShift(t.db, admin.id, dortbund.id, shift({ role_id: String(otherRole), starts_at: '2027-09-11T08:00', ends_at: '2027-09-11T10:00' }));
    const before = await t.db.selectFrom('volunteer_signups').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(await refusal(() => signUp(t.db, sam, djelem.id, signup({ shiftId: String(other) }), ctx()))).toBe('Diese Schicht gehört zu einer anderen Ausgabe.');
    expect(await t.db.selectFrom('volunteer_signups').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toEqual(before);
    // a role of another edition cannot carry a shift here either
    expect(await refusal(() => createShift(t.db, admin.id, djelem.id, shift({ role_id: String(otherRole), starts_at: '2027-10-29T08:00', ends_at: '2027-10-29T10:00' })))).toBe('[role_id] Bitte wählen Sie eine Aufgabe dieser Ausgabe.');
  });
});

describe('the waiting list', () => {
  it('gives a freed place to the first waiting, who is told by mail with the shift as .ics; the second stays waiting', async () => {
    const desk = await createRole(t.db, admin.id, djelem.id, role({ name_de: 'Garderobe', cancel_hours: '24' }));
    const one = await createShift(t.db, admin.id, djelem.id, shift({ role_id: String(desk), starts_at: '2027-10-28T15:00', ends_at: '2027-10-28T17:00', needed: '1' }));
    const [a, b, c] = [await person('first@example.org'), await person('second@example.org', 'tr'), await person('third@example.org')];
    const first = await signUp(t.db, a, djelem.id, signup({ shiftId: String(one), name: 'Erste' }), ctx());
    await signUp(t.db, b, djelem.id, signup({ shiftId: String(one), name: 'Zweite', waitlist: 'on' }), ctx());
    await signUp(t.db, c, djelem.id, signup({ shiftId: String(one), name: 'Dritte', waitlist: 'on' }), ctx());
    expect(await cancelOwnSignup(t.db, a, first.signupId, ctx())).toEqual({ movedUp: 1 });
    const statuses = await t.db.selectFrom('volunteer_signups').select(['name', 'status']).where('shift_id', '=', one).orderBy('id').execute();
    expect(statuses).toEqual([
      { name: 'Erste', status: 'cancelled' },
      { name: 'Zweite', status: 'confirmed' },
      { name: 'Dritte', status: 'waiting' },
    ]);
    const moved = await outbox('volunteer-moved-up');
    expect(moved.map((m) => [m.to_address, m.locale])).toEqual([['second@example.org', 'tr']]);
    const mail = renderEmail(moved[0]!.template, JSON.parse(moved[0]!.payload), moved[0]!.locale);
    expect(mail.subject).toContain('Garderobe');
    expect(mail.attachments?.[0]?.content).toContain('DTSTART:20271028T130000Z');
    // one more place needed: the third moves up too
    expect(await updateShift(t.db, admin.id, djelem.id, one, shift({ role_id: String(desk), starts_at: '2027-10-28T15:00', ends_at: '2027-10-28T17:00', needed: '2' }), URL_)).toEqual({ movedUp: 1 });
    expect((await outbox('volunteer-moved-up')).map((m) => m.to_address)).toEqual(['second@example.org', 'third@example.org']);
  });

  it('moves the waiting list up when the coordinator takes someone off, telling both; times stay while people are on the shift', async () => {
    const r = await createRole(t.db, admin.id, djelem.id, role({ name_de: 'Einlass' }));
    const s = await createShift(t.db, admin.id, djelem.id, shift({ role_id: String(r), starts_at: '2027-10-28T18:00', ends_at: '2027-10-28T20:00', needed: '1' }));
    const [x, y] = [await person('taken-off@example.org'), await person('next-in@example.org')];
    const first = await signUp(t.db, x, djelem.id, signup({ shiftId: String(s), name: 'X' }), ctx());
    await signUp(t.db, y, djelem.id, signup({ shiftId: String(s), name: 'Y', waitlist: 'on' }), ctx());
    expect(await refusal(() => updateShift(t.db, admin.id, djelem.id, s, shift({ role_id: String(r), starts_at: '2027-10-28T19:00', ends_at: '2027-10-28T21:00', needed: '1' }), URL_))).toBe(
      '[starts_at] Auf dieser Schicht sind schon Personen eingetragen (1). Zeit und Ort bleiben; sagen Sie die Schicht ab und legen Sie eine neue an.',
    );
    expect(await removeFromShift(t.db, admin.id, djelem.id, first.signupId, URL_)).toEqual({ movedUp: 1 });
    expect((await outbox('volunteer-cancelled')).map((m) => m.to_address)).toContain('taken-off@example.org');
    expect((await outbox('volunteer-moved-up')).map((m) => m.to_address)).toContain('next-in@example.org');
    expect(await t.db.selectFrom('audit_log').select('action').where('action', '=', 'volunteer_signup.removed').execute()).toHaveLength(1);
  });

  it('lets a volunteer cancel only up to the role’s time before the shift', async () => {
    const late = await createRole(t.db, admin.id, djelem.id, role({ name_de: 'Abbau', cancel_hours: '48' }));
    const s = await createShift(t.db, admin.id, djelem.id, shift({ role_id: String(late), starts_at: '2027-10-31T22:00', ends_at: '2027-10-31T23:30' }));
    const p = await person('late@example.org');
    const mine = await signUp(t.db, p, djelem.id, signup({ shiftId: String(s) }), ctx());
    expect(await refusal(() => cancelOwnSignup(t.db, p, mine.signupId, { ...ctx(), now: new Date('2027-10-30T12:00:00Z') }))).toBe(
      'Absagen geht nur bis 48 Stunden vor Schichtbeginn. Bitte wenden Sie sich an die Koordination.',
    );
  });
});

describe('a group of an association', () => {
  it('signs up the named members for one shift with one contact, and refuses a group larger than the free places', async () => {
    const contact = await t.db.selectFrom('people').selectAll().where('email', '=', 'kontakt@vmdo.example').executeTakeFirstOrThrow();
    const vmdo = await t.db.selectFrom('organisations').select('id').where('slug', '=', 'vmdo').executeTakeFirstOrThrow();
    const setup = await createRole(t.db, admin.id, djelem.id, role({ name_de: 'Aufbau Foyer' }));
    const s = await createShift(t.db, admin.id, djelem.id, shift({ role_id: String(setup), stage_id: String(foyer), starts_at: '2027-10-28T13:00', ends_at: '2027-10-28T15:00', needed: '4' }));
    const group = (names: string) => groupSignupSchema.parse({ shiftId: String(s), organisation_id: String(vmdo.id), names, age_confirmed: 'on', consent: 'on' });
    expect(await refusal(() => signUpGroup(t.db, contact, djelem.id, group('A\nB\nC\nD\nE'), ctx()))).toBe('[names] Die Gruppe hat 5 Namen, frei sind nur 4 Plätze.');
    expect(await t.db.selectFrom('volunteer_groups').selectAll().execute()).toEqual([]);
    expect(await signUpGroup(t.db, contact, djelem.id, group('Ayşe Demir\n\nMehmet Kaya\r\nFatma Yılmaz'), ctx())).toMatchObject({ count: 3 });
    const members = await t.db.selectFrom('volunteer_signups').select(['name', 'status', 'person_id']).where('shift_id', '=', s).orderBy('id').execute();
    expect(members).toEqual([
      { name: 'Ayşe Demir', status: 'confirmed', person_id: null },
      { name: 'Mehmet Kaya', status: 'confirmed', person_id: null },
      { name: 'Fatma Yılmaz', status: 'confirmed', person_id: null },
    ]);
    const confirmation = (await outbox('volunteer-confirmed')).filter((m) => m.to_address === 'kontakt@vmdo.example');
    expect(confirmation).toHaveLength(1);
    expect(renderEmail('volunteer-confirmed', JSON.parse(confirmation[0]!.payload), confirmation[0]!.locale).text).toContain('Ayşe Demir, Mehmet Kaya, Fatma Yılmaz');
    expect(await refusal(() => signUpGroup(t.db, contact, djelem.id, group('X\nY'), ctx()))).toBe('[names] Die Gruppe hat 2 Namen, frei sind nur 1 Plätze.');
    const stranger = await person('stranger@example.org');
    expect(await refusal(() => signUpGroup(t.db, stranger, djelem.id, group('X'), ctx()))).toBe('[organisation_id] Bitte wählen Sie einen Verein, in dem Sie Mitglied sind.');
  });
});

describe('the coordinator’s views, the reminder, the feed and privacy', () => {
  it('shows coverage by day and place with gaps first and the Arabic covered when an Arabic speaker is on', async () => {
    const days = coverageByDay(await boardShifts(t.db, djelem.id));
    const friday = days.find((d) => d.day === '2027-10-29')!;
    // Amira (Arabic) is on the info desk 15:00–17:00; nobody is on the Arabic language help 16:00–18:00
    expect(friday.languages.find((l) => l.code === 'ar')).toMatchObject({ covered: [{ from: '2027-10-29T13:00:00.000Z', to: '2027-10-29T15:00:00.000Z' }], gaps: [{ from: '2027-10-29T14:00:00.000Z', to: '2027-10-29T16:00:00.000Z' }] });
    const amira = await t.db.selectFrom('people').selectAll().where('email', '=', 'amira@example.org').executeTakeFirstOrThrow();
    const arabicShift = await t.db.selectFrom('volunteer_shifts').innerJoin('volunteer_roles', 'volunteer_roles.id', 'volunteer_shifts.role_id').select('volunteer_shifts.id').where('volunteer_roles.languages', '=', '["ar"]').executeTakeFirstOrThrow();
    const later = await createShift(t.db, admin.id, djelem.id, shift({ role_id: String((await t.db.selectFrom('volunteer_shifts').select('role_id').where('id', '=', arabicShift.id).executeTakeFirstOrThrow()).role_id), starts_at: '2027-10-29T18:00', ends_at: '2027-10-29T20:00' }));
    await signUp(t.db, amira, djelem.id, signup({ shiftId: String(later), languages: ['ar'] }), ctx('ar'));
    const again = coverageByDay(await boardShifts(t.db, djelem.id)).find((d) => d.day === '2027-10-29')!;
    expect(again.languages.find((l) => l.code === 'ar')?.covered).toEqual([
      { from: '2027-10-29T13:00:00.000Z', to: '2027-10-29T15:00:00.000Z' },
      { from: '2027-10-29T16:00:00.000Z', to: '2027-10-29T18:00:00.000Z' },
    ]);
    const foyerShifts = again.places.find((p) => p.stageId === foyer)!.shifts;
    expect(foyerShifts.map((s) => s.filled < s.needed)).toEqual([...foyerShifts.map((s) => s.filled < s.needed)].sort((a, b) => Number(b) - Number(a)));
  });

  it('checks in on the day, lists no-shows, reminds the day before once, and exports the list logged', async () => {
    const amira = await t.db.selectFrom('people').selectAll().where('email', '=', 'amira@example.org').executeTakeFirstOrThrow();
    const mine = await t.db.selectFrom('volunteer_signups').select(['id', 'shift_id']).where('person_id', '=', amira.id).where('status', '=', 'confirmed').orderBy('id').execute();
    const afternoon = new Date('2027-10-29T18:00:00Z');
    let day = await dayList(t.db, djelem.id, '2027-10-29', 'infostand', 'de', afternoon);
    expect(day.noShows.map((r) => r.id)).toContain(mine[0]!.id);
    const others = day.checkedIn;
    await setCheckedIn(t.db, admin.id, djelem.id, mine[0]!.id, true, new Date('2027-10-29T14:05:00Z'));
    day = await dayList(t.db, djelem.id, '2027-10-29', 'infostand', 'de', afternoon);
    expect(day.checkedIn).toBe(others + 1);
    expect(day.noShows.map((r) => r.id)).not.toContain(mine[0]!.id);
    expect(await sendVolunteerReminders(t.db, URL_, new Date('2027-10-28T16:00:00Z'))).toBeGreaterThan(0);
    expect(await sendVolunteerReminders(t.db, URL_, new Date('2027-10-28T16:30:00Z'))).toBe(0);
    const file = await exportVolunteers(t.db, admin, djelem.id, 'de');
    expect(file.csv.split('\r\n')[0]).toBe('\uFEFFName,Kontakt,Verein,Erziehungsberechtigte Person,Aufgabe,Ort,Beginn,Ende,Eingecheckt');
    expect(file.csv).toContain('Amira Haddad,amira@example.org,,,Infostand,Foyer,2027-10-29 15:00,2027-10-29 17:00,2027-10-29 16:05');
    expect(file.csv).toContain('Ayşe Demir,kontakt@vmdo.example,Verbund sozial-kultureller Migrantenvereine in Dortmund e.V. (VMDO)');
    expect((await t.db.selectFrom('audit_log').select('details').where('action', '=', 'export.volunteers').execute()).length).toBe(1);
  });

  it('writes to the volunteers of one shift in each one’s language (a group through its contact), once each, and refuses without German', async () => {
    const shiftOfGroup = (await t.db.selectFrom('volunteer_groups').select('shift_id').executeTakeFirstOrThrow()).shift_id;
    const texts = { subject: { de: 'Treffpunkt', ar: 'مكان اللقاء' }, body: { de: 'Wir treffen uns am Foyer.', ar: 'نلتقي في البهو.' } };
    expect(await previewVolunteerMail(t.db, admin, djelem.id, { shiftId: shiftOfGroup }, texts)).toEqual({ count: 1, byLanguage: { ar: 1 } }); // the VMDO contact reads Arabic
    const everyone = await previewVolunteerMail(t.db, admin, djelem.id, {}, texts);
    expect(everyone.byLanguage.ar).toBe(2); // Amira and the VMDO contact read Arabic
    expect(await refusal(() => sendVolunteerMail(t.db, admin, djelem.id, {}, { subject: {}, body: { de: 'x' } }, URL_))).toBe('[subject_de] Betreff und Text auf Deutsch sind Pflicht.');
    const sent = await sendVolunteerMail(t.db, admin, djelem.id, {}, texts, URL_);
    expect(sent.count).toBe(everyone.count);
    const rows = await outbox('volunteer-message');
    expect(rows).toHaveLength(everyone.count);
    const arabic = rows.find((r) => r.to_address === 'amira@example.org')!;
    expect(renderEmail(arabic.template, JSON.parse(arabic.payload), arabic.locale)).toMatchObject({ subject: 'مكان اللقاء' });
    expect(rows.filter((r) => r.to_address === 'kontakt@vmdo.example')).toHaveLength(1);
  });

  it('serves the personal feed behind a revocable token, and takes volunteers into the data download and erasure', async () => {
    const amira = await t.db.selectFrom('people').selectAll().where('email', '=', 'amira@example.org').executeTakeFirstOrThrow();
    const token = await volunteerFeedToken(t.db, amira.id);
    const feed = await volunteerFeed(t.db, token, 'ar', URL_);
    expect(feed).toContain('DTSTART:20271029T130000Z');
    expect(feed).toContain('STATUS:CONFIRMED');
    await revokeVolunteerFeed(t.db, amira.id);
    expect(await volunteerFeed(t.db, token, 'ar', URL_)).toBeNull();
    const data = await collectPersonalData(t.db, amira.id);
    expect((data.volunteering as { places: { name: string }[] }).places.map((p) => p.name)).toContain('Amira Haddad');
    await erasePerson(t.db, amira, amira.id, { reason: 'request' });
    const left = await t.db.selectFrom('volunteer_signups').select(['name', 'languages']).where('person_id', '=', amira.id).execute();
    expect(left.every((r) => r.name === '' && r.languages === '[]')).toBe(true);
    expect(await t.db.selectFrom('volunteer_feeds').selectAll().where('person_id', '=', amira.id).execute()).toEqual([]);
  });
  it('keeps volunteers of a coming edition from retention, and blanks the names on shifts of editions long over', async () => {
    const lena = await t.db.selectFrom('people').selectAll().where('email', '=', 'lena@example.org').executeTakeFirstOrThrow();
    await sql`update people set created_at = '2020-01-01T00:00:00.000Z' where id = ${lena.id}`.execute(t.db);
    expect(await peopleDueForErasure(t.db, new Date('2027-11-30T12:00:00Z'), 1)).not.toContain(lena.id);
    // three years after Djelem Djelem 2027 her places are of an edition long over
    expect(await peopleDueForErasure(t.db, new Date('2030-12-01T12:00:00Z'), 24)).toContain(lena.id);
    const report = await applyRetention(t.db, { months: 24, now: new Date('2030-12-01T12:00:00Z') });
    expect(report.erasedPeople).toBeGreaterThan(0);
    const names = await t.db.selectFrom('volunteer_signups').select('name').where('edition_id', '=', djelem.id).where('name', '!=', '').execute();
    expect(names).toEqual([]);
  });

});
