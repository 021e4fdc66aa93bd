/**
 * Languages an association may speak at its stand (BCP-47 codes, named in the reader's
 * language by Intl.DisplayNames). The city's most-read languages first, Romani included.
 */
export const STAND_LANGUAGES = ['de', 'en', 'tr', 'ar', 'ro', 'bg', 'rom', 'pl', 'ru', 'uk', 'fa', 'ku', 'fr', 'es', 'it', 'el', 'sq', 'bs', 'he'] as const;
export type StandLanguage = (typeof STAND_LANGUAGES)[number];
