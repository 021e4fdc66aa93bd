/**
 * Issue 14, points 4 and 9: every message to an association greets and says why it comes
 * (payment messages had neither), and circulars and invitations to apply again carry a stop
 * link with List-Unsubscribe one-click headers.
 */
import { describe, expect, it } from 'vitest';
import { renderEmail } from './index';

const edition = JSON.stringify({ de: 'Dortbund! 2027', en: 'Dortbund! 2027' });
const common = { organisation: 'Train of Hope', edition, amountCents: 4500, deadline: '2027-08-01T10:00:00.000Z', url: 'http://festplatz.test/account/applications/1/payment' };
const payments: [string, Record<string, unknown>][] = [
  ['payment-requested', { ...common, standType: JSON.stringify({ de: 'Infotisch' }), bank: null }],
  ['payment-reminder', { ...common, stage: 1, bank: null }],
  ['payment-confirmed', { ...common, outstandingCents: 0, confirmed: true, receiptNumber: '2027-00001', receiptUrl: 'http://festplatz.test/receipts/2027-00001' }],
  ['payment-refunded', { ...common, refundCents: 4500, method: 'stripe' }],
  ['waiver-decided', { ...common, granted: true, reason: null }],
];

describe('payment messages', () => {
  for (const [template, payload] of payments) {
    it(`${template} greets and ends with the footer, in German and in English`, () => {
      const de = renderEmail(template, payload, 'de');
      expect(de.text.startsWith('Guten Tag,\n\n')).toBe(true);
      expect(de.text).toContain('Sie bekommen diese E-Mail, weil Sie auf Festplatz Ansprechperson von Train of Hope sind.');
      const en = renderEmail(template, payload, 'en');
      expect(en.text.startsWith('Hello,\n\n')).toBe(true);
      expect(en.text).toContain('You receive this email because you are a contact person of Train of Hope on Festplatz.');
    });
  }
});

describe('circulars and invitations to apply again', () => {
  const stop = { stopUrl: 'http://festplatz.test/mail/circulars/abc', oneClickUrl: 'http://festplatz.test/mail/one-click/abc' };
  const messages: [string, Record<string, unknown>][] = [
    ['campaign', { campaignId: 1, subject: 'Aufbau', body: 'Ab 8 Uhr.', editionTitle: edition, ...stop }],
    ['reapply-invitation', { editionTitle: edition, startsOn: '2027-09-11', endsOn: '2027-09-11', opensAt: null, closesAt: null, organisation: 'Train of Hope', url: 'http://festplatz.test/editions/dortbund-2027', ...stop }],
  ];
  for (const [template, payload] of messages) {
    it(`${template} carries the stop link and the one-click headers`, () => {
      const mail = renderEmail(template, payload, 'tr');
      expect(mail.text).toContain('Artık genelge ve davet istemiyorum: http://festplatz.test/mail/circulars/abc');
      expect(mail.headers).toEqual({ 'List-Unsubscribe': '<http://festplatz.test/mail/one-click/abc>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    });
  }
});
