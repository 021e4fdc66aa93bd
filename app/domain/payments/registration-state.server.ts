/**
 * The two registration transitions payments cause: approved → confirmed (fee paid or
 * waived) and confirmed → cancelled (an organiser cancels a paid stand, with a refund).
 * Both go through the registration domain's one transition function
 * (`transitionRegistration`, docs/decisions/040), which checks the transition table,
 * writes the state and its `registration_events` row, and mails the association where
 * that move sends mail (cancellation; a confirmation sends none: the receipt is the message).
 */
import type { Transaction } from 'kysely';
import type { Database, RegistrationState } from '../../../db/schema';
import { transitionRegistration, type Actor } from '../registrations/transition.server';
import { publicUrl as configuredPublicUrl } from './config.server';

export interface StateChange {
  registrationId: number;
  from: RegistrationState;
  to: RegistrationState;
  /** a person (an organiser) or null for the system (a Stripe webhook) */
  actorPersonId: number | null;
  reason: string | null;
  publicUrl?: string;
  now?: Date;
}

/**
 * Moves a registration from `from` to `to` through the transition function. Conditional on
 * the current state, so the same cause twice (a webhook delivered twice) changes it once:
 * returns false, without error, when the registration is no longer in `from`.
 */
export async function changeRegistrationState(trx: Transaction<Database>, change: StateChange): Promise<boolean> {
  const current = await trx.selectFrom('registrations').select('state').where('id', '=', change.registrationId).executeTakeFirst();
  if (!current || current.state !== change.from) return false;
  const actor: Actor = change.actorPersonId === null ? { kind: 'system' } : { kind: 'organiser', personId: change.actorPersonId };
  await transitionRegistration(trx, {
    registrationId: change.registrationId,
    to: change.to,
    actor,
    reason: change.reason,
    publicUrl: change.publicUrl ?? configuredPublicUrl(),
    now: change.now,
  });
  return true;
}

/** approved → confirmed, once the fee is paid or waived. */
export function markRegistrationConfirmed(
  trx: Transaction<Database>,
  registrationId: number,
  actor: number | null,
  reason: string | null,
  options: { publicUrl?: string; now?: Date } = {},
): Promise<boolean> {
  return changeRegistrationState(trx, { registrationId, from: 'approved', to: 'confirmed', actorPersonId: actor, reason, ...options });
}

/** confirmed → cancelled, when an organiser cancels a paid stand (a reason is required). */
export function markRegistrationCancelled(
  trx: Transaction<Database>,
  registrationId: number,
  actor: number,
  reason: string,
  options: { publicUrl?: string; now?: Date } = {},
): Promise<boolean> {
  return changeRegistrationState(trx, { registrationId, from: 'confirmed', to: 'cancelled', actorPersonId: actor, reason, ...options });
}
