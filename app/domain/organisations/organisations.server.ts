import { jsonArrayFrom } from 'kysely/helpers/sqlite';
import { nestedRows, type DB } from '../../../db/connection';
import { NotFoundError } from '../errors';

export async function listOrganisations(db: DB) {
  return db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name', 'legal_form', 'description', 'categories', 'languages', 'website'])
    .orderBy('name')
    .execute();
}

/** An organisation's public profile and the program items it hosts in public editions. */
export async function getPublicOrganisation(db: DB, slug: string) {
  const organisation = await db
    .selectFrom('organisations')
    .select((eb) => [
      'organisations.id',
      'organisations.slug',
      'organisations.name',
      'organisations.legal_form',
      'organisations.description',
      'organisations.website',
      'organisations.categories',
      'organisations.languages',
      jsonArrayFrom(
        eb
          .selectFrom('program_items')
          .innerJoin('editions', 'editions.id', 'program_items.edition_id')
          .select(['program_items.uid', 'program_items.title', 'program_items.starts_at', 'program_items.status', 'editions.title as edition_title'])
          .whereRef('program_items.host_organisation_id', '=', 'organisations.id')
          .where('editions.status', 'in', ['published', 'archived'])
          .orderBy('program_items.starts_at', 'desc'),
      ).as('items'),
    ])
    .where('organisations.slug', '=', slug)
    .executeTakeFirst();
  if (!organisation) throw new NotFoundError('errors.organisationNotFound');
  return { ...organisation, items: nestedRows(organisation.items) };
}
