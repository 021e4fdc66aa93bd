/**
 * Paying online with Stripe Checkout. The amount comes from the database (the stand
 * type's fee less what has arrived), never from the form. Each checkout attempt is a
 * payments row; its number makes the idempotency key, so a retried request (a double
 * click, a network error) gets the same Checkout Session back instead of a second one.
 * Nothing is marked paid here: only a verified webhook does that (stripe-webhook.server.ts).
 */
import type Stripe from 'stripe';
import type { DB } from '../../../db/connection';
import type { Payment, Person } from '../../../db/schema';
import type { Locale } from '~/lib/i18n';
import { pickText } from '~/lib/i18n-text';
import { ConflictError } from '../errors';
import { balanceOf, requireMemberOf } from './fees.server';

/** A session that expires sooner than this is not handed out again. */
const REUSE_MARGIN_MS = 10 * 60_000;

const checkoutLocale = (locale: Locale): Stripe.Checkout.SessionCreateParams.Locale => (locale === 'ar' ? 'auto' : locale);

export function checkoutIdempotencyKey(registrationId: number, attempt: number): string {
  return `checkout-${registrationId}-${attempt}`;
}

export interface CheckoutInput {
  registrationId: number;
  person: Pick<Person, 'id' | 'email'>;
  locale: Locale;
  publicUrl: string;
  now?: Date;
}

/** Returns the Checkout URL to send the browser to. */
export async function startCheckout(db: DB, stripe: Stripe, input: CheckoutInput): Promise<{ url: string; paymentId: number }> {
  const now = input.now ?? new Date();
  const prepared = await db.transaction().execute(async (trx) => {
    const context = await requireMemberOf(trx, input.person.id, input.registrationId);
    if (context.feeCents === 0) throw new ConflictError('payments:errors.noFee');
    if (context.state !== 'approved') throw new ConflictError('payments:errors.notAwaitingPayment');
    const balance = await balanceOf(trx, context.registrationId);
    if (balance.waiver === 'granted') throw new ConflictError('payments:errors.waived');
    if (balance.pending) throw new ConflictError('payments:errors.paymentPending');
    const amount = context.feeCents - balance.paidCents;
    if (amount <= 0) throw new ConflictError('payments:errors.alreadyPaid');

    const latest = await trx
      .selectFrom('payments')
      .selectAll()
      .where('registration_id', '=', context.registrationId)
      .where('method', '=', 'stripe')
      .orderBy('attempt', 'desc')
      .limit(1)
      .executeTakeFirst();
    let payment: Payment | undefined;
    if (latest && latest.state === 'created' && latest.amount_cents === amount) {
      const fresh = latest.checkout_expires_at && Date.parse(latest.checkout_expires_at) - now.getTime() > REUSE_MARGIN_MS;
      if (latest.checkout_url && fresh) return { reuse: latest.checkout_url, payment: latest, context };
      if (!latest.stripe_session_id) payment = latest; // the call failed last time: same attempt, same key
    }
    if (latest && latest.state === 'created' && !payment) {
      await trx.updateTable('payments').set({ state: 'canceled', updated_at: now.toISOString() }).where('id', '=', latest.id).execute();
    }
    payment ??= await trx
      .insertInto('payments')
      .values({
        registration_id: context.registrationId,
        method: 'stripe',
        state: 'created',
        amount_cents: amount,
        attempt: (latest?.attempt ?? 0) + 1,
        reference: context.reference,
        recorded_by: input.person.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { reuse: null, payment, context };
  });
  if (prepared.reuse) return { url: prepared.reuse, paymentId: prepared.payment.id };

  const { payment, context } = prepared;
  const metadata = { registration_id: String(context.registrationId), payment_id: String(payment.id), reference: context.reference };
  const back = `${input.publicUrl}/account/applications/${context.registrationId}/payment`;
  const session = await stripe.checkout.sessions.create(
    {
      mode: 'payment',
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: payment.currency,
            unit_amount: payment.amount_cents,
            product_data: {
              name: `${pickText(context.standTypeName, input.locale).text} – ${pickText(context.editionTitle, input.locale).text}`,
              description: context.reference,
            },
          },
        },
      ],
      client_reference_id: String(context.registrationId),
      customer_email: input.person.email,
      locale: checkoutLocale(input.locale),
      metadata,
      payment_intent_data: { metadata, description: `${context.organisationName} · ${context.reference}` },
      success_url: `${back}?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${back}?checkout=cancelled`,
    },
    { idempotencyKey: checkoutIdempotencyKey(context.registrationId, payment.attempt) },
  );
  if (!session.url) throw new Error(`Stripe returned a Checkout Session without a URL (${session.id})`);
  await db
    .updateTable('payments')
    .set({
      stripe_session_id: session.id,
      checkout_url: session.url,
      checkout_expires_at: new Date(session.expires_at * 1000).toISOString(),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', payment.id)
    .execute();
  return { url: session.url, paymentId: payment.id };
}
