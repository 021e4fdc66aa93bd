import { sql, type Expression, type SqlBool } from 'kysely';
import type { DB } from '../../../db/connection';
import { berlinToUtc } from '../../lib/berlin-clock';
import { DAY_PATTERN, type ProgramFilter } from './program-filter';

const PUBLIC_STATUSES = ['published', 'archived'] as const;

export interface ProgramQueryOptions {
  /** only these uids (the starred items of "my program") */
  uids?: string[];
  /**
   * A Berlin day: cancelled items of editions that ended before it are left out (feeds keep
   * a cancellation only until the edition is over, so subscribers see it while it matters).
   */
  dropCancelledEndedBefore?: string;
}

function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The instants [from, to) of a Berlin day, or null for a value that is no real day. */
export function berlinDayRange(day: string): { from: string; to: string } | null {
  if (!DAY_PATTERN.test(day)) return null;
  try {
    return { from: berlinToUtc(day, '00:00'), to: berlinToUtc(nextDay(day), '00:00') };
  } catch {
    return null;
  }
}

/**
 * Program items of public editions matching the filter, with where, who and which
 * edition, in time order. One query, no N+1. Unknown values match nothing.
 */
export async function findPublicProgramItems(db: DB, filter: ProgramFilter, options: ProgramQueryOptions = {}) {
  const dayRanges = filter.day.map(berlinDayRange).filter((r): r is { from: string; to: string } => r !== null);
  if (filter.day.length > 0 && dayRanges.length === 0) return [];
  if (options.uids && options.uids.length === 0) return [];

  let query = db
    .selectFrom('program_items')
    .innerJoin('editions', 'editions.id', 'program_items.edition_id')
    .innerJoin('series', 'series.id', 'editions.series_id')
    .leftJoin('stages', 'stages.id', 'program_items.stage_id')
    .leftJoin('venues', 'venues.id', 'stages.venue_id')
    .leftJoin('organisations', 'organisations.id', 'program_items.host_organisation_id')
    .select([
      'program_items.id',
      'program_items.uid',
      'program_items.sequence',
      'program_items.title',
      'program_items.description',
      'program_items.starts_at',
      'program_items.ends_at',
      'program_items.category',
      'program_items.languages',
      'program_items.accessibility',
      'program_items.status',
      'program_items.recurrence_rule',
      'program_items.updated_at',
      'program_items.edition_id',
      'program_items.stage_id',
      'editions.slug as edition_slug',
      'editions.title as edition_title',
      'editions.starts_on as edition_starts_on',
      'editions.ends_on as edition_ends_on',
      'series.slug as series_slug',
      'series.name as series_name',
      'stages.slug as stage_slug',
      'stages.name as stage_name',
      'venues.name as venue_name',
      'venues.address as venue_address',
      'venues.lat as venue_lat',
      'venues.lng as venue_lng',
      'organisations.slug as host_slug',
      'organisations.name as host_name',
    ])
    .where('editions.status', 'in', PUBLIC_STATUSES);

  if (options.uids) query = query.where('program_items.uid', 'in', options.uids);
  if (filter.series.length) query = query.where('series.slug', 'in', filter.series);
  if (filter.edition.length) query = query.where('editions.slug', 'in', filter.edition);
  if (filter.category.length) query = query.where('program_items.category', 'in', filter.category);
  if (filter.organisation.length) query = query.where('organisations.slug', 'in', filter.organisation);
  if (filter.stage.length) {
    // "edition-slug/stage-slug" names one stage; a plain stage slug matches it in any edition.
    query = query.where((eb) =>
      eb.or(
        filter.stage.map((value) => {
          const [edition, stage] = value.includes('/') ? value.split('/', 2) : [null, value];
          return edition
            ? eb.and([eb('editions.slug', '=', edition), eb('stages.slug', '=', stage ?? '')])
            : eb('stages.slug', '=', stage ?? '');
        }),
      ),
    );
  }
  if (filter.language.length) query = query.where(jsonListHasAny('program_items.languages', filter.language));
  if (filter.accessibility.length) query = query.where(jsonListHasAny('program_items.accessibility', filter.accessibility));
  if (dayRanges.length) {
    query = query.where((eb) =>
      eb.or(dayRanges.map((r) => eb.and([eb('program_items.starts_at', '>=', r.from), eb('program_items.starts_at', '<', r.to)]))),
    );
  }
  if (options.dropCancelledEndedBefore) {
    const today = options.dropCancelledEndedBefore;
    query = query.where((eb) => eb.or([eb('program_items.status', '!=', 'cancelled'), eb('editions.ends_on', '>=', today)]));
  }
  return query.orderBy('program_items.starts_at').orderBy('program_items.id').execute();
}

