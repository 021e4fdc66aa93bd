import { createCookie } from '@remix-run/node';
import { DEFAULT_LOCALE, isLocale, negotiateLocale, type Locale } from '../lib/i18n';

/** The visitor's chosen language, remembered for a year. Not personal data: no consent needed. */
export const localeCookie = createCookie('lang', { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365, httpOnly: true });

export interface ResolvedLocale {
  locale: Locale;
  /** set when the URL chose a language that should be remembered */
  setCookie?: string;
}

/** The locale of a request: the URL (?lang=), then the cookie, then Accept-Language, then German. */
export async function resolveLocale(request: Request): Promise<ResolvedLocale> {
  const fromUrl = new URL(request.url).searchParams.get('lang');
  const fromCookie: unknown = await localeCookie.parse(request.headers.get('Cookie'));
  if (isLocale(fromUrl)) {
    return fromUrl === fromCookie ? { locale: fromUrl } : { locale: fromUrl, setCookie: await localeCookie.serialize(fromUrl) };
  }
  if (isLocale(fromCookie)) return { locale: fromCookie };
  return { locale: negotiateLocale(request.headers.get('Accept-Language')) ?? DEFAULT_LOCALE };
}

/**
 * The language this browser said it reads (the URL, the cookie or Accept-Language), or
 * undefined when it said nothing (a script, a bare HTTP client): then the stored one stands.
 */
export async function sessionLocaleOf(request: Request): Promise<Locale | undefined> {
  const fromUrl = new URL(request.url).searchParams.get('lang');
  if (isLocale(fromUrl)) return fromUrl;
  const fromCookie: unknown = await localeCookie.parse(request.headers.get('Cookie'));
  if (isLocale(fromCookie)) return fromCookie;
  return negotiateLocale(request.headers.get('Accept-Language')) ?? undefined;
}

export async function localeOf(request: Request): Promise<Locale> {
  return (await resolveLocale(request)).locale;
}
