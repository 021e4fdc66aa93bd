/**
 * An association's profile, kept across editions, and its contact people. Any contact
 * person may change the profile; only owners invite others (invitations.server.ts).
 */
import { jsonArrayFrom } from 'kysely/helpers/sqlite';
import { nestedRows, type DB } from '../../../db/connection';
import { NotFoundError } from '../errors';
import { LOCALES } from '../../lib/i18n';
import type { OrganisationForm } from './profile.schema';
import { slugify } from '../../lib/slug';


function columnsOf(form: OrganisationForm) {
  const description: Record<string, string> = {};
  for (const locale of LOCALES) {
    const text = form[`description_${locale}`];
    if (text) description[locale] = text;
  }
  return {
    name: form.name,
    legal_form: form.legalForm || null,
    description: JSON.stringify(description),
    website: form.website ?? null,
    categories: JSON.stringify(form.categories),
    languages: JSON.stringify(form.languages),
  };
}

export async function listMyOrganisations(db: DB, personId: number) {
  return db
    .selectFrom('organisations')
    .innerJoin('memberships', 'memberships.organisation_id', 'organisations.id')
    .select(['organisations.id', 'organisations.name', 'organisations.slug', 'memberships.role'])
    .where('memberships.person_id', '=', personId)
    .orderBy('organisations.name')
    .execute();
}

/** Creates the profile and makes its creator the owner, in one transaction. */
export async function createOrganisation(db: DB, personId: number, form: OrganisationForm): Promise<{ id: number; slug: string }> {
  return db.transaction().execute(async (trx) => {
    const base = slugify(form.name) || 'organisation';
    const taken = new Set(
      (await trx.selectFrom('organisations').select('slug').where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)])).execute()).map(
        (r) => r.slug,
      ),
    );
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    const org = await trx.insertInto('organisations').values({ slug, ...columnsOf(form) }).returning(['id', 'slug']).executeTakeFirstOrThrow();
    await trx.insertInto('memberships').values({ person_id: personId, organisation_id: org.id, role: 'owner' }).execute();
    return org;
  });
}

export async function updateOrganisation(db: DB, personId: number, organisationId: number, form: OrganisationForm): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await getMembership(trx, personId, organisationId);
    await trx.updateTable('organisations').set(columnsOf(form)).where('id', '=', organisationId).execute();
  });
}

/** The person's role in the organisation; NotFound for a foreign organisation (its existence stays private). */
export async function getMembership(db: DB, personId: number, organisationId: number): Promise<'owner' | 'member'> {
  const row = await db
    .selectFrom('memberships')
    .select('role')
    .where('person_id', '=', personId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('registration:errors.organisationNotFound');
  return row.role;
}

/** The profile with its contact people and open invitations, for one of its contact people. */
export async function getOrganisationForMember(db: DB, personId: number, organisationId: number, now: Date = new Date()) {
  const role = await getMembership(db, personId, organisationId);
  const org = await db
    .selectFrom('organisations')
    .selectAll()
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('memberships')
          .innerJoin('people', 'people.id', 'memberships.person_id')
          .select(['people.id', 'people.name', 'people.email', 'memberships.role'])
          .whereRef('memberships.organisation_id', '=', 'organisations.id')
          .orderBy('memberships.created_at'),
      ).as('members'),
      jsonArrayFrom(
        eb
          .selectFrom('invitations')
          .select(['invitations.id', 'invitations.email', 'invitations.expires_at'])
          .whereRef('invitations.organisation_id', '=', 'organisations.id')
          .where('invitations.accepted_at', 'is', null)
          .where('invitations.expires_at', '>', now.toISOString())
          .orderBy('invitations.id'),
      ).as('invitations'),
    ])
    .where('organisations.id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return { ...org, role, members: nestedRows(org.members), invitations: nestedRows(org.invitations) };
}