export type PublicProgramItem = Awaited<ReturnType<typeof findPublicProgramItems>>[number];

/** True when the JSON array in `column` holds one of `values`. */
function jsonListHasAny(column: 'program_items.languages' | 'program_items.accessibility', values: string[]): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from json_each(${sql.ref(column)}) where json_each.value in (${sql.join(values)}))`;
}

/** The latest schedule release of these editions: the feed's Last-Modified. */
export async function latestReleaseOf(db: DB, editionIds: number[]): Promise<string | null> {
  if (editionIds.length === 0) return null;
  const row = await db
    .selectFrom('schedule_releases')
    .select((eb) => eb.fn.max('published_at').as('published_at'))
    .where('edition_id', 'in', editionIds)
    .executeTakeFirst();
  return row?.published_at ?? null;
}

/** What the filter form offers: every value that occurs in a public program. */
export async function programFacets(db: DB) {
  const [series, editions, stages, organisations, languages, categories] = await Promise.all([
    db
      .selectFrom('series')
      .select(['series.slug', 'series.name'])
      .where((eb) => eb.exists(eb.selectFrom('editions').select('editions.id').whereRef('editions.series_id', '=', 'series.id').where('editions.status', 'in', PUBLIC_STATUSES)))
      .orderBy('series.id')
      .execute(),
    db
      .selectFrom('editions')
      .innerJoin('series', 'series.id', 'editions.series_id')
      .select(['editions.slug', 'editions.title', 'editions.starts_on', 'editions.ends_on', 'series.slug as series_slug'])
      .where('editions.status', 'in', PUBLIC_STATUSES)
      .orderBy('editions.starts_on', 'desc')
      .execute(),
    db
      .selectFrom('stages')
      .innerJoin('editions', 'editions.id', 'stages.edition_id')
      .select(['stages.slug', 'stages.name', 'editions.slug as edition_slug', 'editions.title as edition_title'])
      .where('editions.status', 'in', PUBLIC_STATUSES)
      .where((eb) => eb.exists(eb.selectFrom('program_items').select('program_items.id').whereRef('program_items.stage_id', '=', 'stages.id')))
      .orderBy('editions.starts_on', 'desc')
      .orderBy('stages.sort_order')
      .execute(),
    db
      .selectFrom('organisations')
      .select(['organisations.slug', 'organisations.name'])
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('program_items')
            .innerJoin('editions', 'editions.id', 'program_items.edition_id')
            .select('program_items.id')
            .whereRef('program_items.host_organisation_id', '=', 'organisations.id')
            .where('editions.status', 'in', PUBLIC_STATUSES),
        ),
      )
      .orderBy('organisations.name')
      .execute(),
    sql<{ value: string }>`select distinct json_each.value as value
      from program_items join editions on editions.id = program_items.edition_id, json_each(program_items.languages)
      where editions.status in ('published', 'archived') order by 1`.execute(db),
    db
      .selectFrom('program_items')
      .innerJoin('editions', 'editions.id', 'program_items.edition_id')
      .select('program_items.category')
      .distinct()
      .where('editions.status', 'in', PUBLIC_STATUSES)
      .orderBy('program_items.category')
      .execute(),
  ]);
  return {
    series,
    editions,
    stages,
    organisations,
    languages: languages.rows.map((r) => r.value),
    categories: categories.map((c) => c.category),
  };
}

/** Public items by uid (for "my program"); unknown or non-public uids are left out. */
export async function existingPublicUids(db: DB, uids: string[]): Promise<string[]> {
  if (uids.length === 0) return [];
  const rows = await db
    .selectFrom('program_items')
    .innerJoin('editions', 'editions.id', 'program_items.edition_id')
    .select('program_items.uid')
    .where('program_items.uid', 'in', uids)
    .where('editions.status', 'in', PUBLIC_STATUSES)
    .execute();
  return rows.map((r) => r.uid);
}
