import { describe, expect, it } from 'vitest';
import { shiftDay, shiftInstant, yearShiftDays } from './clone-dates';

describe('moving an edition to next year', () => {
  it('keeps Dortbund on the second Saturday of September', () => {
    expect(yearShiftDays('2026-09-12', '2026-09-13')).toBe(364);
    expect(shiftDay('2026-09-12', 364)).toBe('2027-09-11');
    // 2029: Sept 1 is a Saturday, so the second Saturday is the 8th; 52 weeks on would be the first Saturday of 2030
    expect(yearShiftDays('2029-09-08', '2029-09-09')).toBe(371);
    expect(shiftDay('2029-09-08', 371)).toBe('2030-09-14');
  });

  it('keeps Djelem Djelem ending on the last Sunday of October', () => {
    // 2026: Thursday 22 to Sunday 25 October; 2027: 28 to 31 October
    expect(yearShiftDays('2026-10-22', '2026-10-25')).toBe(371);
    expect(shiftDay('2026-10-25', 371)).toBe('2027-10-31');
    expect(yearShiftDays('2027-10-28', '2027-10-31')).toBe(364);
    expect(shiftDay('2027-10-31', 364)).toBe('2028-10-29');
  });

  it('moves times in Berlin wall-clock time across the daylight-saving switch', () => {
    // Saturday 30 October 2027, 19:00 summer time -> Saturday 28 October 2028, 19:00 summer time
    expect(shiftInstant('2027-10-30T17:00:00.000Z', 364)).toBe('2028-10-28T17:00:00.000Z');
    // Sunday 31 October 2027, 10:00 winter time (after the switch) -> Sunday 29 October 2028, 10:00 winter time
    expect(shiftInstant('2027-10-31T09:00:00.000Z', 364)).toBe('2028-10-29T09:00:00.000Z');
    // Thursday 22 October 2026 15:00 summer time + 53 weeks -> Thursday 28 October 2027 15:00 summer time
    expect(shiftInstant('2026-10-22T13:00:00.000Z', 371)).toBe('2027-10-28T13:00:00.000Z');
    // A registration window opening in summer time and moved into a day in winter time keeps its 09:00
    expect(shiftInstant('2027-03-26T08:00:00.000Z', 364)).toBe('2028-03-24T08:00:00.000Z');
    expect(shiftInstant('2026-10-24T07:00:00.000Z', 371)).toBe('2027-10-30T07:00:00.000Z');
    // Monday 26 October 2026 09:00 winter time -> Monday 25 October 2027 09:00, still summer time then
    expect(shiftInstant('2026-10-26T08:00:00.000Z', 364)).toBe('2027-10-25T07:00:00.000Z');
  });
});
