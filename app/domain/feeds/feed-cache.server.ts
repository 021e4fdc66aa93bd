/**
 * Feeds are built once per change of the program, not per request. Every request asks
 * the database one cheap question (the public data version, a counter kept by triggers)
 * and is answered from the bytes
 * built for that version: plain and gzip-compressed, with an ETag and Last-Modified.
 * `invalidateFeeds()` drops everything at once; the schedule publisher calls it after a
 * release (the version check would notice too, this just makes it immediate and also
 * covers changes the version cannot see, such as a renamed stage).
 */
import { openAppDatabase, publicDataVersionOf } from '../../server/db.server';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { DB } from '../../../db/connection';
import { berlinToday } from '../../lib/time';
import type { BuiltFeed } from './calendar-feed.server';
import { LRUCache } from 'lru-cache';

export interface CachedFeed {
  body: Buffer;
  gzip: Buffer;
  /** strong validator of the plain bytes, quoted: "…" */
  etag: string;
  lastModified: Date | null;
  events: number;
  version: string;
}

export const FEED_CACHE_SIZE = 500;
const cache = new LRUCache<string, CachedFeed>({ max: FEED_CACHE_SIZE });
const building = new Map<string, Promise<CachedFeed>>();
let generation = 0;
let builds = 0;

/** Drops every cached feed; the next request for each builds it anew. */
export function invalidateFeeds(): void {
  generation++;
  cache.clear();
}

/**
 * For use cases that change what feeds show (a release, an edition's dates or status): runs
 * the committed change, then drops the cached feeds, so no caller can forget to.
 */
export async function afterPublicChange<T>(run: () => Promise<T>): Promise<T> {
  const result = await run();
  invalidateFeeds();
  return result;
}

/** How many feeds were built since start (tests and the benchmark read it). */
export function feedCacheStats() {
  return { builds, entries: cache.size, generation };
}

/**
 * The version of the public data (a counter the public tables' triggers move, read with
 * one prepared statement on the process's connection): anything a feed shows — items,
 * releases, editions, stage and venue names — moves it; mail sent or a session touched
 * does not.
 */
export async function programDataVersion(db: DB): Promise<string> {
  const open = openAppDatabase(db);
  if (open) return String(publicDataVersionOf(open));
  const row = await db.selectFrom('public_data_version').select('version').executeTakeFirst();
  return String(row?.version ?? 0);
}

export function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/**
 * The feed under `key` for the current data version, built by `build` when missing or
 * stale. Concurrent requests for the same missing feed share one build.
 */
export async function cachedFeed(db: DB, key: string, build: () => Promise<BuiltFeed>): Promise<CachedFeed> {
  // The day is part of the version: cancelled items leave the feeds when their edition is over.
  const open = openAppDatabase(db);
  const data = open ? publicDataVersionOf(open) : await programDataVersion(db);
  const version = `${generation}|${data}|${berlinToday()}`;
  const hit = cache.get(key);
  if (hit && hit.version === version) return hit;
  const flightKey = `${version}\u0000${key}`;
  let pending = building.get(flightKey);
  if (!pending) {
    pending = (async () => {
      const built = await build();
      builds++;
      const body = Buffer.from(built.ics, 'utf8');
      const entry: CachedFeed = {
        body,
        gzip: gzipSync(body),
        etag: etagOf(body),
        lastModified: built.lastModified ? new Date(built.lastModified) : null,
        events: built.events,
        version,
      };
      // A build that raced an invalidation is still served to its callers, but not kept.
      if (version.startsWith(`${generation}|`)) cache.set(key, entry);
      return entry;
    })().finally(() => building.delete(flightKey));
    building.set(flightKey, pending);
  }
  return pending;
}
