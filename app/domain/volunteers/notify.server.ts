/**
 * The messages to volunteers, written to the outbox in the transaction of the change: a
 * confirmation (with the shift as .ics), a place on the waiting list, a move-up from it, a
 * cancelled shift or place, and the reminder the day before. A group's messages go to its
 * contact, naming the group's members.
 */
import type { DB } from '../../../db/connection';
import type { EmailTemplate } from '../mail/templates';
import { enqueueMail } from '../mail/outbox.server';

export type VolunteerMailKind = 'confirmed' | 'waitlisted' | 'moved-up' | 'cancelled' | 'shift-cancelled' | 'reminder';
export const VOLUNTEER_TEMPLATES: Record<VolunteerMailKind, EmailTemplate> = {
  confirmed: 'volunteer-confirmed',
  waitlisted: 'volunteer-waitlisted',
  'moved-up': 'volunteer-moved-up',
  cancelled: 'volunteer-cancelled',
  'shift-cancelled': 'volunteer-shift-cancelled',
  reminder: 'volunteer-reminder',
};

/** What the volunteer templates (emails/volunteer-shift.ts) render. */
export interface VolunteerMailPayload {
  signupId: number;
  shiftId: number;
  name: string;
  /** JSON keyed by locale */
  editionTitle: string;
  roleName: string;
  roleNote: string;
  /** JSON keyed by locale; null: the festival grounds */
  placeName: string | null;
  startsAt: string;
  endsAt: string;
  /** the last moment the volunteer may cancel themselves */
  cancelUntil: string;
  /** members' names when an association signed up a group */
  groupNames?: string[];
  /** the volunteer's own page (their shifts, cancel, calendar feed) */
  accountUrl: string;
}

/** The payload of one signup (a group's first member stands for the group). */
export async function volunteerPayload(db: DB, signupId: number, publicUrl: string): Promise<{ to: string; locale: string; payload: VolunteerMailPayload } | null> {
  const row = await db
    .selectFrom('volunteer_signups as s')
    .innerJoin('volunteer_shifts as sh', 'sh.id', 's.shift_id')
    .innerJoin('volunteer_roles as r', 'r.id', 'sh.role_id')
    .innerJoin('editions as e', 'e.id', 'sh.edition_id')
    .leftJoin('stages as st', 'st.id', 'sh.stage_id')
    .leftJoin('volunteer_groups as g', 'g.id', 's.group_id')
    .innerJoin('people as p', (join) => join.on((eb) => eb.or([eb('p.id', '=', eb.ref('s.person_id')), eb('p.id', '=', eb.ref('g.contact_person_id'))])))
    .select([
      's.id',
      's.shift_id',
      's.name',
      's.group_id',
      'e.title as edition_title',
      'r.name as role_name',
      'r.note as role_note',
      'r.cancel_hours',
      'st.name as place_name',
      'sh.starts_at',
      'sh.ends_at',
      'p.email',
      'p.locale',
      'p.name as person_name',
      'p.erased_at',
    ])
    .where('s.id', '=', signupId)
    .executeTakeFirst();
  if (!row || row.erased_at) return null;
  let groupNames: string[] | undefined;
  if (row.group_id !== null) {
    groupNames = (await db.selectFrom('volunteer_signups').select('name').where('group_id', '=', row.group_id).orderBy('id').execute()).map((m) => m.name);
  }
  return {
    to: row.email,
    locale: row.locale,
    payload: {
      signupId: row.id,
      shiftId: row.shift_id,
      name: row.group_id !== null ? row.person_name : row.name,
      editionTitle: row.edition_title,
      roleName: row.role_name,
      roleNote: row.role_note,
      placeName: row.place_name,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      cancelUntil: new Date(Date.parse(row.starts_at) - row.cancel_hours * 3_600_000).toISOString(),
      ...(groupNames ? { groupNames } : {}),
      accountUrl: `${publicUrl}/account/volunteering`,
    },
  };
}

export async function tellVolunteer(trx: DB, signupId: number, kind: VolunteerMailKind, publicUrl: string, dedupeKey?: string): Promise<boolean> {
  const mail = await volunteerPayload(trx, signupId, publicUrl);
  if (!mail) return false;
  await enqueueMail(trx, { to: mail.to, locale: mail.locale, template: VOLUNTEER_TEMPLATES[kind], payload: mail.payload, ...(dedupeKey ? { dedupeKey } : {}) });
  return true;
}
