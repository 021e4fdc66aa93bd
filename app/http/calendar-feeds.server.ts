/**
 * The hot path: calendar apps poll /calendar.ics and friends every few hours, and many of
 * them at once after a release. server.mjs mounts this handler before Remix (and before
 * the compression middleware), so a feed costs one cheap version query and a buffer
 * write, not a framework request. Plain node req/res.
 *
 *   GET /calendar.ics?series=…&edition=…&stage=…&category=…&organisation=…&language=…&lang=en
 *   GET /calendar/item/<uid>.ics      one item, as a download
 *   GET /calendar/my/<token>.ics      "my program" (404 once revoked)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildCalendarFeed, feedLocale, type FeedSource } from '../domain/feeds/calendar-feed.server';
import { cachedFeed, type CachedFeed } from '../domain/feeds/feed-cache.server';
import { starredUidsOf } from '../domain/feeds/personal-feeds.server';
import { filterKey, readProgramFilter } from '../domain/program/program-filter';
import { db } from '../server/db.server';
import { log } from '../server/log.server';
import { acceptsGzip, isNotModified } from './conditional.server';
import { LRUCache } from 'lru-cache';

const cityKeys = new LRUCache<string, { source: FeedSource; key: string }>({ max: 1_000 });
/** Whole request addresses of city feeds already seen (path and query as sent). */
const cityRequests = new LRUCache<string, { source: FeedSource; key: string; lang: ReturnType<typeof feedLocale> }>({ max: 1_000 });
const CITY_HEADERS = { contentType: 'text/calendar; charset=utf-8', cacheControl: 'public, max-age=300', disposition: 'inline; filename="festplatz.ics"' };
const ITEM_PATH = /^\/calendar\/item\/([A-Za-z0-9_.-]{1,120})\.ics$/;
const MY_PATH = /^\/calendar\/my\/([A-Za-z0-9_-]{1,64})\.ics$/;

/** Answers feed URLs before Express (server.mjs); anything else under /calendar is a plain 404. */
export async function handleCalendarRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const raw = req.url ?? '/';
  // The hot path: a city feed address polled again is answered without parsing it anew.
  const known = (req.method === 'GET' || req.method === 'HEAD') && raw.startsWith('/calendar.ics') ? cityRequests.get(raw) : undefined;
  if (known) {
    try {
      const feed = await cachedFeed(db(), known.key, () => buildCalendarFeed(db(), known.source, known.lang));
      sendCachedBytes(req, res, feed, CITY_HEADERS);
    } catch (error) {
      log.error('calendar feed failed', { path: '/calendar.ics', error: error instanceof Error ? error.stack : String(error) });
      if (!res.headersSent) plain(res, 500, 'The calendar could not be built. Please try again later.\n');
      else res.end();
    }
    return;
  }
  const url = new URL(raw, 'http://festplatz.invalid');
  const route = matchRoute(url.pathname);
  if (!route) {
    plain(res, 404, 'Not found\n');
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    plain(res, 405, 'Method not allowed\n');
    return;
  }
  try {
    const lang = feedLocale(url.searchParams.get('lang'));
    let source: FeedSource;
    let key: string;
    let personal = false;
    if (route.kind === 'city') {
      // The same query string polled again (every subscriber of a feed sends the same one): its key is remembered.
      let known = cityKeys.get(url.search);
      if (!known) {
        const filter = readProgramFilter(url.searchParams);
        known = { source: { kind: 'filter', filter }, key: `city|${lang}|${filterKey(filter)}` };
        cityKeys.set(url.search, known);
      }
      source = known.source;
      key = known.key;
      cityRequests.set(raw, { source, key, lang });
    } else if (route.kind === 'item') {
      source = { kind: 'item', uid: route.uid };
      key = `item|${lang}|${route.uid}`;
    } else {
      const uids = await starredUidsOf(db(), route.token);
      if (uids === null) {
        plain(res, 404, 'This calendar address is not valid (any more).\n');
        return;
      }
      personal = true;
      source = { kind: 'starred', uids };
      // Keyed by the list, not the token: equal lists share the bytes, a revoked token has no entry.
      key = `starred|${lang}|${[...uids].sort().join(',')}`;
    }
    const feed = await cachedFeed(db(), key, () => buildCalendarFeed(db(), source, lang));
    if (route.kind === 'item' && feed.events === 0) {
      plain(res, 404, 'No such program item.\n');
      return;
    }
    sendCachedBytes(req, res, feed, {
      contentType: 'text/calendar; charset=utf-8',
      cacheControl: personal ? 'private, max-age=300' : 'public, max-age=300',
      disposition: route.kind === 'item' ? `attachment; filename="${route.uid}.ics"` : `inline; filename="${route.kind === 'my' ? 'my-program' : 'festplatz'}.ics"`,
    });
  } catch (error) {
    log.error('calendar feed failed', { path: url.pathname, error: error instanceof Error ? error.stack : String(error) });
    if (!res.headersSent) plain(res, 500, 'The calendar could not be built. Please try again later.\n');
    else res.end();
  }
}

type Route = { kind: 'city' } | { kind: 'item'; uid: string } | { kind: 'my'; token: string };

function matchRoute(pathname: string): Route | null {
  if (pathname === '/calendar.ics') return { kind: 'city' };
  const item = ITEM_PATH.exec(pathname);
  if (item) return { kind: 'item', uid: item[1]! };
  const my = MY_PATH.exec(pathname);
  if (my) return { kind: 'my', token: my[1]! };
  return null;
}

export function plain(res: ServerResponse, status: number, text: string) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(text);
}

/** Bytes built once per data version (feeds, schedule files): ETag, Last-Modified, 304, precompressed gzip. */
const gzipEtags = new WeakMap<CachedFeed, { gzipEtag: string; lastModified: string | null }>();
/** What each cached body's headers need, worked out once per body, not per request. */
function headersOf(feed: CachedFeed) {
  let h = gzipEtags.get(feed);
  if (!h) {
    h = { gzipEtag: feed.etag.replace(/"$/, '-gz"'), lastModified: feed.lastModified ? feed.lastModified.toUTCString() : null };
    gzipEtags.set(feed, h);
  }
  return h;
}

export function sendCachedBytes(req: IncomingMessage, res: ServerResponse, feed: CachedFeed, options: { contentType: string; cacheControl: string; disposition: string }) {
  const gzip = acceptsGzip(req.headers['accept-encoding']);
  const { gzipEtag, lastModified } = headersOf(feed);
  res.setHeader('Cache-Control', options.cacheControl);
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('ETag', gzip ? gzipEtag : feed.etag);
  if (lastModified) res.setHeader('Last-Modified', lastModified);
  res.setHeader('Access-Control-Allow-Origin', '*');
  if (isNotModified(req, [feed.etag, gzipEtag], feed.lastModified)) {
    res.statusCode = 304;
    res.end();
    return;
  }
  const body = gzip ? feed.gzip : feed.body;
  res.statusCode = 200;
  res.setHeader('Content-Type', options.contentType);
  res.setHeader('Content-Disposition', options.disposition);
  // Set here so the compression middleware (if it runs at all) leaves the bytes alone.
  if (gzip) res.setHeader('Content-Encoding', 'gzip');
  res.setHeader('Content-Length', String(body.length));
  res.end(req.method === 'HEAD' ? undefined : body);
}
