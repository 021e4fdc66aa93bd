/**
 * Volunteers and the city's privacy duties: their places in the data download, their names
 * and languages removed on erasure (the rows stay, without a name, so the coverage counts
 * still add up), and the same retention as every other contact: a person who volunteered in
 * an edition that ended after the cut-off is kept; names on shifts of older editions go.
 */
import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../../../db/connection';
import type { Database, Person } from '../../../db/schema';

export async function volunteerDataOf(db: DB, person: Person) {
  const rows = await db
    .selectFrom('volunteer_signups as s')
    .innerJoin('volunteer_shifts as sh', 'sh.id', 's.shift_id')
    .innerJoin('volunteer_roles as r', 'r.id', 'sh.role_id')
    .innerJoin('editions as e', 'e.id', 'sh.edition_id')
    .leftJoin('volunteer_groups as g', 'g.id', 's.group_id')
    .select(['s.id', 's.name', 's.status', 's.languages', 's.guardian_name', 's.age_confirmed', 's.consent_version', 's.consent_text', 's.checked_in_at', 's.cancelled_at', 's.created_at', 's.group_id', 'sh.starts_at', 'sh.ends_at', 'r.name as role', 'e.slug as edition'])
    .where((eb) => eb.or([eb('s.person_id', '=', person.id), eb('g.contact_person_id', '=', person.id)]))
    .orderBy('s.id')
    .execute();
  const feed = await db.selectFrom('volunteer_feeds').select('created_at').where('person_id', '=', person.id).executeTakeFirst();
  return {
    places: rows.map((r) => ({ ...r, languages: JSON.parse(r.languages) as unknown, role: JSON.parse(r.role) as unknown, age_confirmed: r.age_confirmed === 1 })),
    calendarFeedSince: feed?.created_at ?? null,
  };
}

/** Erasure: the person's names on shifts (and those of the groups they signed up) and their feed go. */
export async function eraseVolunteerData(trx: DB, personId: number): Promise<void> {
  await trx.updateTable('volunteer_signups').set({ name: '', guardian_name: null, languages: '[]', consent_text: '' }).where('person_id', '=', personId).execute();
  await trx
    .updateTable('volunteer_signups')
    .set({ name: '', guardian_name: null, consent_text: '' })
    .where('group_id', 'in', (eb) => eb.selectFrom('volunteer_groups').select('id').where('contact_person_id', '=', personId))
    .execute();
  await trx.deleteFrom('volunteer_feeds').where('person_id', '=', personId).execute();
}

/** For the retention query over `people`: someone on a shift (or a group's contact) of an edition that ended on or after the cut-off day. */
export function volunteeredSince(eb: ExpressionBuilder<Database, 'people'>, cutoffDay: string) {
  return eb.exists(
    eb
      .selectFrom('volunteer_signups as vs')
      .innerJoin('editions as ve', 've.id', 'vs.edition_id')
      .leftJoin('volunteer_groups as vg', 'vg.id', 'vs.group_id')
      .select('vs.id')
      .where((w) => w.or([w('vs.person_id', '=', w.ref('people.id')), w('vg.contact_person_id', '=', w.ref('people.id'))]))
      .where('ve.ends_on', '>=', cutoffDay),
  );
}

/** Names on shifts of editions that ended before the cut-off day (group members have no account to erase). */
export async function expireVolunteerNames(trx: DB, cutoffDay: string): Promise<number> {
  const result = await trx
    .updateTable('volunteer_signups')
    .set({ name: '', guardian_name: null, languages: '[]' })
    .where('name', '!=', '')
    .where('edition_id', 'in', (eb) => eb.selectFrom('editions').select('id').where('ends_on', '<', cutoffDay))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
