/**
 * CSV as RFC 4180 says (fields with comma, quote or line break quoted, quotes doubled,
 * CRLF between records), with a UTF-8 byte-order mark so Excel reads umlauts right.
 * Text that a spreadsheet would run as a formula (= + - @ at the start) is prefixed with
 * an apostrophe, as OWASP recommends for exports people open in Excel.
 */
export type Cell = string | number | null | undefined;

export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: Cell[][]): string {
  return '\uFEFF' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
