/**
 * Form controls and small pieces of the registration pages. Like <Field>, every control
 * has a label, its hint and its error tied to it (aria-describedby) and shown next to it.
 */
import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import type { RegistrationState } from '../../db/schema';
import type { FieldError } from '~/lib/forms';
import { useFieldError } from './forms';
import { useI18n } from './i18n';

function describedBy(id: string, hint: ReactNode, message: string | undefined) {
  return [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function Hint({ id, hint }: { id: string; hint: ReactNode }) {
  return hint ? (
    <p className="hint" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
}

function ErrorText({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p className="field-error" id={`${id}-error`}>
      {message}
    </p>
  ) : null;
}

interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name'> {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: FieldError;
}

export function TextArea({ name, label, hint, error, ...rest }: TextAreaProps) {
  const message = useFieldError(error);
  const id = `field-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <textarea id={id} name={name} rows={4} aria-invalid={message ? true : undefined} aria-describedby={describedBy(id, hint, message)} {...rest} />
      <ErrorText id={id} message={message} />
    </div>
  );
}

interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name'> {
  name: string;
  label: ReactNode;
  options: { value: string; label: string }[];
  error?: FieldError;
}

export function Select({ name, label, options, error, ...rest }: SelectProps) {
  const message = useFieldError(error);
  const id = `field-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} aria-invalid={message ? true : undefined} aria-describedby={describedBy(id, undefined, message)} {...rest}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText id={id} message={message} />
    </div>
  );
}

/** One checkbox ("on" when ticked); its error sits right under it. */
export function Checkbox({ name, label, hint, defaultChecked, error }: { name: string; label: ReactNode; hint?: ReactNode; defaultChecked?: boolean; error?: FieldError }) {
  const message = useFieldError(error);
  const id = `field-${name}`;
  return (
    <div className="field">
      <label className="checkbox" htmlFor={id}>
        <input type="checkbox" id={id} name={name} defaultChecked={defaultChecked} aria-invalid={message ? true : undefined} aria-describedby={describedBy(id, hint, message)} />
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <ErrorText id={id} message={message} />
    </div>
  );
}

/** Checkboxes or radio buttons in a fieldset; the error link (#field-name) lands on the first. */
export function ChoiceGroup({
  name,
  legend,
  hint,
  type,
  options,
  selected,
  error,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  type: 'checkbox' | 'radio';
  options: { value: string; label: ReactNode; lang?: string }[];
  selected: string[];
  error?: FieldError;
}) {
  const message = useFieldError(error);
  const id = `field-${name}`;
  return (
    <fieldset className="choice-group" aria-describedby={describedBy(id, hint, message)} aria-invalid={message ? true : undefined}>
      <legend>{legend}</legend>
      <Hint id={id} hint={hint} />
      <ErrorText id={id} message={message} />
      <div className={type === 'checkbox' ? 'choice-group__options choice-group__options--columns' : 'choice-group__options'}>
        {options.map((o, i) => (
          <label key={o.value} className="checkbox" htmlFor={i === 0 ? id : `${id}-${o.value}`}>
            <input type={type} id={i === 0 ? id : `${id}-${o.value}`} name={name} value={o.value} defaultChecked={selected.includes(o.value)} />
            <span lang={o.lang}>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function StateBadge({ state }: { state: RegistrationState }) {
  const { t } = useI18n();
  return <span className={`state state--${state}`}>{t(`registration:states.${state}`)}</span>;
}

/** A message about the whole form or page (a refused move, a closed window). */
export function FormAlert({ message }: { message: FieldError | undefined | null }) {
  const { t } = useI18n();
  if (!message) return null;
  return (
    <div className="error-summary" role="alert">
      <p>{t(message.key, message.values ?? {})}</p>
    </div>
  );
}

