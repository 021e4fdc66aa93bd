/**
 * The one CSV writer (csv-stringify, docs/decisions/062): RFC 4180 quoting, CRLF between
 * records, a UTF-8 byte-order mark so spreadsheet programs read umlauts and Arabic right.
 * Text that a spreadsheet would run as a formula (= + - @ at the start) gets a leading
 * apostrophe, as OWASP recommends for exports people open in Excel.
 */
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | null | undefined;

function defuse(value: Cell): Cell {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Rows (the header first) as CSV text. */
export function toCsv(rows: Cell[][]): string {
  // a bare line break inside a field is quoted too (csv-stringify only quotes the record delimiter itself)
  return stringify(rows.map((r) => r.map(defuse)), { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
