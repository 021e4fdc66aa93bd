/**
 * The translator, on the server and in the browser: i18next's `t()` semantics for exactly what
 * Festplatz's locale files and call sites use, in a few hundred lines instead of i18next's
 * 17 KB gzip on every page (docs/decisions/103). `translate.test.ts` runs every key of every
 * locale and namespace through both this and i18next (with Festplatz's options) and asserts
 * the same output; i18next stays a dev dependency for that test only.
 *
 * Supported, as i18next does it (v26, options as in `i18n.ts`: fallback language German,
 * default namespace `common`, `:` between namespace and key, `.` between key parts, values not
 * escaped because React escapes):
 * - lookup of `ns:a.b.c` or `{ ns }`, arrays of keys (the first found), the fallback
 *   language, a missing key answered with the key, `defaultValue` (also as the second argument)
 * - interpolation `{{name}}`, `{{a.b}}` and `{{- name}}`; a variable not given stays as written,
 *   one given as undefined becomes empty; inserted values are not read again
 * - plurals `key_zero|one|two|few|many|other` from `Intl.PluralRules` (`count: 0` tries `_zero`
 *   first in every language), `ordinal: true` (`key_ordinal_one`...), `context` (`key_male`,
 *   `key_male_one`)
 * - nesting `$t(ns:key)` and `$t(key, {"count": 2})`, after interpolation, with the outer values
 * - `interpolation: { escapeValue: true }` per call (i18next's HTML entities)
 * Not supported (no locale string uses them; the test fails if one starts to): formats
 * (`{{x, number}}`, `$t(key), uppercase`), post-processors, `returnObjects`.
 */

export type Bundles = Record<string, Record<string, unknown>>;
export type TranslateOptions = Record<string, unknown>;
/** `t(key)`, `t(key, options)`, `t(key, 'default value')`, `t([key, fallbackKey], options)`. */
export type TFunction = (key: string | readonly string[], options?: TranslateOptions | string, more?: TranslateOptions) => string;

export interface Translator {
  t: TFunction;
  exists: (key: string | readonly string[], options?: TranslateOptions) => boolean;
}

