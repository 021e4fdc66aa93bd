import { Form } from '@remix-run/react';
import type { FieldErrors } from '~/lib/forms';
import { ErrorSummary, Field } from './forms';
import { useI18n } from './i18n';

/** The six-digit code from the authenticator app, with its errors. */
export function TotpCodeForm({ errors, label, submit }: { errors: FieldErrors | undefined; label: string; submit: string }) {
  const { t } = useI18n();
  return (
    <>
      <ErrorSummary errors={errors} labels={{ code: t('admin:twoFactor.code') }} />
      <Form method="post" noValidate>
        <Field name="code" label={label} inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={7} required error={errors?.code} />
        <p>
          <button type="submit">{submit}</button>
        </p>
      </Form>
    </>
  );
}
