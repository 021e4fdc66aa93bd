import { describe, expect, it } from 'vitest';
import { filterKey, filterToSearch, readProgramFilter } from './program-filter';
import { readProgramFilterStrict } from './program-filter-strict';

describe('program filters in the URL', () => {
  it('reads repeated and comma-separated values, deduplicated and sorted', () => {
    const f = readProgramFilter(new URLSearchParams('category=music&category=dance,music&series=&language=rom&foo=bar'));
    expect(f.category).toEqual(['dance', 'music']);
    expect(f.series).toEqual([]);
    expect(f.language).toEqual(['rom']);
    expect(filterToSearch(f)).toBe('?category=dance&category=music&language=rom');
    expect(filterToSearch(f, { lang: 'en' })).toBe('?category=dance&category=music&language=rom&lang=en');
  });

  it('gives equal views the same cache key', () => {
    const a = readProgramFilter(new URLSearchParams('category=music&category=dance&lang=en'));
    const b = readProgramFilter(new URLSearchParams('category=dance,music'));
    expect(filterKey(a)).toBe(filterKey(b));
  });

  it('cuts crafted URLs: at most 50 values of 100 characters each', () => {
    const many = Array.from({ length: 80 }, (_, i) => `series=s${String(i).padStart(2, '0')}`).join('&');
    expect(readProgramFilter(new URLSearchParams(many)).series).toHaveLength(50);
    expect(readProgramFilter(new URLSearchParams(`series=${'x'.repeat(101)}`)).series).toEqual([]);
  });

  it('is strict for the API: malformed days, flags and language codes are errors', () => {
    expect(readProgramFilterStrict(new URLSearchParams('day=2027-10-30&accessibility=wheelchair&language=de-AT'))).toMatchObject({ ok: true });
    expect(readProgramFilterStrict(new URLSearchParams('day=2027-10-32'))).toEqual({ ok: false, message: 'day must be a date like 2027-10-30 (got "2027-10-32")' });
    expect(readProgramFilterStrict(new URLSearchParams('day=2027-02-29'))).toEqual({ ok: false, message: 'day must be a real calendar date (got "2027-02-29")' });
    expect(readProgramFilterStrict(new URLSearchParams('accessibility=stairs'))).toMatchObject({ ok: false });
    expect(readProgramFilterStrict(new URLSearchParams('language=German'))).toMatchObject({ ok: false });
    expect(readProgramFilterStrict(new URLSearchParams('series=no-such-series'))).toMatchObject({ ok: true });
  });
});
