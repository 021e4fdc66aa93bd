import { describe, expect, it } from 'vitest';
import { resources } from '~/locales/index';
import { DEFAULT_LOCALE, directionOf, LOCALES, negotiateLocale, translator, type Locale } from './i18n';
import { pickText } from './i18n-text';

/** Leaves of a namespace as "a.b.c" → value; a leaf that is not a string is reported as such. */
function leaves(value: unknown, prefix = ''): Map<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return new Map([[prefix, value]]);
  return new Map(Object.entries(value).flatMap(([k, v]) => [...leaves(v, prefix ? `${prefix}.${k}` : k)]));
}
const PLURAL = /_(zero|one|two|few|many|other)$/;
/** {{name}}, {{count, number}}, {{- html}}: the variable names a string interpolates. */
const variables = (text: unknown) =>
  typeof text === 'string' ? [...new Set([...text.matchAll(/\{\{\s*-?\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]!))].sort() : [];
const words = (text: string) => text.replace(/\{\{[^}]*\}\}/g, ' ').split(/\s+/).filter(Boolean).length;

/**
 * Everything wrong with one locale, as lines a translator can act on: missing namespaces and
 * keys, plural forms the language needs (CLDR, from Intl.PluralRules) but lacks or has but
 * never uses, keys German does not have, empty strings, interpolation variables that differ
 * from German, and whole sentences left in German or English.
 */
function translationProblems(locale: Locale, all: Partial<Record<string, Record<string, unknown>>> = resources): string[] {
  const germanFiles = all[DEFAULT_LOCALE] ?? {};
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
  const problems: string[] = [];
  for (const ns of Object.keys(germanFiles)) {
    const where = `${locale}/${ns}.json`;
    if (!all[locale]?.[ns]) {
      problems.push(`${where}: the file is missing or not registered in app/locales/index.ts`);
      continue;
    }
    const german = leaves(germanFiles[ns]);
    const english = leaves(all.en?.[ns]);
    const theirs = leaves(all[locale][ns]);
    // what this locale must have: German's keys, with German's plural forms replaced by this language's
    const expected = new Map<string, string>(); // key → the German key to compare with
    for (const key of german.keys()) {
      if (!PLURAL.test(key)) expected.set(key, key);
      else for (const c of categories) expected.set(key.replace(PLURAL, `_${c}`), key.replace(PLURAL, '_other'));
    }
    for (const [key, source] of expected) {
      if (!theirs.has(key)) {
        problems.push(`${where}: missing ${key}${key === source ? '' : ` (plural form "${key.slice(key.lastIndexOf('_') + 1)}" of ${key.replace(PLURAL, '')})`}`);
        continue;
      }
      const text = theirs.get(key);
      if (typeof text !== 'string' || text.trim() === '') {
        problems.push(`${where}: ${key} is empty or not a string`);
        continue;
      }
      // A plural form other than "other" may spell the number out (Arabic "دورتان"): {{count}} is optional there.
      const optional = key !== source ? ['count'] : [];
      const want = variables(german.get(source)).filter((v) => !optional.includes(v));
      const have = variables(text).filter((v) => !optional.includes(v));
      if (want.join() !== have.join()) problems.push(`${where}: ${key} uses {{${have.join('}}, {{')}}} but German uses {{${want.join('}}, {{')}}}`);
      if (locale !== DEFAULT_LOCALE && locale !== 'en' && words(text) >= 4 && (text === german.get(source) || text === english.get(source))) {
        problems.push(`${where}: ${key} is still the ${text === german.get(source) ? 'German' : 'English'} text`);
      }
    }
    for (const key of theirs.keys()) {
      if (expected.has(key)) continue;
      const unused = PLURAL.test(key) && expected.has(key.replace(PLURAL, '_other'));
      problems.push(`${where}: ${key} ${unused ? `is a plural form ${locale} does not use (it has ${categories.join(', ')})` : 'is not in the German source'}`);
    }
  }
  return problems;
}

describe('translations', () => {
  it.each(LOCALES)('%s has every namespace, key and plural form of the German source, and nothing else', (locale) => {
    expect(translationProblems(locale)).toEqual([]);
  });

  it('notices what a translator may get wrong', () => {
    const all = structuredClone(resources) as unknown as Record<string, Record<string, Record<string, Record<string, unknown>>>>;
    const tr = all.tr!.common!;
    delete tr.nav!.home;
    delete tr.home!.pastEditions_one;
    tr.home!.pastEditions_few = '{{count}} geçmiş etkinlik';
    tr.program!.hostedBy = 'Düzenleyen: {{host}}';
    tr.site!.footer = resources.en.common.site.footer;
    tr.extra = { key: 'fazla' };
    all.de!.anotherNamespace = { greeting: { hello: 'Hallo' } };
    expect(translationProblems('tr', all)).toEqual([
      'tr/common.json: site.footer is still the English text',
      'tr/common.json: missing nav.home',
      'tr/common.json: missing home.pastEditions_one (plural form "one" of home.pastEditions)',
      'tr/common.json: program.hostedBy uses {{host}} but German uses {{name}}',
      'tr/common.json: home.pastEditions_few is a plural form tr does not use (it has one, other)',
      'tr/common.json: extra.key is not in the German source',
      'tr/anotherNamespace.json: the file is missing or not registered in app/locales/index.ts',
    ]);
    // Arabic needs all six forms; {{count}} may be spelled out except in "other"
    const ar = all.ar!.common!.home!;
    delete ar.pastEditions_two;
    ar.pastEditions_other = 'دورات سابقة';
    expect(translationProblems('ar', all)).toEqual([
      'ar/common.json: missing home.pastEditions_two (plural form "two" of home.pastEditions)',
      'ar/common.json: home.pastEditions_other uses {{}} but German uses {{count}}',
      'ar/anotherNamespace.json: the file is missing or not registered in app/locales/index.ts',
    ]);
  });

  it('translates with plural rules per language', () => {
    expect(translator('de')('home.pastEditions', { count: 1 })).toBe('1 frühere Ausgabe');
    expect(translator('de')('home.pastEditions', { count: 3 })).toBe('3 frühere Ausgaben');
    expect(translator('en')('home.pastEditions', { count: 1 })).toBe('1 past edition');
    const ar = translator('ar');
    expect([0, 1, 2, 3, 11, 100].map((count) => ar('home.pastEditions', { count }))).toEqual([
      'لا توجد دورات سابقة',
      'دورة سابقة واحدة',
      'دورتان سابقتان',
      '3 دورات سابقة',
      '11 دورة سابقة',
      '100 دورة سابقة',
    ]);
    const ro = translator('ro');
    expect([1, 2, 19, 20].map((count) => ro('home.pastEditions', { count }))).toEqual([
      '1 ediție anterioară',
      '2 ediții anterioare',
      '19 ediții anterioare',
      '20 de ediții anterioare',
    ]);
    expect(translator('bg')('organisations.intro', { count: 11 })).toBe('11 организации се представят на фестивалите в града.');
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
