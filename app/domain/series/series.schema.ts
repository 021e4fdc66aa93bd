/**
 * The forms of a series and an edition in the office. Texts exist in the six content
 * languages: German required, the others optional (readers fall back to German with a note).
 * Messages are translation keys (app/lib/form-keys.ts).
 */
import { z } from 'zod';
import { LOCALES } from '../../lib/i18n';

export const TITLE_MAX = 120;
export const DESCRIPTION_MAX = 2000;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** title_de, title_en … as one zod shape: German required, the others optional. */
export function localizedFields<P extends string>(prefix: P, max: number, germanRequired: boolean) {
  const shape: Record<string, z.ZodType> = {};
  for (const code of LOCALES) {
    const text = z.string().trim().max(max);
    shape[`${prefix}_${code}`] = code === 'de' && germanRequired ? text.min(1) : text.optional();
  }
  return shape as Record<`${P}_${(typeof LOCALES)[number]}`, z.ZodType<string | undefined>>;
}

/** The stored JSON text of localized form fields: only the languages that were filled in. */
export function localizedJson(input: Record<string, unknown>, prefix: string): string {
  const value: Record<string, string> = {};
  for (const code of LOCALES) {
    const text = input[`${prefix}_${code}`];
    if (typeof text === 'string' && text.trim() !== '') value[code] = text.trim();
  }
  return JSON.stringify(value);
}

export const slugField = z
  .string()
  .trim()
  .toLowerCase()
  .max(60)
  .regex(SLUG_PATTERN, 'setup:errors.slugFormat')
  .optional();

export const seriesSchema = z.object({
  ...localizedFields('title', TITLE_MAX, true),
  ...localizedFields('description', DESCRIPTION_MAX, false),
  slug: slugField,
  contactEmail: z.string().trim().toLowerCase().max(254).pipe(z.email()).optional(),
});
export type SeriesInput = z.output<typeof seriesSchema>;