const NOT_OBJECT_PATH = /( |,|\?|!|;)/;
const NESTING = /\$t\(((?:[^()"']|"[^"]*"|'[^']*'|\((?:[^()"']|"[^"]*"|'[^']*')*\))*?)\)/g;
const UNESCAPED = /\{\{-(.+?)\}\}/g;
const PLAIN = /\{\{(.+?)\}\}/g;
const MAX_REPLACES = 1000;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '/': '&#x2F;' };

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralSuffix(code: string, count: number, ordinal: boolean): string {
  const memo = `${code}|${ordinal}`;
  let rule = pluralRules.get(memo);
  if (!rule) {
    rule = new Intl.PluralRules(code.replace(/_/g, '-'), { type: ordinal ? 'ordinal' : 'cardinal' });
    pluralRules.set(memo, rule);
  }
  return `_${ordinal ? 'ordinal_' : ''}${rule.select(count)}`;
}

const makeString = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const isObject = (v: unknown) => typeof v !== 'string' && typeof v !== 'boolean' && typeof v !== 'number' && v !== undefined && v !== null;
const valid = (v: unknown) => v !== undefined && v !== null;
const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

/** i18next's `looksLikeObjectPath`: "public:a.b" splits at ":", "Hello: world" does not. */
function looksLikeObjectPath(key: string): boolean {
  if (!NOT_OBJECT_PATH.test(key)) return true;
  const dot = key.indexOf('.');
  return dot > 0 && !NOT_OBJECT_PATH.test(key.substring(0, dot));
}

/** A value at a dotted path ("user.name") of the interpolation values. */
function valueAt(data: TranslateOptions, path: string): unknown {
  let current: unknown = data;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || !own(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** A string at a dotted key of a namespace; a key with literal dots ("a.b": ...) is found too. */
function lookup(tree: unknown, key: string): unknown {
  if (!tree || typeof tree !== 'object') return undefined;
  const direct = valueAt(tree as TranslateOptions, key);
  if (direct !== undefined && direct !== null) return direct;
  // i18next's deepFind: segments joined by dots may be one key
  const tokens = key.split('.');
  let current: unknown = tree;
  for (let i = 0; i < tokens.length; ) {
    if (!current || typeof current !== 'object') return undefined;
    let next: unknown;
    let path = '';
    for (let j = i; j < tokens.length; ++j) {
      path += (j === i ? '' : '.') + tokens[j];
      next = own(current, path) ? (current as Record<string, unknown>)[path] : undefined;
      if (next !== undefined) {
        if (['string', 'number', 'boolean'].includes(typeof next) && j < tokens.length - 1) continue;
        i = j + 1;
        break;
      }
    }
    if (next === undefined) return undefined;
    current = next;
  }
  return current;
}

export function createTranslator(config: { store: Partial<Record<string, Bundles>>; lng: string; fallbackLng: string; defaultNS: string }): Translator {
  const { store, lng: language, fallbackLng, defaultNS } = config;

  const extract = (k: string, opt: TranslateOptions) => {
    let namespaces = (opt.ns as string | string[] | undefined) || defaultNS;
    let key = k;
    if (k.includes(':') && looksLikeObjectPath(k) && !new RegExp(NESTING.source).test(k)) {
      const parts = k.split(':');
      namespaces = parts.shift()!;
      key = parts.join('.');
    }
    return { key, namespaces: typeof namespaces === 'string' ? [namespaces] : namespaces };
  };

  const hierarchy = (code: string) => (code === fallbackLng ? [code] : [code, fallbackLng]);

  function resolve(keys: readonly string[], opt: TranslateOptions): unknown {
    let found: unknown;
    const plural = opt.count !== undefined && typeof opt.count !== 'string';
    const zero = plural && !opt.ordinal && opt.count === 0;
    const context = opt.context !== undefined && (typeof opt.context === 'string' || typeof opt.context === 'number') && opt.context !== '';
    for (const k of keys) {
      if (valid(found)) break;
      const { key, namespaces } = extract(k, opt);
      const codes = (opt.lngs as string[] | undefined) ?? hierarchy((opt.lng as string | undefined) || language);
      for (const ns of namespaces) {
        if (valid(found)) break;
        for (const code of codes) {
          if (valid(found)) break;
          const candidates = [key];
          const suffix = plural ? pluralSuffix(code, Number(opt.count), Boolean(opt.ordinal)) : '';
          if (plural) {
            if (opt.ordinal && suffix.startsWith('_ordinal_')) candidates.push(key + suffix.replace('_ordinal_', '_'));
            candidates.push(key + suffix);
            if (zero) candidates.push(`${key}_zero`);
          }
          if (context) {
            const contextKey = `${key}_${String(opt.context)}`;
            candidates.push(contextKey);
            if (plural) {
              if (opt.ordinal && suffix.startsWith('_ordinal_')) candidates.push(contextKey + suffix.replace('_ordinal_', '_'));
              candidates.push(contextKey + suffix);
              if (zero) candidates.push(`${contextKey}_zero`);
            }
          }
          let candidate: string | undefined;
          while ((candidate = candidates.pop()) !== undefined) if (!valid(found)) found = lookup(store[code]?.[ns], candidate);
        }
      }
    }
    return found;
  }

  function interpolate(str: string, data: TranslateOptions, opt: TranslateOptions): string {
    const escape = (opt.interpolation as { escapeValue?: boolean } | undefined)?.escapeValue === true;
    const passes = [
      { regex: new RegExp(UNESCAPED.source, 'g'), safe: (v: string) => v },
      { regex: new RegExp(PLAIN.source, 'g'), safe: (v: string) => (escape ? v.replace(/[&<>"'/]/g, (c) => ENTITIES[c]!) : v) },
    ];
    const unescaped: [number, number][] = [];
    let shift = 0;
    passes.forEach((pass, index) => {
      let replaces = 0;
      let match: RegExpExecArray | null;
      while ((match = pass.regex.exec(str))) {
        const at = match.index - shift;
        const written = unescaped.find(([start, end]) => at >= start && at < end);
        if (written) {
          pass.regex.lastIndex = written[1] + shift;
          continue;
        }
        const name = match[1]!.trim();
        let value = valueAt(data, name);
        if (value === undefined) {
          if (own(opt, name)) value = '';
          else continue; // left as written
        } else if (typeof value !== 'string') value = makeString(value);
        const safe = makeString(pass.safe(value as string));
        str = str.slice(0, match.index) + safe + str.slice(match.index + match[0].length);
        if (index === 0) unescaped.push([match.index, match.index + safe.length]);
        else shift += safe.length - match[0].length;
        pass.regex.lastIndex += safe.length - match[0].length;
        if (++replaces >= MAX_REPLACES) break;
      }
    });
    return str;
  }

  function nest(str: string, translateNested: (key: string, opt: TranslateOptions) => string | null, options: TranslateOptions): string {
    const regex = new RegExp(NESTING.source, 'g');
    let out = '';
    let lastEnd = 0;
    let match: RegExpExecArray | null;
    while ((match = regex.exec(str))) {
      let cloned: TranslateOptions = { ...options };
      cloned = cloned.replace && typeof cloned.replace !== 'string' ? (cloned.replace as TranslateOptions) : cloned;
      delete cloned.defaultValue;
      let inner = match[1]!;
      const keyEnd = /{.*}/s.test(inner) ? inner.lastIndexOf('}') + 1 : inner.indexOf(',');
      if (keyEnd !== -1) inner = inner.slice(0, keyEnd);
      let key = inner.trim();
      if (key.includes(',')) {
        const parts = key.split(/,[ ]*{/);
        key = parts[0]!;
        let json = interpolate(`{${parts[1]}`, cloned, {});
        const single = json.match(/'/g)?.length ?? 0;
        const double = json.match(/"/g)?.length ?? 0;
        if ((single % 2 === 0 && double === 0) || double % 2 !== 0) json = json.replace(/'/g, '"');
        try {
          cloned = { ...cloned, ...(JSON.parse(json) as TranslateOptions) };
          if (typeof cloned.defaultValue === 'string' && cloned.defaultValue.includes('{{')) delete cloned.defaultValue;
        } catch {
          key = `${key},${json}`;
        }
      }
      const value = makeString(translateNested(key, cloned));
      out += str.slice(lastEnd, match.index) + value;
      lastEnd = regex.lastIndex;
    }
    return lastEnd ? out + str.slice(lastEnd) : str;
  }

  function translate(input: string | readonly string[] | null | undefined, given: TranslateOptions, lastKey?: readonly string[]): string {
    if (input === null || input === undefined) return '';
    const opt: TranslateOptions = { ...given };
    const keys = (Array.isArray(input) ? input : [input]).map(String);
    const { key } = extract(keys[keys.length - 1]!, opt);
    const lng = (opt.lng as string | undefined) || language;
    let res = resolve(keys, opt);
    const plural = opt.count !== undefined && typeof opt.count !== 'string';
    const hasDefault = Object.keys(opt).some((o) => o.startsWith('defaultValue') && opt[o] !== undefined);
    const suffix = plural ? pluralSuffix(lng, Number(opt.count), Boolean(opt.ordinal)) : '';
    const ordinalFallback = opt.ordinal && plural ? pluralSuffix(lng, Number(opt.count), false) : '';
    const defaultValue = (plural && !opt.ordinal && opt.count === 0 && opt.defaultValue_zero) || opt[`defaultValue${suffix}`] || opt[`defaultValue${ordinalFallback}`] || opt.defaultValue;
    if (isObject(!res && hasDefault ? defaultValue : res)) return `key '${key} (${language})' returned an object instead of string.`;
    if (!valid(res) && hasDefault) res = defaultValue;
    if (!valid(res)) res = key;
    return extend(makeString(res), keys, opt, lastKey);
  }

  function extend(res: string, keys: readonly string[], opt: TranslateOptions, lastKey?: readonly string[]): string {
    if (opt.skipInterpolation) return res;
    const before = count(res, NESTING);
    const data = opt.replace && typeof opt.replace !== 'string' ? (opt.replace as TranslateOptions) : opt;
    res = interpolate(res, data, opt);
    if (before < count(res, NESTING)) opt.nest = false;
    if (!opt.lng) opt.lng = language;
    if (opt.nest !== false) res = nest(res, (k, o) => (lastKey?.[0] === k && !opt.context ? null : translate(k, o, keys)), opt);
    return res;
  }

  /** i18next's reading of t()'s arguments: an object is the options, a string the default value. */
  const t: TFunction = (key, options, more) => {
    let opt: TranslateOptions = {};
    if (typeof options === 'object' && options !== null) opt = options;
    if (typeof options === 'string') opt = { defaultValue: options };
    if (typeof more === 'object' && more !== null) opt = { ...opt, ...more };
    return translate(key, opt);
  };

  const exists = (key: string | readonly string[], options: TranslateOptions = {}) => {
    if (key === null || key === undefined) return false;
    return resolve((Array.isArray(key) ? key : [key]).map(String), { ...options }) !== undefined;
  };

  return { t, exists };
}
