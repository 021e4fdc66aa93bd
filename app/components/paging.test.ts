import { describe, expect, it } from 'vitest';
import { pagingOf } from './paging';

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
