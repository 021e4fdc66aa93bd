/**
 * The open-data API's reading of the program filter (app/domain/program/program-filter.ts).
 * A module of its own so that the program page's browser code, which imports the filter
 * helpers, does not carry zod (about 90 KB gzip) for a schema only the API uses.
 */
import { z } from 'zod';
import { ACCESSIBILITY_FLAGS } from '../organisations/categories';
import { DAY_PATTERN, LANGUAGE_PATTERN, readProgramFilter, type FilterKey, type ProgramFilter } from './program-filter';

const strictSchema = z.object({
  day: z.array(z.string().regex(DAY_PATTERN, { message: 'day must be a date like 2027-10-30' })),
  accessibility: z.array(z.enum(ACCESSIBILITY_FLAGS, { message: `accessibility must be one of ${ACCESSIBILITY_FLAGS.join(', ')}` })),
  language: z.array(z.string().regex(LANGUAGE_PATTERN, { message: 'language must be a language code like de or rom' })),
});

/**
 * The open-data API is stricter: a malformed day, an unknown accessibility flag or a
 * malformed language code is a client error (400), unknown slugs still give an empty list.
 */
export function readProgramFilterStrict(params: URLSearchParams): { ok: true; filter: ProgramFilter } | { ok: false; message: string } {
  const filter = readProgramFilter(params);
  const checked = strictSchema.safeParse(filter);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const value = issue.path.length > 1 ? filter[issue.path[0] as FilterKey][issue.path[1] as number] : undefined;
    return { ok: false, message: `${issue.message}${value !== undefined ? ` (got "${value}")` : ''}` };
  }
  for (const day of filter.day) {
    if (Number.isNaN(Date.parse(`${day}T12:00:00Z`)) || new Date(`${day}T12:00:00Z`).toISOString().slice(0, 10) !== day) {
      return { ok: false, message: `day must be a real calendar date (got "${day}")` };
    }
  }
  return { ok: true, filter };
}
