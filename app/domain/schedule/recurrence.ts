/**
 * Recurring program items (a daily workshop) are expanded into single occurrences when
 * they are created (docs/decisions/030, 031). The rule is an iCalendar RRULE; rrule
 * computes the dates in "floating" wall-clock time, and luxon turns each wall-clock start
 * into a UTC instant in Europe/Berlin, so 16:00 stays 16:00 across the October switch.
 */
import { DateTime } from 'luxon';
import * as rrule from 'rrule';
import { ValidationError } from '../errors';
import { TIME_ZONE } from '../../lib/i18n';

// rrule's CommonJS build (what plain Node resolves, e.g. the bench under tsx) has no named
// ESM exports; the bundlers see its ESM build. Either way RRule is found.
const RRule = (rrule as unknown as { RRule?: typeof rrule.RRule; default?: { RRule: typeof rrule.RRule } }).RRule ?? (rrule as unknown as { default: { RRule: typeof rrule.RRule } }).default.RRule;

/** A festival runs days, not months: more than this many occurrences is a typing mistake. */
export const MAX_OCCURRENCES = 31;

export interface Occurrence {
  /** Berlin day of the occurrence as planned: "2027-10-29" */
  day: string;
  starts_at: string;
  ends_at: string;
}

/** Builds the rule the editor's simple "repeat daily until" fields stand for. */
export function dailyUntil(untilDay: string): string {
  return `FREQ=DAILY;INTERVAL=1;UNTIL=${untilDay.replaceAll('-', '')}T235959Z`;
}

/**
 * Every occurrence of `rule` starting on `day` at the Berlin wall-clock `time`, each lasting
 * `minutes` of real time, none after `lastDay`. Throws a ValidationError on a rule that does
 * not parse, never ends, or yields too many or no occurrences.
 */
export function expandOccurrences(input: { rule: string; day: string; time: string; minutes: number; lastDay: string }): Occurrence[] {
  let options;
  try {
    options = RRule.parseString(input.rule.replace(/^RRULE:/i, ''));
  } catch {
    throw new ValidationError('schedule:errors.recurrenceInvalid', { repeat: 'schedule:errors.recurrenceInvalid' });
  }
  if (options.freq === undefined || (options.freq !== RRule.DAILY && options.freq !== RRule.WEEKLY)) {
    throw new ValidationError('schedule:errors.recurrenceInvalid', { repeat: 'schedule:errors.recurrenceInvalid' });
  }
  const [y, mo, d] = input.day.split('-').map(Number) as [number, number, number];
  const [h, mi] = input.time.split(':').map(Number) as [number, number];
  // Floating time: the UTC fields of these Dates are Berlin wall-clock fields.
  const dtstart = new Date(Date.UTC(y, mo - 1, d, h, mi));
  const [ly, lm, ld] = input.lastDay.split('-').map(Number) as [number, number, number];
  const lastMoment = new Date(Date.UTC(ly, lm - 1, ld, 23, 59, 59));
  const rule = new RRule({ ...options, dtstart, tzid: null });
  const dates = rule.all((date, i) => i <= MAX_OCCURRENCES && date <= lastMoment);
  if (dates.length > MAX_OCCURRENCES) {
    throw new ValidationError('schedule:errors.recurrenceTooMany', { repeat: 'schedule:errors.recurrenceTooMany' }, { max: MAX_OCCURRENCES });
  }
  if (dates.length === 0) throw new ValidationError('schedule:errors.recurrenceEmpty', { repeat: 'schedule:errors.recurrenceEmpty' });
  return dates.map((date) => {
    const start = DateTime.fromObject(
      { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: date.getUTCHours(), minute: date.getUTCMinutes() },
      { zone: TIME_ZONE },
    );
    return {
      day: start.toISODate()!,
      starts_at: start.toUTC().toISO()!,
      ends_at: start.toUTC().plus({ minutes: input.minutes }).toISO()!,
    };
  });
}
