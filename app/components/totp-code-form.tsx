import { Form } from '@remix-run/react';
import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { secondFactorCodeSchema } from '~/domain/people/sign-in.schema';
import { ErrorSummary, Field } from './forms';
import { useI18n } from './i18n';
import { useSchemaForm } from './schema-forms';

/** The six-digit code from the authenticator app, with its errors. */
export function TotpCodeForm({ lastResult, label, submit }: { lastResult: SubmissionResult<string[]> | undefined; label: string; submit: string }) {
  const { t } = useI18n();
  const setup = useSchemaForm(secondFactorCodeSchema, lastResult);
  return (
    <>
      <ErrorSummary errors={setup.fieldErrors} labels={{ code: t('admin:twoFactor.code') }} />
      <Form method="post" {...getFormProps(setup.form)} noValidate>
        <Field name="code" label={label} inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={7} required error={setup.error('code')} />
        <p>
          <button type="submit">{submit}</button>
        </p>
      </Form>
    </>
  );
}
