import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources } from '~/locales/index';
import { LOCALES, translator } from '~/lib/i18n';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, '');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('the registration translations', () => {
  const de = resources.de.registration;

  it('have every key in all six languages, and no other', () => {
    const expected = new Set(keys(de).map(base));
    for (const locale of LOCALES) {
      const got = new Set(keys(resources[locale].registration).map(base));
      expect([...expected].filter((k) => !got.has(k)), `missing in ${locale}`).toEqual([]);
      expect([...got].filter((k) => !expected.has(k)), `unknown in ${locale}`).toEqual([]);
    }
  });

  it('have every plural form each language needs (Arabic six, Romanian three)', () => {
    const plurals = [...new Set(keys(de).filter((k) => PLURAL.test(k)).map(base))];
    expect(plurals.length).toBeGreaterThan(3);
    for (const locale of LOCALES) {
      const present = new Set(keys(resources[locale].registration));
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const key of plurals) for (const c of categories) expect(present.has(`${key}_${c}`), `${locale}: ${key}_${c}`).toBe(true);
    }
  });

  it('cover every key the code uses', () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    const used = new Set<string>();
    for (const file of [...sourceFiles(path.join(root, 'app')), ...sourceFiles(path.join(root, 'emails'))]) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/registration:([a-zA-Z.]+[a-zA-Z])(?![$\w{])/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(150);
    const known = new Set(keys(de).map(base));
    expect([...used].filter((k) => !known.has(k) && ![...known].some((n) => n.startsWith(`${k}.`)))).toEqual([]);
  });

  it('name states inside messages in the reader’s language', () => {
    expect(translator('en')('registration:errors.illegalTransition', { from: 'withdrawn', to: 'approved' })).toBe(
      'Not possible: the application is “Withdrawn” and cannot become “Approved”.',
    );
    expect(translator('de')('registration:errors.illegalTransition', { from: 'withdrawn', to: 'approved' })).toBe(
      'Nicht möglich: Die Anmeldung ist „Zurückgezogen“ und kann nicht „Zugesagt“ werden.',
    );
    expect(translator('ar')('registration:office.count', { count: 2 })).toBe('طلبان');
    expect(translator('ro')('registration:office.count', { count: 20 })).toBe('20 de înscrieri');
  });
});
