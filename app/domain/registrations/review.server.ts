/**
 * The organisers' side: the review queue of an edition (filtered by state, stand type and
 * category, with the needs at a glance and the places left per stand type), their
 * decisions, and the public list of exhibitors.
 */
import { sql } from 'kysely';
import type { DB } from '../../../db/connection';
import type { RegistrationState } from '../../../db/schema';
import { NotFoundError } from '../errors';
import { DECISIONS, type Decision } from './application.schema';
import { allowedTransitions, PLACE_HOLDING_STATES, QUEUE_STATES } from './transitions';
import { transitionRegistration, type TransitionResult } from './transition.server';
import { mailStandConfirmed } from '../festival-day/passes.server';

export interface QueueFilters {
  state?: RegistrationState;
  standType?: string;
  category?: string;
  /** part of the association's name, any case */
  q?: string;
}

/** How many applications one page of the queue shows (a city has thousands; docs/decisions/104). */
export const QUEUE_PAGE_SIZE = 100;

const QUEUE_ORDER: readonly RegistrationState[] = QUEUE_STATES;

/**
 * One page of an edition's review queue (open applications first, then by state, each in the
 * order they came in), the number matching the filters, and the places per stand type.
 * `page` counts from 1; a page past the end is the last one.
 */
export async function getReviewQueue(db: DB, editionSlug: string, filters: QueueFilters = {}, paging: { page?: number; pageSize?: number } = {}) {
  const edition = await db.selectFrom('editions').select(['id', 'slug', 'title', 'starts_on', 'ends_on']).where('slug', '=', editionSlug).executeTakeFirst();
  if (!edition) throw new NotFoundError('registration:errors.editionNotFound');

  const standTypes = await db
    .selectFrom('stand_types')
    .leftJoin('registrations', 'registrations.stand_type_id', 'stand_types.id')
    .select((eb) => [
      'stand_types.id',
      'stand_types.slug',
      'stand_types.name',
      'stand_types.capacity',
      eb.fn.sum<number>(eb.case().when('registrations.state', 'in', PLACE_HOLDING_STATES).then(1).else(0).end()).as('taken'),
      eb.fn.sum<number>(eb.case().when('registrations.state', '=', 'waitlisted').then(1).else(0).end()).as('waiting'),
      eb.fn.sum<number>(eb.case().when('registrations.state', '=', 'submitted').then(1).else(0).end()).as('open'),
    ])
    .where('stand_types.edition_id', '=', edition.id)
    .groupBy('stand_types.id')
    .orderBy('stand_types.id')
    .execute();

  let matching = db
    .selectFrom('registrations')
    .innerJoin('organisations', 'organisations.id', 'registrations.organisation_id')
    .innerJoin('stand_types', 'stand_types.id', 'registrations.stand_type_id')
    .where('registrations.edition_id', '=', edition.id)
    .where('registrations.state', '!=', 'draft');
  if (filters.state) matching = matching.where('registrations.state', '=', filters.state);
  if (filters.standType) matching = matching.where('stand_types.slug', '=', filters.standType);
  if (filters.category) {
    const category = filters.category;
    matching = matching.where(sql<boolean>`exists (select 1 from json_each(${sql.ref('organisations.categories')}) where value = ${category})`);
  }
  const q = filters.q?.trim();
  if (q) matching = matching.where(sql<boolean>`instr(lower(${sql.ref('organisations.name')}), lower(${q})) > 0`);
  const { total } = await matching.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const pageSize = paging.pageSize ?? QUEUE_PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(Number(total) / pageSize));
  const page = Math.min(pages, Math.max(1, Math.floor(paging.page ?? 1)));
  const stateRank = sql<number>`case ${sql.ref('registrations.state')} ${sql.join(
    QUEUE_ORDER.map((state, i) => sql`when ${state} then ${i}`),
    sql` `,
  )} else ${QUEUE_ORDER.length} end`;
  const rows = await matching
    .select([
      'registrations.id',
      'registrations.state',
      'registrations.width_m',
      'registrations.depth_m',
      'registrations.power_watts',
      'registrations.water',
      'registrations.tables',
      'registrations.benches',
      'registrations.own_gazebo',
      'registrations.vehicle_access',
      'registrations.activities',
      'registrations.stage_act_title',
      'registrations.stage_act_minutes',
      'registrations.stage_act_needs',
      'registrations.accessibility',
      'registrations.public_consent',
      'registrations.submitted_at',
      'organisations.name as organisation_name',
      'organisations.slug as organisation_slug',
      'organisations.categories',
      'stand_types.slug as stand_type_slug',
      'stand_types.name as stand_type_name',
    ])
    .orderBy(stateRank)
    .orderBy('registrations.submitted_at')
    .orderBy('registrations.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return {
    edition,
    total: Number(total),
    page,
    pages,
    pageSize,
    standTypes: standTypes.map((s) => ({ ...s, taken: Number(s.taken ?? 0), waiting: Number(s.waiting ?? 0), open: Number(s.open ?? 0) })),
    registrations: rows.map((r) => ({
      ...r,
      decisions: (Object.entries(DECISIONS) as [Decision, RegistrationState][])
        .filter(([, to]) => allowedTransitions(r.state, 'organiser').includes(to))
        .map(([decision]) => decision),
    })),
  };
}

/** An organiser's decision on one application of an edition. */
export async function decideRegistration(
  db: DB,
  input: { organiserId: number; editionSlug: string; registrationId: number; decision: Decision; reason?: string; publicUrl: string; now?: Date },
): Promise<TransitionResult> {
  return db.transaction().execute(async (trx) => {
    const reg = await trx
      .selectFrom('registrations')
      .innerJoin('editions', 'editions.id', 'registrations.edition_id')
      .select('registrations.id')
      .where('registrations.id', '=', input.registrationId)
      .where('editions.slug', '=', input.editionSlug)
      .executeTakeFirst();
    if (!reg) throw new NotFoundError('registration:errors.notFound');
    const result = await transitionRegistration(trx, {
      registrationId: reg.id,
      to: DECISIONS[input.decision],
      actor: { kind: 'organiser', personId: input.organiserId },
      reason: input.reason,
      publicUrl: input.publicUrl,
      now: input.now,
    });
    // confirmed by hand (no payment or waiver message says so): the association gets its stand pass
    if (result.to === 'confirmed') await mailStandConfirmed(trx, reg.id, input.publicUrl);
    return result;
  });
}

/** Confirmed organisations of a public edition that agreed to be listed. */
export async function listExhibitors(db: DB, editionSlug: string) {
  const edition = await db
    .selectFrom('editions')
    .innerJoin('series', 'series.id', 'editions.series_id')
    .select(['editions.id', 'editions.slug', 'editions.title', 'editions.starts_on', 'editions.ends_on', 'series.name as series_name'])
    .where('editions.slug', '=', editionSlug)
    .where('editions.status', 'in', ['published', 'archived'])
    .executeTakeFirst();
  if (!edition) throw new NotFoundError('registration:errors.editionNotFound');
  const exhibitors = await db
    .selectFrom('registrations')
    .innerJoin('organisations', 'organisations.id', 'registrations.organisation_id')
    .select(['organisations.id', 'organisations.slug', 'organisations.name', 'organisations.description', 'organisations.categories', 'organisations.languages'])
    .where('registrations.edition_id', '=', edition.id)
    .where('registrations.state', '=', 'confirmed')
    .where('registrations.public_consent', '=', 1)
    .orderBy('organisations.name')
    .execute();
  return { edition, exhibitors };
}
