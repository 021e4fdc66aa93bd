import { describe, expect, it } from 'vitest';
import { resources } from '~/locales/index';
import { directionOf, negotiateLocale, translator } from './i18n';
import { pickText } from './i18n-text';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
/** Plural forms differ per language (_one/_other, Arabic has six): compare the base keys. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('translations', () => {
  it('English has every key German has, and no other', () => {
    for (const ns of Object.keys(resources.de) as (keyof typeof resources.de)[]) {
      const de = new Set(keys(resources.de[ns]).map(base));
      const en = new Set(keys(resources.en[ns]).map(base));
      expect([...de].filter((k) => !en.has(k)), `missing in en/${ns}`).toEqual([]);
      expect([...en].filter((k) => !de.has(k)), `unknown in en/${ns}`).toEqual([]);
    }
  });

  it('translates with plural rules per language', () => {
    expect(translator('de')('home.pastEditions', { count: 1 })).toBe('1 frühere Ausgabe');
    expect(translator('de')('home.pastEditions', { count: 3 })).toBe('3 frühere Ausgaben');
    expect(translator('en')('home.pastEditions', { count: 1 })).toBe('1 past edition');
  });

  it('negotiates Accept-Language by quality, falling back to nothing', () => {
    expect(negotiateLocale('fr-FR,fr;q=0.9,en;q=0.8,de;q=0.7')).toBe('en');
    expect(negotiateLocale('ar-SY, de;q=0.5')).toBe('ar');
    expect(negotiateLocale('fr, it')).toBeUndefined();
    expect(negotiateLocale('')).toBeUndefined();
  });

  it('lays Arabic out right to left', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('tr')).toBe('ltr');
  });

  it('picks content in the asked language, then German, and says when it fell back', () => {
    const text = JSON.stringify({ de: 'Hallo', en: 'Hello' });
    expect(pickText(text, 'en')).toEqual({ text: 'Hello', lang: 'en', fallback: false });
    expect(pickText(text, 'tr')).toEqual({ text: 'Hallo', lang: 'de', fallback: true });
    expect(pickText(JSON.stringify({ en: 'Only English' }), 'ar')).toEqual({ text: 'Only English', lang: 'en', fallback: true });
    expect(pickText('not json', 'de')).toEqual({ text: '', lang: 'de', fallback: false });
  });
});
