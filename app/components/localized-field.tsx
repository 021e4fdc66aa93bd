/**
 * One text in the six content languages: German first (the text everyone falls back to),
 * the others under "other languages", opened when one of them has a value or an error.
 */
import type { FieldErrors } from '~/lib/forms';
import { directionOf, languageName, LOCALES } from '~/lib/i18n';
import { Field } from './forms';
import { useI18n } from './i18n';
import { TextArea } from './registration';

export function localizedLabels(t: (key: string, values?: Record<string, string>) => string, locale: Parameters<typeof languageName>[1], name: string, field: string): Record<string, string> {
  return Object.fromEntries(LOCALES.map((code) => [`${name}_${code}`, t('places:inLanguage', { field, language: languageName(code, locale) })]));
}

export function LocalizedField({
  name,
  field,
  values,
  errors,
  required = false,
  multiline = false,
  maxLength,
}: {
  name: string;
  /** the field's name in words, e.g. "Name" */
  field: string;
  values: Record<string, string>;
  errors?: FieldErrors;
  required?: boolean;
  multiline?: boolean;
  maxLength: number;
}) {
  const { t, locale } = useI18n();
  const labels = localizedLabels(t, locale, name, field);
  const control = (code: (typeof LOCALES)[number]) => {
    const key = `${name}_${code}`;
    const common = { name: key, lang: code, dir: directionOf(code), label: labels[key], maxLength, defaultValue: values[key] ?? '', error: errors?.[key] };
    return multiline ? <TextArea key={key} {...common} rows={3} required={code === 'de' && required} /> : <Field key={key} type="text" {...common} required={code === 'de' && required} />;
  };
  const others = LOCALES.filter((code) => code !== 'de');
  const open = others.some((code) => Boolean(values[`${name}_${code}`] || errors?.[`${name}_${code}`]));
  return (
    <>
      {control('de')}
      <details className="more-languages" open={open}>
        <summary>{t('places:otherLanguages', { field })}</summary>
        {others.map(control)}
      </details>
    </>
  );
}
