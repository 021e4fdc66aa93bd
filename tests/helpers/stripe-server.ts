/**
 * A local HTTP server that answers like Stripe's API for the endpoints Festplatz uses, so
 * the real Stripe SDK (pointed here with host/port/protocol) is exercised end to end:
 *   POST /v1/checkout/sessions, GET /v1/checkout/sessions/:id,
 *   GET /v1/payment_intents/:id (expand[]=latest_charge), POST /v1/refunds, GET /v1/refunds/:id
 * plus a stand-in for the hosted Checkout page (GET /checkout/:id, POST /checkout/:id/pay).
 * Every API request is recorded (with its Idempotency-Key); a repeated key replays the
 * first answer, as Stripe does. Tests move objects along (pay, refund outside, expire) and
 * build signed webhook events with the SDK's own helper.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

type Json = Record<string, unknown>;

export interface RecordedRequest {
  method: string;
  path: string;
  query: Json;
  body: Json;
  idempotencyKey: string | null;
  authorization: string | null;
}

export interface FakeSession {
  id: string;
  object: 'checkout.session';
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  customer_email: string | null;
  metadata: Record<string, string>;
  mode: string;
  locale: string | null;
  payment_intent: string | null;
  payment_status: 'paid' | 'unpaid' | 'no_payment_required';
  status: 'open' | 'complete' | 'expired';
  success_url: string;
  cancel_url: string;
  url: string | null;
  expires_at: number;
  livemode: false;
  /** not part of Stripe's session: what the PI will carry */
  _intentMetadata: Record<string, string>;
}

export interface FakeIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  currency: string;
  status: string;
  metadata: Record<string, string>;
  latest_charge: string | null;
  livemode: false;
}

export interface FakeCharge {
  id: string;
  object: 'charge';
  amount: number;
  amount_refunded: number;
  currency: string;
  payment_intent: string;
  refunded: boolean;
  status: 'succeeded';
  livemode: false;
}

export interface FakeRefund {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  charge: string;
  payment_intent: string;
  status: 'succeeded' | 'pending' | 'failed' | 'canceled';
  metadata: Record<string, string>;
  reason: string | null;
  failure_reason: string | null;
}

export interface FakeStripe {
  url: string;
  port: number;
  secretKey: string;
  webhookSecret: string;
  requests: RecordedRequest[];
  sessions: Map<string, FakeSession>;
  intents: Map<string, FakeIntent>;
  charges: Map<string, FakeCharge>;
  refunds: Map<string, FakeRefund>;
  /** the customer pays: the session completes, a succeeded payment intent and charge appear */
  pay(sessionId: string, options?: { amountReceived?: number; currency?: string }): { session: FakeSession; intent: FakeIntent; charge: FakeCharge };
  expire(sessionId: string): FakeSession;
  /** a refund made in the Stripe dashboard, outside the app */
  refundOutside(intentId: string, amount: number): FakeRefund;
  /** a session the app never created (another shop on the same account, a forged metadata) */
  foreignSession(input: { amount: number; currency?: string; metadata: Record<string, string> }): FakeSession;
  /** the next POST to `path` is carried out, but answered with a 500 that must not be retried (a lost answer) */
  loseNextAnswer(path: string): void;
  /** a webhook body as Stripe sends it */
  event(type: string, object: object, extra?: { id?: string; account?: string; livemode?: boolean; created?: number }): string;
  /** the Stripe-Signature header for a body, made with the SDK's own test helper */
  sign(payload: string, options?: { timestamp?: number; secret?: string }): string;
  close(): Promise<void>;
}

const id = (prefix: string) => `${prefix}_test_${randomBytes(12).toString('hex')}`;

/** Stripe's form encoding: a[b][0][c]=v → { a: { b: [ { c: 'v' } ] } } */
export function parseStripeParams(params: URLSearchParams): Json {
  const root: Json = {};
  for (const [rawKey, value] of params) {
    const parts = rawKey.replace(/\]/g, '').split('[');
    let node: Record<string, unknown> | unknown[] = root;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const key: string | number = Array.isArray(node) ? (part === '' ? node.length : Number(part)) : part;
      const container = node as Record<string | number, unknown>;
      if (last) {
        container[key] = value;
        return;
      }
      const nextIsIndex = parts[i + 1] === '' || /^\d+$/.test(parts[i + 1]!);
      container[key] ??= nextIsIndex ? [] : {};
      node = container[key] as Record<string, unknown> | unknown[];
    });
  }
  return root;
}

function stripeError(res: http.ServerResponse, status: number, message: string, code: string) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ error: { type: 'invalid_request_error', message, code } }));
}

