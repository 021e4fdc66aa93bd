/**
 * Stripe, with the real SDK against a local server that answers like Stripe's API
 * (tests/helpers/stripe-server.ts) and webhooks signed with the SDK's own test helper:
 * Checkout creation, signature checks, replays, duplicate and out-of-order events,
 * mismatched and foreign events, refunds with lost answers, a busy database.
 */
import SQLite from 'better-sqlite3';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../app/domain/errors';
import { startCheckout } from '../../app/domain/payments/checkout.server';
import { loadFeeContext } from '../../app/domain/payments/fees.server';
import { cancelPaidStand, sendStripeRefund } from '../../app/domain/payments/refunds.server';
import { handleStripeWebhook } from '../../app/domain/payments/stripe-webhook.server';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { approve, outboxFor, personId, registrationOf } from '../helpers/payments';
import { startStripeServer, stripeClientFor, type FakeStripe } from '../helpers/stripe-server';

const PUBLIC = 'http://festplatz.test';
let t: TestDatabase;
let fake: FakeStripe;
let stripe: Stripe;
let organiser: { id: number };

beforeAll(async () => {
  [t, fake] = await Promise.all([createTestDatabase({ seed: true }), startStripeServer()]);
  stripe = stripeClientFor(fake);
  organiser = { id: await personId(t.db, 'orga@festplatz.localhost') };
});
afterAll(async () => {
  await fake.close();
  await t.close();
});

const deliver = (payload: string, signature = fake.sign(payload)) =>
  handleStripeWebhook(t.db, stripe, { payload, signature, secret: fake.webhookSecret, publicUrl: PUBLIC });

/** An approved stand of `org` with a Checkout Session started by its contact. */
async function checkoutFor(edition: string, org: string, { approveFirst = false } = {}) {
  const reg = await registrationOf(t.db, edition, org);
  if (approveFirst) await approve(t.db, reg.id);
  const person = { id: await personId(t.db, `kontakt@${org}.example`), email: `kontakt@${org}.example` };
  const started = await startCheckout(t.db, stripe, { registrationId: reg.id, person, locale: 'de', publicUrl: PUBLIC });
  const payment = await t.db.selectFrom('payments').selectAll().where('id', '=', started.paymentId).executeTakeFirstOrThrow();
  return { reg, person, started, payment, session: fake.sessions.get(payment.stripe_session_id!)! };
}

/** Everything a payment left behind, to compare end states. */
async function endState(registrationId: number) {
  const reg = await t.db.selectFrom('registrations').select('state').where('id', '=', registrationId).executeTakeFirstOrThrow();
  const payments = await t.db.selectFrom('payments').select(['state', 'received_cents', 'flag']).where('registration_id', '=', registrationId).orderBy('id').execute();
  const refunds = await t.db
    .selectFrom('refunds')
    .innerJoin('payments', 'payments.id', 'refunds.payment_id')
    .select(['refunds.amount_cents', 'refunds.state', 'refunds.external'])
    .where('payments.registration_id', '=', registrationId)
    .orderBy('refunds.id')
    .execute();
  const receipts = await t.db.selectFrom('receipts').select('amount_cents').where('registration_id', '=', registrationId).execute();
  const confirmations = await t.db.selectFrom('registration_events').select('id').where('registration_id', '=', registrationId).where('to_state', '=', 'confirmed').execute();
  const mails = (await outboxFor(t.db, 'payment-confirmed')).filter((m) => JSON.parse(m.payload).url.endsWith(`/applications/${registrationId}/payment`));
  return { state: reg.state, payments, refunds, receipts: receipts.length, confirmations: confirmations.length, mails: mails.length };
}

