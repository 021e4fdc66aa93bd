import { translator, type Locale } from '../app/lib/i18n';
import { pickText } from '../app/lib/i18n-text';
import { formatDateTime, formatDayRange } from '../app/lib/time';
import { renderLayout } from './layout';
import { circularsFooter } from './circulars';

export interface ReapplyInvitationPayload {
  /** JSON keyed by locale */
  editionTitle: string;
  startsOn: string;
  endsOn: string;
  opensAt: string | null;
  closesAt: string | null;
  organisation: string;
  url: string;
  /** the page that stops circulars and invitations, and its one-click twin */
  stopUrl?: string;
  oneClickUrl?: string;
}

/** Last year's exhibitors hear about the next edition and apply again in one click. */
export function reapplyInvitationEmail(payload: ReapplyInvitationPayload, locale: Locale) {
  const t = translator(locale);
  const edition = pickText(payload.editionTitle, locale).text;
  const paragraphs = [
    t('admin:emails.reapply.body', { organisation: payload.organisation, edition, dates: formatDayRange(payload.startsOn, payload.endsOn, locale) }),
  ];
  if (payload.opensAt && payload.closesAt) {
    paragraphs.push(t('admin:emails.reapply.window', { opens: formatDateTime(payload.opensAt, locale), closes: formatDateTime(payload.closesAt, locale) }));
  }
  return renderLayout({
    locale,
    subject: t('admin:emails.reapply.subject', { edition }),
    greeting: t('admin:emails.greeting'),
    paragraphs,
    action: { label: t('admin:emails.reapply.action'), url: payload.url },
    footer: [t('admin:emails.reapply.why', { organisation: payload.organisation }), ...circularsFooter(t, payload.stopUrl)],
    ...(payload.oneClickUrl ? { oneClickUnsubscribe: payload.oneClickUrl } : {}),
  });
}
