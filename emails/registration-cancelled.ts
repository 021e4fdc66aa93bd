import type { Locale } from '../app/lib/i18n';
import { renderLayout } from './layout';
import { registrationContext, type RegistrationMailPayload } from './registration-common';

export function registrationCancelledEmail(p: RegistrationMailPayload, locale: Locale) {
  const { t, vars, greeting, action, footer } = registrationContext(p, locale);
  return renderLayout({
    locale,
    subject: t('registration:emails.cancelled.subject', vars),
    greeting,
    paragraphs: [t('registration:emails.cancelled.body', vars), t('registration:emails.reason', vars)],
    action,
    footer,
  });
}
