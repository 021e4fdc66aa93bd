/**
 * Every message the platform sends, by template name. The outbox stores the name and a
 * JSON payload; the worker renders at send time in the recipient's language.
 * To add a message: a file here exporting a render function, and one line below.
 */
import { isLocale, DEFAULT_LOCALE, type Locale } from '../app/lib/i18n';
import type { EmailTemplate, RenderedMail } from '../app/domain/mail/templates';
import { signInLinkEmail } from './sign-in-link';
import { organisationInvitationEmail } from './organisation-invitation';
import { registrationApprovedEmail } from './registration-approved';
import { registrationCancelledEmail } from './registration-cancelled';
import { registrationMovedUpEmail } from './registration-moved-up';
import { registrationReceivedEmail } from './registration-received';
import { registrationRejectedEmail } from './registration-rejected';
import { registrationWaitlistedEmail } from './registration-waitlisted';
import { seriesSubscriptionConfirmEmail } from './series-subscription-confirm';
import { programUpdateEmail } from './program-update';
import { reapplyInvitationEmail } from './reapply-invitation';
import { campaignEmail } from './campaign';
import { paymentConfirmedEmail } from './payment-confirmed';
import { paymentRefundedEmail } from './payment-refunded';
import { paymentReminderEmail } from './payment-reminder';
import { paymentRequestedEmail } from './payment-requested';
import { waiverDecidedEmail } from './waiver-decided';
import { editionCancelledEmail } from './edition-cancelled';
import { volunteerCancelledEmail, volunteerConfirmedEmail, volunteerMessageEmail, volunteerMovedUpEmail, volunteerReminderEmail, volunteerShiftCancelledEmail, volunteerWaitlistedEmail } from './volunteer-shift';
import { dayChangeEmail } from './day-change';
import { standConfirmedEmail } from './stand-confirmed';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Render = (payload: any, locale: Locale) => RenderedMail;

export const emailTemplates = {
  'sign-in-link': signInLinkEmail,
  'registration-received': registrationReceivedEmail,
  'registration-approved': registrationApprovedEmail,
  'registration-waitlisted': registrationWaitlistedEmail,
  'registration-rejected': registrationRejectedEmail,
  'registration-moved-up': registrationMovedUpEmail,
  'registration-cancelled': registrationCancelledEmail,
  'organisation-invitation': organisationInvitationEmail,
  'series-subscription-confirm': seriesSubscriptionConfirmEmail,
  'program-update': programUpdateEmail,
  'reapply-invitation': reapplyInvitationEmail,
  campaign: campaignEmail,
  'payment-requested': paymentRequestedEmail,
  'payment-confirmed': paymentConfirmedEmail,
  'payment-reminder': paymentReminderEmail,
  'waiver-decided': waiverDecidedEmail,
  'payment-refunded': paymentRefundedEmail,
  'edition-cancelled': editionCancelledEmail,
  'volunteer-confirmed': volunteerConfirmedEmail,
  'volunteer-waitlisted': volunteerWaitlistedEmail,
  'volunteer-moved-up': volunteerMovedUpEmail,
  'volunteer-cancelled': volunteerCancelledEmail,
  'volunteer-shift-cancelled': volunteerShiftCancelledEmail,
  'volunteer-reminder': volunteerReminderEmail,
  'volunteer-message': volunteerMessageEmail,
  'day-change': dayChangeEmail,
  'stand-confirmed': standConfirmedEmail,
} satisfies Record<EmailTemplate, Render>;

export type { EmailTemplate };

export function isEmailTemplate(name: string): name is EmailTemplate {
  return Object.hasOwn(emailTemplates, name);
}

export function renderEmail(template: string, payload: unknown, locale: string): RenderedMail {
  if (!isEmailTemplate(template)) throw new Error(`Unknown email template: ${template}`);
  return (emailTemplates[template] as Render)(payload, isLocale(locale) ? locale : DEFAULT_LOCALE);
}
