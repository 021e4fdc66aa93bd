/**
 * The filters of the public program, shared by the page (/program), the calendar feeds
 * (/calendar.ics) and the open-data API (/api/v1/program). They live in the URL as
 * repeatable query parameters: `?category=music&category=dance&day=2027-10-30`.
 * Values of one parameter are alternatives (OR); different parameters narrow (AND).
 */

export const FILTER_KEYS = ['series', 'edition', 'day', 'stage', 'category', 'organisation', 'language', 'accessibility'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type ProgramFilter = Record<FilterKey, string[]>;

/** Enough for any real view; more values (or longer ones) are a crafted URL and are cut. */
const MAX_VALUES = 50;
const MAX_LENGTH = 100;

export const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function emptyFilter(): ProgramFilter {
  return { series: [], edition: [], day: [], stage: [], category: [], organisation: [], language: [], accessibility: [] };
}

/**
 * Reads the filter from query parameters, forgiving: unknown or malformed values are kept
 * and simply match nothing (a feed answers an empty calendar, never an error). Values are
 * deduplicated and sorted so equal views share one cache entry.
 */
export function readProgramFilter(params: URLSearchParams): ProgramFilter {
  const filter = emptyFilter();
  for (const key of FILTER_KEYS) {
    const values = new Set<string>();
    for (const raw of params.getAll(key)) {
      for (const part of raw.split(',')) {
        const value = part.trim();
        if (value && value.length <= MAX_LENGTH && values.size < MAX_VALUES) values.add(value);
      }
    }
    filter[key] = [...values].sort();
  }
  return filter;
}


export function isEmptyFilter(filter: ProgramFilter): boolean {
  return FILTER_KEYS.every((k) => filter[k].length === 0);
}

/** The filter as a query string, in a stable order: the same view always has the same URL. */
export function filterToSearch(filter: ProgramFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) for (const value of filter[key]) params.append(key, value);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** A stable key for caches: the normalised filter. */
export function filterKey(filter: ProgramFilter): string {
  return FILTER_KEYS.map((k) => `${k}=${filter[k].join(',')}`).join('&');
}
