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
import { EMBED_PATH } from '../lib/embed';
import { stripeCheckoutOrigin } from '../server/stripe.server';

/** Paths that other sites may frame (the embeddable program widget) or POST to (signed webhooks). */
const FRAMEABLE = EMBED_PATH;
// webhooks, and RFC 8058 one-click unsubscribe (a mail provider posts it, with no cookie, from its own site)
/** The one page that may ask for the camera (on a button press): the festival day's check-in (docs/decisions/111). */
const CAMERA_ALLOWED = /^\/office\/editions\/[^/]+\/check-in\/?$/;
const CROSS_SITE_POST_ALLOWED = /^\/(webhooks\/|notifications\/one-click\/|mail\/one-click\/)/;

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
    frameable ? `frame-ancestors ${env().EMBED_ORIGINS.join(' ')}` : "frame-ancestors 'none'",
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
  res.setHeader('Permissions-Policy', `camera=${CAMERA_ALLOWED.test(req.path) ? '(self)' : '()'}, microphone=(), geolocation=(), payment=()`);
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  if (!frameable) res.setHeader('X-Frame-Options', 'DENY');
  if (env().PUBLIC_URL.startsWith('https://')) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  next();
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * True when a browser tells us the request comes from another site: Sec-Fetch-Site says
 * so, or its Origin names another host, or (no Origin, as older browsers and some
 * privacy settings send) its Referer does.
 */
export function isCrossSiteRequest(headers: { origin?: string; referer?: string; 'sec-fetch-site'?: string }, ownHosts: string[]): boolean {
  const site = headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const from = headers.origin ?? headers.referer;
  if (!from) return false;
  try {
    return !ownHosts.includes(new URL(from).host);
  } catch {
    return true; // "null" or garbage
  }
}

/** The path as the router will see it (`/webhooks/../account` is `/account`). */
export function normalisedPath(rawUrl: string): string {
  try {
    return new URL(rawUrl, 'http://festplatz.invalid').pathname;
  } catch {
    return rawUrl;
  }
}

export function sameOriginWrites(req: Request, res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method) || CROSS_SITE_POST_ALLOWED.test(normalisedPath(req.originalUrl))) return next();
  // The host the request was sent to (as Remix's own check sees it, proxies included).
  const own = [req.get('x-forwarded-host') ?? req.get('host') ?? ''];
  const headers = { origin: req.get('origin'), referer: req.get('referer'), 'sec-fetch-site': req.get('sec-fetch-site') };
  if (!isCrossSiteRequest(headers, own)) return next();
  const locale = negotiateLocale(req.get('accept-language')) ?? 'de';
  res.status(403).type('text/plain; charset=utf-8').send(translator(locale)('forms:errors.crossSite'));
}

/**
 * Every action reads a form (`request.formData()`): a POST whose body is something else
 * (JSON, plain text, nothing) is answered here, in one place, with a translated 415 (a
 * body of another type) or 400 (no body type at all) instead of a framework error.
 * Signed webhooks (their own body format) and the read-only API are exempt.
 */
export function formBodiesOnly(req: Request, res: Response, next: NextFunction): void {
  const path = normalisedPath(req.originalUrl);
  // the read-only open-data API answers writes itself (405)
  if (SAFE_METHODS.has(req.method) || CROSS_SITE_POST_ALLOWED.test(path) || path.startsWith('/api/')) return next();
  const header = req.get('content-type') ?? '';
  const type = header.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return next();
  if (type === 'multipart/form-data' && /;\s*boundary=/i.test(header)) return next();
  const locale = negotiateLocale(req.get('accept-language')) ?? 'de';
  res
    .status(type ? 415 : 400)
    .type('text/plain; charset=utf-8')
    .send(translator(locale)('security:errors.notAForm'));
}

/** True when the request carries a session cookie (whether or not it is still alive). */
export function hasSessionCookie(cookieHeader: string | undefined): boolean {
  return /(?:^|;\s*)__session=[^;]/.test(cookieHeader ?? '');
}

/**
 * Pages for a signed-in person (their account, the office) must never be kept by a shared
 * cache or the browser's history cache: every answer to a request with a session cookie
 * says `private, no-store`, whatever the route set (downloads included).
 */
export function privateWhenSignedIn(req: Request, res: Response, next: NextFunction): void {
  if (!hasSessionCookie(req.get('cookie'))) return next();
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: Parameters<typeof writeHead>) {
    this.setHeader('Cache-Control', 'private, no-store');
    return writeHead.apply(this, args);
  } as typeof writeHead;
  next();
}
