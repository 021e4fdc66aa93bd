/**
 * Shift times typed in Berlin wall-clock time, turned into UTC instants. The night the
 * clocks go back (last Sunday of October) has 02:00–03:00 twice: a time in that hour is read
 * as the first (summer time) unless the form says "second"; an end that would fall before
 * its start on the first reading is read as the second, so 02:00–02:00 across the switch is
 * one hour. A time in the hour skipped in March does not exist and is refused.
 */
import { DateTime } from 'luxon';
import { TIME_ZONE } from '../../lib/i18n';

const LOCAL = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})$/;

/** Both readings of a wall-clock time: one instant, two in the repeated hour, none in the skipped one (or not a time). */
export function readingsOf(local: string): string[] {
  const match = LOCAL.exec(local.trim());
  if (!match) return [];
  const typed = `${match[1]}T${match[2]}`;
  const dt = DateTime.fromISO(typed, { zone: TIME_ZONE });
  if (!dt.isValid) return [];
  // Luxon picks one offset for a time in the repeated hour; the other is an hour away in real time.
  const readings = [dt.minus({ hours: 1 }), dt, dt.plus({ hours: 1 })]
    .filter((d) => d.toFormat("yyyy-MM-dd'T'HH:mm") === typed)
    .map((d) => d.toUTC().toISO()!);
  return [...new Set(readings)].sort();
}

/** Whether a wall-clock time falls in the hour that happens twice. */
export function isRepeated(local: string): boolean {
  return readingsOf(local).length === 2;
}

export type ShiftTimesResult =
  | { ok: true; startsAt: string; endsAt: string }
  | { ok: false; field: 'starts_at' | 'ends_at'; key: string };

export function shiftTimes(startLocal: string, endLocal: string, options: { startSecond?: boolean; endSecond?: boolean } = {}): ShiftTimesResult {
  const starts = readingsOf(startLocal);
  if (starts.length === 0) return { ok: false, field: 'starts_at', key: 'volunteers:errors.time' };
  const ends = readingsOf(endLocal);
  if (ends.length === 0) return { ok: false, field: 'ends_at', key: 'volunteers:errors.time' };
  const startsAt = options.startSecond && starts[1] ? starts[1] : starts[0]!;
  let endsAt = options.endSecond && ends[1] ? ends[1] : ends[0]!;
  if (endsAt <= startsAt && ends[1] && ends[1] > startsAt) endsAt = ends[1];
  if (endsAt <= startsAt) return { ok: false, field: 'ends_at', key: 'volunteers:errors.endBeforeStart' };
  if (Date.parse(endsAt) - Date.parse(startsAt) > 24 * 3_600_000) return { ok: false, field: 'ends_at', key: 'volunteers:errors.tooLong' };
  return { ok: true, startsAt, endsAt };
}

/** Blocks of `minutes` from `from` to `to` (UTC instants), stepped in real time: the DST night has one more or one fewer. The last block ends at `to`. */
export function blocksOf(from: string, to: string, minutes: number): { startsAt: string; endsAt: string }[] {
  const out: { startsAt: string; endsAt: string }[] = [];
  const end = Date.parse(to);
  const step = minutes * 60_000;
  for (let t = Date.parse(from); t < end; t += step) {
    // a remainder shorter than a quarter of a block joins the block before
    const next = t + step;
    const last = end - next <= step / 4;
    out.push({ startsAt: new Date(t).toISOString(), endsAt: new Date(last ? end : Math.min(next, end)).toISOString() });
    if (last) break;
  }
  return out;
}
