/**
 * The two registration transitions payments cause: approved → confirmed (fee paid or
 * waived) and confirmed → cancelled (an organiser cancels a paid stand, with a refund).
 *
 * MERGE NOTE: the registration branch owns the state machine. On merge, these two
 * functions become calls to its transition function; callers here need not change.
 */
import type { Transaction } from 'kysely';
import type { Database, RegistrationState } from '../../../db/schema';

export interface StateChange {
  registrationId: number;
  from: readonly RegistrationState[];
  to: RegistrationState;
  actorPersonId: number | null;
  reason: string | null;
  at?: string;
}

/**
 * Moves a registration from one of `from` to `to` and records who and why. Conditional on
 * the current state, so the same cause twice (a webhook delivered twice) changes it once.
 * Returns whether it changed.
 */
export async function changeRegistrationState(trx: Transaction<Database>, change: StateChange): Promise<boolean> {
  const at = change.at ?? new Date().toISOString();
  const current = await trx.selectFrom('registrations').select('state').where('id', '=', change.registrationId).executeTakeFirst();
  if (!current || !change.from.includes(current.state)) return false;
  const updated = await trx
    .updateTable('registrations')
    .set({ state: change.to, updated_at: at })
    .where('id', '=', change.registrationId)
    .where('state', '=', current.state)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return false;
  await trx
    .insertInto('registration_events')
    .values({
      registration_id: change.registrationId,
      from_state: current.state,
      to_state: change.to,
      actor_person_id: change.actorPersonId,
      reason: change.reason,
      created_at: at,
    })
    .execute();
  return true;
}

/** approved → confirmed, once the fee is paid or waived. */
export function markRegistrationConfirmed(trx: Transaction<Database>, registrationId: number, actor: number | null, reason: string | null): Promise<boolean> {
  return changeRegistrationState(trx, { registrationId, from: ['approved'], to: 'confirmed', actorPersonId: actor, reason });
}

/** confirmed → cancelled, when an organiser cancels a paid stand. */
export function markRegistrationCancelled(trx: Transaction<Database>, registrationId: number, actor: number | null, reason: string | null): Promise<boolean> {
  return changeRegistrationState(trx, { registrationId, from: ['confirmed'], to: 'cancelled', actorPersonId: actor, reason });
}
