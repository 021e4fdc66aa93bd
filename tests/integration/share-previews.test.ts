/**
 * Link previews (Open Graph) and schema.org Event data (JSON-LD) on the public pages, read
 * from the HTML the running server sends, the way a messenger or a search engine reads it.
 */
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let djelem: string;
beforeAll(async () => {
  server = await startServer();
  const editions = (await (await fetch(`${server.url}/api/v1/editions?series=djelem-djelem`)).json()) as { editions: { slug: string }[] };
  djelem = editions.editions[0]!.slug;
});
afterAll(() => server.stop());

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

async function page(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, { headers });
  const html = await res.text();
  const meta = new Map<string, string>();
  for (const m of html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"\/?>/g)) meta.set(m[1]!, decode(m[2]!));
  // parsed JSON-LD, asserted field by field below
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const jsonLd = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, any>);
  return { res, html, meta, jsonLd };
}

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/;

describe('Open Graph previews', () => {
  it('gives every public page a title, a description and an image in the visitor\'s language', async () => {
    for (const path of ['/', `/editions/${djelem}`, '/program', '/organisations', '/accessibility', '/impressum', `/editions/${djelem}/exhibitors`, `/editions/${djelem}/changes`]) {
      const de = await page(path);
      const tr = await page(path, { 'Accept-Language': 'tr' });
      expect(de.res.status, path).toBe(200);
      for (const p of [de, tr]) {
        expect(p.meta.get('og:title'), path).toBeTruthy();
        expect(p.meta.get('og:description'), path).toBeTruthy();
        expect(p.meta.get('description'), path).toBe(p.meta.get('og:description'));
        expect(p.meta.get('og:image')).toMatch(/^https?:\/\/.+\/og-image\.png$/);
        expect(p.meta.get('twitter:card')).toBe('summary_large_image');
      }
      expect(de.meta.get('og:locale')).toBe('de_DE');
      expect(tr.meta.get('og:locale')).toBe('tr_TR');
    }
    const home = await page('/', { 'Accept-Language': 'ar' });
    expect(home.meta.get('og:description')).toBe('مهرجانات المدينة وأيام فعالياتها: البرنامج والأجنحة والتقاويم.');
    const image = await fetch(`${server.url}/og-image.png`);
    expect(image.headers.get('content-type')).toBe('image/png');
  });

  it('names the day, the time and the stage in an item\'s preview', async () => {
    const en = await page(`/program/${djelem}-01?lang=en`);
    const items = (await (await fetch(`${server.url}/api/v1/program?edition=${djelem}`)).json()) as { items: { uid: string; stage: { name: { en?: string; de: string } } | null }[] };
    const first = items.items.find((i) => i.uid === `${djelem}-01`)!;
    const description = en.meta.get('og:description')!;
    // "Friday, 29 October 2027, 18:00 · Main hall, Dietrich-Keuning-Haus · …"
    expect(description).toMatch(/^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} · /);
    expect(description).toContain(first.stage!.name.en ?? first.stage!.name.de);
    const de = await page(`/program/${djelem}-01`);
    expect(de.meta.get('og:description')).toMatch(/^(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), \d{1,2}\. [A-ZÄÖÜ][a-zäöü]+ \d{4}, \d{2}:\d{2} Uhr · /);
    expect(de.meta.get('og:type')).toBe('article');
    expect(de.meta.get('og:url')).toMatch(new RegExp(`/program/${djelem}-01$`));
  });
});

