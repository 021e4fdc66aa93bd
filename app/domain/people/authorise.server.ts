/**
 * Who may do what in the organisers' office. Three kinds of people:
 * - organiser administrators (`people.role = 'organiser'`): everything;
 * - series teams (rows in `series_team_members`): one series – edit its editions, review
 *   its applications, mail and export its exhibitors;
 * - association members (`memberships`): their own organisation only.
 * Domain functions call the assert* functions themselves, so a route that forgets a check
 * still cannot reach another series' data. Failures throw ForbiddenError (403) or
 * NotFoundError (404) from app/domain/errors.ts.
 */
import type { DB } from '../../../db/connection';
import type { Edition, Person } from '../../../db/schema';
import { ForbiddenError, NotFoundError } from '../errors';

/** What the checks need to know about the person asking. */
export type Actor = Pick<Person, 'id' | 'role'>;

export interface OfficeScope {
  admin: boolean;
  /** the series this person's teams cover (every series for administrators is implied by admin) */
  seriesIds: number[];
}

export function isAdministrator(actor: Actor | null | undefined): boolean {
  return actor?.role === 'organiser';
}

export async function teamSeriesIds(db: DB, personId: number): Promise<number[]> {
  const rows = await db.selectFrom('series_team_members').select('series_id').where('person_id', '=', personId).execute();
  return rows.map((r) => r.series_id);
}

export async function officeScope(db: DB, actor: Actor): Promise<OfficeScope> {
  return { admin: isAdministrator(actor), seriesIds: await teamSeriesIds(db, actor.id) };
}

/** Administrators and series teams work in the office (and sign in with a second factor). */
export async function isOfficePerson(db: DB, actor: Actor): Promise<boolean> {
  if (isAdministrator(actor)) return true;
  return (await teamSeriesIds(db, actor.id)).length > 0;
}

export async function assertOfficePerson(db: DB, actor: Actor): Promise<OfficeScope> {
  const scope = await officeScope(db, actor);
  if (!scope.admin && scope.seriesIds.length === 0) throw new ForbiddenError('admin:errors.forbidden');
  return scope;
}

export function assertAdministrator(actor: Actor): void {
  if (!isAdministrator(actor)) throw new ForbiddenError('admin:errors.forbidden');
}

export async function canManageSeries(db: DB, actor: Actor, seriesId: number): Promise<boolean> {
  if (isAdministrator(actor)) return true;
  const row = await db
    .selectFrom('series_team_members')
    .select('series_id')
    .where('person_id', '=', actor.id)
    .where('series_id', '=', seriesId)
    .executeTakeFirst();
  return Boolean(row);
}

export async function assertCanManageSeries(db: DB, actor: Actor, seriesId: number): Promise<void> {
  if (!(await canManageSeries(db, actor, seriesId))) throw new ForbiddenError('admin:errors.forbidden');
}

/** The edition, if this person may manage it: 404 when there is none, 403 when it belongs to another series. */
export async function assertCanManageEdition(db: DB, actor: Actor, editionId: number): Promise<Edition> {
  const edition = await db.selectFrom('editions').selectAll().where('id', '=', editionId).executeTakeFirst();
  if (!edition) throw new NotFoundError('errors.editionNotFound');
  await assertCanManageSeries(db, actor, edition.series_id);
  return edition;
}

/** The same by slug, for routes. */
export async function manageableEdition(db: DB, actor: Actor, slug: string): Promise<Edition> {
  const edition = await db.selectFrom('editions').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!edition) throw new NotFoundError('errors.editionNotFound');
  await assertCanManageSeries(db, actor, edition.series_id);
  return edition;
}

/** Registrations: administrators and the series team of the registration's edition. */
export async function assertCanReviewRegistration(db: DB, actor: Actor, registrationId: number): Promise<void> {
  const row = await db
    .selectFrom('registrations')
    .innerJoin('editions', 'editions.id', 'registrations.edition_id')
    .select('editions.series_id')
    .where('registrations.id', '=', registrationId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('admin:errors.registrationNotFound');
  await assertCanManageSeries(db, actor, row.series_id);
}

/** Association members act for their own organisation only; administrators for any. */
export async function canActForOrganisation(db: DB, actor: Actor, organisationId: number): Promise<boolean> {
  if (isAdministrator(actor)) return true;
  const row = await db
    .selectFrom('memberships')
    .select('organisation_id')
    .where('person_id', '=', actor.id)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return Boolean(row);
}

export async function assertCanActForOrganisation(db: DB, actor: Actor, organisationId: number): Promise<void> {
  if (!(await canActForOrganisation(db, actor, organisationId))) throw new ForbiddenError('admin:errors.forbidden');
}

/** Editions this person may manage, newest first (every edition for administrators). */
export async function manageableEditions(db: DB, actor: Actor) {
  const scope = await officeScope(db, actor);
  let query = db
    .selectFrom('editions')
    .innerJoin('series', 'series.id', 'editions.series_id')
    .select(['editions.id', 'editions.slug', 'editions.title', 'editions.starts_on', 'editions.ends_on', 'editions.status', 'editions.series_id', 'series.slug as series_slug'])
    .orderBy('editions.starts_on', 'desc');
  if (!scope.admin) {
    if (scope.seriesIds.length === 0) return [];
    query = query.where('editions.series_id', 'in', scope.seriesIds);
  }
  return query.execute();
}
