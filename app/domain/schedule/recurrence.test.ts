import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { dailyUntil, expandOccurrences } from './recurrence';

describe('expanding a recurring item', () => {
  it('keeps a daily 16:00 workshop at 16:00 Berlin time across the October switch', () => {
    const occurrences = expandOccurrences({ rule: dailyUntil('2027-10-31'), day: '2027-10-28', time: '16:00', minutes: 90, lastDay: '2027-10-31' });
    expect(occurrences).toEqual([
      { day: '2027-10-28', starts_at: '2027-10-28T14:00:00.000Z', ends_at: '2027-10-28T15:30:00.000Z' },
      { day: '2027-10-29', starts_at: '2027-10-29T14:00:00.000Z', ends_at: '2027-10-29T15:30:00.000Z' },
      { day: '2027-10-30', starts_at: '2027-10-30T14:00:00.000Z', ends_at: '2027-10-30T15:30:00.000Z' },
      // CET from the 31st on: 16:00 is 15:00 UTC
      { day: '2027-10-31', starts_at: '2027-10-31T15:00:00.000Z', ends_at: '2027-10-31T16:30:00.000Z' },
    ]);
  });

  it('keeps the wall-clock time across the March switch too, and honours COUNT', () => {
    const occurrences = expandOccurrences({ rule: 'RRULE:FREQ=DAILY;COUNT=2', day: '2027-03-27', time: '10:00', minutes: 60, lastDay: '2027-03-31' });
    expect(occurrences.map((o) => o.starts_at)).toEqual(['2027-03-27T09:00:00.000Z', '2027-03-28T08:00:00.000Z']);
  });

  it('stops at the last day of the edition', () => {
    const occurrences = expandOccurrences({ rule: 'FREQ=DAILY', day: '2027-09-11', time: '12:00', minutes: 30, lastDay: '2027-09-12' });
    expect(occurrences.map((o) => o.day)).toEqual(['2027-09-11', '2027-09-12']);
  });

  it('refuses rules that do not parse, repeat by the hour or yield nothing', () => {
    const bad = (rule: string) => {
      try {
        expandOccurrences({ rule, day: '2027-09-11', time: '12:00', minutes: 30, lastDay: '2027-09-12' });
        return null;
      } catch (e) {
        return e instanceof ValidationError ? e.messageKey : String(e);
      }
    };
    expect(bad('FREQ=NONSENSE')).toBe('schedule:errors.recurrenceInvalid');
    expect(bad('FREQ=HOURLY;COUNT=3')).toBe('schedule:errors.recurrenceInvalid');
    expect(bad(dailyUntil('2027-09-10'))).toBe('schedule:errors.recurrenceEmpty');
  });
});
