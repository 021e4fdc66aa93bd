import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('CSV export', () => {
  it('quotes as RFC 4180 says, defuses formulas and starts with a BOM', () => {
    const line = (cell: string | number | null) => toCsv([[cell]]).slice(1, -2);
    expect(line('Train of Hope e.V.')).toBe('Train of Hope e.V.');
    expect(line('Netzwerk „lokal willkommen“, Dortmund')).toBe('"Netzwerk „lokal willkommen“, Dortmund"');
    expect(line('Der "Chor"')).toBe('"Der ""Chor"""');
    expect(line('zwei\nZeilen')).toBe('"zwei\nZeilen"');
    expect(line(null)).toBe('');
    expect(line(1000)).toBe('1000');
    expect(line(-3)).toBe('-3');
    expect(line('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(toCsv([['a', 'b'], [1, 'c,d']])).toBe('\uFEFFa,b\r\n1,"c,d"\r\n');
  });
});
