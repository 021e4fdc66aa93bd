import { describe, expect, it } from 'vitest';
import { formatPassCode, newPassCode, normalisePassCode, PASS_ALPHABET, passUrl } from './pass-code';

describe('stand pass codes', () => {
  it('are seven characters of an alphabet without look-alikes, shown in three groups', () => {
    let n = 0;
    const code = newPassCode((max) => n++ % max);
    expect(code).toBe('2345678');
    expect(formatPassCode('D27F37K')).toBe('D27-F3-7K');
    for (const ch of '01OIL') expect(PASS_ALPHABET).not.toContain(ch);
  });

  it('read what people type and what the QR code holds, and refuse what cannot be a code', () => {
    expect(normalisePassCode(' d27-f3-7k ')).toBe('D27F37K');
    expect(normalisePassCode('D27 F3 7K')).toBe('D27F37K');
    expect(normalisePassCode(passUrl('https://feste.example', 'dortbund-2027', 'D27F37K'))).toBe('D27F37K');
    expect(normalisePassCode('D27-F3-7')).toBeNull();
    expect(normalisePassCode('D27-F3-7KK')).toBeNull();
    expect(normalisePassCode('O27-F3-7K')).toBeNull();
    expect(normalisePassCode('')).toBeNull();
  });
});
