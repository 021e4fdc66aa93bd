/**
 * Every locale the platform speaks. To add one (Romani, say): copy app/locales/de/ to
 * app/locales/<code>/, translate the values, then register it here: one import per
 * namespace file, and the code in LOCALES, localeInfo and resources.
 * docs/translating.md walks through it; app/utils/i18n.test.ts tells you what is missing.
 */
import deCommon from './de/common.json';
import enCommon from './en/common.json';
import trCommon from './tr/common.json';
import arCommon from './ar/common.json';
import roCommon from './ro/common.json';
import bgCommon from './bg/common.json';

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

export const resources = {
  de: { common: deCommon },
  en: { common: enCommon },
  tr: { common: trCommon },
  ar: { common: arCommon },
  ro: { common: roCommon },
  bg: { common: bgCommon },
} satisfies Record<Locale, Record<string, unknown>>;
