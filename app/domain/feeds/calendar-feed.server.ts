/**
 * iCalendar (RFC 5545) feeds of the public program, built with ical-generator 11.
 *
 * Times are written as UTC instants (DTSTART:20271030T170000Z): every client converts them
 * to its own zone, and nothing can go an hour wrong across the daylight-saving switch.
 * (ical-generator's bare `timezone` option would write floating local times without a
 * VTIMEZONE, which clients read an hour off; we never use it.)
 *
 * The output is deterministic for the same data (DTSTAMP is the item's last change, not
 * "now"), so the ETag of a feed only changes when its content does.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { DB } from '../../../db/connection';
import { env } from '../../server/env.server';
import { DEFAULT_LOCALE, isLocale, languageName, translator, type Locale } from '../../lib/i18n';
import { parseList, pickText } from '../../lib/i18n-text';
import { berlinToday } from '../../lib/time';
import { emptyFilter, type ProgramFilter } from '../program/program-filter';
import { findPublicProgramItems, latestReleaseOf, type PublicProgramItem } from '../program/public-program.server';

/** How often subscribed clients should look again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
export const FEED_REFRESH_SECONDS = 6 * 60 * 60;

export type FeedSource =
  | { kind: 'filter'; filter: ProgramFilter }
  /** "my program": the starred items, named as the resident's own calendar */
  | { kind: 'starred'; uids: string[] }
  /** one item, as a download from its page */
  | { kind: 'item'; uid: string };

export interface BuiltFeed {
  ics: string;
  /** ISO instant: the latest schedule release or item change in the feed */
  lastModified: string | null;
  events: number;
}

export interface FeedOptions {
  publicUrl?: string;
  /** Berlin day; cancelled items of editions over before it are left out */
  today?: string;
}

export function feedLocale(lang: string | null | undefined): Locale {
  return isLocale(lang) ? lang : DEFAULT_LOCALE;
}

export async function buildCalendarFeed(db: DB, source: FeedSource, lang: Locale, options: FeedOptions = {}): Promise<BuiltFeed> {
  const publicUrl = options.publicUrl ?? env().PUBLIC_URL;
  const today = options.today ?? berlinToday();
  const t = translator(lang);

  const items =
    source.kind === 'filter'
      ? await findPublicProgramItems(db, source.filter, { dropCancelledEndedBefore: today })
      : source.kind === 'starred'
        ? await findPublicProgramItems(db, emptyFilter(), { uids: source.uids, dropCancelledEndedBefore: today })
        : await findPublicProgramItems(db, emptyFilter(), { uids: [source.uid] });

  const calendar = ical({
    prodId: { company: 'Festplatz', product: 'Program', language: lang.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    name: await calendarName(db, source, lang, items),
    description: t('feeds:ics.description'),
    ttl: FEED_REFRESH_SECONDS,
    url: publicUrl,
  });

  for (const item of items) {
    const title = pickText(item.title, lang).text;
    const cancelled = item.status === 'cancelled';
    const url = `${publicUrl}/program/${encodeURIComponent(item.uid)}${lang === DEFAULT_LOCALE ? '' : `?lang=${lang}`}`;
    const place = [item.stage_name ? pickText(item.stage_name, lang).text : null, item.venue_name ? pickText(item.venue_name, lang).text : null, item.venue_address]
      .filter(Boolean)
      .join(', ');
    calendar.createEvent({
      id: `${item.uid}@festplatz`,
      sequence: item.sequence,
      stamp: new Date(item.updated_at),
      lastModified: new Date(item.updated_at),
      start: new Date(item.starts_at),
      end: new Date(item.ends_at),
      summary: cancelled ? t('feeds:ics.cancelledSummary', { title }) : title,
      description: describe(item, lang, url),
      location: place
        ? { title: place, ...(item.venue_lat != null && item.venue_lng != null ? { geo: { lat: item.venue_lat, lon: item.venue_lng } } : {}) }
        : null,
      url,
      categories: [{ name: t(`programCategories.${item.category}`, { defaultValue: item.category }) }],
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      repeating: item.recurrence_rule && /^FREQ=[A-Z]+(;[A-Z]+=[A-Za-z0-9,+-]+)*$/.test(item.recurrence_rule) ? item.recurrence_rule : null,
    });
  }

  const released = await latestReleaseOf(db, [...new Set(items.map((i) => i.edition_id))]);
  const changed = items.reduce<string | null>((max, i) => (max === null || i.updated_at > max ? i.updated_at : max), null);
  const lastModified = [released, changed].filter((v): v is string => v !== null).sort().at(-1) ?? null;
  // Every content line ends with CRLF, the last one too (RFC 5545 3.1); ical-generator omits the final one.
  return { ics: `${calendar.toString()}\r\n`, lastModified, events: items.length };
}

/** The text under the title: description, host, languages, accessibility, link. */
function describe(item: PublicProgramItem, lang: Locale, url: string): string {
  const t = translator(lang);
  const lines: string[] = [];
  if (item.status === 'cancelled') lines.push(t('feeds:ics.cancelledNote'), '');
  const text = pickText(item.description, lang).text;
  if (text) lines.push(text, '');
  if (item.host_name) lines.push(t('program.hostedBy', { name: item.host_name }));
  const languages = parseList(item.languages);
  if (languages.length) lines.push(`${t('program.languages')}: ${languages.map((l) => languageName(l, lang)).join(', ')}`);
  const access = parseList(item.accessibility);
  if (access.length) lines.push(`${t('feeds:ics.accessibility')}: ${access.map((a) => t(`accessibility.${a}`, { defaultValue: a })).join(', ')}`);
  lines.push(url);
  return lines.join('\n').trim();
}

async function calendarName(db: DB, source: FeedSource, lang: Locale, items: PublicProgramItem[]): Promise<string> {
  const t = translator(lang);
  if (source.kind === 'starred') return t('feeds:ics.myProgramName');
  if (source.kind === 'item') return items[0] ? pickText(items[0].title, lang).text : t('feeds:ics.cityCalendarName');
  const { filter } = source;
  if (filter.edition.length === 1) {
    const edition = await db
      .selectFrom('editions')
      .select('title')
      .where('slug', '=', filter.edition[0]!)
      .where('status', 'in', ['published', 'archived'])
      .executeTakeFirst();
    if (edition) return t('feeds:ics.namedCalendar', { name: pickText(edition.title, lang).text });
  }
  if (filter.series.length === 1) {
    const series = await db.selectFrom('series').select('name').where('slug', '=', filter.series[0]!).executeTakeFirst();
    if (series) return t('feeds:ics.namedCalendar', { name: pickText(series.name, lang).text });
  }
  return t('feeds:ics.cityCalendarName');
}
