import { jsonArrayFrom } from 'kysely/helpers/sqlite';
import { nestedRows, type DB } from '../../../db/connection';
import { NotFoundError } from '../errors';

const PUBLIC_STATUSES = ['published', 'archived'] as const;

/** Every series with its public editions, newest first, split at `today` (a Berlin day). */
export async function listSeriesWithEditions(db: DB, today: string) {
  const rows = await db
    .selectFrom('series')
    .select((eb) => [
      'series.id',
      'series.slug',
      'series.name',
      'series.description',
      jsonArrayFrom(
        eb
          .selectFrom('editions')
          .select(['editions.id', 'editions.slug', 'editions.year', 'editions.title', 'editions.starts_on', 'editions.ends_on', 'editions.status'])
          .whereRef('editions.series_id', '=', 'series.id')
          .where('editions.status', 'in', PUBLIC_STATUSES)
          .orderBy('editions.starts_on', 'desc'),
      ).as('editions'),
    ])
    // a series appears once it has a published edition
    .where((eb) => eb.exists(eb.selectFrom('editions').select('editions.id').whereRef('editions.series_id', '=', 'series.id').where('editions.status', 'in', PUBLIC_STATUSES)))
    .orderBy('series.id')
    .execute();
  return rows.map(({ editions: nested, ...series }) => {
    const editions = nestedRows(nested);
    return {
      ...series,
      upcoming: editions.filter((e) => e.ends_on >= today).reverse(),
      past: editions.filter((e) => e.ends_on < today),
    };
  });
}

/** An edition as the public sees it: dates, venues, stages and the program. */
export async function getPublicEdition(db: DB, slug: string) {
  const edition = await db
    .selectFrom('editions')
    .innerJoin('series', 'series.id', 'editions.series_id')
    .select([
      'editions.id',
      'editions.slug',
      'editions.year',
      'editions.title',
      'editions.description',
      'editions.starts_on',
      'editions.ends_on',
      'editions.registration_opens_at',
      'editions.registration_closes_at',
      'editions.status',
      'editions.cancelled_at',
      'series.slug as series_slug',
      'series.name as series_name',
    ])
    .where('editions.slug', '=', slug)
    .where('editions.status', 'in', PUBLIC_STATUSES)
    .executeTakeFirst();
  if (!edition) throw new NotFoundError('errors.editionNotFound');

  const [venues, stages, items] = await Promise.all([
    db.selectFrom('venues').selectAll().where('edition_id', '=', edition.id).orderBy('id').execute(),
    db.selectFrom('stages').selectAll().where('edition_id', '=', edition.id).orderBy('sort_order').orderBy('id').execute(),
    db
      .selectFrom('program_items')
      .leftJoin('organisations', 'organisations.id', 'program_items.host_organisation_id')
      .select([
        'program_items.id',
        'program_items.uid',
        'program_items.title',
        'program_items.starts_at',
        'program_items.ends_at',
        'program_items.stage_id',
        'program_items.category',
        'program_items.languages',
        'program_items.accessibility',
        'program_items.status',
        'organisations.name as host_name',
        'organisations.slug as host_slug',
      ])
      .where('program_items.edition_id', '=', edition.id)
      .orderBy('program_items.starts_at')
      .orderBy('program_items.id')
      .execute(),
  ]);
  return { edition, venues, stages, items };
}
