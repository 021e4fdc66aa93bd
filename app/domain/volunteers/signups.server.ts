/**
 * People on shifts. A resident signs up for one shift (or its waiting list when it is full);
 * an association signs up a group of its members (names, the person signing as contact).
 * Every refusal is a typed error with a message key, nothing is saved half: a full shift, a
 * cancelled or past one, one of another edition, a second place on the same shift, a shift
 * overlapping another of the person's, an age not confirmed, a group larger than the free
 * places. A freed place goes to the first on the waiting list, who is told.
 */
import type { DB } from '../../../db/connection';
import type { Person } from '../../../db/schema';
import { translator, type Locale } from '../../lib/i18n';
import { pickText } from '../../lib/i18n-text';
import { formatDay, formatTime, berlinDay } from '../../lib/time';
import { recordAudit } from '../audit/audit.server';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { tellVolunteer } from './notify.server';
import { volunteerFeedToken } from './public.server';
import { VOLUNTEER_CONSENT_VERSION, type GroupSignupForm, type SignupForm } from './volunteers.schema';

export interface SignupContext {
  locale: Locale;
  publicUrl: string;
  now?: Date;
}

const ACTIVE = ['confirmed', 'waiting'] as const;

/** The age a role asks to be confirmed: its minimum, and at least 18 unless it allows minors. */
export function ageAsked(role: { min_age: number; allows_minors: number }): number {
  return role.allows_minors ? role.min_age : Math.max(18, role.min_age);
}

/** A shift in words: "Samstag, 30. Oktober 2027, 14:00–16:00, Infostand". */
export function shiftInWords(shift: { starts_at: string; ends_at: string; role_name: string }, locale: Locale): string {
  return `${formatDay(berlinDay(shift.starts_at), locale)}, ${formatTime(shift.starts_at, locale)}–${formatTime(shift.ends_at, locale)}, ${pickText(shift.role_name, locale).text}`;
}

async function shiftForSignup(trx: DB, editionId: number, shiftId: number, now: Date) {
  const shift = await trx
    .selectFrom('volunteer_shifts as sh')
    .innerJoin('volunteer_roles as r', 'r.id', 'sh.role_id')
    .innerJoin('editions as e', 'e.id', 'sh.edition_id')
    .select(['sh.id', 'sh.edition_id', 'sh.starts_at', 'sh.ends_at', 'sh.needed', 'sh.cancelled_at', 'r.name as role_name', 'r.min_age', 'r.allows_minors', 'r.cancel_hours', 'e.status', 'e.cancelled_at as edition_cancelled_at'])
    .where('sh.id', '=', shiftId)
    .executeTakeFirst();
  if (!shift) throw new ConflictError('volunteers:errors.shiftNotFound');
  // an id from another edition's page (or typed in): refused as such, never signed up
  if (shift.edition_id !== editionId) throw new ConflictError('volunteers:errors.otherEdition');
  if (shift.status !== 'published' || shift.edition_cancelled_at) throw new ConflictError('volunteers:errors.editionClosed');
  if (shift.cancelled_at) throw new ConflictError('volunteers:errors.shiftCancelled');
  if (Date.parse(shift.starts_at) <= now.getTime()) throw new ConflictError('volunteers:errors.shiftStarted');
  return shift;
}

