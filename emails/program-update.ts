import { translator, type Locale } from '../app/lib/i18n';
import { pickText } from '../app/lib/i18n-text';
import { formatDateTime } from '../app/lib/time';
import { oneClickUnsubscribeUrl, renderLayout } from './layout';
import { changeLabelKey, type AnnouncedChange } from '../app/domain/schedule/changes';

export interface ProgramUpdatePayload {
  /** edition title as stored: JSON keyed by locale */
  edition: string;
  /** the first release: the program is published */
  first: boolean;
  changes: { change: string; title: string; starts_at: string; url: string }[];
  programUrl: string;
  unsubscribeUrl: string;
}

/** A schedule release for subscribers of the series: published, or what changed or was cancelled. */
export function programUpdateEmail(payload: ProgramUpdatePayload, locale: Locale) {
  const t = translator(locale);
  const edition = pickText(payload.edition, locale).text;
  const lines = payload.changes.map(
    (c) => `${t(changeLabelKey(c.change as AnnouncedChange, 'feeds:mail.update.change'), { defaultValue: c.change })}: ${pickText(c.title, locale).text} (${formatDateTime(c.starts_at, locale)})\n${c.url}`,
  );
  return renderLayout({
    locale,
    subject: payload.first ? t('feeds:mail.update.publishedSubject', { edition }) : t('feeds:mail.update.changedSubject', { edition }),
    paragraphs: [payload.first ? t('feeds:mail.update.publishedBody', { edition }) : t('feeds:mail.update.changedBody', { edition }), ...lines],
    action: { label: t('feeds:mail.update.action'), url: payload.programUrl },
    footer: [t('feeds:mail.update.why'), `${t('feeds:mail.update.unsubscribe')}: ${payload.unsubscribeUrl}`],
    oneClickUnsubscribe: oneClickUnsubscribeUrl(payload.unsubscribeUrl),
  });
}
