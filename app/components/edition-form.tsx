import type { SubmissionResult } from '@conform-to/react';
import { getFormProps } from '@conform-to/react';
import { Form } from '@remix-run/react';
import { Field } from './forms';
import { useI18n } from './i18n';
import { Select } from './registration';
import { LocalizedFields, localizedLabels, SchemaFormErrors, useSchemaForm } from './schema-forms';
import { editionSchema } from '~/domain/editions/edition.schema';
import { DESCRIPTION_MAX, TITLE_MAX } from '~/domain/series/series.schema';

/** The edition form of the office: texts in six languages, the days, the registration window in Berlin time. */
export function EditionForm({
  lastResult,
  defaultValue,
  submit,
  slugLocked,
  series,
}: {
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue?: Record<string, string | undefined>;
  submit: string;
  slugLocked: boolean;
  /** when creating: the series to choose from */
  series?: { id: number; label: string }[];
}) {
  const { t } = useI18n();
  const setup = useSchemaForm(editionSchema, lastResult, defaultValue);
  const titleLabel = (language: string) => t('setup:form.titleIn', { language });
  const descriptionLabel = (language: string) => t('setup:form.descriptionIn', { language });
  const labels = {
    ...localizedLabels('title', titleLabel),
    ...localizedLabels('description', descriptionLabel),
    seriesId: t('setup:edition.series'),
    slug: t('setup:form.slug'),
    startsOn: t('setup:edition.startsOn'),
    endsOn: t('setup:edition.endsOn'),
    opensAt: t('setup:edition.opensAt'),
    closesAt: t('setup:edition.closesAt'),
  };
  return (
    <>
      <SchemaFormErrors setup={setup} labels={labels} />
      <Form method="post" {...getFormProps(setup.form)} noValidate>
        <input type="hidden" name="intent" value="save" />
        {series ? (
          <Select
            name="seriesId"
            label={labels.seriesId}
            options={series.map((s) => ({ value: String(s.id), label: s.label }))}
            defaultValue={setup.value('seriesId')}
            error={setup.error('seriesId')}
          />
        ) : null}
        <LocalizedFields setup={setup} prefix="title" label={titleLabel} germanRequired maxLength={TITLE_MAX} more={t('setup:form.moreTitles')} />
        <LocalizedFields setup={setup} prefix="description" label={descriptionLabel} multiline germanRequired={false} maxLength={DESCRIPTION_MAX} more={t('setup:form.moreDescriptions')} />
        {slugLocked ? (
          <>
            <p className="hint">{t('setup:edition.slugLocked', { slug: setup.value('slug') ?? '' })}</p>
            <input type="hidden" name="slug" value={setup.value('slug') ?? ''} />
          </>
        ) : (
          <Field
            name="slug"
            type="text"
            label={labels.slug}
            hint={t('setup:edition.slugHint')}
            maxLength={60}
            dir="ltr"
            autoCapitalize="none"
            spellCheck={false}
            defaultValue={setup.value('slug')}
            error={setup.error('slug')}
          />
        )}
        <fieldset>
          <legend>{t('setup:edition.days')}</legend>
          <Field name="startsOn" type="date" label={labels.startsOn} required defaultValue={setup.value('startsOn')} error={setup.error('startsOn')} />
          <Field name="endsOn" type="date" label={labels.endsOn} hint={t('setup:edition.endsOnHint')} defaultValue={setup.value('endsOn')} error={setup.error('endsOn')} />
        </fieldset>
        <fieldset>
          <legend>{t('setup:edition.window')}</legend>
          <p className="hint">{t('setup:edition.windowHint')}</p>
          <Field name="opensAt" type="datetime-local" label={labels.opensAt} defaultValue={setup.value('opensAt')} error={setup.error('opensAt')} />
          <Field name="closesAt" type="datetime-local" label={labels.closesAt} defaultValue={setup.value('closesAt')} error={setup.error('closesAt')} />
        </fieldset>
        <p>
          <button type="submit">{submit}</button>
        </p>
      </Form>
    </>
  );
}