async function confirmedCount(trx: DB, shiftId: number): Promise<number> {
  const row = await trx.selectFrom('volunteer_signups').select((eb) => eb.fn.countAll<number>().as('n')).where('shift_id', '=', shiftId).where('status', '=', 'confirmed').executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Signs a resident up; answers whether they got a place or a place on the waiting list. */
export async function signUp(db: DB, person: Person, editionId: number, input: SignupForm, ctx: SignupContext): Promise<{ signupId: number; status: 'confirmed' | 'waiting' }> {
  const now = ctx.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const shift = await shiftForSignup(trx, editionId, input.shiftId, now);
    const age = ageAsked(shift);
    const fields: Record<string, string> = {};
    if (input.under_18 && !shift.allows_minors) fields.under_18 = 'volunteers:errors.adultsOnly';
    else if (input.under_18 && !input.guardian_name) fields.guardian_name = 'volunteers:errors.guardianRequired';
    if (age > 0 && !input.age_confirmed) fields.age_confirmed = 'volunteers:errors.ageNotConfirmed';
    if (!input.consent) fields.consent = 'volunteers:errors.consent';
    if (Object.keys(fields).length) throw new ValidationError(Object.values(fields)[0]!, fields, { age });

    const twice = await trx.selectFrom('volunteer_signups').select('status').where('shift_id', '=', shift.id).where('person_id', '=', person.id).where('status', 'in', ACTIVE).executeTakeFirst();
    if (twice) throw new ConflictError(twice.status === 'waiting' ? 'volunteers:errors.twiceWaiting' : 'volunteers:errors.twice');
    const clash = await trx
      .selectFrom('volunteer_signups as s')
      .innerJoin('volunteer_shifts as sh', 'sh.id', 's.shift_id')
      .innerJoin('volunteer_roles as r', 'r.id', 'sh.role_id')
      .select(['sh.starts_at', 'sh.ends_at', 'r.name as role_name'])
      .where('s.person_id', '=', person.id)
      .where('s.status', 'in', ACTIVE)
      .where('sh.cancelled_at', 'is', null)
      .where('sh.starts_at', '<', shift.ends_at)
      .where('sh.ends_at', '>', shift.starts_at)
      .executeTakeFirst();
    if (clash) throw new ConflictError('volunteers:errors.overlap', { shift: shiftInWords(clash, ctx.locale) });

    const full = (await confirmedCount(trx, shift.id)) >= shift.needed;
    if (full && !input.waitlist) throw new ConflictError('volunteers:errors.full');
    const status = full ? ('waiting' as const) : ('confirmed' as const);
    const row = await trx
      .insertInto('volunteer_signups')
      .values({
        shift_id: shift.id,
        edition_id: editionId,
        person_id: person.id,
        name: input.name,
        status,
        languages: JSON.stringify([...new Set(input.languages)]),
        guardian_name: input.under_18 ? (input.guardian_name ?? null) : null,
        age_confirmed: input.age_confirmed ? 1 : 0,
        consent_version: VOLUNTEER_CONSENT_VERSION,
        consent_text: translator(ctx.locale)('volunteers:signup.consent'),
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await volunteerFeedToken(trx, person.id);
    await tellVolunteer(trx, row.id, status === 'confirmed' ? 'confirmed' : 'waitlisted', ctx.publicUrl);
    return { signupId: row.id, status };
  });
}

/** An association's group on one shift: all of them get a place, or none (a group larger than the free places is refused). */
export async function signUpGroup(db: DB, person: Person, editionId: number, input: GroupSignupForm, ctx: SignupContext): Promise<{ groupId: number; count: number }> {
  const now = ctx.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const shift = await shiftForSignup(trx, editionId, input.shiftId, now);
    const member = await trx.selectFrom('memberships').select('organisation_id').where('person_id', '=', person.id).where('organisation_id', '=', input.organisation_id).executeTakeFirst();
    const age = ageAsked(shift);
    const fields: Record<string, string> = {};
    if (!member) fields.organisation_id = 'volunteers:errors.organisation';
    if (age > 0 && !input.age_confirmed) fields.age_confirmed = 'volunteers:errors.groupAgeNotConfirmed';
    if (!input.consent) fields.consent = 'volunteers:errors.consent';
    if (Object.keys(fields).length) throw new ValidationError(Object.values(fields)[0]!, fields, { age });
    const free = shift.needed - (await confirmedCount(trx, shift.id));
    if (free <= 0) throw new ConflictError('volunteers:errors.fullForGroup');
    if (input.names.length > free) throw new ValidationError('volunteers:errors.groupLargerThanFree', { names: 'volunteers:errors.groupLargerThanFree' }, { free, count: input.names.length });
    const group = await trx
      .insertInto('volunteer_groups')
      .values({ shift_id: shift.id, organisation_id: input.organisation_id, contact_person_id: person.id, created_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const consent = translator(ctx.locale)('volunteers:signup.groupConsent');
    const rows = await trx
      .insertInto('volunteer_signups')
      .values(
        input.names.map((name) => ({
          shift_id: shift.id,
          edition_id: editionId,
          group_id: group.id,
          name,
          status: 'confirmed' as const,
          age_confirmed: input.age_confirmed ? 1 : 0,
          consent_version: VOLUNTEER_CONSENT_VERSION,
          consent_text: consent,
          created_at: now.toISOString(),
        })),
      )
      .returning('id')
      .execute();
    await tellVolunteer(trx, rows[0]!.id, 'confirmed', ctx.publicUrl);
    return { groupId: group.id, count: rows.length };
  });
}

/** Fills free places from the waiting list, first come first served; each one moved up is told. */
export async function moveUpWaiting(trx: DB, shiftId: number, publicUrl: string): Promise<number> {
  const shift = await trx.selectFrom('volunteer_shifts').select(['needed', 'cancelled_at']).where('id', '=', shiftId).executeTakeFirstOrThrow();
  if (shift.cancelled_at) return 0;
  const free = shift.needed - (await confirmedCount(trx, shiftId));
  if (free <= 0) return 0;
  const waiting = await trx.selectFrom('volunteer_signups').select('id').where('shift_id', '=', shiftId).where('status', '=', 'waiting').orderBy('id').limit(free).execute();
  for (const w of waiting) {
    await trx.updateTable('volunteer_signups').set({ status: 'confirmed' }).where('id', '=', w.id).execute();
    await tellVolunteer(trx, w.id, 'moved-up', publicUrl, `volunteer-moved-up:${w.id}`);
  }
  return waiting.length;
}

/** The volunteer gives up their place (or their place on the waiting list), up to the role's time before the shift. */
export async function cancelOwnSignup(db: DB, person: Person, signupId: number, ctx: SignupContext): Promise<{ movedUp: number }> {
  const now = ctx.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const signup = await trx
      .selectFrom('volunteer_signups as s')
      .innerJoin('volunteer_shifts as sh', 'sh.id', 's.shift_id')
      .innerJoin('volunteer_roles as r', 'r.id', 'sh.role_id')
      .select(['s.id', 's.status', 's.shift_id', 'sh.starts_at', 'r.cancel_hours'])
      .where('s.id', '=', signupId)
      .where('s.person_id', '=', person.id)
      .executeTakeFirst();
    if (!signup || signup.status === 'cancelled') throw new NotFoundError('volunteers:errors.signupNotFound');
    const until = Date.parse(signup.starts_at) - signup.cancel_hours * 3_600_000;
    if (signup.status === 'confirmed' && now.getTime() > until) {
      throw new ConflictError('volunteers:errors.tooLateToCancel', { hours: signup.cancel_hours });
    }
    await trx.updateTable('volunteer_signups').set({ status: 'cancelled', cancelled_at: now.toISOString() }).where('id', '=', signup.id).execute();
    const movedUp = signup.status === 'confirmed' ? await moveUpWaiting(trx, signup.shift_id, ctx.publicUrl) : 0;
    return { movedUp };
  });
}

