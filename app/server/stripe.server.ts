import { createRequire } from 'node:module';
import type Stripe from 'stripe';
import { env } from './env.server';

let client: Stripe | null | undefined;

/**
 * The Stripe client when STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are set, else null
 * (fees are then paid by bank transfer). STRIPE_API_HOST/PORT/PROTOCOL point the real SDK
 * at a local server in tests.
 */
export function stripe(): Stripe | null {
  if (client !== undefined) return client;
  const config = env();
  if (!config.STRIPE_SECRET_KEY || !config.STRIPE_WEBHOOK_SECRET) return (client = null);
  // The SDK is loaded when payments are configured, not at every start (7 MB of memory, ADR 105).
  const StripeSdk = createRequire(import.meta.url)('stripe') as typeof Stripe;
  client = new StripeSdk(config.STRIPE_SECRET_KEY, {
    ...(config.STRIPE_API_HOST ? { host: config.STRIPE_API_HOST } : {}),
    ...(config.STRIPE_API_PORT ? { port: config.STRIPE_API_PORT } : {}),
    ...(config.STRIPE_API_PROTOCOL ? { protocol: config.STRIPE_API_PROTOCOL } : {}),
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: 'Festplatz' },
  });
  return client;
}

export function stripeWebhookSecret(): string | null {
  return env().STRIPE_WEBHOOK_SECRET ?? null;
}

/**
 * Where Checkout lives, for the CSP's form-action: a no-JavaScript form POST that is
 * redirected to Checkout must be allowed to leave the site. The local API server in tests.
 */
export function stripeCheckoutOrigin(): string | null {
  const config = env();
  if (!config.STRIPE_SECRET_KEY) return null;
  if (!config.STRIPE_API_HOST) return 'https://checkout.stripe.com';
  const protocol = config.STRIPE_API_PROTOCOL ?? 'https';
  return `${protocol}://${config.STRIPE_API_HOST}${config.STRIPE_API_PORT ? `:${config.STRIPE_API_PORT}` : ''}`;
}
