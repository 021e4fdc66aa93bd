import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { TFunction } from '~/lib/i18n';
import { addResources, directionOf, DEFAULT_LOCALE, languageList, translator, type Locale } from '~/lib/i18n';
import { isPicked, pickText, type LocalizedText, type PickedText } from '~/lib/i18n-text';

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ku']);

interface I18nValue {
  locale: Locale;
  dir: 'ltr' | 'rtl';
  t: TFunction;
  text: (value: string | LocalizedText | null | undefined) => PickedText;
}

const I18nContext = createContext<I18nValue | null>(null);

/** `strings`: the page's strings from the root loader (the browser has no others; the server has all). */
export function I18nProvider({ locale, strings, children }: { locale: Locale; strings?: Record<string, Record<string, unknown>>; children: ReactNode }) {
  // Before anything is translated: i18next reads them when it makes the locale's instance.
  if (strings) addResources(locale, strings);
  const value = useMemo<I18nValue>(
    () => ({ locale, dir: directionOf(locale), t: translator(locale), text: (v) => pickText(v, locale) }),
    [locale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  // Outside the provider (an error before the root loader ran) German still renders.
  return value ?? { locale: DEFAULT_LOCALE, dir: 'ltr', t: translator(DEFAULT_LOCALE), text: (v) => pickText(v, DEFAULT_LOCALE) };
}

/**
 * Text written by people, in the reader's language or marked with the language it falls back to.
 * `value` is the stored JSON (all languages) or a text already picked on the server (smaller payloads). */
export function Localized({
  value,
  as: Tag = 'span',
}: {
  value: string | LocalizedText | PickedText | null | undefined;
  as?: 'span' | 'p' | 'h1' | 'h2' | 'h3' | 'div';
}) {
  const { text, locale } = useI18n();
  const picked = isPicked(value) ? value : text(value);
  if (!picked.fallback || picked.lang === locale) return <Tag>{picked.text}</Tag>;
  // Text in another language than the page: say which, so screen readers pronounce it right
  // and the bidi algorithm lays it out in its own direction.
  return (
    <Tag lang={picked.lang} dir={RTL_LANGUAGES.has(picked.lang) ? 'rtl' : 'ltr'}>
      {picked.text}
    </Tag>
  );
}

/**
 * Says once, in the reader's language, that some people-written texts on the page are shown
 * in another language ("Einige Texte auf dieser Seite gibt es nur auf Deutsch."). Put it under
 * the page's h1 and pass every localized text the page shows; it renders nothing when all of
 * them are in the reader's language. Each text itself carries its lang through <Localized>.
 */
export function FallbackNotice({ texts }: { texts: readonly (string | LocalizedText | PickedText | null | undefined)[] }) {
  const { t, text, locale } = useI18n();
  const shownIn = new Set<string>();
  for (const value of texts) {
    const picked = isPicked(value) ? value : text(value);
    if (picked.fallback && picked.lang !== locale) shownIn.add(picked.lang);
  }
  if (shownIn.size === 0) return null;
  return <p className="fallback-note">{t('fallback.notice', { language: languageList([...shownIn].sort(), locale) })}</p>;
}
