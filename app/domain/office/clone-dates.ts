/**
 * Moving an edition to next year on the same weekdays. A festival is usually pinned to a
 * weekday of a month ("second Saturday of September", "ending on the last Sunday of
 * October"), so the shift is 52 weeks (364 days) or 53 weeks (371 days), whichever keeps
 * that pattern; without a recognisable pattern, 52 weeks (the same weekday nearest to the
 * same date). Times move in Berlin wall-clock time, so 19:00 stays 19:00 across the
 * daylight-saving switch.
 */
import { DateTime } from 'luxon';
import { TIME_ZONE } from '../../lib/i18n';

const day = (iso: string) => DateTime.fromISO(iso, { zone: TIME_ZONE });

/** 1 for the first such weekday of its month, 2 for the second … */
function ordinal(d: DateTime): number {
  return Math.ceil(d.day / 7);
}
function isLastOfMonth(d: DateTime): boolean {
  return d.plus({ days: 7 }).month !== d.month;
}

/** The number of days (364 or 371) that moves an edition running from `startsOn` to `endsOn` one year on. */
export function yearShiftDays(startsOn: string, endsOn: string): number {
  const start = day(startsOn);
  const end = day(endsOn);
  const fits = (shift: number) => {
    const s = start.plus({ days: shift });
    const e = end.plus({ days: shift });
    // Anchored at the end of a month ("ending on the last Sunday of October"): keep the end the last one.
    if (isLastOfMonth(end)) return isLastOfMonth(e) && e.month === end.month;
    // Otherwise keep the start the n-th such weekday of its month ("the second Saturday of September").
    return ordinal(s) === ordinal(start) && s.month === start.month;
  };
  return fits(364) ? 364 : fits(371) ? 371 : 364;
}

/** A Berlin day moved by whole days. */
export function shiftDay(isoDay: string, days: number): string {
  return day(isoDay).plus({ days }).toISODate()!;
}

/** A UTC instant moved by whole days in Berlin wall-clock time (19:00 stays 19:00 across DST). */
export function shiftInstant(isoInstant: string, days: number): string {
  return DateTime.fromISO(isoInstant, { zone: 'utc' }).setZone(TIME_ZONE).plus({ days }).toUTC().toISO()!;
}
