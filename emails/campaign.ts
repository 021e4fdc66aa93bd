import { translator, type Locale } from '../app/lib/i18n';
import { pickText } from '../app/lib/i18n-text';
import type { CampaignMessage } from '../app/domain/office/campaigns.server';
import { renderLayout } from './layout';
import { circularsFooter } from './circulars';

export type CampaignPayload = CampaignMessage;

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
