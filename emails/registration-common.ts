/**
 * Shared pieces of the registration emails: the payload they are rendered from, the
 * greeting, the facts line, the setup time and its calendar entry (.ics, UTC instants).
 */
import ical, { ICalCalendarMethod } from 'ical-generator';
import { translator, type Locale } from '../app/lib/i18n';
import { pickText } from '../app/lib/i18n-text';
import { formatDay, formatDayRange, formatTime, berlinDay } from '../app/lib/time';
import type { MailAttachment } from './layout';
import type { RegistrationMailPayload } from '../app/domain/registrations/mail-payload';

export type { RegistrationMailPayload };


export function registrationContext(p: RegistrationMailPayload, locale: Locale) {
  const t = translator(locale);
  const vars = {
    organisation: p.organisationName,
    edition: pickText(p.editionTitle, locale).text,
    standType: pickText(p.standTypeName, locale).text,
    dates: formatDayRange(p.startsOn, p.endsOn, locale),
    reason: p.reason ?? '',
  };
  return {
    t,
    vars,
    greeting: t('registration:emails.greeting', vars),
    action: { label: t('registration:emails.action'), url: p.statusUrl },
    footer: [t('registration:emails.footer', vars)],
  };
}

/** "Setup: Saturday, 11 September 2027, 07:30–10:00" plus the organisers' own notes. */
export function setupParagraphs(p: RegistrationMailPayload, locale: Locale): string[] {
  const t = translator(locale);
  const lines: string[] = [];
  if (p.setup) {
    lines.push(
      t('registration:emails.setupTime', {
        day: formatDay(berlinDay(p.setup.startsAt), locale),
        from: formatTime(p.setup.startsAt, locale),
        to: formatTime(p.setup.endsAt, locale),
      }),
    );
    if (p.setup.derived) lines.push(t('registration:emails.setupDerived'));
    lines.push(t('registration:emails.setupCalendar'));
  }
  const notes = pickText(p.setupInfo, locale).text;
  if (notes) lines.push(notes);
  lines.push(t('registration:emails.pitchLater'));
  return lines;
}

/** The setup window as a calendar entry: one VEVENT in UTC, stable UID per application. */
export function setupCalendar(p: RegistrationMailPayload, locale: Locale): MailAttachment[] {
  if (!p.setup) return [];
  const t = translator(locale);
  const edition = pickText(p.editionTitle, locale).text;
  const calendar = ical({
    prodId: { company: 'Festplatz', product: 'registration', language: locale.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
  });
  calendar.createEvent({
    id: `registration-${p.registrationId}-setup@festplatz`,
    start: new Date(p.setup.startsAt),
    end: new Date(p.setup.endsAt),
    stamp: new Date(p.decidedAt),
    summary: t('registration:emails.calendarSummary', { edition }),
    description: [pickText(p.setupInfo, locale).text, p.statusUrl].filter(Boolean).join('\n\n'),
    location: p.setup.location,
    url: p.statusUrl,
  });
  return [{ filename: 'setup.ics', content: calendar.toString(), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }];
}
