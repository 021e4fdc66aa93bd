import { describe, expect, it } from 'vitest';
import { formatMoney, parseEuroAmount } from './money';

describe('money', () => {
  it('reads euro amounts as organisers type them', () => {
    expect(parseEuroAmount('50')).toBe(5000);
    expect(parseEuroAmount('50,00')).toBe(5000);
    expect(parseEuroAmount('50.5')).toBe(5050);
    expect(parseEuroAmount(' 1.234,56 € ')).toBe(123456);
    expect(parseEuroAmount('1,234.56')).toBe(123456);
    expect(parseEuroAmount('0')).toBe(0);
    expect(parseEuroAmount('-5')).toBeNull();
    expect(parseEuroAmount('5,123')).toBe(512300);
    expect(parseEuroAmount('5,1234')).toBeNull();
    expect(parseEuroAmount('fünfzig')).toBeNull();
    expect(parseEuroAmount('')).toBeNull();
  });

  it('writes amounts in the reader’s language, with Latin digits in Arabic', () => {
    expect(formatMoney(5000, 'de')).toBe('50,00\u00a0€');
    expect(formatMoney(5000, 'en')).toBe('€50.00');
    expect(formatMoney(123456, 'de')).toBe('1.234,56\u00a0€');
    expect(formatMoney(5000, 'ar')).toMatch(/50[.,]00/);
  });
});
