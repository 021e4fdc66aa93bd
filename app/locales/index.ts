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
import deFeeds from './de/feeds.json';
import enFeeds from './en/feeds.json';
import trFeeds from './tr/feeds.json';
import arFeeds from './ar/feeds.json';
import roFeeds from './ro/feeds.json';
import bgFeeds from './bg/feeds.json';

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
  de: { common: deCommon, feeds: deFeeds },
  en: { common: enCommon, feeds: enFeeds },
  tr: { common: trCommon, feeds: trFeeds },
  ar: { common: arCommon, feeds: arFeeds },
  ro: { common: roCommon, feeds: roFeeds },
  bg: { common: bgCommon, feeds: bgFeeds },
} satisfies Record<Locale, Record<string, unknown>>;
