/**
 * Stripe webhooks (docs/decisions/052). The signature is checked on the raw body; the
 * event's object is then fetched again from Stripe, and only what Stripe answers is
 * trusted (pretix does the same). Every event id is stored once, in the same transaction
 * as its effect, so a replay changes nothing; every state change is conditional, so two
 * events about one payment (checkout.session.completed and payment_intent.succeeded) give
 * one paid state, one receipt and one email, and events in any order end in Stripe's
 * current state. Events we cannot match (another account, an unknown registration, a
 * wrong amount or currency) are acknowledged and ignored: Stripe must not retry them.
 */
import type { Transaction } from 'kysely';
import type Stripe from 'stripe';
import type { DB } from '../../../db/connection';
import type { Database, Payment, PaymentState } from '../../../db/schema';
import { settlePayment } from './confirm.server';
import { requireFeeContext } from './fees.server';
import { applyStripeRefund, markFullyRefunded } from './refunds.server';

export type WebhookResult =
  | { status: 400; outcome: 'bad_signature'; note: string }
  | { status: 503; outcome: 'busy' | 'stripe_unavailable'; note: string }
  | { status: 200; outcome: 'processed' | 'duplicate' | 'ignored'; note: string | null; eventId: string; type: string; paymentId: number | null };

const SESSION_EVENTS = new Set([
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
]);
const INTENT_EVENTS = new Set(['payment_intent.succeeded', 'payment_intent.processing', 'payment_intent.payment_failed', 'payment_intent.canceled']);
const CHARGE_EVENTS = new Set(['charge.refunded']);
const REFUND_EVENTS = new Set(['refund.created', 'refund.updated', 'refund.failed', 'charge.refund.updated']);
const FAILURE_EVENTS = new Set(['payment_intent.payment_failed', 'checkout.session.async_payment_failed']);

/** SQLite answered "busy" (another process holds the write lock past the busy timeout). */
export function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** What Stripe says now about the payment an event concerns. */
interface Snapshot {
  sessionId: string | null;
  sessionStatus: string | null;
  sessionPaymentStatus: string | null;
  paymentIntentId: string | null;
  intentStatus: string | null;
  /** what was to be paid (session.amount_total or intent.amount) */
  amount: number | null;
  amountReceived: number | null;
  currency: string | null;
  metadata: Record<string, string>;
  amountRefunded: number;
  refund: { id: string; status: string | null; failure_reason: string | null; festplatzRefundId: number | null } | null;
}

type Fetched = { snapshot: Snapshot } | { ignore: string };

function notFound(error: unknown): boolean {
  return (error as { statusCode?: unknown } | null)?.statusCode === 404;
}

function fromIntent(intent: Stripe.PaymentIntent): Omit<Snapshot, 'sessionId' | 'sessionStatus' | 'sessionPaymentStatus' | 'refund'> {
  const charge = intent.latest_charge && typeof intent.latest_charge === 'object' ? intent.latest_charge : null;
  return {
    paymentIntentId: intent.id,
    intentStatus: intent.status,
    amount: intent.amount,
    amountReceived: intent.amount_received,
    currency: intent.currency,
    metadata: intent.metadata ?? {},
    amountRefunded: charge?.amount_refunded ?? 0,
  };
}

const idOf = (value: string | { id: string } | null | undefined): string | null => (typeof value === 'string' ? value : (value?.id ?? null));

async function retrieveIntent(stripe: Stripe, id: string) {
  return stripe.paymentIntents.retrieve(id, { expand: ['latest_charge'] });
}

/** Fetches the event's object again from Stripe; the event body only says what to fetch. */
async function fetchSnapshot(stripe: Stripe, event: Stripe.Event): Promise<Fetched> {
  const object = event.data.object as unknown as { id: string; payment_intent?: string | { id: string } | null };
  const empty = { sessionId: null, sessionStatus: null, sessionPaymentStatus: null, refund: null };
  try {
    if (SESSION_EVENTS.has(event.type)) {
      const session = await stripe.checkout.sessions.retrieve(object.id);
      const intentId = idOf(session.payment_intent);
      const intent = intentId ? fromIntent(await retrieveIntent(stripe, intentId)) : null;
      return {
        snapshot: {
          ...empty,
          paymentIntentId: intentId,
          intentStatus: intent?.intentStatus ?? null,
          amountReceived: intent?.amountReceived ?? (session.payment_status === 'paid' ? session.amount_total : null),
          amountRefunded: intent?.amountRefunded ?? 0,
          sessionId: session.id,
          sessionStatus: session.status,
          sessionPaymentStatus: session.payment_status,
          amount: session.amount_total,
          currency: session.currency,
          metadata: session.metadata ?? {},
        },
      };
    }
    if (INTENT_EVENTS.has(event.type)) {
      return { snapshot: { ...empty, ...fromIntent(await retrieveIntent(stripe, object.id)) } };
    }
    if (CHARGE_EVENTS.has(event.type)) {
      const intentId = idOf(object.payment_intent);
      if (!intentId) return { ignore: 'charge without a payment intent' };
      return { snapshot: { ...empty, ...fromIntent(await retrieveIntent(stripe, intentId)) } };
    }
    if (REFUND_EVENTS.has(event.type)) {
      const refund = await stripe.refunds.retrieve(object.id);
      const intentId = idOf(refund.payment_intent);
      if (!intentId) return { ignore: 'refund without a payment intent' };
      const ours = Number(refund.metadata?.festplatz_refund_id);
      return {
        snapshot: {
          ...empty,
          ...fromIntent(await retrieveIntent(stripe, intentId)),
          refund: { id: refund.id, status: refund.status, failure_reason: refund.failure_reason ?? null, festplatzRefundId: Number.isInteger(ours) && ours > 0 ? ours : null },
        },
      };
    }
  } catch (error) {
    if (notFound(error)) return { ignore: `${event.type}: ${object.id} not found in this Stripe account` };
    throw error;
  }
  return { ignore: `event type ${event.type} is not used` };
}

