/**
 * What happens when money has arrived, whatever the way: a receipt, the registration
 * confirmed once the fee is covered, the association told. Runs inside the transaction
 * that confirmed the payment, so all of it happens once or not at all.
 */
import type { Transaction } from 'kysely';
import type { Database, PaymentFlag, PaymentMethod } from '../../../db/schema';
import { balanceOf, type FeeContext } from './fees.server';
import { notifyOrganisation } from './notify.server';
import { allocateReceipt } from './receipts.server';
import { markRegistrationConfirmed } from './registration-state.server';
import { passForMail } from '../festival-day/passes.server';

export interface Settled {
  receiptNumber: string;
  registrationConfirmed: boolean;
  outstandingCents: number;
  flag: PaymentFlag | null;
}

export async function settlePayment(
  trx: Transaction<Database>,
  input: {
    paymentId: number;
    context: FeeContext;
    method: PaymentMethod;
    receivedCents: number;
    currency: string;
    actorPersonId: number | null;
    at: string;
    publicUrl: string;
  },
): Promise<Settled> {
  const { context } = input;
  const receiptNumber = await allocateReceipt(trx, {
    paymentId: input.paymentId,
    context,
    amountCents: input.receivedCents,
    currency: input.currency,
    method: input.method,
    at: input.at,
  });
  const balance = await balanceOf(trx, context.registrationId);
  const outstandingCents = Math.max(0, context.feeCents - balance.paidCents);
  let registrationConfirmed = false;
  let flag: PaymentFlag | null = null;
  if (context.state !== 'approved' || balance.waiver === 'granted') {
    // paid again after the stand was confirmed, waived or ended: an organiser refunds it
    flag = 'duplicate';
  } else {
    if (outstandingCents === 0) {
      registrationConfirmed = await markRegistrationConfirmed(trx, context.registrationId, input.actorPersonId, `Gebühr bezahlt (Beleg ${receiptNumber})`, {
        publicUrl: input.publicUrl,
        now: new Date(input.at),
      });
    }
    flag = balance.paidCents < context.feeCents ? 'underpaid' : balance.paidCents > context.feeCents ? 'overpaid' : null;
  }
  if (flag) await trx.updateTable('payments').set({ flag }).where('id', '=', input.paymentId).execute();
  await notifyOrganisation(trx, context.organisationId, {
    template: 'payment-confirmed',
    payload: {
      organisation: context.organisationName,
      edition: context.editionTitle,
      amountCents: input.receivedCents,
      outstandingCents: flag === 'duplicate' ? 0 : outstandingCents,
      confirmed: registrationConfirmed,
      receiptNumber,
      receiptUrl: `${input.publicUrl}/receipts/${receiptNumber}`,
      url: `${input.publicUrl}/account/applications/${context.registrationId}/payment`,
      pass: registrationConfirmed ? await passForMail(trx, context.registrationId, input.publicUrl) : null,
    },
    dedupeKey: `payment-confirmed:${input.paymentId}`,
  });
  return { receiptNumber, registrationConfirmed, outstandingCents, flag };
}
