/**
 * The reference for the feed build: a minimal hand-written RFC 5545 serializer over the
 * same rows (escaping, folding at 75 octets, UTC instants), no library.
 */
import { pickText } from '../app/lib/i18n-text';
import type { Locale } from '../app/lib/i18n';

const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
const utc = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

function fold(line: string): string {
  const bytes = Buffer.from(line);
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--; // never split a UTF-8 sequence
    parts.push(bytes.subarray(start, end).toString());
    start = end;
    limit = 74;
  }
  return parts.join('\r\n ');
}

export interface ReferenceRow {
  uid: string;
  sequence: number;
  title: string;
  description: string;
  starts_at: string;
  ends_at: string;
  updated_at: string;
  status: string;
  category: string;
}

export function referenceIcs(rows: ReferenceRow[], lang: Locale, publicUrl: string): string {
  const out = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Festplatz//Reference//EN', 'METHOD:PUBLISH', 'X-WR-CALNAME:Festplatz'];
  for (const r of rows) {
    out.push(
      'BEGIN:VEVENT',
      `UID:${r.uid}@festplatz`,
      `SEQUENCE:${r.sequence}`,
      `DTSTAMP:${utc(r.updated_at)}`,
      `LAST-MODIFIED:${utc(r.updated_at)}`,
      `DTSTART:${utc(r.starts_at)}`,
      `DTEND:${utc(r.ends_at)}`,
      fold(`SUMMARY:${escape(pickText(r.title, lang).text)}`),
      fold(`DESCRIPTION:${escape(pickText(r.description, lang).text)}`),
      fold(`URL:${publicUrl}/program/${r.uid}`),
      `CATEGORIES:${escape(r.category)}`,
      `STATUS:${r.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
      'END:VEVENT',
    );
  }
  out.push('END:VCALENDAR');
  return out.join('\r\n') + '\r\n';
}
