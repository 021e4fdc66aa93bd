/**
 * The messages to volunteers: a place confirmed (with the shift as .ics), a place on the
 * waiting list, a move-up from it, a place or a whole shift cancelled, and the reminder the
 * day before. One payload (app/domain/volunteers/notify.server.ts), rendered in the
 * recipient's language.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { translator, type Locale } from '../app/lib/i18n';
import { pickText } from '../app/lib/i18n-text';
import { berlinDay, formatDateTime, formatDay, formatTime } from '../app/lib/time';
import type { VolunteerMailPayload } from '../app/domain/volunteers/notify.server';
import { renderLayout, type MailAttachment } from './layout';

type Kind = 'confirmed' | 'waitlisted' | 'movedUp' | 'cancelled' | 'shiftCancelled' | 'reminder';

function vars(p: VolunteerMailPayload, locale: Locale) {
  const t = translator(locale);
  return {
    name: p.name,
    edition: pickText(p.editionTitle, locale).text,
    role: pickText(p.roleName, locale).text,
    place: p.placeName ? pickText(p.placeName, locale).text : t('volunteers:grounds'),
    day: formatDay(berlinDay(p.startsAt), locale),
    from: formatTime(p.startsAt, locale),
    to: formatTime(p.endsAt, locale),
    until: formatDateTime(p.cancelUntil, locale),
  };
}

function shiftCalendar(p: VolunteerMailPayload, locale: Locale, cancelled: boolean): MailAttachment[] {
  const t = translator(locale);
  const v = vars(p, locale);
  const calendar = ical({ prodId: { company: 'Festplatz', product: 'volunteers', language: locale.toUpperCase() }, method: ICalCalendarMethod.PUBLISH });
  calendar.createEvent({
    id: `volunteer-shift-${p.shiftId}-signup-${p.signupId}@festplatz`,
    start: new Date(p.startsAt),
    end: new Date(p.endsAt),
    stamp: new Date(),
    summary: t('volunteers:mail.calendarSummary', v),
    description: [pickText(p.roleNote, locale).text, p.accountUrl].filter(Boolean).join('\n\n'),
    location: v.place,
    url: p.accountUrl,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return [{ filename: 'shift.ics', content: calendar.toString(), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }];
}

function render(kind: Kind, p: VolunteerMailPayload, locale: Locale) {
  const t = translator(locale);
  const v = vars(p, locale);
  const paragraphs = [t(`volunteers:mail.${kind}.body`, v), t('volunteers:mail.shift', v)];
  const note = pickText(p.roleNote, locale).text;
  if (note && kind !== 'cancelled' && kind !== 'shiftCancelled') paragraphs.push(t('volunteers:mail.note', { note }));
  if (p.groupNames?.length) paragraphs.push(t('volunteers:mail.group', { names: p.groupNames.join(', ') }));
  if (kind === 'confirmed' || kind === 'movedUp' || kind === 'reminder') paragraphs.push(t('volunteers:mail.cancelUntil', v));
  const calendar = kind === 'confirmed' || kind === 'movedUp' || kind === 'reminder' ? shiftCalendar(p, locale, false) : kind === 'waitlisted' ? [] : shiftCalendar(p, locale, true);
  return renderLayout({
    locale,
    subject: t(`volunteers:mail.${kind}.subject`, v),
    greeting: t('volunteers:mail.greeting', v),
    paragraphs,
    action: { label: t('volunteers:mail.action'), url: p.accountUrl },
    footer: [t('volunteers:mail.footer', v)],
    attachments: calendar,
  });
}

export const volunteerConfirmedEmail = (p: VolunteerMailPayload, locale: Locale) => render('confirmed', p, locale);
export const volunteerWaitlistedEmail = (p: VolunteerMailPayload, locale: Locale) => render('waitlisted', p, locale);
export const volunteerMovedUpEmail = (p: VolunteerMailPayload, locale: Locale) => render('movedUp', p, locale);
export const volunteerCancelledEmail = (p: VolunteerMailPayload, locale: Locale) => render('cancelled', p, locale);
export const volunteerShiftCancelledEmail = (p: VolunteerMailPayload, locale: Locale) => render('shiftCancelled', p, locale);
export const volunteerReminderEmail = (p: VolunteerMailPayload, locale: Locale) => render('reminder', p, locale);

/** A message the coordinator writes to volunteers (app/domain/volunteers/mail.server.ts): their own text, our footer. */
export function volunteerMessageEmail(p: { subject: string; body: string; editionTitle: string; accountUrl: string }, locale: Locale) {
  const t = translator(locale);
  return renderLayout({
    locale,
    subject: p.subject,
    paragraphs: p.body
      .replace(/\r\n?/g, '\n')
      .split(/\n\s*\n/)
      .map((x) => x.trim())
      .filter(Boolean),
    action: { label: t('volunteers:mail.action'), url: p.accountUrl },
    footer: [t('volunteers:mail.footer', { edition: pickText(p.editionTitle, locale).text })],
  });
}