export async function startStripeServer(options: { secretKey?: string; webhookSecret?: string } = {}): Promise<FakeStripe> {
  const secretKey = options.secretKey ?? 'sk_test_festplatz_local';
  const webhookSecret = options.webhookSecret ?? 'whsec_festplatz_local_secret';
  const state = {
    requests: [] as RecordedRequest[],
    sessions: new Map<string, FakeSession>(),
    intents: new Map<string, FakeIntent>(),
    charges: new Map<string, FakeCharge>(),
    refunds: new Map<string, FakeRefund>(),
    replies: new Map<string, { status: number; body: string }>(),
    lose: new Set<string>(),
  };
  let base = '';

  function newSession(input: { amount: number; currency: string; metadata: Record<string, string>; intentMetadata: Record<string, string>; body?: Json }): FakeSession {
    const sessionId = id('cs');
    const body = input.body ?? {};
    const session: FakeSession = {
      id: sessionId,
      object: 'checkout.session',
      amount_total: input.amount,
      currency: input.currency,
      client_reference_id: (body.client_reference_id as string | undefined) ?? null,
      customer_email: (body.customer_email as string | undefined) ?? null,
      metadata: input.metadata,
      mode: (body.mode as string | undefined) ?? 'payment',
      locale: (body.locale as string | undefined) ?? null,
      payment_intent: null,
      payment_status: 'unpaid',
      status: 'open',
      success_url: (body.success_url as string | undefined) ?? 'http://invalid/success',
      cancel_url: (body.cancel_url as string | undefined) ?? 'http://invalid/cancel',
      url: `${base}/checkout/${sessionId}`,
      expires_at: Math.floor(Date.now() / 1000) + 24 * 3600,
      livemode: false,
      _intentMetadata: input.intentMetadata,
    };
    state.sessions.set(sessionId, session);
    return session;
  }

  const publicSession = (s: FakeSession) => {
    const { _intentMetadata: _, ...rest } = s;
    return rest;
  };

  function intentView(intent: FakeIntent, expand: string[]) {
    if (expand.includes('latest_charge') && intent.latest_charge) {
      return { ...intent, latest_charge: state.charges.get(intent.latest_charge) ?? intent.latest_charge };
    }
    return intent;
  }

  function createRefund(intentId: string, amount: number | undefined, metadata: Record<string, string>, reason: string | null): FakeRefund | string {
    const intent = state.intents.get(intentId);
    if (!intent || !intent.latest_charge) return 'resource_missing';
    const charge = state.charges.get(intent.latest_charge)!;
    const left = charge.amount - charge.amount_refunded;
    const value = amount ?? left;
    if (value <= 0 || value > left) return 'amount_too_large';
    charge.amount_refunded += value;
    charge.refunded = charge.amount_refunded === charge.amount;
    const refund: FakeRefund = {
      id: id('re'),
      object: 'refund',
      amount: value,
      currency: charge.currency,
      charge: charge.id,
      payment_intent: intentId,
      status: 'succeeded',
      metadata,
      reason,
      failure_reason: null,
    };
    state.refunds.set(refund.id, refund);
    return refund;
  }

  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', base);
      const path = url.pathname;
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        const text = JSON.stringify(body);
        res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': id('req'), ...headers });
        res.end(text);
        return text;
      };

      // The stand-in for Stripe's hosted Checkout page
      const page = /^\/checkout\/(cs_[\w]+)(\/pay)?$/.exec(path);
      if (page) {
        const session = state.sessions.get(page[1]!);
        if (!session) return void res.writeHead(404).end('no such session');
        if (req.method === 'POST' && page[2]) {
          if (session.status === 'open') api.pay(session.id);
          res.writeHead(303, { Location: session.success_url.replace('{CHECKOUT_SESSION_ID}', session.id) });
          return void res.end();
        }
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        return void res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test checkout</title></head><body>
<h1>Test checkout</h1><p>Amount: <span id="amount">${session.amount_total}</span> ${session.currency}</p>
<form method="post" action="/checkout/${session.id}/pay"><button type="submit">Pay</button></form>
<p><a href="${session.cancel_url}">Cancel and go back</a></p></body></html>`);
      }

      const body = parseStripeParams(new URLSearchParams(raw));
      const query = parseStripeParams(url.searchParams);
      const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) ?? null;
      state.requests.push({ method: req.method ?? 'GET', path, query, body, idempotencyKey, authorization: req.headers.authorization ?? null });
      if (req.headers.authorization !== `Bearer ${secretKey}`) return void send(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });

      if (req.method === 'POST' && idempotencyKey) {
        const previous = state.replies.get(`${path}|${idempotencyKey}`);
        if (previous) {
          res.writeHead(previous.status, { 'Content-Type': 'application/json', 'Idempotent-Replayed': 'true' });
          return void res.end(previous.body);
        }
      }
      const remember = (status: number, payload: unknown) => {
        const lost = req.method === 'POST' && state.lose.delete(path);
        const text = JSON.stringify(payload);
        if (req.method === 'POST' && idempotencyKey) state.replies.set(`${path}|${idempotencyKey}`, { status, body: text });
        if (lost) return send(500, { error: { type: 'api_error', message: 'lost answer (test)' } }, { 'Stripe-Should-Retry': 'false' });
        return send(status, payload);
      };
      const expand = ((query.expand as string[] | undefined) ?? []).concat((body.expand as string[] | undefined) ?? []);

      if (req.method === 'POST' && path === '/v1/checkout/sessions') {
        const items = (body.line_items as Json[] | undefined) ?? [];
        const amount = items.reduce((sum, item) => {
          const price = item.price_data as Json | undefined;
          return sum + Number(price?.unit_amount ?? 0) * Number(item.quantity ?? 1);
        }, 0);
        const currency = String((items[0]?.price_data as Json | undefined)?.currency ?? 'eur');
        const intentData = (body.payment_intent_data as Json | undefined) ?? {};
        const session = newSession({
          amount,
          currency,
          metadata: (body.metadata as Record<string, string> | undefined) ?? {},
          intentMetadata: (intentData.metadata as Record<string, string> | undefined) ?? {},
          body,
        });
        return void remember(200, publicSession(session));
      }
      let match = /^\/v1\/checkout\/sessions\/([\w]+)$/.exec(path);
      if (req.method === 'GET' && match) {
        const session = state.sessions.get(match[1]!);
        return void (session ? send(200, publicSession(session)) : stripeError(res, 404, `No such checkout.session: '${match[1]}'`, 'resource_missing'));
      }
      match = /^\/v1\/payment_intents\/([\w]+)$/.exec(path);
      if (req.method === 'GET' && match) {
        const intent = state.intents.get(match[1]!);
        return void (intent ? send(200, intentView(intent, expand)) : stripeError(res, 404, `No such payment_intent: '${match[1]}'`, 'resource_missing'));
      }
      if (req.method === 'POST' && path === '/v1/refunds') {
        const result = createRefund(
          String(body.payment_intent ?? ''),
          body.amount === undefined ? undefined : Number(body.amount),
          (body.metadata as Record<string, string> | undefined) ?? {},
          (body.reason as string | undefined) ?? null,
        );
        if (typeof result === 'string') {
          const payload = { error: { type: 'invalid_request_error', code: result, message: result } };
          return void remember(result === 'resource_missing' ? 404 : 400, payload);
        }
        return void remember(200, result);
      }
      match = /^\/v1\/refunds\/([\w]+)$/.exec(path);
      if (req.method === 'GET' && match) {
        const refund = state.refunds.get(match[1]!);
        return void (refund ? send(200, refund) : stripeError(res, 404, `No such refund: '${match[1]}'`, 'resource_missing'));
      }
      stripeError(res, 404, `Unrecognized request URL (${req.method}: ${path})`, 'unknown_endpoint');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;

  const api: FakeStripe = {
    url: base,
    port,
    secretKey,
    webhookSecret,
    ...state,
    pay(sessionId, opts = {}) {
      const session = state.sessions.get(sessionId);
      if (!session) throw new Error(`no session ${sessionId}`);
      const amount = opts.amountReceived ?? session.amount_total;
      const currency = opts.currency ?? session.currency;
      const intent: FakeIntent = {
        id: id('pi'),
        object: 'payment_intent',
        amount: session.amount_total,
        amount_received: amount,
        currency,
        status: 'succeeded',
        metadata: session._intentMetadata,
        latest_charge: null,
        livemode: false,
      };
      const charge: FakeCharge = { id: id('ch'), object: 'charge', amount, amount_refunded: 0, currency, payment_intent: intent.id, refunded: false, status: 'succeeded', livemode: false };
      intent.latest_charge = charge.id;
      state.intents.set(intent.id, intent);
      state.charges.set(charge.id, charge);
      Object.assign(session, { status: 'complete', payment_status: 'paid', payment_intent: intent.id, url: null, currency });
      return { session, intent, charge };
    },
    expire(sessionId) {
      const session = state.sessions.get(sessionId)!;
      Object.assign(session, { status: 'expired', url: null });
      return session;
    },
    refundOutside(intentId, amount) {
      const result = createRefund(intentId, amount, {}, null);
      if (typeof result === 'string') throw new Error(result);
      return result;
    },
    foreignSession(input) {
      return newSession({ amount: input.amount, currency: input.currency ?? 'eur', metadata: input.metadata, intentMetadata: input.metadata });
    },
    loseNextAnswer(path) {
      state.lose.add(path);
    },
    event(type, object, extra = {}) {
      const clean = { ...(object as Json) };
      delete clean._intentMetadata;
      return JSON.stringify({
        id: extra.id ?? id('evt'),
        object: 'event',
        api_version: '2026-10-28.endive',
        created: extra.created ?? Math.floor(Date.now() / 1000),
        data: { object: clean },
        livemode: extra.livemode ?? false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        type,
        ...(extra.account ? { account: extra.account } : {}),
      });
    },
    sign(payload, opts = {}) {
      return Stripe.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? webhookSecret, ...(opts.timestamp ? { timestamp: opts.timestamp } : {}) });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return api;
}

/** The real SDK pointed at the local server. */
export function stripeClientFor(fake: FakeStripe): Stripe {
  return new Stripe(fake.secretKey, { host: '127.0.0.1', port: fake.port, protocol: 'http', maxNetworkRetries: 2 });
}
