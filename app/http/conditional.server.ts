/**
 * Conditional GET and gzip negotiation, once for everything that serves stored bytes (the
 * page cache, calendar feeds, schedule files): a list of ETags or a weak one in
 * If-None-Match matches, `*` matches, If-Modified-Since counts only without If-None-Match,
 * and `gzip;q=0` is a refusal.
 */
import type { IncomingMessage } from 'node:http';

/** True when the client takes gzip (and has not refused it with q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  // what nearly every client sends, answered without parsing
  if (header === 'gzip' || header === 'gzip, deflate' || header === 'gzip, deflate, br' || header === 'gzip, deflate, br, zstd') return true;
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/** If-None-Match first (it wins over If-Modified-Since, RFC 9110 13.2.2), then the date. */
export function isNotModified(req: IncomingMessage, etags: string[], lastModified: Date | null = null): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch) {
    if (ifNoneMatch.trim() === '*') return true;
    const given = ifNoneMatch.split(',').map((e) => e.trim().replace(/^W\//, ''));
    return given.some((e) => etags.includes(e));
  }
  const since = req.headers['if-modified-since'];
  if (since && lastModified) {
    const date = Date.parse(since);
    return !Number.isNaN(date) && Math.floor(lastModified.getTime() / 1000) <= Math.floor(date / 1000);
  }
  return false;
}

