/** One zod schema per payments form, parsed by Conform on the server and in the browser; messages are translation keys (app/lib/form-keys.ts). */
import { z } from 'zod';
import { berlinToday } from '~/lib/time';
import { parseEuroAmount } from '../../lib/money';

const id = z.coerce.number().int().positive();

/** "50", "50,00", "1.234,56" → cents; `min` in cents */
const euros = (min: number) =>
  z
    .string()
    .trim()
    .min(1)
    .transform((value, ctx) => {
      const cents = parseEuroAmount(value);
      if (cents === null || cents < min) {
        ctx.addIssue({ code: 'custom', message: 'payments:errors.amount' });
        return z.NEVER;
      }
      return cents;
    });

// an empty field arrives as missing (Conform): the same words as a blank one
const reason = z.string({ error: 'payments:errors.reasonRequired' }).trim().min(1, 'payments:errors.reasonRequired').max(1000);

export const waiverRequestSchema = z.object({
  intent: z.literal('waiver'),
  reason: z.string({ error: 'payments:errors.reasonRequired' }).trim().min(1, 'payments:errors.reasonRequired').max(2000),
  nonProfit: z.literal('on').optional(),
});

export const checkoutSchema = z.object({ intent: z.literal('checkout') });

export const transferSchema = z.object({
  intent: z.literal('transfer'),
  registrationId: id,
  amount: euros(1),
  receivedOn: z.iso.date('payments:errors.date').refine((day) => day <= berlinToday(), 'payments:errors.dateFuture'),
  note: z.string().trim().max(500).optional(),
});

export const grantSchema = z.object({ intent: z.literal('grant'), registrationId: id, reason: z.string().trim().max(1000).optional() });
export const refuseSchema = z.object({ intent: z.literal('refuse'), registrationId: id, reason });
export const cancelSchema = z.object({ intent: z.literal('cancel'), registrationId: id, refund: euros(0), reason });
export const retryRefundSchema = z.object({ intent: z.literal('retryRefund'), refundId: id });

export const officeIntent = z.enum(['transfer', 'grant', 'refuse', 'cancel', 'retryRefund']);
