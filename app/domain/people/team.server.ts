/**
 * Who works in the office: administrators (people.role = 'organiser') and series teams.
 * Administrators add people to a series team by email (the person is created if new and
 * signs in with the email link, then enrols a second factor), remove them, and reset a
 * lost second factor. Every change is in the audit log.
 */
import type { DB } from '../../../db/connection';
import { recordAudit } from '../audit/audit.server';
import { NotFoundError } from '../errors';
import { assertAdministrator, type Actor } from './authorise.server';
import { endSessionsOf } from './sessions.server';

export async function listOfficePeople(db: DB, actor: Actor) {
  assertAdministrator(actor);
  const [admins, teams, series, enrolled] = await Promise.all([
    db.selectFrom('people').select(['id', 'email', 'name']).where('role', '=', 'organiser').where('erased_at', 'is', null).orderBy('email').execute(),
    db
      .selectFrom('series_team_members')
      .innerJoin('people', 'people.id', 'series_team_members.person_id')
      .select(['people.id', 'people.email', 'people.name', 'series_team_members.series_id'])
      .orderBy('people.email')
      .execute(),
    db.selectFrom('series').select(['id', 'slug', 'name']).orderBy('id').execute(),
    db.selectFrom('totp_credentials').select('person_id').where('confirmed_at', 'is not', null).execute(),
  ]);
  const hasTotp = new Set(enrolled.map((e) => e.person_id));
  return {
    admins: admins.map((a) => ({ ...a, totp: hasTotp.has(a.id) })),
    series: series.map((s) => ({ ...s, members: teams.filter((m) => m.series_id === s.id).map((m) => ({ ...m, totp: hasTotp.has(m.id) })) })),
  };
}

export async function addToSeriesTeam(db: DB, actor: Actor, input: { email: string; seriesId: number }): Promise<number> {
  assertAdministrator(actor);
  const email = input.email.trim().toLowerCase();
  return db.transaction().execute(async (trx) => {
    const series = await trx.selectFrom('series').select('id').where('id', '=', input.seriesId).executeTakeFirst();
    if (!series) throw new NotFoundError('admin:people.errors.seriesNotFound');
    let person = await trx.selectFrom('people').select(['id']).where('email', '=', email).executeTakeFirst();
    person ??= await trx.insertInto('people').values({ email, name: '', locale: 'de', role: 'member' }).returning('id').executeTakeFirstOrThrow();
    await trx
      .insertInto('series_team_members')
      .values({ person_id: person.id, series_id: series.id })
      .onConflict((oc) => oc.columns(['person_id', 'series_id']).doNothing())
      .execute();
    await recordAudit(trx, { actorId: actor.id, action: 'team.added', subjectType: 'person', subjectId: person.id, details: { seriesId: series.id } });
    return person.id;
  });
}

export async function removeFromSeriesTeam(db: DB, actor: Actor, input: { personId: number; seriesId: number }): Promise<void> {
  assertAdministrator(actor);
  await db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('series_team_members')
      .where('person_id', '=', input.personId)
      .where('series_id', '=', input.seriesId)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw new NotFoundError('admin:people.errors.notInTeam');
    // what the sessions were opened for is gone: the person signs in again (as what they still are)
    await endSessionsOf(trx, input.personId);
    await recordAudit(trx, { actorId: actor.id, action: 'team.removed', subjectType: 'person', subjectId: input.personId, details: { seriesId: input.seriesId } });
  });
}
