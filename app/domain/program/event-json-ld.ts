/**
 * schema.org `Event` data (JSON-LD) for the edition and item pages, so search engines and
 * messengers understand what, when and where. Pure: the loaders hand in what they read.
 * Times carry the Berlin offset ("2027-10-30T20:00:00+02:00"). `isAccessibleForFree` is left
 * out: Festplatz does not record admission prices (docs/decisions/097).
 */
import { DEFAULT_LOCALE, type Locale } from '../../lib/i18n';
import { berlinIsoWithOffset } from '../../lib/time';
import { parseList, pickText, type LocalizedText } from '../../lib/i18n-text';

type Text = string | LocalizedText | null | undefined;

/** Intl, not luxon: the edition and item pages' modules load this file in the browser too. */
export function withBerlinOffset(iso: string): string {
  return berlinIsoWithOffset(iso);
}

/** "Leopoldstraße 50–58, 44147 Dortmund" as a PostalAddress; an address of another shape stays one line. */
export function postalAddress(address: string) {
  const m = /^(.*?),\s*(\d{5})\s+(.+)$/.exec(address.trim());
  return m
    ? { '@type': 'PostalAddress', streetAddress: m[1], postalCode: m[2], addressLocality: m[3], addressCountry: 'DE' }
    : { '@type': 'PostalAddress', streetAddress: address, addressCountry: 'DE' };
}

export interface PlaceInput {
  name: Text;
  address: string | null;
  lat: number | null;
  lng: number | null;
}

function place(p: PlaceInput, locale: Locale, stage?: Text) {
  const name = [stage ? pickText(stage, locale).text : null, pickText(p.name, locale).text].filter(Boolean).join(', ');
  return {
    '@type': 'Place',
    name,
    ...(p.address ? { address: postalAddress(p.address) } : {}),
    ...(p.lat != null && p.lng != null ? { geo: { '@type': 'GeoCoordinates', latitude: p.lat, longitude: p.lng } } : {}),
  };
}

const langQuery = (locale: Locale) => (locale === DEFAULT_LOCALE ? '' : `?lang=${locale}`);

export interface Organizer {
  name: string;
  url: string;
}

export function editionJsonLd(input: {
  edition: { slug: string; title: Text; description: Text; starts_on: string; ends_on: string };
  venues: PlaceInput[];
  /** first start and last end of the program, if it has items */
  span: { starts_at: string; ends_at: string } | null;
  languages: string[];
  organizer: Organizer;
  publicUrl: string;
  locale: Locale;
}) {
  const { edition, locale } = input;
  const description = pickText(edition.description, locale).text;
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: pickText(edition.title, locale).text,
    ...(description ? { description } : {}),
    url: `${input.publicUrl}/editions/${edition.slug}${langQuery(locale)}`,
    startDate: input.span ? withBerlinOffset(input.span.starts_at) : edition.starts_on,
    endDate: input.span ? withBerlinOffset(input.span.ends_at) : edition.ends_on,
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location: input.venues.map((v) => place(v, locale)),
    organizer: { '@type': 'Organization', name: input.organizer.name, url: input.organizer.url },
    image: `${input.publicUrl}/og-image.png`,
    ...(input.languages.length ? { inLanguage: input.languages } : {}),
  };
}

export function itemJsonLd(input: {
  item: {
    uid: string;
    title: Text;
    description: Text;
    starts_at: string;
    ends_at: string;
    status: string;
    languages: string | string[];
    stage_name: Text;
    venue_name: Text;
    venue_address: string | null;
    venue_lat: number | null;
    venue_lng: number | null;
    host_name: string | null;
    host_slug: string | null;
    edition_slug: string;
    edition_title: Text;
  };
  /** where the item was first announced to start, when a release moved it */
  previousStart: string | null;
  organizer: Organizer;
  publicUrl: string;
  locale: Locale;
}) {
  const { item, locale, publicUrl } = input;
  const description = pickText(item.description, locale).text;
  const languages = parseList(item.languages);
  const status =
    item.status === 'cancelled' ? 'https://schema.org/EventCancelled' : input.previousStart ? 'https://schema.org/EventRescheduled' : 'https://schema.org/EventScheduled';
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: pickText(item.title, locale).text,
    ...(description ? { description } : {}),
    url: `${publicUrl}/program/${encodeURIComponent(item.uid)}${langQuery(locale)}`,
    startDate: withBerlinOffset(item.starts_at),
    endDate: withBerlinOffset(item.ends_at),
    eventStatus: status,
    ...(input.previousStart && item.status !== 'cancelled' ? { previousStartDate: withBerlinOffset(input.previousStart) } : {}),
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    ...(item.venue_name || item.venue_address
      ? { location: place({ name: item.venue_name, address: item.venue_address, lat: item.venue_lat, lng: item.venue_lng }, locale, item.stage_name) }
      : {}),
    organizer: item.host_name
      ? { '@type': 'Organization', name: item.host_name, url: `${publicUrl}/organisations/${item.host_slug}` }
      : { '@type': 'Organization', name: input.organizer.name, url: input.organizer.url },
    superEvent: { '@type': 'Event', name: pickText(item.edition_title, locale).text, url: `${publicUrl}/editions/${item.edition_slug}${langQuery(locale)}` },
    image: `${publicUrl}/og-image.png`,
    ...(languages.length ? { inLanguage: languages } : {}),
  };
}
