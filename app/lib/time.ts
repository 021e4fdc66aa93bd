/**
 * Times are stored as UTC instants and always shown in Europe/Berlin, in the reader's
 * locale. Shared with the browser, so only the platform's Intl (formatters made once, Europe/
 * Berlin): no luxon here, it would be 22 KB gzip on every page (docs/decisions/103). Turning a
 * Berlin wall-clock time into an instant, across the daylight-saving switch, is luxon's job in
 * `berlin-clock.ts`, which pages do not load.
 */
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

/**
 * About noon on a Berlin day (11:00 UTC is 12:00 or 13:00 in Berlin): the formatters, all in
 * Europe/Berlin, read that calendar day from it.
 */
function noonOf(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 11));
}

/** An ISO instant as milliseconds; a date-time without an offset is read as UTC (as stored). */
function millisOf(iso: string): number {
  return Date.parse(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(iso) ? `${iso}Z` : iso);
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
  const ms = millisOf(iso);
  if (Number.isNaN(ms)) return '';
  const s = berlinMinute.format(ms);
  return `${s.slice(6, 10)}-${s.slice(0, 2)}-${s.slice(3, 5)} ${s.slice(12, 17)}`;
}

const berlinSecond = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
/**
 * An instant as Berlin wall-clock time with its offset, "2027-10-30T20:00:00+02:00" (schema.org
 * data): "10/30/2027, 20:00:00" read by position, the offset is that wall clock minus the instant.
 */
export function berlinIsoWithOffset(iso: string): string {
  const ms = millisOf(iso);
  if (Number.isNaN(ms)) return '';
  const s = berlinSecond.format(ms);
  const [y, mo, d, h, mi, se] = [s.slice(6, 10), s.slice(0, 2), s.slice(3, 5), s.slice(12, 14), s.slice(15, 17), s.slice(18, 20)];
  const millis = ms % 1000 === 0 ? '' : `.${String(((ms % 1000) + 1000) % 1000).padStart(3, '0')}`;
  const offset = Math.round((Date.UTC(+y, +mo - 1, +d, +h, +mi, +se) - Math.floor(ms / 1000) * 1000) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${y}-${mo}-${d}T${h}:${mi}:${se}${millis}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The Berlin calendar day of an instant: "2027-10-31" */
export function berlinDay(iso: string): string {
  const ms = millisOf(iso);
  if (Number.isNaN(ms)) return '';
  return berlinDayOfMillis(ms);
}

/** Every Berlin day from `from` to `to`, inclusive (calendar days: no time zone involved). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end)) return days;
  for (let ms = start; ms <= end; ms += 86_400_000) days.push(new Date(ms).toISOString().slice(0, 10));
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

/** A UTC instant as the Berlin wall-clock value of an `<input type="datetime-local">`: "2027-03-28T03:30". */
export function utcToBerlinWallClock(iso: string): string {
  return berlinStamp(iso).replace(' ', 'T');
}
