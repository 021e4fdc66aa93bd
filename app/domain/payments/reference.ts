/**
 * Bank-transfer references: "FP-2027-000123-1" = edition year, registration id, and a Luhn
 * check digit over both, so a typo in a bank statement is caught before a transfer is
 * booked to the wrong stand. Unique because the registration id is.
 */
function luhnDigit(digits: string): number {
  let sum = 0;
  // doubling starts with the rightmost digit, since the check digit will be appended after it
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function transferReference(year: number, registrationId: number): string {
  const id = String(registrationId).padStart(6, '0');
  return `FP-${year}-${id}-${luhnDigit(`${year}${id}`)}`;
}

/** Reads a reference as found on a statement ("fp 2027 000123 4", "FP2027-0001234"); null when the check digit fails. */
export function parseTransferReference(text: string): { year: number; registrationId: number } | null {
  const compact = text.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const match = /^FP(\d{4})(\d{6,})(\d)$/.exec(compact);
  if (!match) return null;
  const [, year, id, check] = match;
  if (luhnDigit(`${year}${id}`) !== Number(check)) return null;
  return { year: Number(year), registrationId: Number(id) };
}
