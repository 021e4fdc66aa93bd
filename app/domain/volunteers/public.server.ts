/**
 * The residents' side: the open shifts of a published edition ("Help at the festival"), a
 * volunteer's calendar feed of their shifts behind a secret, revocable URL, and the reminder
 * the day before.
 */
import { randomBytes } from 'node:crypto';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { DB } from '../../../db/connection';
import { translator, type Locale } from '../../lib/i18n';
import { parseList, pickText } from '../../lib/i18n-text';
import { NotFoundError } from '../errors';
import { boardShifts } from './board.server';
import { tellVolunteer } from './notify.server';

/** A published, not cancelled edition by slug, for the public pages. */
export async function publicEdition(db: DB, slug: string) {
  const edition = await db.selectFrom('editions').selectAll().where('slug', '=', slug).where('status', '=', 'published').executeTakeFirst();
  if (!edition) throw new NotFoundError('errors.editionNotFound');
  return edition;
}

/** Whether a published edition has shifts still to come (the edition page then links "Help at the festival"). */
export async function hasOpenShifts(db: DB, slug: string, now: Date = new Date()): Promise<boolean> {
  const row = await db
    .selectFrom('volunteer_shifts')
    .innerJoin('editions', 'editions.id', 'volunteer_shifts.edition_id')
    .select('volunteer_shifts.id')
    .where('editions.slug', '=', slug)
    .where('volunteer_shifts.cancelled_at', 'is', null)
    .where('volunteer_shifts.starts_at', '>', now.toISOString())
    .executeTakeFirst();
  return Boolean(row);
}

export interface HelpFilters {
  role?: number;
  language?: string;
  day?: string;
}

/** Shifts still to come, not cancelled, with their free places (full ones stay listed: their waiting list is open). */
export async function openShifts(db: DB, editionId: number, filters: HelpFilters, now: Date = new Date()) {
  const [shifts, roles] = await Promise.all([
    boardShifts(db, editionId),
    db.selectFrom('volunteer_roles').select(['id', 'name', 'description', 'note', 'languages', 'min_age', 'allows_minors']).where('edition_id', '=', editionId).orderBy('sort_order').orderBy('id').execute(),
  ]);
  const upcoming = shifts.filter((s) => !s.cancelled && Date.parse(s.startsAt) > now.getTime());
  const list = upcoming.filter(
    (s) => (!filters.role || s.roleId === filters.role) && (!filters.language || s.asked.includes(filters.language)) && (!filters.day || s.day === filters.day),
  );
  const languages = [...new Set(roles.flatMap((r) => parseList(r.languages)))].sort();
  return { shifts: list.map((s) => ({ ...s, free: Math.max(0, s.needed - s.filled) })), roles, languages, days: [...new Set(upcoming.map((s) => s.day))].sort(), total: upcoming.length };
}

/** One shift for its sign-up page, with what its role asks. */
export async function shiftForPage(db: DB, editionId: number, shiftId: number) {
  const shift = (await boardShifts(db, editionId)).find((s) => s.id === shiftId);
  if (!shift) throw new NotFoundError('volunteers:errors.shiftNotFound');
  const role = await db.selectFrom('volunteer_roles').selectAll().where('id', '=', shift.roleId).executeTakeFirstOrThrow();
  return { shift: { ...shift, free: Math.max(0, shift.needed - shift.filled) }, role };
}

/** The associations a person may sign a group up for: those they are a member of. */
export async function groupOrganisationsOf(db: DB, personId: number) {
  return db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select(['organisations.id', 'organisations.name'])
    .where('memberships.person_id', '=', personId)
    .orderBy('organisations.name')
    .execute();
}

export const FEED_TOKEN = /^[A-Za-z0-9_-]{32}$/;
const newToken = () => randomBytes(24).toString('base64url');

/** The person's feed token, or null before their first sign-up (a GET never makes one). */
export async function existingFeedToken(db: DB, personId: number): Promise<string | null> {
  const row = await db.selectFrom('volunteer_feeds').select('token').where('person_id', '=', personId).executeTakeFirst();
  return row?.token ?? null;
}

/** The person's feed token, made on first ask (inside the sign-up's transaction). */
export async function volunteerFeedToken(db: DB, personId: number): Promise<string> {
  const row = await db
    .insertInto('volunteer_feeds')
    .values({ person_id: personId, token: newToken() })
    .onConflict((oc) => oc.column('person_id').doUpdateSet((eb) => ({ token: eb.ref('volunteer_feeds.token') })))
    .returning('token')
    .executeTakeFirstOrThrow();
  return row.token;
}

