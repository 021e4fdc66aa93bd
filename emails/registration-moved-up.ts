import type { Locale } from '../app/lib/i18n';
import { renderLayout } from './layout';
import { registrationContext, setupCalendar, setupParagraphs, type RegistrationMailPayload } from './registration-common';

/** A place became free and the application moved up from the waiting list. */
export function registrationMovedUpEmail(p: RegistrationMailPayload, locale: Locale) {
  const { t, vars, greeting, action, footer } = registrationContext(p, locale);
  return renderLayout({
    locale,
    subject: t('registration:emails.movedUp.subject', vars),
    greeting,
    paragraphs: [t('registration:emails.movedUp.body', vars), t('registration:emails.movedUp.withdraw'), ...setupParagraphs(p, locale)],
    action,
    footer,
    attachments: setupCalendar(p, locale),
  });
}
