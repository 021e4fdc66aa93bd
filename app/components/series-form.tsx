import type { SubmissionResult } from '@conform-to/react';
import { getFormProps } from '@conform-to/react';
import { Form } from '@remix-run/react';
import { Field } from './forms';
import { useI18n } from './i18n';
import { LocalizedFields, localizedLabels, SchemaFormErrors, useSchemaForm } from './schema-forms';
import { DESCRIPTION_MAX, seriesSchema, TITLE_MAX } from '~/domain/series/series.schema';

/** The series form of the office, to create one or edit it. */
export function SeriesForm({
  lastResult,
  defaultValue,
  submit,
  slugLocked,
}: {
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue?: Record<string, string | undefined>;
  submit: string;
  slugLocked: boolean;
}) {
  const { t } = useI18n();
  const setup = useSchemaForm(seriesSchema, lastResult, defaultValue);
  const titleLabel = (language: string) => t('setup:form.titleIn', { language });
  const descriptionLabel = (language: string) => t('setup:form.descriptionIn', { language });
  const labels = {
    ...localizedLabels('title', titleLabel),
    ...localizedLabels('description', descriptionLabel),
    slug: t('setup:form.slug'),
    contactEmail: t('setup:series.contactEmail'),
  };
  return (
    <>
      <SchemaFormErrors setup={setup} labels={labels} />
      <Form method="post" {...getFormProps(setup.form)} noValidate>
        <LocalizedFields setup={setup} prefix="title" label={titleLabel} germanRequired maxLength={TITLE_MAX} more={t('setup:form.moreTitles')} />
        <LocalizedFields setup={setup} prefix="description" label={descriptionLabel} multiline germanRequired={false} maxLength={DESCRIPTION_MAX} more={t('setup:form.moreDescriptions')} />
        {slugLocked ? (
          <p className="hint">{t('setup:series.slugLocked', { slug: setup.value('slug') ?? '' })}</p>
        ) : (
          <Field
            name="slug"
            type="text"
            label={labels.slug}
            hint={t('setup:series.slugHint')}
            maxLength={60}
            dir="ltr"
            autoCapitalize="none"
            spellCheck={false}
            defaultValue={setup.value('slug')}
            error={setup.error('slug')}
          />
        )}
        {slugLocked ? <input type="hidden" name="slug" value={setup.value('slug') ?? ''} /> : null}
        <Field
          name="contactEmail"
          type="email"
          label={labels.contactEmail}
          hint={t('setup:series.contactEmailHint')}
          maxLength={254}
          dir="ltr"
          autoComplete="off"
          defaultValue={setup.value('contactEmail')}
          error={setup.error('contactEmail')}
        />
        <p>
          <button type="submit">{submit}</button>
        </p>
      </Form>
    </>
  );
}
