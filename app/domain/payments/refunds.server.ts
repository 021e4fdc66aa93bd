/**
 * Cancelling a paid stand, with a full or partial refund. The cancellation, the refund
 * rows and the message to the association are one transaction. Stripe refunds are then
 * sent after the commit with an idempotency key per refund row, so a retry (a timeout, the
 * organiser pressing "retry") never refunds twice; their state is settled from Stripe's
 * answer or from its webhook, whichever comes first. Bank-transfer refunds are made by
 * hand from the city's account and recorded as done.
 */
import type { Transaction } from 'kysely';
import type Stripe from 'stripe';
import type { DB } from '../../../db/connection';
import type { Database, Person } from '../../../db/schema';
import { ConflictError, ValidationError } from '../errors';
import { publicUrl as configuredPublicUrl } from './config.server';
import { requireFeeContext } from './fees.server';
import { notifyOrganisation } from './notify.server';
import { markRegistrationCancelled } from './registration-state.server';

export function refundIdempotencyKey(refundId: number): string {
  return `refund-${refundId}`;
}

export interface CancelInput {
  registrationId: number;
  refundCents: number;
  reason: string;
  organiser: Pick<Person, 'id'>;
  now?: Date;
  publicUrl?: string;
}

export interface CancelResult {
  /** Stripe refunds written as pending; send them with sendStripeRefund after the commit */
  stripeRefundIds: number[];
  refundedCents: number;
}

/** What can still be refunded per payment, newest first. */
async function refundable(trx: Transaction<Database>, registrationId: number) {
  const payments = await trx
    .selectFrom('payments')
    .select(['id', 'method', 'received_cents', 'stripe_payment_intent_id'])
    .select((eb) =>
      eb
        .selectFrom('refunds')
        .select((x) => x.fn.coalesce(x.fn.sum<number>('refunds.amount_cents'), x.lit(0)).as('s'))
        .whereRef('refunds.payment_id', '=', 'payments.id')
        .where('refunds.state', 'in', ['pending', 'done'])
        .as('refunded'),
    )
    .where('registration_id', '=', registrationId)
    .where('state', 'in', ['confirmed', 'refunded'])
    .orderBy('id', 'desc')
    .execute();
  return payments.map((p) => ({ ...p, left: (p.received_cents ?? 0) - Number(p.refunded ?? 0) })).filter((p) => p.left > 0);
}

