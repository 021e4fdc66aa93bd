/** The forms of an organisation's profile, its contact people and a person's own settings. */
import { z } from 'zod';
import { LOCALES, type Locale } from '../../lib/i18n';
import { ORGANISATION_CATEGORIES } from './categories';
import { STAND_LANGUAGES } from './languages';

const list = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);
const optionalText = (max: number) => z.string().trim().max(max).default('');

export const DESCRIPTION_MAX = 600;

const organisationFields = z.object({
  name: z.string().trim().min(2).max(120),
  legalForm: optionalText(40),
  description_de: optionalText(DESCRIPTION_MAX),
  description_en: optionalText(DESCRIPTION_MAX),
  description_tr: optionalText(DESCRIPTION_MAX),
  description_ar: optionalText(DESCRIPTION_MAX),
  description_ro: optionalText(DESCRIPTION_MAX),
  description_bg: optionalText(DESCRIPTION_MAX),
  website: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
    z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(200).optional(),
  ),
  categories: z.preprocess(list, z.array(z.enum(ORGANISATION_CATEGORIES)).min(1, 'registration:errors.chooseCategory')),
  languages: z.preprocess(list, z.array(z.enum(STAND_LANGUAGES)).min(1, 'registration:errors.chooseLanguage')),
});

/**
 * The profile form of a page in `locale`: "one description, in any language" is told at the
 * description field of the page's language (the first one shown).
 */
export function organisationSchemaFor(locale: Locale) {
  return organisationFields.superRefine((v, ctx) => {
    // one description is enough, in any of the languages; pages fall back to it and say so
    if (LOCALES.every((code) => !v[`description_${code}`])) ctx.addIssue({ code: 'custom', path: [`description_${locale}`], message: 'newcomer:profile.descriptionRequired' });
  });
}
export const organisationSchema = organisationSchemaFor('de');
export type OrganisationForm = z.output<typeof organisationSchema>;

export const inviteSchema = z.object({
  intent: z.literal('invite'),
  email: z.string().trim().min(1).max(254).pipe(z.email()),
});

export const personSchema = z.object({
  name: z.string().trim().min(1).max(120),
  locale: z.enum(LOCALES),
});
