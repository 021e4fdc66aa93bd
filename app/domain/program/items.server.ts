import type { DB } from '../../../db/connection';
import { NotFoundError } from '../errors';

/** One program item with where it happens and who hosts it. */
export async function getPublicProgramItem(db: DB, uid: string) {
  const item = await db
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
      'program_items.updated_at',
      'editions.slug as edition_slug',
      'editions.title as edition_title',
      'series.name as series_name',
      'stages.name as stage_name',
      'venues.name as venue_name',
      'venues.address as venue_address',
      'organisations.name as host_name',
      'organisations.slug as host_slug',
    ])
    .where('program_items.uid', '=', uid)
    .where('editions.status', 'in', ['published', 'archived'])
    .executeTakeFirst();
  if (!item) throw new NotFoundError('errors.itemNotFound');
  return item;
}
