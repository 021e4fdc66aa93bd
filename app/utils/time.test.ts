import { describe, expect, it } from 'vitest';
import { berlinDay, berlinToUtc, daysBetween, formatDayRange, formatTime } from './time';

describe('Berlin times', () => {
  it('turns Berlin wall-clock times into UTC on both sides of the October switch', () => {
    // 2027-10-31 is the last Sunday of October: CEST (+2) until 03:00, then CET (+1).
    expect(berlinToUtc('2027-10-30', '20:00')).toBe('2027-10-30T18:00:00.000Z');
    expect(berlinToUtc('2027-10-31', '20:00')).toBe('2027-10-31T19:00:00.000Z');
    // and in March, the other way
    expect(berlinToUtc('2027-03-27', '12:00')).toBe('2027-03-27T11:00:00.000Z');
    expect(berlinToUtc('2027-03-28', '12:00')).toBe('2027-03-28T10:00:00.000Z');
  });

  it('shows UTC instants in Berlin time, 24-hour, in every locale', () => {
    expect(formatTime('2027-10-30T18:00:00.000Z', 'de')).toBe('20:00');
    expect(formatTime('2027-10-31T19:00:00.000Z', 'en')).toBe('20:00');
    expect(formatTime('2027-10-31T19:00:00.000Z', 'ar')).toBe('20:00');
  });

  it('puts an instant on its Berlin day, not its UTC day', () => {
    expect(berlinDay('2027-10-30T22:30:00.000Z')).toBe('2027-10-31');
    expect(berlinDay('2027-10-30T21:59:00.000Z')).toBe('2027-10-30');
  });

  it('lists every day of an edition across the switch', () => {
    expect(daysBetween('2027-10-28', '2027-10-31')).toEqual(['2027-10-28', '2027-10-29', '2027-10-30', '2027-10-31']);
  });

  it('formats a day range per locale', () => {
    expect(formatDayRange('2027-09-11', '2027-09-12', 'de')).toBe('11.–12. September 2027');
    expect(formatDayRange('2027-09-11', '2027-09-12', 'en')).toBe('11 – 12 September 2027');
  });

  it('refuses a time that does not exist', () => {
    expect(() => berlinToUtc('2027-13-01', '10:00')).toThrow(RangeError);
  });
});
