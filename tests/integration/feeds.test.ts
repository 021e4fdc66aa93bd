import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCalendarFeed, type FeedSource } from '~/domain/feeds/calendar-feed.server';
import { cachedFeed, feedCacheStats, invalidateFeeds } from '~/domain/feeds/feed-cache.server';
import { readProgramFilter } from '~/domain/program/program-filter';
import type { Locale } from '~/lib/i18n';
import { berlinWallClock, parseIcs } from '../helpers/ical';
import { createTestDatabase, TEST_TODAY, type TestDatabase } from '../helpers/db';

const PUBLIC_URL = 'https://feste.example';
let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase({ seed: true });
});
afterAll(() => test.close());

async function feed(query: string, lang: Locale = 'de') {
  const source: FeedSource = { kind: 'filter', filter: readProgramFilter(new URLSearchParams(query)) };
  const built = await buildCalendarFeed(test.db, source, lang, { publicUrl: PUBLIC_URL, today: TEST_TODAY });
  return { ...built, parsed: parseIcs(built.ics) };
}

describe('the calendar feed, read by an independent parser (ical.js)', () => {
  it('puts items on both sides of the daylight-saving switch at the right instant', async () => {
    const { parsed } = await feed('edition=djelem-djelem-2027');
    const byUid = new Map(parsed.events.map((e) => [e.uid, e]));
    const ensemble = byUid.get('djelem-djelem-2027-09@festplatz')!;
    expect(ensemble.summary).toBe('Konzert: Djelem Djelem Ensemble');
    expect(ensemble.start.toISOString()).toBe('2027-10-30T17:00:00.000Z');
    expect(berlinWallClock(ensemble.start)).toBe('2027-10-30 19:00'); // CEST, UTC+2
    const closing = byUid.get('djelem-djelem-2027-14@festplatz')!;
    expect(closing.start.toISOString()).toBe('2027-10-31T16:00:00.000Z');
    expect(berlinWallClock(closing.start)).toBe('2027-10-31 17:00'); // CET, UTC+1
    const night = byUid.get('djelem-djelem-2027-10@festplatz')!;
    expect(night.start.toISOString()).toBe('2027-10-30T20:00:00.000Z');
    expect(night.end.toISOString()).toBe('2027-10-31T01:00:00.000Z');
    expect(berlinWallClock(night.start)).toBe('2027-10-30 22:00');
    expect(berlinWallClock(night.end)).toBe('2027-10-31 02:00'); // five real hours across the switch
    expect(night.end.getTime() - night.start.getTime()).toBe(5 * 3600_000);
  });

  it('writes UTC instants, no floating times and no half-made time zone', async () => {
    const { ics } = await feed('edition=djelem-djelem-2027');
    const times = ics.split('\r\n').filter((l) => /^(DTSTART|DTEND|DTSTAMP|LAST-MODIFIED)[:;]/.test(l));
    expect(times.length).toBeGreaterThan(0);
    for (const line of times) expect(line).toMatch(/^[A-Z-]+:\d{8}T\d{6}Z$/);
    expect(ics).not.toContain('TZID');
  });

  it('carries every property a calendar app needs, in the requested language', async () => {
    const { parsed, ics } = await feed('edition=djelem-djelem-2027', 'en');
    expect(parsed.name).toBe('Djelem Djelem 2027 (Festplatz)');
    expect(parsed.refresh).toBe('PT6H');
    expect(parsed.ttl).toBe('PT6H');
    const ensemble = parsed.events.find((e) => e.uid === 'djelem-djelem-2027-09@festplatz')!;
    expect(ensemble.summary).toBe('Concert: Djelem Djelem Ensemble');
    expect(ensemble.location).toBe('Main hall, Dietrich-Keuning-Haus, Leopoldstraße 50–58, 44147 Dortmund');
    expect(ensemble.geo).toEqual([51.5213, 7.4598]);
    expect(ensemble.url).toBe(`${PUBLIC_URL}/program/djelem-djelem-2027-09?lang=en`);
    expect(ensemble.categories).toEqual(['Music']);
    expect(ensemble.sequence).toBe(0);
    expect(ensemble.status).toBe('CONFIRMED');
    expect(ensemble.description).toContain('The festival ensemble with guests.');
    expect(ensemble.description).toContain('Accessibility: Wheelchair accessible, Sign language');
    const row = await test.db.selectFrom('program_items').select('updated_at').where('uid', '=', 'djelem-djelem-2027-09').executeTakeFirstOrThrow();
    expect(ensemble.lastModified?.toISOString()).toBe(new Date(row.updated_at).toISOString().replace(/\.\d{3}Z$/, '.000Z'));
    expect(ensemble.dtstamp?.getTime()).toBe(ensemble.lastModified?.getTime());
    // every line at most 75 octets, ending in CRLF (RFC 5545 3.1)
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('falls back to German where a text is missing in the requested language', async () => {
    const { parsed } = await feed('edition=djelem-djelem-2027', 'ar');
    const ensemble = parsed.events.find((e) => e.uid === 'djelem-djelem-2027-09@festplatz')!;
    expect(ensemble.summary).toBe('Konzert: Djelem Djelem Ensemble');
    expect(ensemble.description).toContain('إمكانية الوصول');
    expect(parsed.name).toBe('Djelem Djelem 2027 (Festplatz)');
  });

  it('escapes commas, semicolons, backslashes and newlines, and keeps Arabic and emoji intact', async () => {
    const edition = await test.db.selectFrom('editions').select('id').where('slug', '=', 'dortbund-2027').executeTakeFirstOrThrow();
    const title = 'Tanz, Musik; Nacht \\ Tag\nZweite Zeile – رقص وموسيقى 🎶💃🏽';
    const description = 'سهرة موسيقية عربية مع فرقة من دورتموند، للجميع؛ الدخول مجاني 🎉 '.repeat(4) + '\nEnde, aus; fertig.';
    await test.db
      .insertInto('program_items')
      .values({
        edition_id: edition.id,
        uid: 'escape-test-1',
        title: JSON.stringify({ de: title, ar: title }),
        description: JSON.stringify({ de: description }),
        starts_at: '2027-09-11T16:00:00.000Z',
        ends_at: '2027-09-11T17:00:00.000Z',
        category: 'music',
        languages: JSON.stringify(['ar']),
        updated_at: '2026-11-20T10:00:00.000Z',
      })
      .execute();
    const { parsed, ics } = await feed('edition=dortbund-2027&language=ar');
    const item = parsed.events.find((e) => e.uid === 'escape-test-1@festplatz')!;
    expect(item.summary).toBe(title);
    expect(item.description.startsWith(description.trim())).toBe(true);
    expect(item.location).toBeNull(); // no stage: no LOCATION
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(ics).toContain('SUMMARY:Tanz\\, Musik\\; Nacht \\\\ Tag\\nZweite Zeile');
  });

  it('keeps a cancelled item under its uid with a higher sequence, until its edition is over', async () => {
    const before = (await feed('edition=djelem-djelem-2027')).parsed.events.find((e) => e.uid === 'djelem-djelem-2027-09@festplatz')!;
    await test.db
      .updateTable('program_items')
      .set((eb) => ({ status: 'cancelled', sequence: eb('sequence', '+', 1), updated_at: '2026-11-25T10:00:00.000Z' }))
      .where('uid', '=', 'djelem-djelem-2027-09')
      .execute();
    const after = await feed('edition=djelem-djelem-2027');
    const cancelled = after.parsed.events.find((e) => e.uid === 'djelem-djelem-2027-09@festplatz')!;
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.sequence).toBe(before.sequence + 1);
    expect(cancelled.summary).toBe('Abgesagt: Konzert: Djelem Djelem Ensemble');
    expect(cancelled.start.toISOString()).toBe(before.start.toISOString());
    expect(after.lastModified).toBe('2026-11-25T10:00:00.000Z');

    // last year's cancelled choir is over: not in the feed any more; its scheduled items are
    const past = await feed('edition=dortbund-2026');
    expect(past.parsed.events.map((e) => e.uid)).not.toContain('dortbund-2026-04@festplatz');
    expect(past.parsed.events).toHaveLength(13);
  });

  it('narrows by every filter; unknown values give an empty calendar, not an error', async () => {
    const uids = async (q: string) => (await feed(q)).parsed.events.map((e) => e.uid.replace('@festplatz', '')).sort();
    expect(await uids('series=nope')).toEqual([]);
    expect(await uids('edition=djelem-djelem-2027&category=nope')).toEqual([]);
    expect(await uids('day=not-a-day')).toEqual([]);
    const empty = await feed('series=nope');
    expect(empty.ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(empty.parsed.name).toBe('Festplatz – Programm der Stadtfeste');

    expect(await uids('edition=djelem-djelem-2027&stage=djelem-djelem-2027/kino-im-u')).toEqual([
      'djelem-djelem-2027-02',
      'djelem-djelem-2027-04',
      'djelem-djelem-2027-12',
    ]);
    // a plain stage slug matches that stage in every edition
    expect((await uids('stage=kino-im-u')).length).toBe(6);
    expect(await uids('series=djelem-djelem&organisation=mia-do')).toEqual(['djelem-djelem-2026-03', 'djelem-djelem-2027-03']);
    expect(await uids('edition=dortbund-2027&language=ro&language=bg')).toEqual(['dortbund-2027-12']);
    expect(await uids('edition=dortbund-2027&category=dance,children')).toEqual([
      'dortbund-2027-03',
      'dortbund-2027-08',
      'dortbund-2027-10',
      'dortbund-2027-14',
    ]);
    // a Berlin day: the Balkan night starts on Saturday and belongs to it
    expect(await uids('edition=djelem-djelem-2027&day=2027-10-31')).toEqual([
      'djelem-djelem-2027-11',
      'djelem-djelem-2027-12',
      'djelem-djelem-2027-13',
      'djelem-djelem-2027-14',
    ]);
    expect(await uids('edition=djelem-djelem-2027&accessibility=sign_language')).toEqual(['djelem-djelem-2027-09', 'djelem-djelem-2027-13']);
  });

  it('builds a feed once per data version and again after a change or an invalidation', async () => {
    invalidateFeeds();
    const build = () => buildCalendarFeed(test.db, { kind: 'filter', filter: readProgramFilter(new URLSearchParams('series=dortbund')) }, 'de', { publicUrl: PUBLIC_URL, today: TEST_TODAY });
    const start = feedCacheStats().builds;
    const first = await cachedFeed(test.db, 'test|dortbund', build);
    const second = await cachedFeed(test.db, 'test|dortbund', build);
    expect(second).toBe(first);
    expect(feedCacheStats().builds).toBe(start + 1);

    // a new schedule release makes a new version
    const edition = await test.db.selectFrom('editions').select('id').where('slug', '=', 'dortbund-2027').executeTakeFirstOrThrow();
    await test.db.insertInto('schedule_releases').values({ edition_id: edition.id, version: 9, published_at: '2026-11-25T12:00:00.000Z' }).execute();
    const third = await cachedFeed(test.db, 'test|dortbund', build);
    expect(feedCacheStats().builds).toBe(start + 2);
    expect(third.lastModified?.toISOString()).toBe('2026-11-25T12:00:00.000Z');
    expect(third.etag).toBe(first.etag); // same bytes, same validator

    invalidateFeeds();
    await cachedFeed(test.db, 'test|dortbund', build);
    expect(feedCacheStats().builds).toBe(start + 3);
  });
});