export async function cancelPaidStand(db: DB, input: CancelInput): Promise<CancelResult> {
  const at = (input.now ?? new Date()).toISOString();
  const reason = input.reason.trim();
  if (!reason) throw new ValidationError('payments:errors.reasonRequired', { reason: 'payments:errors.reasonRequired' });
  if (!Number.isInteger(input.refundCents) || input.refundCents < 0) {
    throw new ValidationError('payments:errors.amount', { refund: 'payments:errors.amount' });
  }
  return db.transaction().execute(async (trx) => {
    const context = await requireFeeContext(trx, input.registrationId);
    if (context.state !== 'confirmed') throw new ConflictError('payments:errors.notPaid');
    const payments = await refundable(trx, context.registrationId);
    const max = payments.reduce((s, p) => s + p.left, 0);
    if (payments.length === 0) throw new ConflictError('payments:errors.notPaid');
    if (input.refundCents > max) {
      throw new ValidationError('payments:errors.refundTooHigh', { refund: 'payments:errors.refundTooHigh' }, { max });
    }
    const base = input.publicUrl ?? configuredPublicUrl();
    // the registration domain writes the cancellation and its email (with the reason); ours is about the money
    await markRegistrationCancelled(trx, context.registrationId, input.organiser.id, reason, { publicUrl: base, now: new Date(at) });

    const stripeRefundIds: number[] = [];
    let remaining = input.refundCents;
    for (const p of payments) {
      if (remaining === 0) break;
      const amount = Math.min(p.left, remaining);
      remaining -= amount;
      const bank = p.method === 'bank_transfer';
      const refund = await trx
        .insertInto('refunds')
        .values({
          payment_id: p.id,
          amount_cents: amount,
          state: bank ? 'done' : 'pending',
          reason,
          created_by: input.organiser.id,
          created_at: at,
          done_at: bank ? at : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (bank) await markFullyRefunded(trx, p.id);
      else stripeRefundIds.push(refund.id);
    }
    if (input.refundCents > 0) {
      await notifyOrganisation(trx, context.organisationId, {
        template: 'payment-refunded',
        payload: {
          organisation: context.organisationName,
          edition: context.editionTitle,
          refundCents: input.refundCents,
          method: payments[0]!.method,
          url: `${base}/account/applications/${context.registrationId}/payment`,
        },
        dedupeKey: `payment-refunded:${context.registrationId}`,
      });
    }
    return { stripeRefundIds, refundedCents: input.refundCents };
  });
}

/** A payment whose refunds (done) cover what arrived is 'refunded'. */
export async function markFullyRefunded(trx: Transaction<Database>, paymentId: number): Promise<void> {
  const row = await trx
    .selectFrom('payments')
    .select(['received_cents'])
    .select((eb) =>
      eb
        .selectFrom('refunds')
        .select((x) => x.fn.coalesce(x.fn.sum<number>('refunds.amount_cents'), x.lit(0)).as('s'))
        .whereRef('refunds.payment_id', '=', 'payments.id')
        .where('refunds.state', '=', 'done')
        .as('done'),
    )
    .where('id', '=', paymentId)
    .executeTakeFirst();
  if (row && Number(row.done ?? 0) >= (row.received_cents ?? 0) && (row.received_cents ?? 0) > 0) {
    await trx.updateTable('payments').set({ state: 'refunded', updated_at: new Date().toISOString() }).where('id', '=', paymentId).where('state', '=', 'confirmed').execute();
  }
}

/**
 * Records what Stripe says about one of our refunds. Only a pending refund changes, so the
 * API answer and the webhook can arrive in either order.
 */
export async function applyStripeRefund(
  trx: Transaction<Database>,
  refundId: number,
  stripeRefund: { id: string; status: string | null; failure_reason?: string | null },
  at: string = new Date().toISOString(),
): Promise<void> {
  const status = stripeRefund.status;
  if (status === 'succeeded') {
    await trx
      .updateTable('refunds')
      .set({ state: 'done', stripe_refund_id: stripeRefund.id, done_at: at, last_error: null })
      .where('id', '=', refundId)
      .where('state', '=', 'pending')
      .execute();
  } else if (status === 'failed' || status === 'canceled') {
    await trx
      .updateTable('refunds')
      .set({ state: 'failed', stripe_refund_id: stripeRefund.id, last_error: stripeRefund.failure_reason ?? status })
      .where('id', '=', refundId)
      .where('state', '=', 'pending')
      .execute();
  } else {
    await trx.updateTable('refunds').set({ stripe_refund_id: stripeRefund.id }).where('id', '=', refundId).where('state', '=', 'pending').execute();
  }
  const row = await trx.selectFrom('refunds').select('payment_id').where('id', '=', refundId).executeTakeFirst();
  if (row) await markFullyRefunded(trx, row.payment_id);
}

/** Sends one pending Stripe refund; true when Stripe took it. Safe to call again. */
export async function sendStripeRefund(db: DB, stripe: Stripe, refundId: number): Promise<boolean> {
  const row = await db
    .selectFrom('refunds')
    .innerJoin('payments', 'payments.id', 'refunds.payment_id')
    .select(['refunds.id', 'refunds.state', 'refunds.amount_cents', 'payments.stripe_payment_intent_id', 'payments.registration_id'])
    .where('refunds.id', '=', refundId)
    .executeTakeFirst();
  if (!row || row.state !== 'pending') return false;
  if (!row.stripe_payment_intent_id) {
    await db.updateTable('refunds').set({ last_error: 'no Stripe payment to refund' }).where('id', '=', refundId).execute();
    return false;
  }
  try {
    const refund = await stripe.refunds.create(
      {
        payment_intent: row.stripe_payment_intent_id,
        amount: row.amount_cents,
        reason: 'requested_by_customer',
        metadata: { festplatz_refund_id: String(row.id), registration_id: String(row.registration_id) },
      },
      { idempotencyKey: refundIdempotencyKey(row.id) },
    );
    await db.transaction().execute((trx) => applyStripeRefund(trx, row.id, refund));
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.updateTable('refunds').set({ last_error: message.slice(0, 500) }).where('id', '=', refundId).where('state', '=', 'pending').execute();
    return false;
  }
}
