/**
 * What every form uses (ADR 077): Conform's form state for one zod schema over the shared
 * labelled controls (`useSchemaForm`), the errors over the form, and the one six-language
 * text block (German, or the languages given, first; the others behind "more languages",
 * opened when one of them has a text or an error).
 */
import { useMemo } from 'react';
import { useForm, type SubmissionResult } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { z } from 'zod';
import { ErrorSummary, Field } from './forms';
import { useI18n } from './i18n';
import { FormAlert, TextArea } from './registration';
import { decodeFieldError, firstError, keyErrorMap } from '~/lib/form-keys';
import type { FieldErrors } from '~/lib/forms';
import { directionOf, languageName, LOCALES, localeInfo, type Locale } from '~/lib/i18n';

/**
 * Conform for one form: the browser checks with the same schema (and the same translated
 * messages) as the server; the server's reply fills the form in again with its errors.
 */
export function useSchemaForm(
  schema: z.ZodType,
  lastResult: SubmissionResult<string[]> | null | undefined,
  defaultValue?: Record<string, string | string[] | undefined>,
  /** `raw`: the schema reads the fields as typed, an empty one as '' (not as missing); the server parses with the same option */
  options?: { raw?: boolean },
) {
  const [form, fields] = useForm({
    lastResult,
    defaultValue,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema, error: keyErrorMap, disableAutoCoercion: options?.raw }),
  });
  const fieldMap = fields as unknown as Record<string, { errors?: string[]; initialValue?: unknown } | undefined>;
  const value = (name: string): string | undefined => {
    const v = fieldMap[name]?.initialValue;
    return typeof v === 'string' ? v : undefined;
  };
  /** the chosen values of a repeated field (checkboxes) */
  const values = (name: string): string[] => {
    const v = fieldMap[name]?.initialValue;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' && v !== '' ? [v] : [];
  };
  const error = (name: string) => firstError(fieldMap[name]?.errors);
  // one object while the errors stay the same, so the error summary takes focus when they change, not on every keystroke
  const errorsKey = JSON.stringify(form.allErrors);
  const fieldErrors = useMemo(() => {
    const errors: FieldErrors = {};
    for (const [name, messages] of Object.entries(JSON.parse(errorsKey) as Record<string, string[]>)) {
      const decoded = decodeFieldError(messages[0]);
      // form-level errors sit under the empty name: they are the alert over the form, not a field in the summary
      if (decoded && name !== form.id && name !== '') errors[name] = decoded;
    }
    return errors;
  }, [errorsKey, form.id]);
  return { form, value, values, error, fieldErrors, formError: firstError(form.errors) };
}

export type SchemaForm = ReturnType<typeof useSchemaForm>;

/** The error summary (every field error, linked) and the form-level reason, over the form. */
export function SchemaFormErrors({ setup, labels }: { setup: SchemaForm; labels: Record<string, string> }) {
  return (
    <>
      <FormAlert message={setup.formError} />
      <ErrorSummary errors={setup.fieldErrors} labels={labels} />
    </>
  );
}

/** The label of one language's field: the language's own name, and its code. */
export type LanguageLabel = (language: string, code: Locale) => string;

/** Labels of the six-language fields, for the error summary. */
export function localizedLabels(prefix: string, label: LanguageLabel): Record<string, string> {
  return Object.fromEntries(LOCALES.map((code) => [`${prefix}_${code}`, label(localeInfo[code].name, code)]));
}

/** "Name (English)" in the reader's language: the labels of the places and program forms. */
export function inLanguage(t: (key: string, values?: Record<string, string>) => string, locale: Locale, field: string): LanguageLabel {
  return (_language, code) => t('places:inLanguage', { field, language: languageName(code, locale) });
}

/** One text in six languages: German (required or not) first, the others behind "more languages". */
export function LocalizedFields({
  setup,
  prefix,
  label,
  multiline = false,
  germanRequired,
  maxLength,
  hint,
  more,
  first,
  note,
}: {
  setup: SchemaForm;
  prefix: string;
  label: LanguageLabel;
  multiline?: boolean;
  germanRequired: boolean;
  maxLength: number;
  hint?: string;
  /** the summary of the other five languages, e.g. "Title in more languages" */
  more: string;
  /** the languages shown before "more languages" (German by default) */
  first?: readonly Locale[];
  /** the note under "more languages"; by default that an empty language shows the German text */
  note?: string | null;
}) {
  const { t } = useI18n();
  const shown: readonly Locale[] = first ?? ['de'];
  const others = LOCALES.filter((code) => !shown.includes(code));
  const control = (code: (typeof LOCALES)[number]) => {
    const name = `${prefix}_${code}`;
    const common = {
      name,
      lang: code,
      dir: directionOf(code),
      label: label(localeInfo[code].name, code),
      maxLength,
      defaultValue: setup.value(name),
      error: setup.error(name),
      required: code === 'de' && germanRequired,
      hint: code === shown[0] ? hint : undefined,
    };
    return multiline ? <TextArea key={name} {...common} /> : <Field key={name} type="text" {...common} />;
  };
  const open = others.some((code) => Boolean(setup.value(`${prefix}_${code}`)) || Boolean(setup.error(`${prefix}_${code}`)));
  return (
    <>
      {shown.map(control)}
      <details className="more-languages" open={open}>
        <summary>{more}</summary>
        {note === null ? null : <p className="hint">{note ?? t('setup:form.fallbackHint')}</p>}
        {others.map(control)}
      </details>
    </>
  );
}
