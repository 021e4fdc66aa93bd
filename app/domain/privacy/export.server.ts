/**
 * Art. 15 GDPR: everything the platform holds about a person, as one JSON document.
 * Each area contributes a section; another area (payments) adds its own to
 * `dataExportSections` (one line, see the end of this file).
 */
import type { DB } from '../../../db/connection';
import type { Person } from '../../../db/schema';
import { nestedRows } from '../../../db/connection';
import { jsonArrayFrom } from 'kysely/helpers/sqlite';
import { NotFoundError } from '../errors';
import { volunteerDataOf } from '../volunteers/privacy.server';

export interface ExportSection {
  name: string;
  collect: (db: DB, person: Person) => Promise<unknown>;
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

const organisationIds = (db: DB, personId: number) => db.selectFrom('memberships').select('organisation_id').where('person_id', '=', personId);

export const dataExportSections: ExportSection[] = [
  {
    name: 'memberships',
    collect: (db, person) =>
      db
        .selectFrom('memberships')
        .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
        .select(['memberships.role', 'memberships.created_at', 'organisations.slug as organisation'])
        .where('memberships.person_id', '=', person.id)
        .execute(),
  },
  {
    name: 'organisations',
    collect: async (db, person) =>
      (
        await db
          .selectFrom('organisations')
          .select(['id', 'slug', 'name', 'legal_form', 'description', 'website', 'categories', 'languages', 'created_at'])
          .where('id', 'in', organisationIds(db, person.id))
          .execute()
      ).map((o) => ({ ...o, description: parse(o.description), categories: parse(o.categories), languages: parse(o.languages) })),
  },
  {
    name: 'applications',
    collect: async (db, person) => {
      const rows = await db
        .selectFrom('registrations')
        .innerJoin('editions', 'editions.id', 'registrations.edition_id')
        .innerJoin('organisations', 'organisations.id', 'registrations.organisation_id')
        .innerJoin('stand_types', 'stand_types.id', 'registrations.stand_type_id')
        .selectAll('registrations')
        .select((eb) => [
          'editions.slug as edition',
          'organisations.slug as organisation',
          'stand_types.slug as stand_type',
          jsonArrayFrom(
            eb
              .selectFrom('registration_events')
              .select(['registration_events.from_state', 'registration_events.to_state', 'registration_events.reason', 'registration_events.created_at'])
              .whereRef('registration_events.registration_id', '=', 'registrations.id')
              .orderBy('registration_events.id'),
          ).as('history'),
        ])
        .where('registrations.organisation_id', 'in', organisationIds(db, person.id))
        .orderBy('registrations.id')
        .execute();
      return rows.map((r) => ({ ...r, history: nestedRows(r.history) }));
    },
  },
  {
    name: 'seriesTeams',
    collect: (db, person) =>
      db
        .selectFrom('series_team_members')
        .innerJoin('series', 'series.id', 'series_team_members.series_id')
        .select(['series.slug as series', 'series_team_members.created_at'])
        .where('series_team_members.person_id', '=', person.id)
        .execute(),
  },
  {
    name: 'secondFactor',
    collect: async (db, person) => {
      const row = await db.selectFrom('totp_credentials').select(['confirmed_at', 'created_at']).where('person_id', '=', person.id).executeTakeFirst();
      // the secret itself is never handed out again
      return row ? { enrolled: Boolean(row.confirmed_at), enrolledAt: row.confirmed_at } : { enrolled: false, enrolledAt: null };
    },
  },
  {
    name: 'signInLinks',
    collect: (db, person) =>
      db
        .selectFrom('sign_in_tokens')
        .select(['created_at', 'expires_at', 'used_at', 'redirect_to', 'locale'])
        .where('email', '=', person.email)
        .orderBy('id')
        .execute(),
  },
  {
    name: 'emails',
    collect: (db, person) =>
      // Payloads can hold live sign-in links: only what was sent when, not the links themselves.
      db
        .selectFrom('outbox')
        .select(['template', 'locale', 'status', 'attempts', 'created_at', 'sent_at'])
        .where('to_address', '=', person.email)
        .orderBy('id')
        .execute(),
  },
  {
    name: 'consents',
    collect: (db, person) =>
      db
        .selectFrom('consents')
        .select(['kind', 'text_version', 'subject_type', 'subject_id', 'given_at', 'withdrawn_at'])
        .where('person_id', '=', person.id)
        .orderBy('id')
        .execute(),
  },
  {
    name: 'actionsInTheOffice',
    collect: async (db, person) =>
      (
        await db
          .selectFrom('audit_log')
          .select(['action', 'subject_type', 'subject_id', 'details', 'created_at'])
          .where('actor_person_id', '=', person.id)
          .orderBy('id')
          .execute()
      ).map((a) => ({ ...a, details: parse(a.details) })),
  },
  // Payments (at merge): { name: 'payments', collect: (db, person) => paymentsOfPerson(db, person) },
  { name: 'volunteering', collect: (db, person) => volunteerDataOf(db, person) },
];

export interface PersonalData {
  generatedAt: string;
  about: string;
  person: { id: number; email: string; name: string; locale: string; role: string; createdAt: string };
  /** one entry per section of dataExportSections */
  [section: string]: unknown;
}

export async function collectPersonalData(db: DB, personId: number, now: Date = new Date()): Promise<PersonalData> {
  const person = await db.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirst();
  if (!person || person.erased_at) throw new NotFoundError('admin:privacy.errors.personNotFound');
  const sections: Record<string, unknown> = {};
  for (const section of dataExportSections) sections[section.name] = await section.collect(db, person);
  return {
    generatedAt: now.toISOString(),
    about: 'Festplatz: personal data (Art. 15 GDPR)',
    person: { id: person.id, email: person.email, name: person.name, locale: person.locale, role: person.role, createdAt: person.created_at },
    ...sections,
  };
}
