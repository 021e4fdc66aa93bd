import { useI18n } from './i18n';

/** Shown while the installation has no administrator: what the operator does first (on the server; nothing on the web takes it over). */
export function FirstStart() {
  const { t } = useI18n();
  return (
    <div className="notice" role="note">
      <p>{t('setup:firstStart.noAdmin')}</p>
      <pre dir="ltr">
        <code>npm run office:admin -- someone@city.example</code>
      </pre>
      <p>{t('setup:firstStart.next')}</p>
    </div>
  );
}
