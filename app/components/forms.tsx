import { useEffect, useRef, type InputHTMLAttributes, type ReactNode } from 'react';
import type { FieldError, FieldErrors } from '~/lib/forms';
import { useI18n } from './i18n';

export function useFieldError(error: FieldError | undefined): string | undefined {
  const { t } = useI18n();
  return error ? t(error.key, error.values ?? {}) : undefined;
}

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'name'> {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: FieldError;
}

/** What a form control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  name: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/**
 * The frame every labelled control shares: the label, a hint, the control (tied to both by
 * id, aria-invalid and aria-describedby) and its error shown next to it.
 */
export function FieldFrame({
  name,
  id,
  label,
  hint,
  error,
  children,
}: {
  name: string;
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: FieldError;
  children: (control: ControlProps) => ReactNode;
}) {
  const message = useFieldError(error);
  const fieldId = id ?? `field-${name}`;
  const describedBy = [hint ? `${fieldId}-hint` : null, message ? `${fieldId}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      {hint ? (
        <p className="hint" id={`${fieldId}-hint`}>
          {hint}
        </p>
      ) : null}
      {children({ id: fieldId, name, 'aria-invalid': message ? true : undefined, 'aria-describedby': describedBy })}
      {message ? (
        <p className="field-error" id={`${fieldId}-error`}>
          {message}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input whose error is tied to it (aria-invalid, aria-describedby) and shown next to it. */
export function Field({ name, label, hint, error, id, ...input }: FieldProps) {
  return (
    <FieldFrame name={name} id={id} label={label} hint={hint} error={error}>
      {(control) => <input {...control} {...input} />}
    </FieldFrame>
  );
}

/** Lists every error with a link to its field; takes focus when it appears so it is announced. */
export function ErrorSummary({ errors, labels }: { errors: FieldErrors | undefined; labels: Record<string, string> }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors && Object.keys(errors).length > 0) ref.current?.focus();
  }, [errors]);
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('forms:errorSummary', { count: Object.keys(errors).length })}</h2>
      <ul>
        {Object.entries(errors).map(([field, error]) => (
          <li key={field}>
            {labels[field] ? (
              <a href={`#field-${field}`}>
                {labels[field]}: {t(error.key, error.values ?? {})}
              </a>
            ) : (
              t(error.key, error.values ?? {})
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
