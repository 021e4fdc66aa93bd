import { describe, expect, it } from 'vitest';
import { pageLink, pagingInfo, pagingOf } from './paging';

const link = (n: number) => `/program?page=${n}`;

describe('pagingOf', () => {
  const all = Array.from({ length: 450 }, (_, i) => i);
  it('slices a page and links to its neighbours', () => {
    const { shown, paging } = pagingOf(all, '2', 200, link);
    expect(shown[0]).toBe(200);
    expect(shown).toHaveLength(200);
    expect(paging).toEqual({ page: 2, pages: 3, previous: '/program?page=1', next: '/program?page=3', from: 201, to: 400 });
  });
  it('reads a missing, broken or too high page as the nearest real one', () => {
    expect(pagingOf(all, null, 200, link).paging.page).toBe(1);
    expect(pagingOf(all, 'x', 200, link).paging.page).toBe(1);
    expect(pagingOf(all, '-3', 200, link).paging.page).toBe(1);
    const last = pagingOf(all, '99', 200, link);
    expect(last.paging).toMatchObject({ page: 3, next: null, from: 401, to: 450 });
    expect(last.shown).toHaveLength(50);
  });
  it('an empty list is one page without links', () => {
    expect(pagingOf([], '1', 200, link).paging).toEqual({ page: 1, pages: 1, previous: null, next: null, from: 0, to: 0 });
  });
});

describe('pagingInfo and pageLink', () => {
  it('keeps the filters and replaces only the page', () => {
    const url = new URL('http://x/office/editions/e/registrations?state=submitted&page=3&q=ab');
    expect(pageLink(url, 4)).toBe('/office/editions/e/registrations?state=submitted&page=4&q=ab');
    expect(pageLink(url, 1)).toBe('/office/editions/e/registrations?state=submitted&q=ab');
  });
  it('describes a page cut out by the database', () => {
    expect(pagingInfo({ page: 50, pages: 50, total: 4_950, size: 100, link })).toEqual({ page: 50, pages: 50, previous: '/program?page=49', next: null, from: 4_901, to: 4_950 });
    expect(pagingInfo({ page: 1, pages: 1, total: 0, size: 100, link })).toMatchObject({ from: 0, to: 0, previous: null, next: null });
  });
});
