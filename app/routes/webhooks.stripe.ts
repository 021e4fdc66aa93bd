/**
 * POST /webhooks/stripe — Stripe's events, verified on the raw body (exempt from the
 * same-origin check: signed server-to-server). 200 for handled, repeated and ignored
 * events; 400 for a bad signature; 503 when the database is busy or Stripe cannot be
 * reached, so Stripe delivers again later.
 */
import type { ActionFunctionArgs } from '@remix-run/node';
import { handleStripeWebhook } from '~/domain/payments/stripe-webhook.server';
import { db } from '~/server/db.server';
import { env } from '~/server/env.server';
import { log } from '~/server/log.server';
import { stripe, stripeWebhookSecret } from '~/server/stripe.server';

const text = (body: string, status: number) => new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** Stripe only POSTs here. */
export function loader() {
  return new Response('Method not allowed', { status: 405, headers: { Allow: 'POST', 'Content-Type': 'text/plain; charset=utf-8' } });
}

export async function action({ request }: ActionFunctionArgs) {
  const client = stripe();
  const secret = stripeWebhookSecret();
  if (!client || !secret) return text('Stripe is not configured', 404);
  if (request.method !== 'POST') return new Response('Method not allowed', { status: 405, headers: { Allow: 'POST' } });
  // the raw bytes: the signature covers them exactly
  const payload = await request.text();
  const result = await handleStripeWebhook(db(), client, {
    payload,
    signature: request.headers.get('stripe-signature'),
    secret,
    publicUrl: env().PUBLIC_URL,
    live: env().STRIPE_SECRET_KEY?.startsWith('sk_live_') ?? false,
  });
  switch (result.status) {
    case 400:
      log.warn('stripe webhook: signature refused', { reason: result.note });
      return text('Bad signature', 400);
    case 503:
      log.warn(`stripe webhook: ${result.outcome}, Stripe will retry`, { reason: result.note });
      return text('Busy, try again', 503);
    default:
      if (result.outcome === 'ignored') log.warn('stripe webhook: event ignored', { event: result.eventId, type: result.type, reason: result.note });
      else log.info(`stripe webhook: ${result.outcome}`, { event: result.eventId, type: result.type, payment: result.paymentId });
      return text(result.outcome, 200);
  }
}
