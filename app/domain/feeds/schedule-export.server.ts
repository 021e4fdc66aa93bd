/**
 * An edition's schedule in the formats festival and conference apps read (Giggity,
 * ConfClerk, EventFahrplan): the frab-style schedule.xml and its JSON twin, as frab and
 * pretalx publish them and as the c3voc validator describes them
 * (github.com/voc/schedule, validator/xsd/schedule.xml.xsd and validator/json/schema.json).
 *
 * - guid: a UUID (version 5, name-based) of the item's uid, so an item keeps its guid in
 *   every release; id: the item's row id, which publishing never changes.
 * - Cancelled items stay in the file. The format has no status field, so they are marked
 *   the way schedule apps show it: the title says so ("Abgesagt: …"), `type` is
 *   "cancelled" and the abstract starts with the note. docs/decisions/095.
 * - Times: `date` with the Berlin offset, `start` Berlin wall-clock, `duration` hh:mm.
 * - Deterministic for the same data, so the ETag only changes with the content.
 */
import { createHash } from 'node:crypto';
import type { DB } from '../../../db/connection';
import { DEFAULT_LOCALE, languageName, translator, type Locale, TIME_ZONE } from '../../lib/i18n';
import { parseList, pickText } from '../../lib/i18n-text';
import { berlinDay, daysBetween } from '../../lib/time';
import { berlinToUtc } from '../../lib/berlin-clock';
import { DateTime } from 'luxon';
import { emptyFilter } from '../program/program-filter';
import { findPublicProgramItems, latestReleaseOf, type PublicProgramItem } from '../program/public-program.server';
import type { BuiltFeed } from './calendar-feed.server';

export type ScheduleFormat = 'xml' | 'json';

/** Fixed namespace of Festplatz's name-based UUIDs (RFC 9562 version 5). */
const GUID_NAMESPACE = '5b0a3f52-7c1e-4d3a-9a0e-6f1d2c8b4e71';

/** RFC 9562 UUID version 5 (SHA-1, name-based): the same name gives the same UUID forever. */
export function uuidV5(name: string, namespace = GUID_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The guid of a program item in schedule.xml/json. */
export function itemGuid(uid: string): string {
  return uuidV5(`program-item:${uid}`);
}

const berlin = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).setZone(TIME_ZONE);
/** "2027-10-30T20:00:00+02:00" */
const withOffset = (iso: string) => berlin(iso).toISO({ suppressMilliseconds: true })!;

function duration(fromIso: string, toIso: string): string {
  const minutes = Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 60_000));
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

interface ScheduleEvent {
  id: number;
  guid: string;
  date: string;
  start: string;
  duration: string;
  room: string;
  slug: string;
  url: string;
  title: string;
  subtitle: string;
  track: string;
  type: string;
  language: string;
  abstract: string;
  description: string;
  persons: { name: string; public_name: string }[];
  links: { url: string; title: string }[];
}

interface ScheduleModel {
  version: string;
  baseUrl: string;
  conference: { acronym: string; title: string; description: string; start: string; end: string; url: string };
  rooms: { name: string; guid: string }[];
  days: { index: number; date: string; start: string; end: string; rooms: { name: string; events: ScheduleEvent[] }[] }[];
  lastModified: string | null;
  events: number;
}

