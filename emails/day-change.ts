import { translator, type Locale } from '../app/lib/i18n';
import { pickText } from '../app/lib/i18n-text';
import { formatDateTime, formatTime } from '../app/lib/time';
import type { DayChangeMailPayload } from '../app/domain/festival-day/day-change.server';
import { renderLayout } from './layout';
import { associationFrame } from './payment-parts';

export type { DayChangeMailPayload };

/** The association whose act changed on the festival day: what, from when to when, where. */
export function dayChangeEmail(p: DayChangeMailPayload, locale: Locale) {
  const t = translator(locale);
  const text = (v: string | null) => (v ? pickText(v, locale).text : '');
  const when = (w: DayChangeMailPayload['before']) => `${formatDateTime(w.starts_at, locale)}–${formatTime(w.ends_at, locale)}${w.stage ? `, ${text(w.stage)}` : ''}`;
  const values = { title: text(p.title), edition: text(p.edition), organisation: p.organisation, minutes: p.minutes ?? 0, before: when(p.before), after: when(p.after) };
  return renderLayout({
    locale,
    ...associationFrame(t, p.organisation),
    subject: t(`festival-day:mail.dayChange.subject.${p.kind}`, values),
    paragraphs: [t(`festival-day:mail.dayChange.body.${p.kind}`, values), ...(p.kind === 'cancel' ? [] : [t('festival-day:mail.dayChange.newTime', values)])],
    action: { label: t('festival-day:mail.dayChange.action'), url: p.url },
  });
}