describe('Checkout Session', () => {
  it('is created on the server with the fee from the database, the registration in its metadata and an idempotency key; a second click gets the same session', async () => {
    const { reg, started, payment, session } = await checkoutFor('dortbund-2027', 'vmdo');
    expect(started.url).toBe(`${fake.url}/checkout/${session.id}`);
    const created = fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions');
    expect(created).toHaveLength(1);
    const request = created[0]!;
    expect(request.idempotencyKey).toBe(`checkout-${reg.id}-1`);
    expect(request.authorization).toBe(`Bearer ${fake.secretKey}`);
    expect(request.body).toMatchObject({
      mode: 'payment',
      client_reference_id: String(reg.id),
      customer_email: 'kontakt@vmdo.example',
      locale: 'de',
      metadata: { registration_id: String(reg.id), payment_id: String(payment.id), reference: payment.reference },
      payment_intent_data: { metadata: { registration_id: String(reg.id), payment_id: String(payment.id) } },
      line_items: [{ quantity: '1', price_data: { currency: 'eur', unit_amount: '5000' } }],
      success_url: `${PUBLIC}/account/applications/${reg.id}/payment?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${PUBLIC}/account/applications/${reg.id}/payment?checkout=cancelled`,
    });
    expect([payment.state, payment.amount_cents, payment.attempt]).toEqual(['created', 5000, 1]);

    const again = await checkoutFor('dortbund-2027', 'vmdo');
    expect(again.started).toEqual(started);
    expect(fake.requests.filter((r) => r.path === '/v1/checkout/sessions')).toHaveLength(1);
  });

  it('is not started for someone who is not a member of the organisation', async () => {
    const reg = await registrationOf(t.db, 'dortbund-2027', 'vmdo');
    const stranger = { id: await personId(t.db, 'kontakt@train-of-hope.example'), email: 'kontakt@train-of-hope.example' };
    await expect(startCheckout(t.db, stripe, { registrationId: reg.id, person: stranger, locale: 'de', publicUrl: PUBLIC })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('starts a new attempt with a new key once the old session has expired', async () => {
    const first = await checkoutFor('dortbund-2027', 'train-of-hope', { approveFirst: true });
    fake.expire(first.session.id);
    const expired = await deliver(fake.event('checkout.session.expired', first.session));
    expect(expired).toMatchObject({ status: 200, outcome: 'processed' });
    const second = await checkoutFor('dortbund-2027', 'train-of-hope');
    expect(second.payment.attempt).toBe(2);
    expect(fake.requests.at(-1)!.idempotencyKey).toBe(`checkout-${first.reg.id}-2`);
    const states = await t.db.selectFrom('payments').select(['attempt', 'state']).where('registration_id', '=', first.reg.id).orderBy('attempt').execute();
    expect(states).toEqual([
      { attempt: 1, state: 'canceled' },
      { attempt: 2, state: 'created' },
    ]);
  });
});

describe('webhooks', () => {
  it('refuses a bad signature and a stale timestamp, storing nothing', async () => {
    const { reg, session } = await checkoutFor('dortbund-2027', 'vmdo');
    fake.pay(session.id);
    const stored = async () => (await t.db.selectFrom('stripe_events').select('id').execute()).length;
    const before = await stored();
    const payload = fake.event('checkout.session.completed', session);
    expect(await deliver(payload, fake.sign(payload, { secret: 'whsec_someone_else' }))).toMatchObject({ status: 400, outcome: 'bad_signature' });
    expect(await deliver(payload, '')).toMatchObject({ status: 400, outcome: 'bad_signature' });
    // one byte changed after signing
    expect(await deliver(payload.replace('"livemode":false', '"livemode":true'), fake.sign(payload))).toMatchObject({ status: 400 });
    const stale = await deliver(payload, fake.sign(payload, { timestamp: Math.floor(Date.now() / 1000) - 301 }));
    expect(stale).toMatchObject({ status: 400, outcome: 'bad_signature' });
    expect(stale.note).toContain('Timestamp outside the tolerance zone');
    expect(await stored()).toBe(before);
    expect((await endState(reg.id)).state).toBe('approved');
  });

  it('confirms once: a replayed event and the second event of the same payment change nothing', async () => {
    const reg = await registrationOf(t.db, 'dortbund-2027', 'vmdo');
    const session = [...fake.sessions.values()].find((s) => s.client_reference_id === String(reg.id) && s.status === 'complete')!;
    const payload = fake.event('checkout.session.completed', session);
    expect(await deliver(payload)).toMatchObject({ status: 200, outcome: 'processed', type: 'checkout.session.completed' });
    expect(await deliver(payload)).toMatchObject({ status: 200, outcome: 'duplicate' });
    const intent = fake.intents.get(session.payment_intent!)!;
    expect(await deliver(fake.event('payment_intent.succeeded', intent))).toMatchObject({ status: 200, outcome: 'processed' });

    expect(await endState(reg.id)).toEqual({
      state: 'confirmed',
      payments: [{ state: 'confirmed', received_cents: 5000, flag: null }],
      refunds: [],
      receipts: 1,
      confirmations: 1,
      mails: 1,
    });
    const payment = await t.db.selectFrom('payments').selectAll().where('registration_id', '=', reg.id).executeTakeFirstOrThrow();
    expect(payment.stripe_payment_intent_id).toBe(intent.id);
    // the objects were fetched again from Stripe, not taken from the event
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === `/v1/checkout/sessions/${session.id}`)).toBe(true);
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === `/v1/payment_intents/${intent.id}` && JSON.stringify(r.query.expand) === '["latest_charge"]')).toBe(true);
  });

  it('ends the same when payment_intent.succeeded comes before checkout.session.completed', async () => {
    const { reg, session } = await checkoutFor('djelem-djelem-2027', 'vmdo');
    const { intent } = fake.pay(session.id);
    expect(await deliver(fake.event('payment_intent.succeeded', intent))).toMatchObject({ outcome: 'processed' });
    expect(await deliver(fake.event('checkout.session.completed', session))).toMatchObject({ outcome: 'processed' });
    expect(await endState(reg.id)).toEqual({
      state: 'confirmed',
      payments: [{ state: 'confirmed', received_cents: 3000, flag: null }],
      refunds: [],
      receipts: 1,
      confirmations: 1,
      mails: 1,
    });
  });

  it('acknowledges and ignores a wrong amount, a wrong currency, an unknown registration, another account and a live event', async () => {
    const { reg, payment, session } = await checkoutFor('dortbund-2027', 'africa-positive', { approveFirst: true });
    const before = await endState(reg.id);
    const ours = { registration_id: String(reg.id), payment_id: String(payment.id) };
    const cases = [
      // the session as created, but less arrived
      () => {
        fake.pay(session.id, { amountReceived: 100 });
        return fake.event('checkout.session.completed', session);
      },
      () => fake.event('checkout.session.completed', fake.foreignSession({ amount: 100, metadata: ours })),
      () => fake.event('checkout.session.completed', fake.foreignSession({ amount: 8000, currency: 'usd', metadata: ours })),
      () => fake.event('checkout.session.completed', fake.foreignSession({ amount: 8000, metadata: { registration_id: '999999', payment_id: '999999' } })),
      () => fake.event('checkout.session.completed', { ...session, id: 'cs_test_not_here' }),
      () => fake.event('checkout.session.completed', session, { account: 'acct_someone_else' }),
      () => fake.event('checkout.session.completed', session, { livemode: true }),
    ];
    const notes: string[] = [];
    for (const make of cases) {
      const result = await deliver(make());
      expect(result).toMatchObject({ status: 200, outcome: 'ignored' });
      notes.push(result.status === 200 ? (result.note ?? '').replace(/\s\[.*\]$/, '') : '');
    }
    expect(notes).toEqual([
      'received 100 instead of 8000',
      'amount 100 instead of 8000',
      'currency usd instead of eur',
      expect.stringMatching(/^no payment of ours for session cs_test_\w+, payment intent -, registration 999999$/),
      'checkout.session.completed: cs_test_not_here not found in this Stripe account',
      'event of another Stripe account (acct_someone_else)',
      'live event for a test key',
    ]);
    expect(await endState(reg.id)).toEqual(before);
    const ignored = await t.db.selectFrom('stripe_events').select('outcome').where('outcome', '=', 'ignored').execute();
    expect(ignored).toHaveLength(7);
  });

  it('ends in the same state whether a refund made in the Stripe dashboard is seen before or after the payment', async () => {
    const inOrder = await checkoutFor('dortbund-2027', 'lokal-willkommen', { approveFirst: true });
    const paidA = fake.pay(inOrder.session.id);
    await deliver(fake.event('checkout.session.completed', inOrder.session));
    fake.refundOutside(paidA.intent.id, 2000);
    await deliver(fake.event('charge.refunded', fake.charges.get(paidA.charge.id)!));

    const reversed = await checkoutFor('dortbund-2027', 'kommunales-integrationszentrum', { approveFirst: true });
    const paidB = fake.pay(reversed.session.id);
    fake.refundOutside(paidB.intent.id, 2000);
    await deliver(fake.event('charge.refunded', fake.charges.get(paidB.charge.id)!));
    await deliver(fake.event('checkout.session.completed', reversed.session));

    const expected = {
      state: 'confirmed',
      payments: [{ state: 'confirmed', received_cents: 8000, flag: 'refunded_outside' }],
      refunds: [{ amount_cents: 2000, state: 'done', external: 1 }],
      receipts: 1,
      confirmations: 1,
      mails: 1,
    };
    expect(await endState(inOrder.reg.id)).toEqual(expected);
    expect(await endState(reversed.reg.id)).toEqual(expected);
  });

  it('waits for a delayed payment method (direct debit): pending first, confirmed when it succeeds', async () => {
    const { reg, person, session } = await checkoutFor('djelem-djelem-2027', 'projekt-ankommen', { approveFirst: true });
    const { intent } = fake.pay(session.id);
    Object.assign(intent, { status: 'processing', amount_received: 0 });
    Object.assign(session, { payment_status: 'unpaid' });
    expect(await deliver(fake.event('checkout.session.completed', session))).toMatchObject({ outcome: 'processed' });
    expect(await endState(reg.id)).toMatchObject({ state: 'approved', payments: [{ state: 'pending', received_cents: null, flag: null }], mails: 0 });
    await expect(startCheckout(t.db, stripe, { registrationId: reg.id, person, locale: 'de', publicUrl: PUBLIC })).rejects.toMatchObject({
      messageKey: 'payments:errors.paymentPending',
    });

    Object.assign(intent, { status: 'succeeded', amount_received: 3000 });
    Object.assign(session, { payment_status: 'paid' });
    expect(await deliver(fake.event('checkout.session.async_payment_succeeded', session))).toMatchObject({ outcome: 'processed' });
    expect(await endState(reg.id)).toEqual({
      state: 'confirmed',
      payments: [{ state: 'confirmed', received_cents: 3000, flag: null }],
      refunds: [],
      receipts: 1,
      confirmations: 1,
      mails: 1,
    });
  });

  it('answers 503 while the database is busy, so Stripe delivers again; then processes it', async () => {
    const { reg, session } = await checkoutFor('djelem-djelem-2027', 'lokal-willkommen', { approveFirst: true });
    fake.pay(session.id);
    const payload = fake.event('checkout.session.completed', session);
    const other = new SQLite(t.path);
    const timeout = t.sqlite.pragma('busy_timeout', { simple: true });
    t.sqlite.pragma('busy_timeout = 20');
    try {
      other.exec('BEGIN IMMEDIATE');
      expect(await deliver(payload)).toMatchObject({ status: 503, outcome: 'busy' });
      other.exec('ROLLBACK');
    } finally {
      other.close();
      t.sqlite.pragma(`busy_timeout = ${timeout}`);
    }
    expect(await t.db.selectFrom('stripe_events').select('id').where('id', '=', JSON.parse(payload).id).execute()).toEqual([]);
    expect(await deliver(payload)).toMatchObject({ status: 200, outcome: 'processed' });
    expect((await endState(reg.id)).state).toBe('confirmed');
  });
});

