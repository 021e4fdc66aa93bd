/**
 * Without Stripe the fee is transferred with the registration's reference; an organiser
 * books the transfer when it shows up on the city's account. The amount is what arrived:
 * less than owed is flagged and leaves the rest outstanding, more is flagged for a refund.
 */
import type { DB } from '../../../db/connection';
import type { Person } from '../../../db/schema';
import { ConflictError, ValidationError } from '../errors';
import { settlePayment, type Settled } from './confirm.server';
import { balanceOf, requireFeeContext } from './fees.server';
import { publicUrl } from './config.server';

export interface BankTransferInput {
  registrationId: number;
  amountCents: number;
  /** Berlin day the money arrived */
  receivedOn: string;
  note?: string | null;
  organiser: Pick<Person, 'id'>;
  now?: Date;
  publicUrl?: string;
}

export async function recordBankTransfer(db: DB, input: BankTransferInput): Promise<Settled & { paymentId: number }> {
  if (input.amountCents <= 0) throw new ValidationError('payments:errors.amount', { amount: 'payments:errors.amount' });
  const at = (input.now ?? new Date()).toISOString();
  return db.transaction().execute(async (trx) => {
    const context = await requireFeeContext(trx, input.registrationId);
    if (context.feeCents === 0) throw new ConflictError('payments:errors.noFee');
    if (context.state !== 'approved') throw new ConflictError('payments:errors.notAwaitingPayment');
    const balance = await balanceOf(trx, context.registrationId);
    if (balance.waiver === 'granted') throw new ConflictError('payments:errors.waived');
    const outstanding = Math.max(0, context.feeCents - balance.paidCents);
    const attempts = await trx
      .selectFrom('payments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('registration_id', '=', context.registrationId)
      .executeTakeFirstOrThrow();
    const payment = await trx
      .insertInto('payments')
      .values({
        registration_id: context.registrationId,
        method: 'bank_transfer',
        state: 'confirmed',
        amount_cents: outstanding,
        received_cents: input.amountCents,
        attempt: Number(attempts.n) + 1,
        reference: context.reference,
        received_on: input.receivedOn,
        note: input.note?.trim() || null,
        recorded_by: input.organiser.id,
        confirmed_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const settled = await settlePayment(trx, {
      paymentId: payment.id,
      context,
      method: 'bank_transfer',
      receivedCents: input.amountCents,
      currency: 'eur',
      actorPersonId: input.organiser.id,
      at,
      publicUrl: input.publicUrl ?? publicUrl(),
    });
    return { ...settled, paymentId: payment.id };
  });
}