/** The coordinator takes someone off a shift at any time; they are told, and the waiting list moves up. */
export async function removeFromShift(db: DB, actorId: number, editionId: number, signupId: number, publicUrl: string, at: Date = new Date()): Promise<{ movedUp: number }> {
  return db.transaction().execute(async (trx) => {
    const signup = await trx.selectFrom('volunteer_signups').select(['id', 'status', 'shift_id']).where('id', '=', signupId).where('edition_id', '=', editionId).executeTakeFirst();
    if (!signup || signup.status === 'cancelled') throw new NotFoundError('volunteers:errors.signupNotFound');
    await tellVolunteer(trx, signup.id, 'cancelled', publicUrl, `volunteer-cancelled:${signup.id}`);
    await trx.updateTable('volunteer_signups').set({ status: 'cancelled', cancelled_at: at.toISOString() }).where('id', '=', signup.id).execute();
    const movedUp = signup.status === 'confirmed' ? await moveUpWaiting(trx, signup.shift_id, publicUrl) : 0;
    await recordAudit(trx, { actorId, action: 'volunteer_signup.removed', subjectType: 'volunteer_signup', subjectId: signup.id, details: { editionId, shiftId: signup.shift_id, movedUp } });
    return { movedUp };
  });
}

/** On the day: a confirmed volunteer arrived (again: nothing changes), or the check-in is undone. */
export async function setCheckedIn(db: DB, actorId: number, editionId: number, signupId: number, checkedIn: boolean, at: Date = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const signup = await trx.selectFrom('volunteer_signups').select(['id', 'status', 'checked_in_at']).where('id', '=', signupId).where('edition_id', '=', editionId).executeTakeFirst();
    if (!signup || signup.status !== 'confirmed') throw new NotFoundError('volunteers:errors.signupNotFound');
    if (checkedIn === (signup.checked_in_at !== null)) return;
    await trx
      .updateTable('volunteer_signups')
      .set(checkedIn ? { checked_in_at: at.toISOString(), checked_in_by: actorId } : { checked_in_at: null, checked_in_by: null })
      .where('id', '=', signupId)
      .execute();
    await recordAudit(trx, { actorId, action: checkedIn ? 'volunteer.checked_in' : 'volunteer.check_in_undone', subjectType: 'volunteer_signup', subjectId: signupId, details: { editionId } });
  });
}

/** A person's own places (and places on waiting lists), soonest first, and the groups they are the contact of. */
export async function signupsOf(db: DB, personId: number) {
  return db
    .selectFrom('volunteer_signups as s')
    .innerJoin('volunteer_shifts as sh', 'sh.id', 's.shift_id')
    .innerJoin('volunteer_roles as r', 'r.id', 'sh.role_id')
    .innerJoin('editions as e', 'e.id', 'sh.edition_id')
    .leftJoin('stages as st', 'st.id', 'sh.stage_id')
    .leftJoin('volunteer_groups as g', 'g.id', 's.group_id')
    .select(['s.id', 's.status', 's.name', 's.group_id', 'sh.id as shift_id', 'sh.starts_at', 'sh.ends_at', 'sh.cancelled_at', 'r.name as role_name', 'r.cancel_hours', 'st.name as place_name', 'e.slug as edition_slug', 'e.title as edition_title'])
    .where((eb) => eb.or([eb('s.person_id', '=', personId), eb('g.contact_person_id', '=', personId)]))
    .orderBy('sh.starts_at')
    .orderBy('s.id')
    .execute();
}
