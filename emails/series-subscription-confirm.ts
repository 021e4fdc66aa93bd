import { translator, type Locale } from '../app/lib/i18n';
import { pickText } from '../app/lib/i18n-text';
import { oneClickUnsubscribeUrl, renderLayout } from './layout';

export interface SubscriptionConfirmPayload {
  /** the series name as stored: JSON keyed by locale */
  series: string;
  confirmUrl: string;
  /** the unsubscribe page of the same subscription (missing in messages queued before it was added) */
  unsubscribeUrl?: string;
}

/** The only message before consent: the double opt-in link. */
export function seriesSubscriptionConfirmEmail(payload: SubscriptionConfirmPayload, locale: Locale) {
  const t = translator(locale);
  const series = pickText(payload.series, locale).text;
  return renderLayout({
    locale,
    subject: t('feeds:mail.confirm.subject', { series }),
    paragraphs: [t('feeds:mail.confirm.body', { series })],
    action: { label: t('feeds:mail.confirm.action'), url: payload.confirmUrl },
    footer: [t('feeds:mail.confirm.notYou'), ...(payload.unsubscribeUrl ? [`${t('feeds:mail.update.unsubscribe')}: ${payload.unsubscribeUrl}`] : [])],
    ...(payload.unsubscribeUrl ? { oneClickUnsubscribe: oneClickUnsubscribeUrl(payload.unsubscribeUrl) } : {}),
  });
}
