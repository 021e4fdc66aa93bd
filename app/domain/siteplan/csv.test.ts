import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';

describe('CSV export', () => {
  it('quotes as RFC 4180 says and starts with a BOM', () => {
    expect(csvField('Train of Hope e.V.')).toBe('Train of Hope e.V.');
    expect(csvField('Netzwerk „lokal willkommen“, Dortmund')).toBe('"Netzwerk „lokal willkommen“, Dortmund"');
    expect(csvField('Der "Chor"')).toBe('"Der ""Chor"""');
    expect(csvField('zwei\nZeilen')).toBe('"zwei\nZeilen"');
    expect(csvField(null)).toBe('');
    expect(csvField(1000)).toBe('1000');
    expect(csvField(-3)).toBe('-3');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(toCsv([['a', 'b'], [1, 'c,d']])).toBe('\uFEFFa,b\r\n1,"c,d"\r\n');
  });
});
