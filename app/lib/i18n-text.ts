/**
 * Texts that organisers and associations write in several languages are stored as JSON
 * objects keyed by locale. Reading one picks the requested language, then German, then
 * whatever exists, and says when it fell back so the page can tell the reader.
 */
import { DEFAULT_LOCALE, type Locale } from './i18n';

export type LocalizedText = Partial<Record<string, string>>;

export interface PickedText {
  text: string;
  /** the language the text is actually in */
  lang: string;
  fallback: boolean;
}

export function parseLocalized(value: string | LocalizedText | null | undefined): LocalizedText {
  if (!value) return {};
  if (typeof value !== 'string') return value;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as LocalizedText) : {};
  } catch {
    return {};
  }
}

export function pickText(value: string | LocalizedText | null | undefined, locale: Locale): PickedText {
  const map = parseLocalized(value);
  const wanted = map[locale];
  if (wanted) return { text: wanted, lang: locale, fallback: false };
  const german = map[DEFAULT_LOCALE];
  if (german) return { text: german, lang: DEFAULT_LOCALE, fallback: true };
  const first = Object.entries(map).find(([, text]) => Boolean(text));
  return first ? { text: first[1]!, lang: first[0], fallback: true } : { text: '', lang: locale, fallback: false };
}

/**
 * Only the language a reader gets of a stored text ({ de, en, … }): the same pick on the
 * browser's side (pickText of the result equals pickText of the original), a fraction of
 * the bytes in a page's loader data.
 */
export function onlyIn(value: string | LocalizedText | null | undefined, locale: Locale): LocalizedText {
  const picked = pickText(value, locale);
  return picked.text ? { [picked.lang]: picked.text } : {};
}

export function isPicked(value: unknown): value is PickedText {
  return typeof value === 'object' && value !== null && 'text' in value && 'fallback' in value;
}

/** A JSON array column as a list of strings; an array passes through. */
export function parseList(value: string | string[] | null | undefined): string[] {
  if (Array.isArray(value)) return value;
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
