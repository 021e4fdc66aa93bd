import { describe, expect, it } from 'vitest';
import { berlinDay, daysBetween, formatDate, formatDateTime, formatDay, formatDayRange, berlinIsoWithOffset, formatTime, utcToBerlinWallClock } from './time';
import { DateTime } from 'luxon';
import { berlinToUtc } from './berlin-clock';

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
    expect(daysBetween('2028-02-28', '2028-03-01')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
    expect(daysBetween('2027-03-27', '2027-03-28')).toEqual(['2027-03-27', '2027-03-28']);
    expect(daysBetween('2027-10-31', '2027-10-30')).toEqual([]);
  });

  it('shows an instant as the Berlin wall clock of a form field, with Intl alone, on both sides of each switch', () => {
    expect(utcToBerlinWallClock('2027-10-31T00:30:00.000Z')).toBe('2027-10-31T02:30'); // CEST
    expect(utcToBerlinWallClock('2027-10-31T01:30:00.000Z')).toBe('2027-10-31T02:30'); // CET, the repeated hour
    expect(utcToBerlinWallClock('2027-03-28T01:30:00.000Z')).toBe('2027-03-28T03:30');
    expect(utcToBerlinWallClock('2027-03-28T00:59:00Z')).toBe('2027-03-28T01:59');
    expect(utcToBerlinWallClock('2027-07-01T22:00:00')).toBe('2027-07-02T00:00'); // no offset: stored UTC
    expect(berlinDay('2027-03-27T23:30:00.000Z')).toBe('2027-03-28');
    // the same text luxon writes (toISO, milliseconds suppressed)
    for (const iso of ['2027-10-30T18:00:00.000Z', '2027-10-31T00:30:00Z', '2027-10-31T01:30:00.000Z', '2027-03-28T00:59:59.250Z', '2027-03-28T01:00:00.000Z', '1999-12-31T23:00:00.000Z'])
      expect(berlinIsoWithOffset(iso), iso).toBe(DateTime.fromISO(iso, { zone: 'utc' }).setZone('Europe/Berlin').toISO({ suppressMilliseconds: true }));
    expect(formatDay('2027-03-28', 'de')).toBe('Sonntag, 28. März 2027');
    expect(formatDay('2027-10-31', 'en', 'short')).toBe('Sun 31 Oct');
  });

  it('formats a day range per locale', () => {
    expect(formatDayRange('2027-09-11', '2027-09-12', 'de')).toBe('11.–12. September 2027');
    expect(formatDayRange('2027-09-11', '2027-09-12', 'en')).toBe('11 – 12 September 2027');
  });

  it('reads naturally in all six languages: months spelled out, 24-hour clock, Latin digits in Arabic', () => {
    // ICU puts thin or narrow no-break spaces around some dashes; compare words, not space widths
    const read = (text: string) => text.replace(/\s+/gu, ' ');
    const instant = '2027-10-30T18:00:00.000Z'; // Saturday 20:00 in Berlin, the night before the clocks go back
    expect(
      (['de', 'en', 'tr', 'ar', 'ro', 'bg'] as const).map((l) => [
        l,
        read(formatDateTime(instant, l)),
        read(formatDay('2027-10-31', l)),
        read(formatDayRange('2027-10-28', '2027-10-31', l)),
        read(formatDate('2026-11-25', l)),
      ]),
    ).toEqual([
      ['de', 'Sa., 30. Oktober 2027 um 20:00', 'Sonntag, 31. Oktober 2027', '28.–31. Oktober 2027', '25. November 2026'],
      ['en', 'Sat, 30 October 2027 at 20:00', 'Sunday, 31 October 2027', '28 – 31 October 2027', '25 November 2026'],
      // Turkish spells the weekday out: "Cmt" reads poorly
      ['tr', '30 Ekim 2027 Cumartesi 20:00', '31 Ekim 2027 Pazar', '28–31 Ekim 2027', '25 Kasım 2026'],
      ['ar', 'السبت، 30 أكتوبر 2027 في 20:00', 'الأحد، 31 أكتوبر 2027', '28–31 أكتوبر 2027', '25 نوفمبر 2026'],
      ['ro', 'sâm., 30 octombrie 2027 la 20:00', 'duminică, 31 octombrie 2027', '28–31 octombrie 2027', '25 noiembrie 2026'],
      ['bg', 'сб, 30 октомври 2027 г. в 20:00', 'неделя, 31 октомври 2027 г.', '28 – 31 октомври 2027 г.', '25 ноември 2026 г.'],
    ]);
  });

  it('refuses a time that does not exist', () => {
    expect(() => berlinToUtc('2027-13-01', '10:00')).toThrow(RangeError);
  });
});
