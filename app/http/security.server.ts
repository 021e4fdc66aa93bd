/**
 * Request hardening shared by every response, applied in server.mjs before Remix:
 * a per-request CSP nonce, the usual security headers, and a same-origin check on
 * every state-changing request (CSRF defence in depth beside SameSite=Lax cookies).
 */
import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { translator } from '../lib/i18n';
import { negotiateLocale } from '../lib/i18n';
import { env } from '../server/env.server';
import { stripeCheckoutOrigin } from '../server/stripe.server';

/** Paths that other sites may frame (the embeddable program widget) or POST to (signed webhooks). */
const FRAMEABLE = /^\/embed(\/|$)/;
// webhooks, and RFC 8058 one-click unsubscribe (a mail provider posts it, with no cookie, from its own site)
const CROSS_SITE_POST_ALLOWED = /^\/(webhooks\/|notifications\/one-click\/)/;

/** `formTargets`: other origins a form may be sent on to (Stripe Checkout, after our redirect). */
export function contentSecurityPolicy(nonce: string, frameable: boolean, formTargets: string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    ["form-action 'self'", ...formTargets].join(' '),
    frameable ? 'frame-ancestors *' : "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  const nonce = randomBytes(16).toString('base64');
  res.locals.cspNonce = nonce;
  const frameable = FRAMEABLE.test(req.path);
  const checkout = stripeCheckoutOrigin();
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce, frameable, checkout ? [checkout] : []));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  if (!frameable) res.setHeader('X-Frame-Options', 'DENY');
  if (env().PUBLIC_URL.startsWith('https://')) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  next();
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when a browser tells us the request comes from another site (its Origin names another host). */
export function isCrossSiteRequest(headers: { origin?: string; 'sec-fetch-site'?: string }, ownHosts: string[]): boolean {
  const site = headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const origin = headers.origin;
  if (!origin) return false;
  try {
    return !ownHosts.includes(new URL(origin).host);
  } catch {
    return true; // "null" or garbage
  }
}

export function sameOriginWrites(req: Request, res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method) || CROSS_SITE_POST_ALLOWED.test(req.path)) return next();
  // The host the request was sent to (as Remix's own check sees it, proxies included).
  const own = [req.get('x-forwarded-host') ?? req.get('host') ?? ''];
  const headers = { origin: req.get('origin'), 'sec-fetch-site': req.get('sec-fetch-site') };
  if (!isCrossSiteRequest(headers, own)) return next();
  const locale = negotiateLocale(req.get('accept-language')) ?? 'de';
  res.status(403).type('text/plain; charset=utf-8').send(translator(locale)('forms:errors.crossSite'));
}
