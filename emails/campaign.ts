import { translator, type Locale } from '../app/lib/i18n';
import { pickText } from '../app/lib/i18n-text';
import { renderLayout } from './layout';
import { circularsFooter } from './circulars';

export interface CampaignPayload {
  campaignId: number;
  /** already in the message's language (the recipient's, or German when not written in theirs) */
  subject: string;
  body: string;
  /** JSON keyed by locale */
  editionTitle: string;
  /** the page that stops circulars, and its one-click twin (missing in messages queued before they existed) */
  stopUrl?: string;
  oneClickUrl?: string;
}

/** A message organisers write to the exhibitors of an edition (app/domain/office/campaigns.server.ts). */
export function campaignEmail(payload: CampaignPayload, locale: Locale) {
  const t = translator(locale);
  return renderLayout({
    locale,
    subject: payload.subject,
    paragraphs: payload.body
      .replace(/\r\n?/g, '\n')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean),
    footer: [t('admin:emails.campaign.why', { edition: pickText(payload.editionTitle, locale).text }), ...circularsFooter(t, payload.stopUrl)],
    ...(payload.oneClickUrl ? { oneClickUnsubscribe: payload.oneClickUrl } : {}),
  });
}
