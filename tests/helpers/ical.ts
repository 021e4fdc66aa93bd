import ICAL from 'ical.js';

export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  location: string;
  start: Date;
  end: Date;
  sequence: number;
  status: string | null;
  categories: string[];
  geo: [number, number] | null;
  url: string | null;
  lastModified: Date | null;
  dtstamp: Date | null;
}

export interface ParsedCalendar {
  name: string | null;
  refresh: string | null;
  ttl: string | null;
  events: ParsedEvent[];
}

function asDate(value: unknown): Date | null {
  return value instanceof ICAL.Time ? value.toJSDate() : null;
}

/** Parses iCalendar text with ical.js, an implementation independent of the one that wrote it. */
export function parseIcs(text: string): ParsedCalendar {
  const root = new ICAL.Component(ICAL.parse(text));
  if (root.name !== 'vcalendar') throw new Error(`not a VCALENDAR: ${root.name}`);
  const events = root.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    const geo = vevent.getFirstPropertyValue('geo') as unknown;
    const categories = vevent.getAllProperties('categories').flatMap((p) => p.getValues().map(String));
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      location: event.location,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      sequence: event.sequence,
      status: (vevent.getFirstPropertyValue('status') as string | null) ?? null,
      categories,
      geo: Array.isArray(geo) ? [Number(geo[0]), Number(geo[1])] as [number, number] : null,
      url: (vevent.getFirstPropertyValue('url') as string | null) ?? null,
      lastModified: asDate(vevent.getFirstPropertyValue('last-modified')),
      dtstamp: asDate(vevent.getFirstPropertyValue('dtstamp')),
    };
  });
  const text_ = (name: string) => {
    const v = root.getFirstPropertyValue(name);
    return v === null || v === undefined ? null : String(v);
  };
  return { name: text_('x-wr-calname'), refresh: text_('refresh-interval'), ttl: text_('x-published-ttl'), events };
}

/** Wall-clock time in Berlin, "2027-10-30 19:00". */
export function berlinWallClock(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}
