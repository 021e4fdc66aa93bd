/**
 * A Berlin wall-clock time as an instant: luxon's arithmetic, so that the hour skipped in
 * March and the hour repeated in October come out right. Server and office forms only; public
 * pages format with `time.ts` (Intl) and never load luxon (docs/decisions/103).
 */
import { DateTime } from 'luxon';
import { TIME_ZONE } from './i18n';

/** A Berlin wall-clock time on a Berlin day, as a UTC instant (ISO string). */
export function berlinToUtc(day: string, time: string): string {
  const dt = DateTime.fromISO(`${day}T${time}`, { zone: TIME_ZONE });
  if (!dt.isValid) throw new RangeError(`Not a valid Berlin time: ${day} ${time}`);
  return dt.toUTC().toISO()!;
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