interface Applied {
  ignored: string | null;
  paymentId: number | null;
}

async function findPayment(trx: Transaction<Database>, s: Snapshot): Promise<Payment | undefined> {
  if (s.sessionId) {
    const bySession = await trx.selectFrom('payments').selectAll().where('stripe_session_id', '=', s.sessionId).executeTakeFirst();
    if (bySession) return bySession;
  }
  if (s.paymentIntentId) {
    const byIntent = await trx.selectFrom('payments').selectAll().where('stripe_payment_intent_id', '=', s.paymentIntentId).executeTakeFirst();
    if (byIntent) return byIntent;
  }
  const id = Number(s.metadata.payment_id);
  if (!Number.isInteger(id) || id <= 0) return undefined;
  return trx.selectFrom('payments').selectAll().where('id', '=', id).where('method', '=', 'stripe').executeTakeFirst();
}

async function moveState(trx: Transaction<Database>, paymentId: number, from: PaymentState[], to: PaymentState, at: string): Promise<boolean> {
  const r = await trx.updateTable('payments').set({ state: to, updated_at: at }).where('id', '=', paymentId).where('state', 'in', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Brings our refunds in line with what Stripe has refunded on the charge: pending refunds
 * of ours are done once Stripe counts them; anything beyond was refunded outside Festplatz
 * (the Stripe dashboard) and is recorded and flagged for an organiser.
 */
async function reconcileRefunds(trx: Transaction<Database>, paymentId: number, stripeRefunded: number, at: string) {
  const refunds = await trx.selectFrom('refunds').selectAll().where('payment_id', '=', paymentId).orderBy('id').execute();
  let done = refunds.filter((r) => r.state === 'done').reduce((s, r) => s + r.amount_cents, 0);
  for (const r of refunds.filter((x) => x.state === 'pending')) {
    if (done + r.amount_cents > stripeRefunded) break;
    await trx.updateTable('refunds').set({ state: 'done', done_at: at, last_error: null }).where('id', '=', r.id).where('state', '=', 'pending').execute();
    done += r.amount_cents;
  }
  if (stripeRefunded > done) {
    await trx
      .insertInto('refunds')
      .values({ payment_id: paymentId, amount_cents: stripeRefunded - done, state: 'done', external: 1, reason: '', created_at: at, done_at: at })
      .execute();
    await trx.updateTable('payments').set({ flag: 'refunded_outside' }).where('id', '=', paymentId).execute();
  }
  await markFullyRefunded(trx, paymentId);
}

async function applySnapshot(trx: Transaction<Database>, s: Snapshot, eventType: string, at: string, publicUrl: string): Promise<Applied> {
  const payment = await findPayment(trx, s);
  const describe = `session ${s.sessionId ?? '-'}, payment intent ${s.paymentIntentId ?? '-'}, registration ${s.metadata.registration_id ?? '-'}`;
  if (!payment) return { ignored: `no payment of ours for ${describe}`, paymentId: null };
  const ignore = (why: string): Applied => ({ ignored: `${why} [${describe}, payment ${payment.id}]`, paymentId: payment.id });
  if (s.metadata.registration_id !== String(payment.registration_id)) return ignore('registration does not match');
  if (s.currency !== payment.currency) return ignore(`currency ${s.currency} instead of ${payment.currency}`);
  if (s.amount !== payment.amount_cents) return ignore(`amount ${s.amount} instead of ${payment.amount_cents}`);
  if (s.sessionId && payment.stripe_session_id && s.sessionId !== payment.stripe_session_id) return ignore('checkout session does not match');
  if (s.paymentIntentId && payment.stripe_payment_intent_id && s.paymentIntentId !== payment.stripe_payment_intent_id) {
    return ignore('payment intent does not match');
  }
  const paid = s.intentStatus === 'succeeded' || (s.sessionStatus === 'complete' && s.sessionPaymentStatus === 'paid');
  if (paid && s.amountReceived !== payment.amount_cents) return ignore(`received ${s.amountReceived} instead of ${payment.amount_cents}`);
  if (s.paymentIntentId && !payment.stripe_payment_intent_id) {
    await trx.updateTable('payments').set({ stripe_payment_intent_id: s.paymentIntentId, updated_at: at }).where('id', '=', payment.id).execute();
  }

  if (paid) {
    const confirmed = await trx
      .updateTable('payments')
      .set({ state: 'confirmed', received_cents: s.amountReceived, confirmed_at: at, updated_at: at })
      .where('id', '=', payment.id)
      .where('state', 'in', ['created', 'pending', 'failed', 'canceled'])
      .executeTakeFirst();
    if (Number(confirmed.numUpdatedRows) === 1) {
      const context = await requireFeeContext(trx, payment.registration_id);
      await settlePayment(trx, {
        paymentId: payment.id,
        context,
        method: 'stripe',
        receivedCents: payment.amount_cents,
        currency: payment.currency,
        actorPersonId: null,
        at,
        publicUrl,
      });
    }
  } else if (s.sessionStatus === 'expired' || s.intentStatus === 'canceled') {
    await moveState(trx, payment.id, ['created', 'pending', 'failed'], 'canceled', at);
  } else if (s.intentStatus === 'processing' || (s.sessionStatus === 'complete' && s.sessionPaymentStatus === 'unpaid')) {
    await moveState(trx, payment.id, ['created', 'failed'], 'pending', at);
  } else if (FAILURE_EVENTS.has(eventType)) {
    await moveState(trx, payment.id, ['created', 'pending'], 'failed', at);
  }

  if (s.refund?.festplatzRefundId) {
    const ours = await trx.selectFrom('refunds').select('payment_id').where('id', '=', s.refund.festplatzRefundId).executeTakeFirst();
    if (ours?.payment_id === payment.id) await applyStripeRefund(trx, s.refund.festplatzRefundId, s.refund, at);
  }
  if (paid) await reconcileRefunds(trx, payment.id, s.amountRefunded, at);
  return { ignored: null, paymentId: payment.id };
}

export interface WebhookInput {
  payload: string;
  signature: string | null;
  secret: string;
  publicUrl: string;
  /** seconds a signature stays valid; Stripe's default (300) unless a test says otherwise */
  tolerance?: number;
  /** the secret key is a live key (sk_live_…): test events are ignored, and the other way round */
  live?: boolean;
  now?: Date;
}

export async function handleStripeWebhook(db: DB, stripe: Stripe, input: WebhookInput): Promise<WebhookResult> {
  let event: Stripe.Event;
  try {
    if (!input.signature) throw new Error('No Stripe-Signature header');
    event = stripe.webhooks.constructEvent(input.payload, input.signature, input.secret, input.tolerance);
  } catch (error) {
    return { status: 400, outcome: 'bad_signature', note: error instanceof Error ? error.message : String(error) };
  }
  const at = (input.now ?? new Date()).toISOString();
  const done = (outcome: 'processed' | 'duplicate' | 'ignored', note: string | null, paymentId: number | null = null): WebhookResult => ({
    status: 200,
    outcome,
    note,
    eventId: event.id,
    type: event.type,
    paymentId,
  });
  try {
    const seen = await db.selectFrom('stripe_events').select('id').where('id', '=', event.id).executeTakeFirst();
    if (seen) return done('duplicate', null);

    let fetched: Fetched;
    if (event.account) fetched = { ignore: `event of another Stripe account (${event.account})` };
    else if (event.livemode !== (input.live ?? false)) fetched = { ignore: `${event.livemode ? 'live' : 'test'} event for a ${input.live ? 'live' : 'test'} key` };
    else fetched = await fetchSnapshot(stripe, event);

    return await db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('stripe_events')
        .values({ id: event.id, type: event.type, outcome: 'processed', received_at: at })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return done('duplicate', null);
      const applied = 'ignore' in fetched ? { ignored: fetched.ignore, paymentId: null } : await applySnapshot(trx, fetched.snapshot, event.type, at, input.publicUrl);
      await trx
        .updateTable('stripe_events')
        .set({ outcome: applied.ignored ? 'ignored' : 'processed', note: applied.ignored, payment_id: applied.paymentId })
        .where('id', '=', event.id)
        .execute();
      return done(applied.ignored ? 'ignored' : 'processed', applied.ignored, applied.paymentId);
    });
  } catch (error) {
    if (isDatabaseBusy(error)) return { status: 503, outcome: 'busy', note: String(error) };
    const type = (error as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && type.startsWith('Stripe')) return { status: 503, outcome: 'stripe_unavailable', note: String(error) };
    throw error;
  }
}
