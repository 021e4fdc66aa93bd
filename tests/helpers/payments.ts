import { signIn } from './auth';
/** Shared steps of the payment tests: demo registrations by name, approving one, reading mail. */
import type { DB } from '../../db/connection';
import type { RegistrationState } from '../../db/schema';
import type { TestSmtp } from './mail';

export async function registrationOf(db: DB, editionSlug: string, organisationSlug: string) {
  return db
    .selectFrom('registrations as r')
    .innerJoin('editions as e', 'e.id', 'r.edition_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .innerJoin('stand_types as st', 'st.id', 'r.stand_type_id')
    .select(['r.id', 'r.state', 'r.organisation_id', 'o.name as organisation', 'st.fee_cents', 'st.slug as stand_type', 'e.year'])
    .where('e.slug', '=', editionSlug)
    .where('o.slug', '=', organisationSlug)
    .executeTakeFirstOrThrow();
}

export async function personId(db: DB, email: string): Promise<number> {
  return (await db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}

/**
 * Puts a demo registration into 'approved' as the registration branch's approve step would
 * (state and history row), for tests that need more approved stands than the demo has.
 */
export async function approve(db: DB, registrationId: number, at = '2026-11-20T10:00:00.000Z'): Promise<void> {
  const current = await db.selectFrom('registrations').select('state').where('id', '=', registrationId).executeTakeFirstOrThrow();
  await db.updateTable('registrations').set({ state: 'approved' as RegistrationState, updated_at: at }).where('id', '=', registrationId).execute();
  await db.insertInto('registration_events').values({ registration_id: registrationId, from_state: current.state, to_state: 'approved', reason: 'test', created_at: at }).execute();
}

export async function outboxFor(db: DB, template: string) {
  return db.selectFrom('outbox').selectAll().where('template', '=', template).orderBy('id').execute();
}

/** Signs in through the real email link, reading the link from a test SMTP server. */
/** Signs in through the real email link (and, for office people, the second factor) via the test SMTP server. */
export async function signInBySmtp(serverUrl: string, smtp: TestSmtp, email: string, _publicUrl = serverUrl): Promise<string> {
  return signIn(serverUrl, smtp, email);
}
