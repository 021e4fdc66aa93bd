/**
 * The translation layer, shared by server and browser. Every visible string goes
 * through `t`. Strings live in app/locales/<locale>/<namespace>.json; adding a locale is
 * one folder there plus one line in app/locales/index.ts (see docs/translating.md).
 */
import i18next, { type i18n, type TFunction } from 'i18next';
import { resources, localeInfo, type Locale, LOCALES } from '../locales/index';

export { LOCALES, localeInfo, type Locale };
export const DEFAULT_LOCALE: Locale = 'de';
export const TIME_ZONE = 'Europe/Berlin';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return localeInfo[locale].dir;
}

const instances = new Map<Locale, i18n>();

/** One initialised i18next instance per locale, made on first use and kept. */
export function i18nFor(locale: Locale): i18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = i18next.createInstance({
      lng: locale,
      fallbackLng: DEFAULT_LOCALE,
      supportedLngs: [...LOCALES],
      resources,
      ns: Object.keys(resources[DEFAULT_LOCALE]),
      defaultNS: 'common',
      initAsync: false,
      returnNull: false,
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    } as Parameters<typeof i18next.createInstance>[0]);
    void instance.init();
    instances.set(locale, instance);
  }
  return instance;
}

export function translator(locale: Locale): TFunction {
  return i18nFor(locale).t;
}

/** Picks the best supported locale from an Accept-Language header. */
export function negotiateLocale(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (isLocale(base)) return base;
  }
  return undefined;
}

/**
 * The name of a language in the reader's language, from our own table (app/locales/<lang>/
 * languages.json, generated from full ICU data; common.json's languageNames can override).
 * Never from the platform's Intl at render time: browsers ship trimmed ICU data
 * (Chromium names Romani "rom"), and a name must read the same on server and browser.
 */
export function languageName(code: string, locale: Locale): string {
  const i18n = i18nFor(locale);
  if (i18n.exists(`languageNames.${code}`)) return i18n.t(`languageNames.${code}`);
  return i18n.t(`languages:${code}`, { defaultValue: code });
}

/** "Deutsch, Türkisch und Arabisch": a list joined the way the reader's language does it. */
export function formatList(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(localeInfo[locale].intl, { type: 'conjunction' }).format(items);
}

/**
 * Wraps a people-written name that goes into a translated sentence in Unicode isolates
 * (FSI … PDI), so "Train of Hope e.V." keeps its full stop where it belongs in an Arabic
 * sentence, and an Arabic name stays whole in a German one. Invisible; screen readers skip it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** "Deutsch oder Englisch": language names joined the way the reader's language does it. */
export function languageList(codes: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(localeInfo[locale].intl, { type: 'disjunction' }).format(codes.map((c) => languageName(c, locale)));
}
