import type { Locale } from '../app/lib/i18n';
import { renderLayout } from './layout';
import { registrationContext, setupCalendar, setupParagraphs, type RegistrationMailPayload } from './registration-common';

/** With the setup time, and the same as a calendar entry (setup.ics). */
export function registrationApprovedEmail(p: RegistrationMailPayload, locale: Locale) {
  const { t, vars, greeting, action, footer } = registrationContext(p, locale);
  return renderLayout({
    locale,
    subject: t('registration:emails.approved.subject', vars),
    greeting,
    paragraphs: [t('registration:emails.approved.body', vars), ...(p.reason ? [t('registration:emails.note', vars)] : []), ...setupParagraphs(p, locale)],
    action,
    footer,
    attachments: setupCalendar(p, locale),
  });
}
