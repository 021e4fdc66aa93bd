import { describe, expect, it } from 'vitest';
import { parseTransferReference, transferReference } from './reference';

describe('transfer references', () => {
  it('are the edition year, the registration and a Luhn check digit', () => {
    expect(transferReference(2027, 123)).toBe('FP-2027-000123-1');
    expect(transferReference(2027, 4)).toBe('FP-2027-000004-3');
    expect(parseTransferReference('FP-2027-000123-1')).toEqual({ year: 2027, registrationId: 123 });
  });

  it('are read as found on a statement, and a typo is caught', () => {
    expect(parseTransferReference('fp 2027 000123 1')).toEqual({ year: 2027, registrationId: 123 });
    expect(parseTransferReference('Verwendungszweck: FP2027-0001231')).toBeNull(); // extra words
    expect(parseTransferReference('FP-2027-000132-1')).toBeNull(); // swapped digits
    expect(parseTransferReference('FP-2027-000123-7')).toBeNull(); // wrong check digit
  });
});