describe('schema.org Event (JSON-LD)', () => {
  it('describes the edition: name, start and end with offset, places with addresses, organiser, languages', async () => {
    const { jsonLd, res } = await page(`/editions/${djelem}?lang=en`);
    // the page is served with a CSP; the JSON-LD block is data, not script, and needs no nonce
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(jsonLd).toHaveLength(1);
    const event = jsonLd[0]!;
    expect(event['@context']).toBe('https://schema.org');
    expect(event['@type']).toBe('Event');
    expect(event.name).toMatch(/Djelem Djelem/);
    expect(event.startDate).toMatch(WITH_OFFSET);
    expect(event.endDate).toMatch(WITH_OFFSET);
    expect(Date.parse(event.endDate)).toBeGreaterThan(Date.parse(event.startDate));
    expect(event.eventStatus).toBe('https://schema.org/EventScheduled');
    expect(event.location.length).toBeGreaterThan(0);
    for (const place of event.location) {
      expect(place['@type']).toBe('Place');
      expect(place.address['@type']).toBe('PostalAddress');
      expect(place.address.postalCode).toMatch(/^\d{5}$/);
      expect(place.address.addressLocality).toBe('Dortmund');
      expect(place.geo.latitude).toBeGreaterThan(51);
    }
    expect(event.organizer).toEqual({ '@type': 'Organization', name: 'Stadt Dortmund · Büro für Festkultur (Beispiel)', url: expect.stringMatching(/^http/) });
    expect(event.inLanguage).toEqual(expect.arrayContaining(['ro', 'rom']));
    expect(event).not.toHaveProperty('isAccessibleForFree');
  });

  it('describes an item, and marks a cancelled one and one a release moved', async () => {
    const items = (await (await fetch(`${server.url}/api/v1/program?edition=${djelem}`)).json()) as { items: { uid: string; status: string; starts_at: string; ends_at: string; host: { name: string } | null }[] };
    const plain = items.items.find((i) => i.status === 'scheduled' && i.host)!;
    const cancelled = items.items.find((i) => i.status === 'cancelled')!;

    const { jsonLd } = await page(`/program/${plain.uid}?lang=ar`);
    const event = jsonLd[0]!;
    expect(event['@type']).toBe('Event');
    expect(Date.parse(event.startDate)).toBe(Date.parse(plain.starts_at));
    expect(event.startDate).toMatch(WITH_OFFSET);
    expect(Date.parse(event.endDate)).toBe(Date.parse(plain.ends_at));
    expect(event.eventStatus).toBe('https://schema.org/EventScheduled');
    expect(event.location.address.addressLocality).toBe('Dortmund');
    expect(event.organizer.name).toBe(plain.host!.name);
    expect(event.superEvent.url).toContain(`/editions/${djelem}?lang=ar`);
    expect(event.url).toContain('?lang=ar');

    const gone = (await page(`/program/${cancelled.uid}`)).jsonLd[0]!;
    expect(gone.eventStatus).toBe('https://schema.org/EventCancelled');

    // a release moves the plain item by an hour (as the publisher writes it)
    const later = (iso: string) => new Date(Date.parse(iso) + 3_600_000).toISOString();
    const db = new SQLite(server.databasePath);
    try {
      const edition = db.prepare('select id from editions where slug = ?').get(djelem) as { id: number };
      const version = (db.prepare('select max(version) as v from schedule_releases where edition_id = ?').get(edition.id) as { v: number }).v + 1;
      db.prepare('update program_items set starts_at = ?, ends_at = ?, sequence = sequence + 1, updated_at = ? where uid = ?').run(later(plain.starts_at), later(plain.ends_at), new Date().toISOString(), plain.uid);
      db.prepare('insert into schedule_releases (edition_id, version, published_at, changes) values (?, ?, ?, ?)').run(
        edition.id,
        version,
        new Date().toISOString(),
        JSON.stringify([{ uid: plain.uid, change: 'moved', starts_at: later(plain.starts_at), ends_at: later(plain.ends_at), previous: { stage_id: null, starts_at: plain.starts_at, ends_at: plain.ends_at } }]),
      );
    } finally {
      db.close();
    }
    const moved = (await page(`/program/${plain.uid}`)).jsonLd[0]!;
    expect(moved.eventStatus).toBe('https://schema.org/EventRescheduled');
    expect(Date.parse(moved.previousStartDate)).toBe(Date.parse(plain.starts_at));
    expect(Date.parse(moved.startDate)).toBe(Date.parse(later(plain.starts_at)));
  });
});
