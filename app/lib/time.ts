/**
 * Times are stored as UTC instants and always shown in Europe/Berlin, in the reader's
 * locale. Luxon does the wall-clock arithmetic so that days across the daylight-saving
 * switch (last Sunday of March and October) come out right.
 */
import { DateTime } from 'luxon';
import { localeInfo, TIME_ZONE, type Locale } from './i18n';

/**
 * Turkish abbreviates weekdays to three letters after the date ("30 Eki 2027 Cmt 20:00"),
 * which reads poorly: those locales spell the weekday out. (A locale not listed uses "short".)
 */
const longWeekday: ReadonlySet<string> = new Set(['tr']);

/**
 * Node and the browser ship different ICU versions that disagree on thin and no-break
 * spaces (e.g. around the dash of a range); a page must render the same text on both
 * sides, so every formatted string uses plain spaces.
 */
const spaces = (s: string) => s.replace(/[\u2009\u202f\u00a0]/g, ' ');

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(localeInfo[locale].intl, { timeZone: TIME_ZONE, ...(options.hour ? { hourCycle: 'h23' } : {}), ...options });
    cache.set(key, f);
  }
  return f;
}

const times = new Map<string, string>();
/** "14:30" (remembered: a program page shows the same few start times for thousands of items) */
export function formatTime(iso: string, locale: Locale): string {
  const memo = `${locale}|${iso}`;
  let text = times.get(memo);
  if (text === undefined) {
    text = spaces(formatter(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso)));
    if (times.size > 10_000) times.clear();
    times.set(memo, text);
  }
  return text;
}

/**
 * "Sa., 30. Oktober 2027 um 20:00" for an instant. Months are spelled out: abbreviations
 * ("Okt.", "сб, 30.10.") read worse, and screen readers stumble over them.
 */
export function formatDateTime(iso: string, locale: Locale): string {
  const weekday = longWeekday.has(locale) ? 'long' : 'short';
  return spaces(formatter(locale, { weekday, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso)));
}

/** A Berlin calendar day "2026-11-25" as "25. November 2026" */
export function formatDate(day: string, locale: Locale): string {
  return spaces(formatter(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(noonOf(day)));
}

/** Noon on a Berlin day: the same calendar day in every time zone a formatter might use. */
function noonOf(day: string): Date {
  return DateTime.fromISO(`${day}T12:00`, { zone: TIME_ZONE }).toJSDate();
}

/** A Berlin calendar day "2027-09-11" as "Samstag, 11. September 2027" */
export function formatDay(day: string, locale: Locale, style: 'long' | 'short' = 'long'): string {
  return spaces(
    formatter(
      locale,
      style === 'long' ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } : { weekday: 'short', day: 'numeric', month: 'short' },
    ).format(noonOf(day)),
  );
}

/** "11.–12. September 2027" style range of Berlin days */
export function formatDayRange(from: string, to: string, locale: Locale): string {
  const f = formatter(locale, { day: 'numeric', month: 'long', year: 'numeric' });
  return spaces(from === to ? f.format(noonOf(from)) : f.formatRange(noonOf(from), noonOf(to)));
}

/**
 * One formatter for the Berlin calendar day of an instant, made once: en-US with two-digit
 * parts always reads "10/31/2027". Luxon's zone conversion per call was the cost of the
 * program page and the conditional feed request (docs/decisions/100).
 */
const berlinDate = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
function berlinDayOfMillis(ms: number): string {
  const s = berlinDate.format(ms);
  return `${s.slice(6, 10)}-${s.slice(0, 2)}-${s.slice(3, 5)}`;
}

const berlinMinute = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
/** An instant as Berlin wall-clock "2027-10-31 14:05" (exports); one formatter made once, "10/31/2027, 14:05" read by position. */
export function berlinStamp(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const s = berlinMinute.format(ms);
  return `${s.slice(6, 10)}-${s.slice(0, 2)}-${s.slice(3, 5)} ${s.slice(12, 17)}`;
}

/** The Berlin calendar day of an instant: "2027-10-31" */
export function berlinDay(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return DateTime.fromISO(iso, { zone: 'utc' }).setZone(TIME_ZONE).toISODate()!;
  return berlinDayOfMillis(ms);
}

/** A Berlin wall-clock time on a Berlin day, as a UTC instant (ISO string). */
export function berlinToUtc(day: string, time: string): string {
  const dt = DateTime.fromISO(`${day}T${time}`, { zone: TIME_ZONE });
  if (!dt.isValid) throw new RangeError(`Not a valid Berlin time: ${day} ${time}`);
  return dt.toUTC().toISO()!;
}

/** Every Berlin day from `from` to `to`, inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  let d = DateTime.fromISO(from, { zone: TIME_ZONE });
  const end = DateTime.fromISO(to, { zone: TIME_ZONE });
  while (d <= end) {
    days.push(d.toISODate()!);
    d = d.plus({ days: 1 });
  }
  return days;
}

let today: { minute: number; day: string } | undefined;
/** Today in Berlin (kept for the current minute: hot paths ask on every request). */
export function berlinToday(now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (today?.minute === minute) return today.day;
  const day = berlinDayOfMillis(now.getTime());
  today = { minute, day };
  return day;
}

/**
 * A Berlin wall-clock time as typed into a form ("2027-03-28T02:30", the value of an
 * `<input type="datetime-local">`) as a UTC instant. Null when that time does not exist in
 * Berlin (the hour skipped on the last Sunday of March) or is not a time at all. The hour
 * that happens twice in October is read as the first (summer-time) one.
 */
export function berlinWallClockToUtc(local: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})$/.exec(local.trim());
  if (!match) return null;
  const dt = DateTime.fromISO(`${match[1]}T${match[2]}`, { zone: TIME_ZONE });
  if (!dt.isValid) return null;
  // Luxon moves a skipped time forward; the wall clock read back then differs from what was typed.
  if (dt.toFormat("yyyy-MM-dd'T'HH:mm") !== `${match[1]}T${match[2]}`) return null;
  return dt.toUTC().toISO()!;
}

/** A UTC instant as the Berlin wall-clock value of an `<input type="datetime-local">`: "2027-03-28T03:30". */
export function utcToBerlinWallClock(iso: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(TIME_ZONE).toFormat("yyyy-MM-dd'T'HH:mm");
}
