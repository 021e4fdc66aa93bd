/**
 * Every locale the platform speaks. To add one (Romani, say): copy app/locales/en/ to
 * app/locales/<code>/, translate the values, and add it to the three lists below.
 */
import deCommon from './de/common.json';
import enCommon from './en/common.json';
import trCommon from './tr/common.json';
import arCommon from './ar/common.json';
import roCommon from './ro/common.json';
import bgCommon from './bg/common.json';

export const LOCALES = ['de', 'en', 'tr', 'ar', 'ro', 'bg'] as const;
export type Locale = (typeof LOCALES)[number];

export const localeInfo: Record<Locale, { name: string; dir: 'ltr' | 'rtl' }> = {
  de: { name: 'Deutsch', dir: 'ltr' },
  en: { name: 'English', dir: 'ltr' },
  tr: { name: 'Türkçe', dir: 'ltr' },
  ar: { name: 'العربية', dir: 'rtl' },
  ro: { name: 'Română', dir: 'ltr' },
  bg: { name: 'Български', dir: 'ltr' },
};

export const resources = {
  de: { common: deCommon },
  en: { common: enCommon },
  tr: { common: trCommon },
  ar: { common: arCommon },
  ro: { common: roCommon },
  bg: { common: bgCommon },
} satisfies Record<Locale, Record<string, unknown>>;