/** Everything both formats say, in the reader's language; null for an edition that is not public. */
async function scheduleModel(db: DB, slug: string, lang: Locale, publicUrl: string): Promise<ScheduleModel | null> {
  const edition = await db
    .selectFrom('editions')
    .select(['id', 'slug', 'title', 'description', 'starts_on', 'ends_on'])
    .where('slug', '=', slug)
    .where('status', 'in', ['published', 'archived'])
    .executeTakeFirst();
  if (!edition) return null;
  const t = translator(lang);
  const [stages, items, release] = await Promise.all([
    db.selectFrom('stages').select(['id', 'slug', 'name']).where('edition_id', '=', edition.id).orderBy('sort_order').orderBy('id').execute(),
    findPublicProgramItems(db, { ...emptyFilter(), edition: [edition.slug] }),
    db.selectFrom('schedule_releases').select(['version']).where('edition_id', '=', edition.id).orderBy('version', 'desc').limit(1).executeTakeFirst(),
  ]);
  const query = lang === DEFAULT_LOCALE ? '' : `?lang=${lang}`;
  const otherPlaces = t('edition.otherPlaces');
  const roomOf = (item: PublicProgramItem) => (item.stage_name ? pickText(item.stage_name, lang).text : otherPlaces);

  const rooms = stages.map((s) => ({ name: pickText(s.name, lang).text, guid: uuidV5(`stage:${edition.slug}/${s.slug}`) }));
  if (items.some((i) => !i.stage_id)) rooms.push({ name: otherPlaces, guid: uuidV5(`stage:${edition.slug}/`) });

  const toEvent = (item: PublicProgramItem): ScheduleEvent => {
    const title = pickText(item.title, lang).text;
    const cancelled = item.status === 'cancelled';
    const description = pickText(item.description, lang).text;
    const url = `${publicUrl}/program/${encodeURIComponent(item.uid)}${query}`;
    const languages = parseList(item.languages);
    return {
      id: item.id,
      guid: itemGuid(item.uid),
      date: withOffset(item.starts_at),
      start: berlin(item.starts_at).toFormat('HH:mm'),
      duration: duration(item.starts_at, item.ends_at),
      room: roomOf(item),
      slug: `${edition.slug}-${item.uid}`.toLowerCase().replace(/[^a-z0-9_-]+/g, '-'),
      url,
      title: cancelled ? t('feeds:ics.cancelledSummary', { title }) : title,
      subtitle: item.host_name ? t('program.hostedBy', { name: item.host_name }) : '',
      track: t(`programCategories.${item.category}`, { defaultValue: item.category }),
      type: cancelled ? 'cancelled' : item.category,
      // the first language spoken; every one is named in the description
      language: languages[0] ?? '',
      abstract: cancelled ? [t('feeds:ics.cancelledNote'), description].filter(Boolean).join('\n\n') : description,
      description: [
        description,
        languages.length ? `${t('program.languages')}: ${languages.map((l) => languageName(l, lang)).join(', ')}` : '',
        parseList(item.accessibility).length
          ? `${t('feeds:ics.accessibility')}: ${parseList(item.accessibility)
              .map((a) => t(`accessibility.${a}`, { defaultValue: a }))
              .join(', ')}`
          : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
      persons: item.host_name ? [{ name: item.host_name, public_name: item.host_name }] : [],
      links: [{ url: `${publicUrl}/calendar/item/${encodeURIComponent(item.uid)}.ics`, title: 'iCalendar' }],
    };
  };

  // Every day of the edition, also days without items (apps draw the conference's span).
  const dayList = daysBetween(edition.starts_on, edition.ends_on);
  for (const item of items) {
    const day = berlinDay(item.starts_at);
    if (!dayList.includes(day)) dayList.push(day);
  }
  dayList.sort();
  const days = dayList.map((date, index) => {
    const next = DateTime.fromISO(date, { zone: TIME_ZONE }).plus({ days: 1 }).toISODate()!;
    const onDay = items.filter((i) => berlinDay(i.starts_at) === date);
    return {
      index: index + 1,
      date,
      start: withOffset(berlinToUtc(date, '00:00')),
      end: withOffset(berlinToUtc(next, '00:00')),
      rooms: rooms
        .map((room) => ({ name: room.name, events: onDay.filter((i) => roomOf(i) === room.name).map(toEvent) }))
        .filter((r) => r.events.length > 0),
    };
  });

  const released = await latestReleaseOf(db, [edition.id]);
  const changed = items.reduce<string | null>((max, i) => (max === null || i.updated_at > max ? i.updated_at : max), null);
  return {
    version: release ? String(release.version) : '0',
    baseUrl: `${publicUrl}/`,
    conference: {
      acronym: edition.slug,
      title: pickText(edition.title, lang).text,
      description: pickText(edition.description, lang).text,
      start: dayList[0] ?? edition.starts_on,
      end: dayList.at(-1) ?? edition.ends_on,
      url: `${publicUrl}/editions/${edition.slug}${query}`,
    },
    rooms,
    days,
    lastModified: [released, changed].filter((v): v is string => v !== null).sort().at(-1) ?? null,
    events: items.length,
  };
}

const GENERATOR = { name: 'Festplatz', version: '1' };
const TIMESLOT = '00:05';

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function toXml(m: ScheduleModel): string {
  const el = (name: string, value: string, indent: string) => (value === '' ? `${indent}<${name}/>` : `${indent}<${name}>${escapeXml(value)}</${name}>`);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<schedule>',
    `  <generator name="${GENERATOR.name}" version="${GENERATOR.version}"/>`,
    el('version', m.version, '  '),
    '  <conference>',
    el('acronym', m.conference.acronym, '    '),
    el('title', m.conference.title, '    '),
    el('start', m.conference.start, '    '),
    el('end', m.conference.end, '    '),
    el('days', String(m.days.length), '    '),
    el('timeslot_duration', TIMESLOT, '    '),
    el('base_url', m.baseUrl, '    '),
    el('time_zone_name', TIME_ZONE, '    '),
    '  </conference>',
  ];
  for (const day of m.days) {
    lines.push(`  <day index="${day.index}" date="${day.date}" start="${day.start}" end="${day.end}">`);
    for (const room of day.rooms) {
      lines.push(`    <room name="${escapeXml(room.name)}">`);
      for (const e of room.events) {
        const i = '        ';
        lines.push(
          `      <event guid="${e.guid}" id="${e.id}">`,
          el('date', e.date, i),
          el('start', e.start, i),
          el('duration', e.duration, i),
          el('room', e.room, i),
          el('slug', e.slug, i),
          el('url', e.url, i),
          el('title', e.title, i),
          el('subtitle', e.subtitle, i),
          el('track', e.track, i),
          el('type', e.type, i),
          el('language', e.language, i),
          el('abstract', e.abstract, i),
          el('description', e.description, i),
          `${i}<persons>`,
          ...e.persons.map((p) => `${i}  <person>${escapeXml(p.public_name)}</person>`),
          `${i}</persons>`,
          `${i}<links>`,
          ...e.links.map((l) => `${i}  <link href="${escapeXml(l.url)}">${escapeXml(l.title)}</link>`),
          `${i}</links>`,
          '      </event>',
        );
      }
      lines.push('    </room>');
    }
    lines.push('  </day>');
  }
  lines.push('</schedule>', '');
  return lines.join('\n');
}

