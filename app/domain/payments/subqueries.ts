/**
 * Correlated subqueries over a registration selected as `r`, shared by every payments
 * query that lists registrations with their fee state.
 */
import type { ExpressionBuilder } from 'kysely';
import type { Database, RegistrationsTable } from '../../../db/schema';

type WithR = ExpressionBuilder<Database & { r: RegistrationsTable }, 'r'>;

/** When the registration was (last) approved: the start of its payment deadline. */
export function approvedAtOf(eb: WithR) {
  return eb
    .selectFrom('registration_events as ev')
    .select((x) => x.fn.max('ev.created_at').as('at'))
    .whereRef('ev.registration_id', '=', 'r.id')
    .where('ev.to_state', '=', 'approved')
    .as('approved_at');
}

/** What has been received for it so far, in cents (refunded payments included: refunds are counted apart). */
export function paidCentsOf(eb: WithR) {
  return eb
    .selectFrom('payments as p')
    .select((x) => x.fn.coalesce(x.fn.sum<number>('p.received_cents'), x.lit(0)).as('s'))
    .whereRef('p.registration_id', '=', 'r.id')
    .where('p.state', 'in', ['confirmed', 'refunded'])
    .as('paid_cents');
}
