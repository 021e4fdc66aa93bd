import { translator, type Locale } from '../app/lib/i18n';
import { pickText } from '../app/lib/i18n-text';
import { formatDayRange } from '../app/lib/time';
import { renderLayout } from './layout';

export interface EditionCancelledPayload {
  /** JSON keyed by locale */
  editionTitle: string;
  startsOn: string;
  endsOn: string;
  organisation: string;
  /** the series' public contact address, if it has one */
  contact: string | null;
  url: string;
}

/** An exhibitor hears that the whole edition was called off. */
export function editionCancelledEmail(payload: EditionCancelledPayload, locale: Locale) {
  const t = translator(locale);
  const edition = pickText(payload.editionTitle, locale).text;
  const paragraphs = [t('setup:emails.cancelled.body', { organisation: payload.organisation, edition, dates: formatDayRange(payload.startsOn, payload.endsOn, locale) })];
  paragraphs.push(payload.contact ? t('setup:emails.cancelled.contact', { contact: payload.contact }) : t('setup:emails.cancelled.noContact'));
  return renderLayout({
    locale,
    subject: t('setup:emails.cancelled.subject', { edition }),
    greeting: t('admin:emails.greeting'),
    paragraphs,
    action: { label: t('setup:emails.cancelled.action'), url: payload.url },
    footer: [t('setup:emails.cancelled.why', { organisation: payload.organisation })],
  });
}
