/**
 * schedule.xml / schedule.json (frab format, as the c3voc validator describes it:
 * github.com/voc/schedule validator/xsd/schedule.xml.xsd and validator/json/schema.json)
 * and the GeoJSON files, from the running server.
 */
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import SQLite from 'better-sqlite3';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemGuid, uuidV5 } from '../../app/domain/feeds/schedule-export.server';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let djelem: string;
beforeAll(async () => {
  server = await startServer();
  const editions = (await (await fetch(`${server.url}/api/v1/editions?series=djelem-djelem`)).json()) as { editions: { slug: string }[] };
  djelem = editions.editions[0]!.slug;
});
afterAll(() => server.stop());

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

// The XSD's simple types.
const UUID = /^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$/;
const DATE_TIME_TZ = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|\+[0-9]{1,2}:[0-9]{2}|-[0-9]{1,2}:[0-9]{2})$/;
const START = /^([0-2][0-9]:[0-5][0-9])|([0-2][0-9]:[0-5][0-9]:[0-5][0-9])$/;
const DURATION = /^([0-9]{1,2}:[0-9]{2})|([0-9]{1,2}:[0-9]{2}:[0-9]{1,2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
// The XSD's element sets: what an <event> must hold (xs:all, minOccurs 1) and may hold.
const EVENT_REQUIRED = ['room', 'title', 'subtitle', 'type', 'date', 'start', 'duration', 'abstract', 'slug', 'track'];
const EVENT_OPTIONAL = ['logo', 'persons', 'language', 'description', 'recording', 'links', 'attachments', 'video_download_url', 'url'];
const CONFERENCE_REQUIRED = ['title', 'acronym'];
const CONFERENCE_OPTIONAL = ['start', 'end', 'days', 'timeslot_duration', 'base_url', 'time_zone_name'];

type Node = Record<string, unknown>;
const list = (v: unknown): Node[] => (v === undefined ? [] : Array.isArray(v) ? (v as Node[]) : [v as Node]);
const childNames = (n: Node) => Object.keys(n).filter((k) => !k.startsWith('@_') && k !== '#text');

function parseXml(text: string): Node {
  return new XMLParser({ ignoreAttributes: false, parseTagValue: false, parseAttributeValue: false, isArray: (_name, jpath) => ['schedule.day', 'schedule.day.room', 'schedule.day.room.event'].includes(String(jpath)) }).parse(text) as Node;
}

describe('GET /editions/<slug>/schedule.xml', () => {
  it('keeps to the schedule.xml XSD: element tree, required elements, types, unique guids and ids', async () => {
    const res = await rawGet(`/editions/${djelem}/schedule.xml?lang=en`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    const text = res.body.toString('utf8');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<schedule>')).toBe(true);
    const doc = parseXml(text);
    const schedule = doc.schedule as Node;
    // xs:sequence: generator?, version, conference, day+
    expect(childNames(schedule)).toEqual(['generator', 'version', 'conference', 'day']);
    expect(schedule.version).toMatch(/^\d+$/);
    const conference = schedule.conference as Node;
    for (const name of CONFERENCE_REQUIRED) expect(conference[name], name).toBeTruthy();
    for (const name of childNames(conference)) expect([...CONFERENCE_REQUIRED, ...CONFERENCE_OPTIONAL]).toContain(name);
    expect(conference.acronym).toBe(djelem);
    expect(conference.start).toMatch(DATE);
    expect(conference.time_zone_name).toBe('Europe/Berlin');

    const days = list(schedule.day);
    expect(Number(conference.days)).toBe(days.length);
    expect(new Set(days.map((d) => d['@_index'])).size).toBe(days.length);
    const events: Node[] = [];
    for (const day of days) {
      expect(day['@_date']).toMatch(DATE);
      expect(day['@_start']).toMatch(DATE_TIME_TZ);
      expect(day['@_end']).toMatch(DATE_TIME_TZ);
      for (const room of list(day.room)) {
        expect(Object.keys(room).filter((k) => k.startsWith('@_'))).toEqual(['@_name']);
        for (const event of list(room.event)) {
          events.push(event);
          expect(event['@_guid']).toMatch(UUID);
          expect(event['@_id']).toMatch(/^[1-9]\d*$/);
          for (const name of EVENT_REQUIRED) expect(event, name).toHaveProperty(name);
          for (const name of childNames(event)) expect([...EVENT_REQUIRED, ...EVENT_OPTIONAL]).toContain(name);
          expect(event.date).toMatch(DATE_TIME_TZ);
          expect(String(event.date).slice(0, 10)).toBe(day['@_date']);
          expect(event.start).toMatch(START);
          expect(event.duration).toMatch(DURATION);
          expect(event.room).toBe(room['@_name']);
          expect(String(event.url)).toMatch(/^https?:\/\//);
        }
      }
    }
    expect(events.length).toBeGreaterThan(10);
    expect(new Set(events.map((e) => e['@_guid'])).size).toBe(events.length);
    expect(new Set(events.map((e) => e['@_id'])).size).toBe(events.length);
    expect(new Set(events.map((e) => e.slug)).size).toBe(events.length);

    // an item's guid is derived from its uid alone: the same in every release and language
    const first = events[0]!;
    const uid = decodeURIComponent(String(first.url).split('/program/')[1]!.split('?')[0]!);
    expect(first['@_guid']).toBe(itemGuid(uid));
    // cancelled items stay, marked as the format allows
    const cancelled = events.find((e) => e.type === 'cancelled');
    expect(cancelled, 'a cancelled item').toBeDefined();
    expect(String(cancelled!.title)).toMatch(/^Cancelled: /);
  });

  it('answers with the feeds caching: ETag, Last-Modified, 304, gzip; a release changes the bytes, not the guids', async () => {
    const path = `/editions/${djelem}/schedule.xml`;
    const first = await rawGet(path);
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    expect(first.headers['access-control-allow-origin']).toBe('*');
    expect(first.headers['last-modified']).toBeTruthy();
    const again = await rawGet(path, { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const zipped = await rawGet(path, { 'Accept-Encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.body).equals(first.body)).toBe(true);
    expect((await rawGet(path, { 'If-None-Match': zipped.headers.etag!, 'Accept-Encoding': 'gzip' })).status).toBe(304);
    // German by default: the cancelled item's title says so in German
    expect(first.body.toString('utf8')).toContain('<title>Abgesagt: ');

    const guidsBefore = [...first.body.toString('utf8').matchAll(/guid="([^"]+)" id="(\d+)"/g)].map((m) => `${m[1]}|${m[2]}`).sort();
    const other = new SQLite(server.databasePath);
    try {
      other.prepare(`update program_items set title = json_set(title, '$.de', 'Neuer Titel'), sequence = sequence + 1, updated_at = ? where uid = ?`).run(new Date().toISOString(), `${djelem}-01`);
    } finally {
      other.close();
    }
    const after = await rawGet(path, { 'If-None-Match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.body.toString('utf8')).toContain('<title>Neuer Titel</title>');
    const guidsAfter = [...after.body.toString('utf8').matchAll(/guid="([^"]+)" id="(\d+)"/g)].map((m) => `${m[1]}|${m[2]}`).sort();
    expect(guidsAfter).toEqual(guidsBefore);
  });

  it('answers 404 for an unknown or unpublished edition and 405 for a POST', async () => {
    expect((await rawGet('/editions/no-such-edition/schedule.xml')).status).toBe(404);
    expect((await rawGet('/editions/no-such-edition/schedule.json')).status).toBe(404);
    const post = await fetch(`${server.url}/editions/${djelem}/schedule.xml`, { method: 'POST' });
    expect(post.status).toBe(405);
  });
});

describe('GET /editions/<slug>/schedule.json', () => {
  it('keeps to the c3voc schedule JSON schema: required keys, no others where it allows none', async () => {
    const res = await rawGet(`/editions/${djelem}/schedule.json?lang=ro`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const doc = JSON.parse(res.body.toString('utf8')) as { schedule: Node; $schema: string; generator: Node };
    expect(Object.keys(doc).sort()).toEqual(['$schema', 'generator', 'schedule']);
    const schedule = doc.schedule;
    for (const key of ['base_url', 'conference', 'version']) expect(schedule).toHaveProperty(key);
    const conference = schedule.conference as Node;
    const conferenceKeys = ['acronym', 'title', 'description', 'start', 'end', 'daysCount', 'timeslot_duration', 'time_zone_name', 'colors', 'keywords', 'url', 'rooms', 'days'];
    for (const key of ['title', 'acronym', 'days', 'daysCount', 'start', 'end', 'timeslot_duration']) expect(conference).toHaveProperty(key);
    for (const key of Object.keys(conference)) expect(conferenceKeys).toContain(key);
    expect(conference.acronym).toMatch(/^[a-z0-9_-]+$/);
    const rooms = conference.rooms as Node[];
    for (const room of rooms) {
      expect(Object.keys(room).sort()).toEqual(['guid', 'name']);
      expect(room.guid).toMatch(UUID);
    }
    const eventKeys = ['abstract', 'answers', 'attachments', 'date', 'description', 'do_not_record', 'duration', 'guid', 'id', 'language', 'links', 'logo', 'persons', 'recording_license', 'room', 'slug', 'start', 'subtitle', 'title', 'track', 'type', 'url'];
    const days = conference.days as Node[];
    expect(days.length).toBe(conference.daysCount);
    let count = 0;
    for (const day of days) {
      expect(Object.keys(day).sort()).toEqual(['date', 'day_end', 'day_start', 'index', 'rooms']);
      expect(typeof day.index).toBe('number');
      for (const [name, events] of Object.entries(day.rooms as Record<string, Node[]>)) {
        expect(rooms.map((r) => r.name)).toContain(name);
        for (const event of events) {
          count++;
          expect(Object.keys(event).sort()).toEqual(eventKeys);
          expect(typeof event.id).toBe('number');
          expect(event.guid).toMatch(UUID);
          expect(event.duration).toMatch(/^[0-9]+:[0-9]{2}$/);
          expect(event.date).toMatch(DATE_TIME_TZ);
          expect(event.room).toBe(name);
          for (const person of event.persons as Node[]) expect(typeof person.name).toBe('string');
        }
      }
    }
    expect(count).toBeGreaterThan(10);
    // Romanian titles where the item has one; the cancelled one says so in Romanian
    expect(JSON.stringify(doc)).toContain('"type":"cancelled"');
  });

  it('gives every item the guid of its uid in both files', async () => {
    const json = JSON.parse((await rawGet(`/editions/${djelem}/schedule.json`)).body.toString('utf8')) as { schedule: { conference: { days: { rooms: Record<string, { guid: string; url: string }[]> }[] } } };
    const events = json.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
    for (const e of events) expect(e.guid).toBe(itemGuid(decodeURIComponent(e.url.split('/program/')[1]!)));
    // RFC 9562 test vector: the DNS namespace and "www.example.com"
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});

describe('the edition page', () => {
  it('links the open data under "Open data", in the reader\'s language', async () => {
    const html = await (await fetch(`${server.url}/editions/${djelem}?lang=en`)).text();
    expect(html).toContain('<h2 id="open-data-title">Open data</h2>');
    for (const href of [`/editions/${djelem}/schedule.xml?lang=en`, `/editions/${djelem}/schedule.json?lang=en`, `/editions/${djelem}/venues.geojson`, `/editions/${djelem}/pitches.geojson`, '/openapi.json']) {
      expect(html).toContain(`href="${href}"`);
    }
  });
});

describe('the embed', () => {
  it('may be framed by any site by default, sets no cookie and ships no script; other pages may not be framed', async () => {
    const res = await rawGet(`/embed/editions/${djelem}?lang=en`);
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(res.headers['set-cookie']).toBeUndefined();
    const html = res.body.toString('utf8');
    expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
    expect(html).toContain('<base target="_blank"/>');
    expect(html).toMatch(/<h1 class="embed__title">Program: Djelem Djelem \d{4}<\/h1>/);
    const page = await rawGet(`/editions/${djelem}`);
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect((await rawGet('/embed/editions/no-such-edition')).status).toBe(404);
  });
});

describe('GeoJSON', () => {
  it('lists the venues as points [lng, lat] with ETag and 304', async () => {
    const res = await fetch(`${server.url}/editions/${djelem}/venues.geojson`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const geo = (await res.json()) as { type: string; features: { type: string; geometry: { type: string; coordinates: number[] } | null; properties: { address: string } }[] };
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.length).toBeGreaterThan(0);
    for (const f of geo.features) {
      expect(f.type).toBe('Feature');
      expect(f.properties.address).toBeTruthy();
      if (f.geometry) {
        expect(f.geometry.type).toBe('Point');
        const [lng, lat] = f.geometry.coordinates;
        // Dortmund: longitude about 7.4, latitude about 51.5
        expect(lng).toBeGreaterThan(7);
        expect(lng).toBeLessThan(8);
        expect(lat).toBeGreaterThan(51);
        expect(lat).toBeLessThan(52);
      }
    }
    const again = await fetch(`${server.url}/editions/${djelem}/venues.geojson`, { headers: { 'If-None-Match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect((await fetch(`${server.url}/editions/nope/venues.geojson`)).status).toBe(404);
  });

  it('lists only pitches of confirmed exhibitors who agreed to be listed', async () => {
    const dortbund = ((await (await fetch(`${server.url}/api/v1/editions?series=dortbund`)).json()) as { editions: { slug: string }[] }).editions[0]!.slug;
    const db = new SQLite(server.databasePath);
    try {
      // one listed exhibitor withdraws its consent to be shown
      const listed = db.prepare(`select r.id from registrations r join editions e on e.id = r.edition_id join pitches p on p.registration_id = r.id where e.slug = ? and r.state = 'confirmed' and r.public_consent = 1 limit 1`).get(dortbund) as { id: number };
      db.prepare('update registrations set public_consent = 0 where id = ?').run(listed.id);
      const geo = (await (await fetch(`${server.url}/editions/${dortbund}/pitches.geojson`)).json()) as { features: { properties: { pitch: string; exhibitor: { name: string } } }[] };
      const expected = db
        .prepare(
          `select p.label, o.name from pitches p join registrations r on r.id = p.registration_id join organisations o on o.id = r.organisation_id
           join editions e on e.id = p.edition_id where e.slug = ? and r.state = 'confirmed' and r.public_consent = 1 order by p.label`,
        )
        .all(dortbund) as { label: string; name: string }[];
      const placed = db.prepare(`select count(*) as n from pitches p join editions e on e.id = p.edition_id where e.slug = ? and p.registration_id is not null`).get(dortbund) as { n: number };
      expect(expected.length).toBeGreaterThan(0);
      // some placed stands are not listed (not confirmed, or no consent): the file leaves them out
      expect(placed.n).toBeGreaterThan(expected.length);
      expect(geo.features.map((f) => `${f.properties.pitch}|${f.properties.exhibitor.name}`).sort()).toEqual(expected.map((e) => `${e.label}|${e.name}`).sort());
    } finally {
      db.close();
    }
  });
});
