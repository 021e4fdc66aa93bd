import { describe, expect, it } from 'vitest';
import { LOCALES, resources } from '~/locales/index';

function flatten(value: unknown, prefix = ''): [string, string][] {
  if (typeof value !== 'object' || value === null) return [[prefix, String(value)]];
  return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

describe('payments translations', () => {
  const de = new Map(flatten(resources.de.payments));
  const en = new Map(flatten(resources.en.payments));

  it('have every key in all six languages, with the same placeholders', () => {
    for (const locale of LOCALES) {
      const strings = new Map(flatten(resources[locale].payments));
      expect([...strings.keys()].sort(), locale).toEqual([...de.keys()].sort());
      for (const [key, text] of strings) {
        const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
        expect(placeholders(text), `${locale}:${key}`).toEqual(placeholders(de.get(key)!));
      }
    }
  });

  it('are translated, not copied from English (names and codes aside)', () => {
    const same = (locale: (typeof LOCALES)[number]) =>
      flatten(resources[locale].payments)
        .filter(([key, text]) => en.get(key) === text)
        .map(([key]) => key);
    expect(same('tr')).toEqual(['bank.iban', 'bank.bic']);
    expect(same('ar')).toEqual(['bank.iban', 'bank.bic']);
    expect(same('ro')).toEqual(['methods.stripe', 'bank.iban', 'bank.bic']);
    expect(same('bg')).toEqual(['bank.iban', 'bank.bic']);
  });
});
