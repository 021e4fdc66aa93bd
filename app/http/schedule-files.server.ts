/**
 * Schedule apps poll these like calendar apps poll the feeds, so they take the same road:
 * answered in server.mjs before Express, from bytes built once per data version, with
 * ETag, Last-Modified, 304 and precompressed gzip (the feed handler's sendCachedBytes).
 *
 *   GET /editions/<slug>/schedule.xml?lang=en   frab-style schedule.xml
 *   GET /editions/<slug>/schedule.json?lang=en  the same as JSON (c3voc schedule schema)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { feedLocale } from '../domain/feeds/calendar-feed.server';
import { cachedFeed } from '../domain/feeds/feed-cache.server';
import { buildScheduleExport } from '../domain/feeds/schedule-export.server';
import { db } from '../server/db.server';
import { env } from '../server/env.server';
import { log } from '../server/log.server';
import { plain, sendCachedBytes } from './calendar-feeds.server';

export const SCHEDULE_PATH = /^\/editions\/([a-z0-9-]{1,120})\/schedule\.(xml|json)$/;

/** True for a URL this handler answers (server.mjs asks before handing a request on). */
export function isScheduleFileUrl(url: string): boolean {
  return SCHEDULE_PATH.test(url.split('?', 1)[0]!);
}

export async function handleScheduleFileRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://festplatz.invalid');
  const match = SCHEDULE_PATH.exec(url.pathname);
  if (!match) return plain(res, 404, 'Not found\n');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return plain(res, 405, 'Method not allowed\n');
  }
  const slug = match[1]!;
  const format = match[2] as 'xml' | 'json';
  try {
    const lang = feedLocale(url.searchParams.get('lang'));
    const file = await cachedFeed(db(), `schedule|${format}|${lang}|${slug}`, () => buildScheduleExport(db(), slug, format, lang, env().PUBLIC_URL));
    if (file.events < 0) return plain(res, 404, 'No such edition.\n');
    sendCachedBytes(req, res, file, {
      contentType: format === 'xml' ? 'application/xml; charset=utf-8' : 'application/json; charset=utf-8',
      cacheControl: 'public, max-age=300',
      disposition: `inline; filename="${slug}-schedule.${format}"`,
    });
  } catch (error) {
    log.error('schedule file failed', { path: url.pathname, error: error instanceof Error ? error.stack : String(error) });
    if (!res.headersSent) plain(res, 500, 'The schedule could not be built. Please try again later.\n');
    else res.end();
  }
}
