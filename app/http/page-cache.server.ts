/**
 * Public pages for visitors who are not signed in are the same bytes for everyone with
 * the same URL, language and cookies, until the public data changes. They are rendered once,
 * kept (gzip included), and served before the framework — the hot path of a festival
 * weekend. The inline scripts of a cached page are allowed by their SHA-256 hashes instead
 * of a per-request nonce, so the stored bytes need no rewriting.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import { createRequestHandler, type ServerBuild } from '@remix-run/node';
import type { NextFunction, Request, Response } from 'express';
import { contentSecurityPolicy } from './security.server';
import { database, publicDataVersionOf } from '../server/db.server';
import { berlinToday } from '../lib/time';
import { acceptsGzip, isNotModified } from './conditional.server';

const CACHEABLE = /^\/(?:|editions\/[^/]+(?:\/(?:exhibitors|changes))?|program(?:\/[^/]+)?|organisations(?:\/[^/]+)?|accessibility|impressum|datenschutz)$/;
/**
 * Kept pages are bounded by their bytes, not their number: a 500-item edition page is two
 * hundred times a short one, and each language and cookie variant is its own entry. Only the
 * gzip bytes are kept; the rare client without gzip gets them unpacked.
 */
export const PAGE_CACHE_BYTES = 24 * 1024 * 1024;

interface Entry {
  version: string;
  status: number;
  gzip: Buffer;
  etag: string;
  csp: string;
  headers: [string, string][];
}

/**
 * Changes when what public pages show changes: the public data version (moved by triggers
 * on the public tables only, docs/decisions/101) and the Berlin day. The mail worker
 * marking a message sent or a session being touched keeps every cached page.
 */
function databaseVersion(): string {
  return `${publicDataVersionOf(database())}:${berlinToday()}`;
}

/**
 * Every answer says which public data it was made from (`X-Public-Data-Version`, the counter of
 * docs/decisions/101): the service worker, seeing a newer one on any page, fetches the pages it
 * keeps again (docs/decisions/099). One prepared statement, about a microsecond.
 */
export function publicDataVersionHeader(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Public-Data-Version', String(publicDataVersionOf(database())));
  next();
}

export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    hashes.push(`'sha256-${createHash('sha256').update(match[1]!).digest('base64')}'`);
  }
  return hashes;
}

export function createPageCache(build: ServerBuild) {
  const handle = createRequestHandler(build, 'production');
  const entries = new LRUCache<string, Entry>({ maxSize: PAGE_CACHE_BYTES, sizeCalculation: (entry) => entry.gzip.length + 512 });

  const inFlight = new Map<string, Promise<{ fresh: Entry; cacheable: boolean }>>();

  async function render(req: Request): Promise<{ fresh: Entry; cacheable: boolean }> {
    const version = databaseVersion();
    const url = new URL(req.originalUrl, `${req.protocol}://${req.get('host')}`);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const response = await handle(new globalThis.Request(url, { headers }), { cspNonce: '', clientIp: req.ip ?? '' });
    const text = await response.text();
    const cacheable =
      (response.status === 200 || response.status === 404) &&
      !response.headers.has('set-cookie') &&
      (response.headers.get('content-type') ?? '').startsWith('text/html');
    const html = text.replace(/ nonce=""/g, '');
    const body = Buffer.from(html);
    const fresh: Entry = {
      version,
      status: response.status,
      gzip: gzipSync(body),
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      csp: contentSecurityPolicy('', false).replace(/script-src [^;]+/, `script-src 'self' ${inlineScriptHashes(html).join(' ')}`),
      headers: [...response.headers.entries()].filter(([k]) => !['content-length', 'content-encoding', 'set-cookie'].includes(k)),
    };
    return { fresh, cacheable };
  }

  return async function pageCache(req: Request, res: Response, next: NextFunction) {
    if (req.method !== 'GET' || !CACHEABLE.test(req.path) || 'lang' in req.query || '_data' in req.query) return next();
    const cookies = req.get('cookie') ?? '';
    if (cookies.includes('__session=')) return next();
    try {
      const key = `${req.originalUrl}\n${cookies}\n${req.get('accept-language') ?? ''}`;
      const version = databaseVersion();
      let entry = entries.get(key);
      const hit = entry?.version === version;
      if (!entry || !hit) {
        entries.delete(key);
        // Concurrent misses of one page (a crowd arriving after a release) share one render.
        const flight = `${version}\n${key}`;
        let rendering = inFlight.get(flight);
        if (!rendering) {
          rendering = render(req).finally(() => inFlight.delete(flight));
          inFlight.set(flight, rendering);
        }
        const { fresh, cacheable } = await rendering;
        if (!cacheable) return send(req, res, fresh, false);
        entry = fresh;
        if (databaseVersion() === version) entries.set(key, entry);
      }
      send(req, res, entry, hit);
    } catch (error) {
      next(error);
    }
  };
}

function send(req: Request, res: Response, entry: Entry, cached: boolean) {
  for (const [k, v] of entry.headers) res.setHeader(k, v);
  res.setHeader('Content-Security-Policy', entry.csp);
  res.setHeader('ETag', entry.etag);
  res.setHeader('Vary', 'Cookie, Accept-Language, Accept-Encoding');
  res.setHeader('X-Page-Cache', cached ? 'hit' : 'miss');
  if (isNotModified(req, [entry.etag])) {
    res.status(304).end();
    return;
  }
  const gzip = acceptsGzip(req.headers['accept-encoding']);
  if (gzip) res.setHeader('Content-Encoding', 'gzip');
  res.status(entry.status).end(gzip ? entry.gzip : gunzipSync(entry.gzip));
}
