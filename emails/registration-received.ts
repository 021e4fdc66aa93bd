import type { Locale } from '../app/lib/i18n';
import { renderLayout } from './layout';
import { registrationContext, type RegistrationMailPayload } from './registration-common';

export function registrationReceivedEmail(p: RegistrationMailPayload, locale: Locale) {
  const { t, vars, greeting, action, footer } = registrationContext(p, locale);
  return renderLayout({
    locale,
    subject: t('registration:emails.received.subject', vars),
    greeting,
    paragraphs: [t('registration:emails.received.body', vars), t('registration:emails.received.next')],
    action,
    footer,
  });
}
