/**
 * Property-based: random, oversized and malformed input thrown at every route of the
 * build (loaders by GET with junk query strings, actions by POST with junk forms), as a
 * visitor, an association member and an organiser. Never a 5xx; a refused request (4xx)
 * leaves the database unchanged. New routes are covered as soon as they exist.
 */
import path from 'node:path';
import SQLite from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../helpers/auth';
import { startServer, type RunningServer } from '../helpers/server';

const root = path.resolve(import.meta.dirname, '../..');
interface BuiltRoute {
  path?: string;
  parentId?: string;
  index?: boolean;
  module: { action?: unknown; loader?: unknown };
}

let server: RunningServer;
let routes: { id: string; pattern: string; action: boolean; loader: boolean }[] = [];
const cookies: Record<string, string | undefined> = { visitor: undefined };
let known: Record<string, string[]> = {};

function fullPath(all: Record<string, BuiltRoute>, id: string): string {
  const parts: string[] = [];
  for (let r: BuiltRoute | undefined = all[id]; r; r = r.parentId ? all[r.parentId] : undefined) if (r.path) parts.unshift(r.path);
  return '/' + parts.join('/');
}

function snapshot(file: string): string {
  const db = new SQLite(file, { readonly: true });
  try {
    const tables = db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name`).all() as { name: string }[];
    // tables the rate limiter or sign-in may legitimately touch on a refused request are included: a 4xx must write nothing
    return tables.map(({ name }) => `${name}:${(db.prepare(`select count(*) n, total(rowid) s from "${name}"`).get() as { n: number; s: number }).n}`).join(',');
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  server = await startServer({ RATE_LIMITS: 'off' });
  const build = (await import(path.join(root, 'build/index.js'))) as { routes: Record<string, BuiltRoute> };
  routes = Object.entries(build.routes)
    .filter(([id]) => id !== 'root')
    .map(([id, r]) => ({ id, pattern: fullPath(build.routes, id), action: Boolean(r.module.action), loader: Boolean(r.module.loader) }));
  const mailDir = path.join(server.dir, 'mail');
  cookies.member = await signIn(server.url, mailDir, 'kontakt@train-of-hope.example');
  cookies.organiser = await signIn(server.url, mailDir, 'orga@festplatz.localhost');
  const db = new SQLite(server.databasePath, { readonly: true });
  const col = (sql: string) => (db.prepare(sql).all() as { v: string | number }[]).map((r) => String(r.v));
  known = {
    slug: [...col('select slug v from editions'), ...col('select slug v from organisations')],
    uid: col('select uid v from program_items limit 20'),
    id: col('select id v from registrations limit 20'),
  };
  db.close();
}, 60_000);
afterAll(() => server.stop());

const junk = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '0', '-1', '1e309', 'NaN', 'null', 'true', '[]', '{}', '<script>alert(1)</script>', "' or 1=1 --", '../../etc/passwd', '%00', '2027-02-30', '9999-99-99T99:99'),
  fc.string({ minLength: 5000, maxLength: 20000 }),
  fc.integer().map(String),
);
const fieldNames = fc.oneof(
  fc.constantFrom('intent', 'email', 'id', 'token', 'name', 'title', 'reason', 'stand_type', 'standTypeId', 'registrationId', 'edition', 'starts_at', 'ends_at', 'stage', 'amount', 'locale', 'redirectTo', 'width_m', 'power_watts'),
  fc.string({ minLength: 1, maxLength: 12 }),
);
const form = fc.array(fc.tuple(fieldNames, junk), { maxLength: 12 });
const query = fc.array(fc.tuple(fc.constantFrom('series', 'edition', 'day', 'stage', 'category', 'state', 'page', 'q', 'format', 'lang', 'token', 'redirectTo'), junk), { maxLength: 6 });

function fill(pattern: string, pick: (name: string) => string): string {
  return pattern
    .split('/')
    .map((seg) => (seg.startsWith(':') ? encodeURIComponent(pick(seg.slice(1).replace(/\?$/, ''))) : seg === '*' ? 'zz-unknown' : seg))
    .join('/');
}

describe.each(['visitor', 'member', 'organiser'])('random input as %s', (role) => {
  it('never gets a 5xx from any loader', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes.filter((r) => r.loader)), query, fc.nat(), junk, async (route, params, n, raw) => {
        const pick = (name: string) => (n % 3 === 0 ? raw : (known[name]?.[n % (known[name]?.length || 1)] ?? raw));
        const url = `${server.url}${fill(route.pattern, pick)}?${new URLSearchParams(params)}`;
        const response = await fetch(url, { headers: cookies[role] ? { Cookie: cookies[role]! } : {}, redirect: 'manual', signal: AbortSignal.timeout(15_000) });
        await response.arrayBuffer();
        expect(response.status, `GET ${url}`).toBeLessThan(500);
      }),
      { numRuns: 40, endOnFailure: true },
    );
  }, 120_000);

  it('never gets a 5xx from any action, and a refused request changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes.filter((r) => r.action)), form, fc.nat(), junk, async (route, fields, n, raw) => {
        const pick = (name: string) => (n % 3 === 0 ? raw : (known[name]?.[n % (known[name]?.length || 1)] ?? raw));
        const url = `${server.url}${fill(route.pattern, pick)}`;
        const before = snapshot(server.databasePath);
        const response = await fetch(url, {
          method: 'POST',
          body: new URLSearchParams(fields),
          headers: cookies[role] ? { Cookie: cookies[role]! } : {},
          redirect: 'manual',
          signal: AbortSignal.timeout(15_000),
        });
        await response.arrayBuffer();
        expect(response.status, `POST ${url} ${JSON.stringify(fields).slice(0, 300)}`).toBeLessThan(500);
        if (response.status >= 400) expect(snapshot(server.databasePath), `POST ${url} was refused but wrote`).toBe(before);
      }),
      { numRuns: 40, endOnFailure: true },
    );
  }, 120_000);
});