function toJson(m: ScheduleModel): string {
  const doc = {
    $schema: 'https://c3voc.de/schedule/schema.json',
    generator: GENERATOR,
    schedule: {
      version: m.version,
      base_url: m.baseUrl,
      conference: {
        acronym: m.conference.acronym,
        title: m.conference.title,
        description: m.conference.description,
        start: m.conference.start,
        end: m.conference.end,
        daysCount: m.days.length,
        timeslot_duration: TIMESLOT,
        time_zone_name: TIME_ZONE,
        url: m.conference.url,
        rooms: m.rooms,
        days: m.days.map((d) => ({
          index: d.index,
          date: d.date,
          day_start: d.start,
          day_end: d.end,
          rooms: Object.fromEntries(
            d.rooms.map((r) => [
              r.name,
              r.events.map((e) => ({
                id: e.id,
                guid: e.guid,
                logo: '',
                date: e.date,
                start: e.start,
                duration: e.duration,
                room: e.room,
                slug: e.slug,
                url: e.url,
                title: e.title,
                subtitle: e.subtitle,
                track: e.track,
                type: e.type,
                language: e.language,
                abstract: e.abstract,
                description: e.description,
                recording_license: '',
                do_not_record: true,
                persons: e.persons,
                links: e.links,
                attachments: [],
                answers: [],
              })),
            ]),
          ),
        })),
      },
    },
  };
  return `${JSON.stringify(doc, null, 1)}\n`;
}

/** schedule.xml or schedule.json of one edition. */
export async function buildScheduleExport(db: DB, slug: string, format: ScheduleFormat, lang: Locale, publicUrl: string): Promise<BuiltFeed> {
  const model = await scheduleModel(db, slug, lang, publicUrl);
  // events -1: no such public edition (kept like any answer; the version moves when editions change)
  if (!model) return { ics: '', lastModified: null, events: -1 };
  return { ics: format === 'xml' ? toXml(model) : toJson(model), lastModified: model.lastModified, events: model.events };
}
