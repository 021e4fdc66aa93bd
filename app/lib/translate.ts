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
 *   language, a missing key answered with the key, `defaultValue` (also as the second argument),
 *   `lng`
 * - interpolation `{{name}}`, `{{a.b}}` and `{{- name}}`, never escaped (as configured: React
 *   escapes); a variable not given stays as written, one given as undefined becomes empty;
 *   inserted values are not read again
 * - plurals `key_zero|one|two|few|many|other` from `Intl.PluralRules` (`count: 0` tries `_zero`
 *   first in every language), `context` (`key_male`, `key_male_one`)
 * - nesting `$t(ns:key)` and `$t(key, {"count": 2})`, after interpolation, with the outer values
 * Not supported, because neither a locale string nor a call uses them (the test fails if one
 * starts to): formats (`{{x, number}}`, `$t(key), uppercase`), ordinals, `lngs`, `replace`,
 * `defaultValue_<plural form>`, escaping values, keys with dots in the JSON, `returnObjects`.
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

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralSuffix(code: string, count: number): string {
  let rule = pluralRules.get(code);
  if (!rule) {
    rule = new Intl.PluralRules(code);
    pluralRules.set(code, rule);
  }
  return `_${rule.select(count)}`;
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

/** A string at a dotted key of a namespace. */
const lookup = (tree: unknown, key: string): unknown => (tree && typeof tree === 'object' ? valueAt(tree as TranslateOptions, key) : undefined);

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
    const zero = plural && opt.count === 0;
    const context = opt.context !== undefined && (typeof opt.context === 'string' || typeof opt.context === 'number') && opt.context !== '';
    for (const k of keys) {
      if (valid(found)) break;
      const { key, namespaces } = extract(k, opt);
      const codes = hierarchy((opt.lng as string | undefined) || language);
      for (const ns of namespaces) {
        if (valid(found)) break;
        for (const code of codes) {
          if (valid(found)) break;
          const candidates = [key];
          const suffix = plural ? pluralSuffix(code, Number(opt.count)) : '';
          if (plural) {
            candidates.push(key + suffix);
            if (zero) candidates.push(`${key}_zero`);
          }
          if (context) {
            const contextKey = `${key}_${String(opt.context)}`;
            candidates.push(contextKey);
            if (plural) {
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

  /** `blankGiven`: a variable given as undefined becomes empty (not so in nesting options). */
  function interpolate(str: string, data: TranslateOptions, blankGiven = true): string {
    const passes = [new RegExp(UNESCAPED.source, 'g'), new RegExp(PLAIN.source, 'g')];
    const unescaped: [number, number][] = [];
    let shift = 0;
    passes.forEach((regex, index) => {
      let replaces = 0;
      let match: RegExpExecArray | null;
      while ((match = regex.exec(str))) {
        const at = match.index - shift;
        const written = unescaped.find(([start, end]) => at >= start && at < end);
        if (written) {
          regex.lastIndex = written[1] + shift;
          continue;
        }
        const name = match[1]!.trim();
        let value = valueAt(data, name);
        if (value === undefined) {
          if (blankGiven && own(data, name)) value = '';
          else continue; // left as written
        }
        const safe = makeString(value);
        str = str.slice(0, match.index) + safe + str.slice(match.index + match[0].length);
        if (index === 0) unescaped.push([match.index, match.index + safe.length]);
        else shift += safe.length - match[0].length;
        regex.lastIndex += safe.length - match[0].length;
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
      delete cloned.defaultValue;
      let inner = match[1]!;
      const keyEnd = /{.*}/s.test(inner) ? inner.lastIndexOf('}') + 1 : inner.indexOf(',');
      if (keyEnd !== -1) inner = inner.slice(0, keyEnd);
      let key = inner.trim();
      if (key.includes(',')) {
        const parts = key.split(/,[ ]*{/);
        key = parts[0]!;
        let json = interpolate(`{${parts[1]}`, cloned, false);
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
    let res = resolve(keys, opt);
    const hasDefault = opt.defaultValue !== undefined;
    const defaultValue = opt.defaultValue;
    if (isObject(!res && hasDefault ? defaultValue : res)) return `key '${key} (${language})' returned an object instead of string.`;
    if (!valid(res) && hasDefault) res = defaultValue;
    if (!valid(res)) res = key;
    return extend(makeString(res), keys, opt, lastKey);
  }

  function extend(res: string, keys: readonly string[], opt: TranslateOptions, lastKey?: readonly string[]): string {
    if (opt.skipInterpolation) return res;
    const before = count(res, NESTING);
    res = interpolate(res, opt);
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
