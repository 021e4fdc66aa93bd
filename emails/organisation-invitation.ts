import { translator, type Locale } from '../app/lib/i18n';
import { renderLayout } from './layout';

export interface OrganisationInvitationPayload {
  organisationName: string;
  inviterName: string;
  url: string;
  days: number;
}

/** The link signs the invitee in and makes them a contact person of the organisation. */
export function organisationInvitationEmail(p: OrganisationInvitationPayload, locale: Locale) {
  const t = translator(locale);
  const vars = { organisation: p.organisationName, inviter: p.inviterName, days: p.days };
  return renderLayout({
    locale,
    subject: t('registration:emails.invitation.subject', vars),
    paragraphs: [t('registration:emails.invitation.body', vars), t('registration:emails.invitation.valid', vars)],
    action: { label: t('registration:emails.invitation.action'), url: p.url },
    footer: [t('registration:emails.invitation.notYou')],
  });
}
