/**
 * One translator semantics (docs/decisions/103): every key of every locale and namespace goes
 * through i18next (configured as Festplatz configured it) and through `translate.ts`, with the
 * same options, on the server's store (all languages) and the browser's (one language); the
 * answers must be equal. Then the features no locale string uses today, on made-up strings.
 */
import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '~/locales/index';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './i18n';
import { createTranslator, type Bundles, type TranslateOptions } from './translate';

type Store = Partial<Record<string, Bundles>>;

function i18nextFor(store: Store, lng: string) {
  const instance = i18next.createInstance({
    lng,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    resources: Object.fromEntries(Object.entries(store).map(([l, b]) => [l, { ...b }])),
    ns: Object.keys(store[lng] ?? store[DEFAULT_LOCALE] ?? { common: {} }),
    defaultNS: 'common',
    initAsync: false,
    returnNull: false,
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  } as Parameters<typeof i18next.createInstance>[0]);
  void instance.init();
  return instance;
}

function pair(store: Store, lng: string) {
  const reference = i18nextFor(store, lng);
  const ours = createTranslator({ store, lng, fallbackLng: DEFAULT_LOCALE, defaultNS: 'common' });
  const call = reference.t as unknown as (...args: unknown[]) => unknown;
  return {
    compare(key: string | string[], options?: TranslateOptions | string) {
      const args = options === undefined ? [key] : [key, options];
      // each side gets its own copy: neither may see what the other did to the options
      const copy = (a: unknown[]) => a.map((x) => (typeof x === 'object' && x !== null && !Array.isArray(x) ? { ...x } : x));
      const expected = call(...copy(args));
      const actual = (ours.t as unknown as (...a: unknown[]) => unknown)(...copy(args));
      return { key, options, expected, actual };
    },
    exists: (key: string) => ({ key, expected: reference.exists(key), actual: ours.exists(key) }),
  };
}

function leaves(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}
const PLURAL = /_(zero|one|two|few|many|other)$/;
const variablesOf = (text: string) => [...new Set([...text.matchAll(/\{\{-?([^}]+)\}\}/g)].map((m) => m[1]!.trim()))];

/** For a variable inside `$t(ns:a.b.{{v}})`, the keys that exist under `ns:a.b`; others get sample texts. */
function samplesFor(text: string, name: string): unknown[] {
  const nested = new RegExp(`\\$t\\(([\\w-]+):([\\w.]*)\\{\\{${name.replace('.', '\\.')}\\}\\}`).exec(text);
  if (nested) {
    const [, ns, path] = nested;
    let node: unknown = (resources as unknown as Store)[DEFAULT_LOCALE]?.[ns!];
    for (const part of path!.split('.').filter(Boolean)) node = (node as Record<string, unknown> | undefined)?.[part];
    return [...Object.keys((node as object) ?? {}), 'no-such-key'];
  }
  return ['Ayşe & Co. <b>"Tanz"</b> / 1', 7];
}

const root = path.resolve(import.meta.dirname, '../..');
const COUNTS = [0, 1, 2, 3, 5, 11, 21, 101, 1.5];
const allStore = resources as unknown as Store;

