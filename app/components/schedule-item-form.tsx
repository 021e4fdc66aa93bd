/** The fields of a program item, for the "new" and the "edit" page. */
import type { ReactNode, SelectHTMLAttributes } from 'react';
import { ACCESSIBILITY_FLAGS, PROGRAM_CATEGORIES } from '~/domain/organisations/categories';
import type { FieldError } from '~/lib/forms';
import type { Locale } from '~/lib/i18n';
import { localizedValues } from '~/lib/localized-fields';
import { formatDay } from '~/lib/time';
import { Field, FieldFrame, useFieldError } from './forms';
import { useI18n } from './i18n';
import { inLanguage, LocalizedFields, localizedLabels, type SchemaForm } from './schema-forms';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name'> {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: FieldError;
  options: { value: string; label: string }[];
}

export function SelectField({ name, label, hint, error, options, id, ...select }: SelectFieldProps) {
  return (
    <FieldFrame name={name} id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <select {...control} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

export function TextAreaField({ name, label, error, defaultValue }: { name: string; label: ReactNode; error?: FieldError; defaultValue: string }) {
  return (
    <FieldFrame name={name} label={label} error={error}>
      {(control) => <textarea {...control} rows={3} defaultValue={defaultValue} />}
    </FieldFrame>
  );
}

/** `title_de` … `description_bg`: the item's texts in the six content languages. */
export type ItemTextValues = Record<`${'title' | 'description'}_${Locale}`, string>;

export interface ItemFormValues extends ItemTextValues {
  stage_id: string;
  day: string;
  start: string;
  end: string;
  category: string;
  languages: string;
  accessibility: string[];
  host_organisation_id: string;
  registration_id: string;
  repeat?: string;
  repeat_until?: string;
}

export interface ItemFormOptions {
  days: string[];
  stages: { id: number; name: string }[];
  organisations: { id: number; name: string }[];
  registrations: { id: number; organisation_name: string; stage_act_title: string | null; state: string }[];
}

/** The texts of a stored item as form values, every language (empty where there is none). */
export function itemTextValues(title: string, description: string): ItemTextValues {
  return { ...localizedValues(title, 'title'), ...localizedValues(description, 'description') } as ItemTextValues;
}

export function itemFieldLabels(t: (key: string, values?: Record<string, string>) => string, locale: Locale): Record<string, string> {
  return {
    ...localizedLabels('title', inLanguage(t, locale, t('places:item.title'))),
    ...localizedLabels('description', inLanguage(t, locale, t('places:item.description'))),
    stage_id: t('schedule:item.stage'),
    day: t('schedule:item.day'),
    start: t('schedule:item.start'),
    end: t('schedule:item.end'),
    category: t('schedule:item.category'),
    languages: t('schedule:item.languages'),
    accessibility: t('schedule:item.accessibility'),
    host_organisation_id: t('schedule:item.host'),
    registration_id: t('schedule:item.registration'),
    repeat: t('schedule:item.repeat'),
    repeat_until: t('schedule:item.repeatUntil'),
  };
}

export function ItemFields({ setup, options, withRepeat }: { setup: SchemaForm; options: ItemFormOptions; withRepeat: boolean }) {
  const { t, text, locale } = useI18n();
  const dayOptions = options.days.map((d) => ({ value: d, label: formatDay(d, locale) }));
  const accessibilityError = useFieldError(setup.error('accessibility'));
  return (
    <>
      <LocalizedFields setup={setup} prefix="title" label={inLanguage(t, locale, t('places:item.title'))} germanRequired maxLength={200} more={t('places:otherLanguages', { field: t('places:item.title') })} />
      <LocalizedFields
        setup={setup}
        prefix="description"
        label={inLanguage(t, locale, t('places:item.description'))}
        multiline
        germanRequired={false}
        maxLength={2000}
        more={t('places:otherLanguages', { field: t('places:item.description') })}
      />
      <SelectField
        name="stage_id"
        label={t('schedule:item.stage')}
        defaultValue={setup.value('stage_id')}
        error={setup.error('stage_id')}
        options={options.stages.map((s) => ({ value: String(s.id), label: text(s.name).text }))}
      />
      <SelectField name="day" label={t('schedule:item.day')} defaultValue={setup.value('day')} error={setup.error('day')} options={dayOptions} />
      <div className="field-row">
        <Field name="start" type="time" step={300} label={t('schedule:item.start')} defaultValue={setup.value('start')} error={setup.error('start')} required />
        <Field name="end" type="time" step={300} label={t('schedule:item.end')} hint={t('schedule:item.endHint')} defaultValue={setup.value('end')} error={setup.error('end')} required />
      </div>
      {withRepeat ? (
        <fieldset className="fieldset">
          <legend>{t('schedule:item.repeat')}</legend>
          <p className="hint">{t('schedule:item.repeatHint')}</p>
          <SelectField
            name="repeat"
            label={t('schedule:item.repeat')}
            defaultValue={setup.value('repeat') ?? 'none'}
            error={setup.error('repeat')}
            options={[
              { value: 'none', label: t('schedule:item.repeatNone') },
              { value: 'daily', label: t('schedule:item.repeatDaily') },
            ]}
          />
          <SelectField name="repeat_until" label={t('schedule:item.repeatUntil')} defaultValue={setup.value('repeat_until') ?? ''} error={setup.error('repeat_until')} options={[{ value: '', label: '–' }, ...dayOptions]} />
        </fieldset>
      ) : null}
      <SelectField
        name="category"
        label={t('schedule:item.category')}
        defaultValue={setup.value('category')}
        error={setup.error('category')}
        options={PROGRAM_CATEGORIES.map((c) => ({ value: c, label: t(`programCategories.${c}`) }))}
      />
      <Field name="languages" type="text" label={t('schedule:item.languages')} hint={t('schedule:item.languagesHint')} defaultValue={setup.value('languages')} error={setup.error('languages')} />
      <fieldset className="fieldset" aria-describedby={accessibilityError ? 'field-accessibility-error' : undefined}>
        <legend>{t('schedule:item.accessibility')}</legend>
        {ACCESSIBILITY_FLAGS.map((flag) => (
          <label key={flag} className="checkbox">
            <input type="checkbox" name="accessibility" value={flag} defaultChecked={setup.values('accessibility').includes(flag)} />
            {t(`accessibility.${flag}`)}
          </label>
        ))}
        {accessibilityError ? (
          <p className="field-error" id="field-accessibility-error">
            {accessibilityError}
          </p>
        ) : null}
      </fieldset>
      <SelectField
        name="host_organisation_id"
        label={t('schedule:item.host')}
        defaultValue={setup.value('host_organisation_id')}
        error={setup.error('host_organisation_id')}
        options={[{ value: '', label: t('schedule:item.noHost') }, ...options.organisations.map((o) => ({ value: String(o.id), label: o.name }))]}
      />
      <SelectField
        name="registration_id"
        label={t('schedule:item.registration')}
        defaultValue={setup.value('registration_id')}
        error={setup.error('registration_id')}
        options={[
          { value: '', label: t('schedule:item.noRegistration') },
          ...options.registrations.map((r) => ({ value: String(r.id), label: `${r.stage_act_title ?? ''} – ${r.organisation_name} (${t(`registration:states.${r.state}`)})` })),
        ]}
      />
    </>
  );
}
