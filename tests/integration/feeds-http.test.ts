import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIcs } from '../helpers/ical';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let djelem: string; // the coming Djelem Djelem edition's slug, e.g. djelem-djelem-2027
beforeAll(async () => {
  server = await startServer();
  const editions = (await (await fetch(`${server.url}/api/v1/editions?series=djelem-djelem`)).json()) as { editions: { slug: string; ends_on: string }[] };
  djelem = editions.editions[0]!.slug;
});
afterAll(() => server.stop());

/** A raw GET that does not decompress, so we see exactly the bytes on the wire. */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${server.url}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('GET /calendar.ics on the running server', () => {
  it('answers a calendar with validators and caching, and 304 to a repeated conditional request', async () => {
    const first = await rawGet('/calendar.ics');
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    expect(first.headers['content-encoding']).toBeUndefined();
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    const lastModified = first.headers['last-modified']!;
    expect(new Date(lastModified).toUTCString()).toBe(lastModified);
    expect(parseIcs(first.body.toString('utf8')).events.length).toBeGreaterThan(20);

    const again = await rawGet('/calendar.ics', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);

    const since = await rawGet('/calendar.ics', { 'If-Modified-Since': lastModified });
    expect(since.status).toBe(304);
    const older = await rawGet('/calendar.ics', { 'If-Modified-Since': new Date(Date.parse(lastModified) - 1000).toUTCString() });
    expect(older.status).toBe(200);
    // a fetch() the way apps do it: conditional, compressed
    const viaFetch = await fetch(`${server.url}/calendar.ics`, { headers: { 'If-None-Match': etag } });
    expect(viaFetch.status).toBe(304);
  });

  it('sends the precompressed bytes to clients that take gzip, compressed once', async () => {
    const plain = await rawGet('/calendar.ics?lang=en');
    const zipped = await rawGet('/calendar.ics?lang=en', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(zipped.headers.etag).toBe(plain.headers.etag!.replace(/"$/, '-gz"'));
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 2);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect((await rawGet('/calendar.ics?lang=en', { 'Accept-Encoding': 'gzip', 'If-None-Match': zipped.headers.etag! })).status).toBe(304);
    expect((await rawGet('/calendar.ics?lang=en', { 'Accept-Encoding': 'gzip;q=0' })).headers['content-encoding']).toBeUndefined();
  });

  it('answers unknown filter values with an empty calendar (200), and unknown paths with 404', async () => {
    const empty = await rawGet('/calendar.ics?series=no-such-series&stage=nowhere');
    expect(empty.status).toBe(200);
    const parsed = parseIcs(empty.body.toString('utf8'));
    expect(parsed.events).toEqual([]);
    expect(empty.body.toString('utf8')).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
    expect((await rawGet('/calendar/item/no-such-item.ics')).status).toBe(404);
    expect((await rawGet('/calendar/nothing-here')).status).toBe(404);
  });

  it('narrows by edition and stage in the query, and serves one item as a download', async () => {
    const hall = parseIcs((await rawGet(`/calendar.ics?stage=${djelem}/kino-im-u&lang=en`)).body.toString('utf8'));
    expect(hall.events.map((e) => e.summary)).toEqual(['Film: Stories from the mahala', 'Short films by young Roma', 'Film: Papusza']);
    const item = await rawGet(`/calendar/item/${djelem}-09.ics`);
    expect(item.status).toBe(200);
    expect(item.headers['content-disposition']).toBe(`attachment; filename="${djelem}-09.ics"`);
    const [event] = parseIcs(item.body.toString('utf8')).events;
    expect(event!.uid).toBe(`${djelem}-09@festplatz`);
    expect(event!.summary).toBe('Konzert: Djelem Djelem Ensemble');
  });

  it('carries a cancellation made in the database into the feed: same uid, higher sequence, new ETag', async () => {
    const before = await rawGet(`/calendar.ics?edition=${djelem}`);
    const event = parseIcs(before.body.toString('utf8')).events.find((e) => e.uid === `${djelem}-13@festplatz`)!;
    expect(event.status).toBe('CONFIRMED');

    const other = new SQLite(server.databasePath);
    try {
      other
        .prepare(`update program_items set status = 'cancelled', sequence = sequence + 1, updated_at = ? where uid = ?`)
        .run(new Date().toISOString(), `${djelem}-13`);
    } finally {
      other.close();
    }
    const after = await rawGet(`/calendar.ics?edition=${djelem}`, { 'If-None-Match': before.headers.etag! });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const cancelled = parseIcs(after.body.toString('utf8')).events.find((e) => e.uid === `${djelem}-13@festplatz`)!;
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.sequence).toBe(event.sequence + 1);
  });
});

describe('my program: starred without an account, at a secret and revocable feed URL', () => {
  async function post(body: Record<string, string>, cookie: string) {
    const res = await fetch(`${server.url}/my-program`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
      body: new URLSearchParams(body),
    });
    const set = res.headers.get('set-cookie');
    return { res, cookie: set ? set.split(';')[0]! : cookie };
  }
  const tokenIn = (html: string) => /\/calendar\/my\/([A-Za-z0-9_-]{32})\.ics/.exec(html)?.[1];

  it('stars two items, serves exactly those without the cookie, and revokes the old URL', async () => {
    let { res, cookie } = await post({ intent: 'toggle', uid: `${djelem}-01`, back: `/program?edition=${djelem}` }, '');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/program?edition=${djelem}`);
    expect(cookie).toMatch(/^starred=/);
    ({ cookie } = await post({ intent: 'toggle', uid: `${djelem}-14` }, cookie));
    ({ cookie } = await post({ intent: 'toggle', uid: `${djelem}-06` }, cookie));
    ({ cookie } = await post({ intent: 'toggle', uid: `${djelem}-06` }, cookie)); // unstarred again

    const page = await fetch(`${server.url}/my-program`, { headers: { Cookie: cookie } });
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    const token = tokenIn(await page.text())!;
    expect(token).toBeDefined();

    const feed = await rawGet(`/calendar/my/${token}.ics`); // a calendar app: no cookie
    expect(feed.status).toBe(200);
    expect(feed.headers['cache-control']).toBe('private, max-age=300');
    const parsed = parseIcs(feed.body.toString('utf8'));
    expect(parsed.name).toBe('Mein Programm (Festplatz)');
    expect(parsed.events.map((e) => e.uid).sort()).toEqual([`${djelem}-01@festplatz`, `${djelem}-14@festplatz`]);

    ({ res, cookie } = await post({ intent: 'revoke' }, cookie));
    expect(res.headers.get('location')).toBe('/my-program?revoked=1');
    expect((await rawGet(`/calendar/my/${token}.ics`)).status).toBe(404);
    const fresh = tokenIn(await (await fetch(`${server.url}/my-program`, { headers: { Cookie: cookie } })).text())!;
    expect(fresh).not.toBe(token);
    expect(parseIcs((await rawGet(`/calendar/my/${fresh}.ics`)).body.toString('utf8')).events).toHaveLength(2);
  });

  it('refuses an unknown item, and never redirects off the site', async () => {
    expect((await post({ intent: 'toggle', uid: 'no-such-item' }, '')).res.status).toBe(404);
    const { res } = await post({ intent: 'toggle', uid: `${djelem}-01`, back: '//evil.example/' }, '');
    expect(res.headers.get('location')).toBe('/my-program');
    expect((await post({ intent: 'nonsense' }, '')).res.status).toBe(400);
  });
});

describe('the open-data API', () => {
  it('lists the program with the filters, with CORS and an ETag', async () => {
    const res = await fetch(`${server.url}/api/v1/program?edition=${djelem}&day=${djelem.slice(-4)}-10-31&category=music`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await res.json()) as { count: number; items: { uid: string; title: { de: string }; day: string }[] };
    expect(body.items.map((i) => i.uid)).toEqual([`${djelem}-14`]);
    expect(body.items[0]!.title.de).toBe('Abschlusskonzert');
    const again = await fetch(`${server.url}/api/v1/program?edition=${djelem}&day=${djelem.slice(-4)}-10-31&category=music`, {
      headers: { 'If-None-Match': res.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });

  it('answers 400 with a message for malformed values, and an empty list for unknown slugs', async () => {
    for (const query of ['day=2027-13-01', 'day=31.10.2027', 'accessibility=stairs', 'day=2027-02-30']) {
      const res = await fetch(`${server.url}/api/v1/program?${query}`);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { error: { message: string } };
      expect(body.error.message, query).toMatch(/day|accessibility/);
    }
    const unknown = (await (await fetch(`${server.url}/api/v1/program?series=nope`)).json()) as { count: number };
    expect(unknown.count).toBe(0);
    const editions = (await (await fetch(`${server.url}/api/v1/editions?edition=${djelem}`)).json()) as {
      editions: { slug: string; stages: { slug: string }[]; calendar: string }[];
    };
    expect(editions.editions.map((e) => e.slug)).toEqual([djelem]);
    expect(editions.editions[0]!.stages.map((s) => s.slug)).toEqual(['grosser-saal', 'foyer', 'kino-im-u']);
  });

  it('answers the CORS preflight and refuses writes', async () => {
    const preflight = await fetch(`${server.url}/api/v1/program`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
    const post = await fetch(`${server.url}/api/v1/editions`, { method: 'POST' });
    expect(post.status).toBe(405);
  });
});
