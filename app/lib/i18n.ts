/**
 * The translation layer, shared by server and browser. Every visible string goes
 * through `t`. Strings live in app/locales/<locale>/<namespace>.json; adding a locale is
 * one folder there plus one line in app/locales/index.ts (see docs/translating.md).
 */
import { createTranslator, type TFunction, type Translator } from './translate';
import { localeInfo, type Locale, LOCALES } from '../locales/info';
// Empty in the browser bundle (a .server module): there, strings arrive via addResources
// (docs/decisions/079); the one deliberate server import in app/lib.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import * as serverOnly from './i18n-resources.server';

export { LOCALES, localeInfo, type Locale, type TFunction };
export const DEFAULT_LOCALE: Locale = 'de';
export const TIME_ZONE = 'Europe/Berlin';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return localeInfo[locale].dir;
}

type Bundles = Record<string, Record<string, unknown>>;
/** The strings this process knows: all of them on the server, the page's on the browser. */
const store: Partial<Record<Locale, Bundles>> = { ...((serverOnly as { resources?: Record<Locale, Bundles> }).resources ?? {}) };
const instances = new Map<Locale, Translator>();

/** The namespaces of one language a page needs, for the root loader to hand to the browser. */
export function resourcesFor(locale: Locale, exclude: readonly string[] = []): Bundles {
  return Object.fromEntries(Object.entries(store[locale] ?? {}).filter(([ns]) => !exclude.includes(ns)));
}

/** The browser's side of it: strings from the root loader, added before anything is translated. */
export function addResources(locale: Locale, bundles: Bundles): void {
  const known = (store[locale] ??= {});
  for (const [ns, data] of Object.entries(bundles)) if (!known[ns]) known[ns] = data;
}

/**
 * One translator per locale, made on first use and kept; it reads the store as it is then, so
 * strings added later (a client-side navigation into the office) are found. i18next's semantics
 * without i18next (`translate.ts`, docs/decisions/103).
 */
export function i18nFor(locale: Locale): Translator {
  let instance = instances.get(locale);
  if (!instance) {
    instance = createTranslator({ store, lng: locale, fallbackLng: DEFAULT_LOCALE, defaultNS: 'common' });
    instances.set(locale, instance);
  }
  return instance;
}

const translators = new Map<Locale, TFunction>();
const MAX_REMEMBERED = 20_000;
/**
 * `t()` for a language, remembering what it answered: the strings are fixed for the life of
 * the process, and a program page of 2,000 items asks the same few keys thousands of times
 * (lookup, nesting and interpolation per call was a fifth of its render time). Only calls
 * whose options are plain values are remembered, only string answers.
 */
export function translator(locale: Locale): TFunction {
  let t = translators.get(locale);
  if (!t) {
    const instance = i18nFor(locale);
    const seen = new Map<string, string>();
    const plain = (v: unknown) => v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
    t = ((key: unknown, options?: unknown, ...rest: unknown[]) => {
      const cacheable =
        rest.length === 0 && (typeof key === 'string' || Array.isArray(key)) && (options === undefined || (typeof options === 'object' && options !== null && Object.values(options).every(plain)));
      if (!cacheable) return (instance.t as unknown as (...args: unknown[]) => unknown)(key, options, ...rest);
      const memo = options === undefined ? JSON.stringify(key) : `${JSON.stringify(key)}\u0000${JSON.stringify(options)}`;
      const hit = seen.get(memo);
      if (hit !== undefined) return hit;
      const call = instance.t as unknown as (...args: unknown[]) => unknown;
      const answer = options === undefined ? call(key) : call(key, options);
      if (typeof answer === 'string') {
        if (seen.size >= MAX_REMEMBERED) seen.clear();
        seen.set(memo, answer);
      }
      return answer;
    }) as unknown as TFunction;
    translators.set(locale, t);
  }
  return t;
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
const languageNames = new Map<string, string>();
export function languageName(code: string, locale: Locale): string {
  const memo = `${locale}|${code}`;
  let name = languageNames.get(memo);
  if (name === undefined) {
    const i18n = i18nFor(locale);
    name = i18n.exists(`languageNames.${code}`) ? i18n.t(`languageNames.${code}`) : i18n.t(`languages:${code}`, { defaultValue: code });
    if (languageNames.size > 5_000) languageNames.clear();
    languageNames.set(memo, name);
  }
  return name;
}

const listFormats = new Map<string, Intl.ListFormat>();
/** One Intl.ListFormat per language and kind, made once (a program page lists for every item). */
function listFormat(locale: Locale, type: 'conjunction' | 'disjunction'): Intl.ListFormat {
  const key = `${locale}|${type}`;
  let f = listFormats.get(key);
  if (!f) {
    f = new Intl.ListFormat(localeInfo[locale].intl, { type });
    listFormats.set(key, f);
  }
  return f;
}

/** "Deutsch, Türkisch und Arabisch": a list joined the way the reader's language does it. */
export function formatList(items: readonly string[], locale: Locale): string {
  return listFormat(locale, 'conjunction').format(items);
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
  return listFormat(locale, 'disjunction').format(codes.map((c) => languageName(c, locale)));
}
