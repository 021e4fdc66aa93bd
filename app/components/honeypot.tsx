import { HONEYPOT_FIELD } from '~/lib/forms';
import { useI18n } from './i18n';

/** A field people never see or fill in; bots that fill every field give themselves away. */
export function Honeypot() {
  const { t } = useI18n();
  return (
    <div className="hp" aria-hidden="true">
      <label htmlFor={HONEYPOT_FIELD}>{t('forms:honeypot')}</label>
      <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