/** A new secret URL; the old one answers 404 at once. */
export async function revokeVolunteerFeed(db: DB, personId: number): Promise<string> {
  const token = newToken();
  await db
    .insertInto('volunteer_feeds')
    .values({ person_id: personId, token })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ token }))
    .execute();
  return token;
}

/** The feed behind a token: the person's shifts (cancelled ones as STATUS:CANCELLED), UTC instants; null for an unknown token. */
export async function volunteerFeed(db: DB, token: string, locale: Locale, publicUrl: string): Promise<string | null> {
  if (!FEED_TOKEN.test(token)) return null;
  const feed = await db.selectFrom('volunteer_feeds').innerJoin('people', 'people.id', 'volunteer_feeds.person_id').select(['people.id', 'people.erased_at']).where('token', '=', token).executeTakeFirst();
  if (!feed || feed.erased_at) return null;
  const t = translator(locale);
  const rows = await db
    .selectFrom('volunteer_signups as s')
    .innerJoin('volunteer_shifts as sh', 'sh.id', 's.shift_id')
    .innerJoin('volunteer_roles as r', 'r.id', 'sh.role_id')
    .innerJoin('editions as e', 'e.id', 'sh.edition_id')
    .leftJoin('stages as st', 'st.id', 'sh.stage_id')
    .select(['s.id', 's.status', 's.created_at', 's.cancelled_at as signup_cancelled_at', 'sh.id as shift_id', 'sh.starts_at', 'sh.ends_at', 'sh.cancelled_at', 'r.name as role_name', 'r.note', 'st.name as place_name', 'e.title as edition_title'])
    .where('s.person_id', '=', feed.id)
    .where('s.status', 'in', ['confirmed', 'cancelled'])
    .orderBy('sh.starts_at')
    .execute();
  const calendar = ical({ name: t('volunteers:feed.name'), prodId: { company: 'Festplatz', product: 'volunteers', language: locale.toUpperCase() }, method: ICalCalendarMethod.PUBLISH });
  for (const r of rows) {
    const cancelled = r.status === 'cancelled' || r.cancelled_at !== null;
    calendar.createEvent({
      id: `volunteer-shift-${r.shift_id}-signup-${r.id}@festplatz`,
      start: new Date(r.starts_at),
      end: new Date(r.ends_at),
      stamp: new Date(r.signup_cancelled_at ?? r.cancelled_at ?? r.created_at),
      summary: t('volunteers:mail.calendarSummary', { role: pickText(r.role_name, locale).text, edition: pickText(r.edition_title, locale).text }),
      description: [pickText(r.note, locale).text, `${publicUrl}/account/volunteering`].filter(Boolean).join('\n\n'),
      location: r.place_name ? pickText(r.place_name, locale).text : t('volunteers:grounds'),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString().replace(/\r?\n?$/, '\r\n');
}

/**
 * The day before: every confirmed volunteer of a shift starting within the next 24 hours
 * gets one reminder (dedupe key per place), unless they signed up within that day anyway.
 */
export async function sendVolunteerReminders(db: DB, publicUrl: string, now: Date = new Date()): Promise<number> {
  const until = new Date(now.getTime() + 24 * 3_600_000).toISOString();
  const due = await db
    .selectFrom('volunteer_signups as s')
    .innerJoin('volunteer_shifts as sh', 'sh.id', 's.shift_id')
    .select(['s.id', 's.created_at', 'sh.starts_at', 's.group_id'])
    .where('s.status', '=', 'confirmed')
    .where('sh.cancelled_at', 'is', null)
    .where('sh.starts_at', '>', now.toISOString())
    .where('sh.starts_at', '<=', until)
    .orderBy('s.id')
    .execute();
  let sent = 0;
  const groups = new Set<number>();
  await db.transaction().execute(async (trx) => {
    for (const s of due) {
      if (Date.parse(s.starts_at) - Date.parse(s.created_at) < 24 * 3_600_000) continue;
      if (s.group_id !== null) {
        if (groups.has(s.group_id)) continue;
        groups.add(s.group_id);
      }
      const before = await trx.selectFrom('outbox').select('id').where('dedupe_key', '=', `volunteer-reminder:${s.id}`).executeTakeFirst();
      if (before) continue;
      if (await tellVolunteer(trx, s.id, 'reminder', publicUrl, `volunteer-reminder:${s.id}`)) sent++;
    }
  });
  return sent;
}
