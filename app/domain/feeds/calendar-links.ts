/**
 * Links that put a feed or one item into the resident's calendar: webcal:// for Apple,
 * Thunderbird and most phone apps, plus the web calendars of Google and Outlook.
 */
import { TIME_ZONE } from '../../lib/i18n';

/** The webcal:// form of an http(s) feed URL: calendar apps subscribe instead of downloading. */
export function webcalUrl(httpUrl: string): string {
  return httpUrl.replace(/^https?:\/\//, 'webcal://');
}

/** `path` is the feed's path on this site ("/calendar.ics?…"); the download link stays relative. */
export function subscribeLinks(publicUrl: string, path: string, name: string) {
  const feedUrl = `${publicUrl}${path}`;
  const webcal = webcalUrl(feedUrl);
  return {
    path,
    https: feedUrl,
    webcal,
    google: `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(webcal)}`,
    outlook: `https://outlook.live.com/calendar/0/addfromweb?url=${encodeURIComponent(feedUrl)}&name=${encodeURIComponent(name)}`,
  };
}

/** "2027-10-30T17:00:00.000Z" as "20271030T170000Z" (Google's UTC form). */
export function compactUtc(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export interface EventForLinks {
  title: string;
  details: string;
  location: string;
  starts_at: string;
  ends_at: string;
}

/** "Add to calendar" links for one item: times as UTC instants, so no zone can shift them. */
export function addEventLinks(event: EventForLinks) {
  const google = new URLSearchParams({
    action: 'TEMPLATE',
    text: event.title,
    dates: `${compactUtc(event.starts_at)}/${compactUtc(event.ends_at)}`,
    details: event.details,
    location: event.location,
    ctz: TIME_ZONE,
  });
  const outlook = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: event.title,
    startdt: new Date(event.starts_at).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    enddt: new Date(event.ends_at).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    body: event.details,
    location: event.location,
  });
  return {
    google: `https://calendar.google.com/calendar/render?${google.toString()}`,
    outlook: `https://outlook.live.com/calendar/0/deeplink/compose?${outlook.toString()}`,
  };
}
