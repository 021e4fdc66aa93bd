/**
 * What the domain knows of its messages: their names and the shape of a rendered message.
 * The templates themselves (emails/) render them and import these types; the domain never
 * imports the templates' rendering for its own decisions (docs/decisions/076).
 */
export const EMAIL_TEMPLATES = [
  'sign-in-link',
  'registration-received',
  'registration-approved',
  'registration-waitlisted',
  'registration-rejected',
  'registration-moved-up',
  'registration-cancelled',
  'organisation-invitation',
  'series-subscription-confirm',
  'program-update',
  'reapply-invitation',
  'campaign',
  'payment-requested',
  'payment-confirmed',
  'payment-reminder',
  'waiver-decided',
  'payment-refunded',
  'edition-cancelled',
  'volunteer-confirmed',
  'volunteer-waitlisted',
  'volunteer-moved-up',
  'volunteer-cancelled',
  'volunteer-shift-cancelled',
  'volunteer-reminder',
  'volunteer-message',
  'day-change',
  'stand-confirmed',
] as const;

export type EmailTemplate = (typeof EMAIL_TEMPLATES)[number];

export interface MailAttachment {
  filename: string;
  content: string;
  contentType: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
  /** extra header lines, e.g. List-Unsubscribe */
  headers?: Record<string, string>;
}