describe('refunds through Stripe when an organiser cancels a paid stand', () => {
  it('sends one refund per idempotency key even when Stripe’s answer is lost, and its webhook changes nothing after', async () => {
    const reg = await registrationOf(t.db, 'dortbund-2027', 'vmdo'); // paid 5000 above
    const cancelled = await cancelPaidStand(t.db, { registrationId: reg.id, refundCents: 5000, reason: 'Sturmwarnung: Stand abgesagt.', organiser, publicUrl: PUBLIC });
    expect(cancelled.stripeRefundIds).toHaveLength(1);
    const refundId = cancelled.stripeRefundIds[0]!;
    expect((await loadFeeContext(t.db, reg.id))!.state).toBe('cancelled');

    fake.loseNextAnswer('/v1/refunds');
    expect(await sendStripeRefund(t.db, stripe, refundId)).toBe(false);
    const pending = await t.db.selectFrom('refunds').selectAll().where('id', '=', refundId).executeTakeFirstOrThrow();
    expect([pending.state, pending.last_error]).toEqual(['pending', 'lost answer (test)']);

    expect(await sendStripeRefund(t.db, stripe, refundId)).toBe(true);
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/refunds' && r.idempotencyKey === `refund-${refundId}`);
    expect(posts).toHaveLength(2);
    expect(posts[0]!.body).toMatchObject({ amount: '5000', reason: 'requested_by_customer', metadata: { festplatz_refund_id: String(refundId) } });
    const stripeRefunds = [...fake.refunds.values()].filter((r) => r.metadata.festplatz_refund_id === String(refundId));
    expect(stripeRefunds).toHaveLength(1);

    const intent = fake.intents.get(stripeRefunds[0]!.payment_intent)!;
    expect(await deliver(fake.event('charge.refunded', fake.charges.get(intent.latest_charge!)!))).toMatchObject({ outcome: 'processed' });
    expect(await deliver(fake.event('refund.updated', stripeRefunds[0]!))).toMatchObject({ outcome: 'processed' });
    expect(await endState(reg.id)).toEqual({
      state: 'cancelled',
      payments: [{ state: 'refunded', received_cents: 5000, flag: null }],
      refunds: [{ amount_cents: 5000, state: 'done', external: 0 }],
      receipts: 1,
      confirmations: 1,
      mails: 1,
    });
    const done = await t.db.selectFrom('refunds').selectAll().where('id', '=', refundId).executeTakeFirstOrThrow();
    expect(done.stripe_refund_id).toBe(stripeRefunds[0]!.id);
    const told = (await outboxFor(t.db, 'payment-refunded')).filter((m) => m.to_address === 'kontakt@vmdo.example');
    expect(told.map((m) => JSON.parse(m.payload)).map((p) => [p.method, p.refundCents])).toEqual([['stripe', 5000]]);
  });

  it('settles a partial refund from its webhook when the answer was lost, before any retry', async () => {
    const reg = await registrationOf(t.db, 'djelem-djelem-2027', 'vmdo'); // paid 3000 above
    const { stripeRefundIds } = await cancelPaidStand(t.db, { registrationId: reg.id, refundCents: 1000, reason: 'Halle gesperrt.', organiser });
    fake.loseNextAnswer('/v1/refunds');
    expect(await sendStripeRefund(t.db, stripe, stripeRefundIds[0]!)).toBe(false);
    const made = [...fake.refunds.values()].find((r) => r.metadata.festplatz_refund_id === String(stripeRefundIds[0]))!;
    expect(await deliver(fake.event('refund.created', made))).toMatchObject({ outcome: 'processed' });
    // settled: a retry has nothing left to send
    expect(await sendStripeRefund(t.db, stripe, stripeRefundIds[0]!)).toBe(false);
    expect(await endState(reg.id)).toMatchObject({
      state: 'cancelled',
      payments: [{ state: 'confirmed', received_cents: 3000, flag: null }],
      refunds: [{ amount_cents: 1000, state: 'done', external: 0 }],
    });
    expect(fake.requests.filter((r) => r.path === '/v1/refunds' && r.idempotencyKey === `refund-${stripeRefundIds[0]}`)).toHaveLength(1);
  });
});
