import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema';
import type { EmailTemplate } from '../mail/templates';
import { enqueueMail } from '../mail/outbox.server';

/**
 * Writes one message per member of the organisation, each in the member's language, in the
 * caller's transaction. `dedupeKey` makes the cause idempotent: the same key for the same
 * person is written once, however often the cause is seen (a webhook delivered twice).
 */
export async function notifyOrganisation(
  trx: Transaction<Database>,
  organisationId: number,
  mail: { template: EmailTemplate; payload: object; dedupeKey: string },
): Promise<number> {
  const members = await trx
    .selectFrom('memberships')
    .innerJoin('people', 'people.id', 'memberships.person_id')
    .select(['people.id', 'people.email', 'people.locale'])
    .where('memberships.organisation_id', '=', organisationId)
    .orderBy('people.id')
    .execute();
  for (const m of members) {
    await enqueueMail(trx, { to: m.email, locale: m.locale, template: mail.template, payload: mail.payload, dedupeKey: `${mail.dedupeKey}:${m.id}` });
  }
  return members.length;
}
