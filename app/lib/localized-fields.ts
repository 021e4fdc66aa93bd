/**
 * A text organisers write in the six content languages arrives as six form fields,
 * `<name>_de` … `<name>_bg`: German required (or optional), the others optional. These
 * helpers make the zod shape, turn the parsed fields into the stored JSON object, and the
 * stored object back into form values.
 */
import { z } from 'zod';
import { LOCALES, type Locale } from './i18n';
import { parseLocalized, type LocalizedText } from './i18n-text';

type Keys<N extends string> = `${N}_${Locale}`;

/** The zod fields of one text in every language; `required`: the translation key when German is missing. */
export function localizedShape<N extends string>(name: N, max: number, required: string | null): Record<Keys<N>, z.ZodType<string, string | undefined>> {
  const shape: Record<string, z.ZodType<string, string | undefined>> = {};
  for (const code of LOCALES) {
    const base = z.string().trim().max(max, 'places:errors.tooLong');
    shape[`${name}_${code}`] =
      code === 'de' && required ? (z.string({ error: required }).trim().min(1, required).max(max, 'places:errors.tooLong') as z.ZodType<string, string | undefined>) : (base.optional().default('') as z.ZodType<string, string | undefined>);
  }
  return shape as Record<Keys<N>, z.ZodType<string, string | undefined>>;
}

/** The parsed fields as the stored JSON text, empty languages left out. */
export function localizedJson(data: Record<string, unknown>, name: string): string {
  const map: LocalizedText = {};
  for (const code of LOCALES) {
    const v = data[`${name}_${code}`];
    if (typeof v === 'string' && v.trim()) map[code] = v.trim();
  }
  return JSON.stringify(map);
}

/** A stored text (JSON by locale) as the values of its form fields. */
export function localizedValues(stored: string | LocalizedText | null | undefined, name: string): Record<string, string> {
  const map = parseLocalized(stored);
  return Object.fromEntries(LOCALES.map((code) => [`${name}_${code}`, map[code] ?? '']));
}
