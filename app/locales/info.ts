/** The locales and how they are written: shared by server and browser (no strings here, see index.ts). */
export const LOCALES = ['de', 'en', 'tr', 'ar', 'ro', 'bg'] as const;
export type Locale = (typeof LOCALES)[number];

export interface LocaleInfo {
  /** the language's name in itself, shown in the language switcher */
  name: string;
  dir: 'ltr' | 'rtl';
  /** the BCP 47 tag Intl formats dates, language names and lists with (a locale Intl has no data for can borrow one) */
  intl: string;
}

export const localeInfo: Record<Locale, LocaleInfo> = {
  de: { name: 'Deutsch', dir: 'ltr', intl: 'de-DE' },
  en: { name: 'English', dir: 'ltr', intl: 'en-GB' },
  tr: { name: 'Türkçe', dir: 'ltr', intl: 'tr-TR' },
  // Latin digits: times and dates read the same on every device and next to German texts.
  ar: { name: 'العربية', dir: 'rtl', intl: 'ar-u-nu-latn' },
  ro: { name: 'Română', dir: 'ltr', intl: 'ro-RO' },
  bg: { name: 'Български', dir: 'ltr', intl: 'bg-BG' },
};

