import type { Locale } from '../app/lib/i18n';
import { renderLayout } from './layout';
import { registrationContext, type RegistrationMailPayload } from './registration-common';

export function registrationWaitlistedEmail(p: RegistrationMailPayload, locale: Locale) {
  const { t, vars, greeting, action, footer } = registrationContext(p, locale);
  return renderLayout({
    locale,
    subject: t('registration:emails.waitlisted.subject', vars),
    greeting,
    paragraphs: [t('registration:emails.waitlisted.body', vars), ...(p.reason ? [t('registration:emails.note', vars)] : []), t('registration:emails.waitlisted.next')],
    action,
    footer,
  });
}