describe('one translator semantics: translate.ts answers as i18next does', () => {
  it('uses no i18next feature translate.ts leaves out (formats, post-processing)', () => {
    const offending = Object.entries(allStore).flatMap(([lng, bundles]) =>
      Object.entries(bundles ?? {}).flatMap(([ns, tree]) =>
        leaves(tree)
          .filter(([, text]) => /\{\{[^}]*,[^}]*\}\}/.test(text) || /\$t\([^)]*\)\s*,/.test(text))
          .map(([key]) => `${lng}/${ns}:${key}`),
      ),
    );
    expect(offending).toEqual([]);
  });

  it('is not called with an option translate.ts leaves out (ordinals, lngs, replace, plural defaults, escaping, objects)', () => {
    const offending: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') && !file.endsWith(path.join('lib', 'translate.ts'))) {
          const source = fs.readFileSync(file, 'utf8');
          for (const m of source.matchAll(/\b(ordinal|lngs|returnObjects|returnDetails|joinArrays|postProcess|defaultValue_\w+|escapeValue|replace)\s*:\s*(?!false\b)[^,}\s]+/g)) offending.push(`${path.relative(root, file)}: ${m[0]}`);
        }
      }
    };
    for (const dir of ['app', 'emails']) walk(path.join(root, dir));
    expect(offending).toEqual([]);
  });

  for (const locale of LOCALES as readonly Locale[]) {
    it(`every key of ${locale}, in every namespace, with and without values, counts and context, on the server and in the browser`, () => {
      const browserStore: Store = { [locale]: allStore[locale] };
      const differences: unknown[] = [];
      let calls = 0;
      for (const store of [allStore, browserStore]) {
        const both = pair(store, locale);
        const check = (key: string | string[], options?: TranslateOptions | string) => {
          calls++;
          const r = both.compare(key, options);
          if (r.expected !== r.actual) differences.push(r);
        };
        for (const [ns, tree] of Object.entries(allStore[locale] ?? {})) {
          const bases = new Map<string, Set<string>>();
          for (const [key, text] of leaves(tree)) {
            const base = key.replace(PLURAL, '');
            const names = bases.get(base) ?? new Set<string>();
            for (const v of variablesOf(text)) names.add(v);
            bases.set(base, names);
            check(`${ns}:${key}`);
          }
          for (const [base, names] of bases) {
            const text = leaves(tree).find(([k]) => k.replace(PLURAL, '') === base)![1];
            const full = `${ns}:${base}`;
            const valueSets: TranslateOptions[] = [{}];
            for (const name of names) {
              const next: TranslateOptions[] = [];
              for (const set of valueSets) for (const sample of samplesFor(text, name)) next.push({ ...set, [name]: sample });
              valueSets.splice(0, valueSets.length, ...next.slice(0, 24));
            }
            const plural = leaves(tree).some(([k]) => k !== base && k.replace(PLURAL, '') === base);
            for (const values of valueSets) {
              check(full, values);
              check(base, { ...values, ns });
              check(full, { ...values, context: 'festival' });
              check(full, { ...values, interpolation: { escapeValue: false } });
              if (plural) for (const count of COUNTS) check(full, { ...values, count });
            }
            if (names.size) check(full, Object.fromEntries([...names].map((n) => [n, undefined])));
            if (plural) check(full, { count: 1, context: 'festival' });
            check([`${ns}:${base}.missing`, full]);
            check(full, { defaultValue: 'Vorgabe {{name}}', name: 'x' });
            check(full, 'Vorgabe');
          }
        }
        for (const key of ['fallback.notice', 'no.such.key', 'public:no.such', 'nosuchns:key', 'public:offline', 'Hello, world: what?']) {
          check(key);
          check(key, { defaultValue: 'Vorgabe {{count}}', count: 3 });
          check(key, 'Vorgabe');
          const e = both.exists(key);
          if (e.expected !== e.actual) differences.push(e);
        }
      }
      expect(differences.slice(0, 10)).toEqual([]);
      expect(calls).toBeGreaterThan(1_000);
    });
  }

  it('agrees on what no locale string uses yet: context, nesting with options, {{- }}, recursion', () => {
    const store: Store = {
      de: {
        common: {
          friend: 'ein Freund',
          friend_male: 'ein Freund (m)',
          friend_female: 'eine Freundin',
          friend_female_one: 'eine Freundin ({{count}})',
          friend_female_other: '{{count}} Freundinnen',
          apples_zero: 'keine Äpfel',
          apples_one: 'ein Apfel',
          apples_other: '{{count}} Äpfel',
          basket: 'Im Korb: $t(apples, {"count": {{n}} })',
          basketSingle: "Im Korb: $t(apples, {'count': 1})",
          basketInherited: 'Im Korb: $t(apples)',
          self: 'ich: $t(self)',
          twice: '$t(friend) und $t(common:friend, {"context": "female", "count": 2})',
          raw: 'roh {{- html}} und {{html}}',
          group: { leaf: 'Blatt' },
          deep: 'tief {{user.name}}, {{user.missing}}',
          broken: 'kaputt $t(friend, {nope)',
          inserted: 'eingesetzt {{value}}',
          notANumber: 'Anzahl {{count}}',
        },
        other: { hello: 'Hallo {{name}} aus other' },
      },
      tr: { common: { friend: 'bir arkadaş', apples_one: '{{count}} elma', apples_other: '{{count}} elma' } },
    };
    const differences: unknown[] = [];
    for (const lng of ['de', 'tr']) {
      const both = pair(store, lng);
      const cases: [string | string[], (TranslateOptions | string)?][] = [
        ['friend', { context: 'male' }],
        ['friend', { context: 'female' }],
        ['friend', { context: 'female', count: 1 }],
        ['friend', { context: 'female', count: 4 }],
        ['friend', { context: '' }],
        ['friend', { context: 3 }],
        ['apples', { count: 0 }],
        ['apples', { count: '3' }],
        ['basket', { n: 1 }],
        ['basket', { n: 5 }],
        ['basketSingle'],
        ['basketInherited', { count: 4 }],
        ['self'],
        ['twice'],
        ['raw', { html: '<b>{{x}}</b>', x: 'no' }],
        ['deep', { user: { name: 'Aylin' } }],
        ['group'],
        ['group.leaf'],
        ['nothing', { count: 0, defaultValue: 'einige' }],
        ['raw', { html: undefined }],
        ['group', { defaultValue: 'Gruppe' }],
        ['broken'],
        ['inserted', { value: '{{value}} $t(friend)' }],
        ['notANumber', { count: 2 }],
        ['other:hello', { name: 'Emre' }],
        ['hello', { ns: 'other', name: 'Emre' }],
        ['hello', { ns: ['common', 'other'], name: 'Emre' }],
        [['nope', 'other:hello'], { name: 'Emre' }],
        ['missing {{name}}', { name: 'Emre' }],
        ['apples', { count: 3, lng: 'de' }],
      ];
      for (const [key, options] of cases) {
        const r = both.compare(key, options);
        if (r.expected !== r.actual) differences.push({ lng, ...r });
      }
    }
    expect(differences).toEqual([]);
  });
});
