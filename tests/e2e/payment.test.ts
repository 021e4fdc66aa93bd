/**
 * An approved association pays its stand fee with Stripe Checkout in a browser: the real
 * Stripe SDK talks to a local server that answers like Stripe's API, whose "hosted
 * checkout" page sends the browser back to the success URL; the signed webhook then
 * confirms the payment, and the receipt and the confirmation email (real SMTP) are right.
 */
import net from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import SQLite from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../app/lib/money';
import { translator } from '../../app/lib/i18n';
import { browserCookie } from '../helpers/auth';
import { expectVisible, launchBrowser } from '../helpers/browser';
import { startSmtpServer, type TestSmtp } from '../helpers/mail';
import { signInBySmtp } from '../helpers/payments';
import { startServer, type RunningServer } from '../helpers/server';
import { startStripeServer, type FakeStripe } from '../helpers/stripe-server';

/** A free port, so that PUBLIC_URL (the success URL Stripe sends the browser back to) is known before start. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

let fake: FakeStripe;
let smtp: TestSmtp;
let server: RunningServer;
let browser: Browser;
let publicUrl: string;

beforeAll(async () => {
  [fake, smtp, browser] = await Promise.all([startStripeServer(), startSmtpServer(), launchBrowser()]);
  const port = await freePort();
  publicUrl = `http://127.0.0.1:${port}`;
  server = await startServer({
    PORT: String(port),
    PUBLIC_URL: publicUrl,
    SMTP_URL: smtp.url,
    STRIPE_SECRET_KEY: fake.secretKey,
    STRIPE_WEBHOOK_SECRET: fake.webhookSecret,
    STRIPE_API_HOST: '127.0.0.1',
    STRIPE_API_PORT: String(fake.port),
    STRIPE_API_PROTOCOL: 'http',
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await Promise.all([fake?.close(), smtp?.close()]);
});

function one<T>(sql: string, ...params: unknown[]): T {
  const db = new SQLite(server.databasePath, { readonly: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

const registrationOf = (edition: string) =>
  one<{ id: number; state: string }>(
    "select r.id, r.state from registrations r join editions e on e.id = r.edition_id join organisations o on o.id = r.organisation_id where e.slug = ? and o.slug = 'vmdo'",
    edition,
  );

async function expectNoAxeViolations(page: import('playwright-core').Page) {
  const result = await new AxeBuilder({ page: page as never }).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describe('an approved association pays its stand fee online', () => {
  it('pays through Checkout, is confirmed by the signed webhook, and gets the receipt and the email', async () => {
    const registration = registrationOf('dortbund-2027');
    expect(registration.state).toBe('approved');
    const cookie = await signInBySmtp(server.url, smtp, 'kontakt@vmdo.example');
    const context = await browser.newContext({ locale: 'de-DE' });
    await context.addCookies([browserCookie(server.url, cookie)]);
    const page = await context.newPage();

    // from the account page to the stand fee
    await page.goto(`${server.url}/account`);
    await page.getByRole('region', { name: 'Standgebühren' }).getByRole('link', { name: 'Dortbund! Eine Stadt. Viele Gesichter 2027' }).click();
    await page.waitForURL(`${server.url}/account/applications/${registration.id}/payment`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Standgebühr' }));
    await expect(page.locator('.facts-list dd').first().textContent()).resolves.toBe('50,00\u00a0€');
    await expectVisible(page.getByText('Offen', { exact: true }));
    await expectNoAxeViolations(page);

    // to (the stand-in for) Stripe's hosted Checkout, and back
    await page.getByRole('button', { name: 'Jetzt online bezahlen (50,00\u00a0€)' }).click();
    await page.waitForURL(new RegExp(`^${fake.url}/checkout/cs_test_`));
    await expect(page.locator('#amount').textContent()).resolves.toBe('5000');
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.waitForURL(new RegExp(`/account/applications/${registration.id}/payment\\?checkout=success&session_id=cs_test_`));
    await expectVisible(page.getByText('Vielen Dank! Wir warten noch auf die Bestätigung der Zahlung durch Stripe.', { exact: false }));
    // coming back does not make it paid: only the webhook does
    expect(registrationOf('dortbund-2027').state).toBe('approved');
    await expectVisible(page.getByText('Offen', { exact: true }));

    // Stripe tells the server, signed
    const session = [...fake.sessions.values()].find((s) => s.client_reference_id === String(registration.id))!;
    expect(session.status).toBe('complete');
    const payload = fake.event('checkout.session.completed', session);
    const delivered = await fetch(`${server.url}/webhooks/stripe`, { method: 'POST', body: payload, headers: { 'Stripe-Signature': fake.sign(payload), 'Content-Type': 'application/json' } });
    expect([delivered.status, await delivered.text()]).toEqual([200, 'processed']);
    expect(registrationOf('dortbund-2027').state).toBe('confirmed');

    await page.reload();
    await expectVisible(page.getByText('Vielen Dank! Ihre Zahlung ist eingegangen.'));
    await expectVisible(page.getByText('Bezahlt', { exact: true }));
    const { receipt_number: number, issued_at: issuedAt } = one<{ receipt_number: string; issued_at: string }>(
      'select receipt_number, issued_at from receipts where registration_id = ?',
      registration.id,
    );
    expect(number).toMatch(/^\d{4}-\d{5}$/);

    // the printable receipt
    await page.getByRole('link', { name: `Beleg ${number}` }).click();
    await page.waitForURL(`${server.url}/receipts/${number}`);
    await expectVisible(page.getByRole('heading', { level: 1, name: `Beleg ${number}` }));
    const facts = await page.locator('.receipt .facts-list').innerText();
    const day = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(issuedAt));
    for (const line of [
      number,
      day,
      'Verbund sozial-kultureller Migrantenvereine in Dortmund e.V. (VMDO)',
      'Standgebühr Pavillon 3 × 3 m (gestellt), Dortbund! Eine Stadt. Viele Gesichter 2027',
      'Online (Stripe)',
      '50,00\u00a0€',
    ]) {
      expect(facts).toContain(line);
    }
    await expectVisible(page.getByText('Der Betrag ist umsatzsteuerfrei.'));
    await expectVisible(page.getByText('Stadt Dortmund · Büro für Festkultur (Beispiel)'));
    await expectNoAxeViolations(page);

    // the confirmation email, in the contact's language (Arabic), through real SMTP
    const mail = await smtp.waitFor((m) => JSON.stringify(m.to).includes('kontakt@vmdo.example') && (m.text ?? '').includes(`/receipts/${number}`));
    const ar = translator('ar');
    const edition = 'Dortbund! Eine Stadt. Viele Gesichter 2027';
    expect(mail.subject).toBe(ar('payments:emails.confirmed.subject', { amount: formatMoney(5000, 'ar'), edition }));
    expect(mail.text).toContain(ar('payments:emails.confirmed.body', { amount: formatMoney(5000, 'ar'), organisation: 'Verbund sozial-kultureller Migrantenvereine in Dortmund e.V. (VMDO)' }));
    expect(mail.text).toContain(ar('payments:emails.confirmed.standConfirmed', { edition }));
    expect(mail.text).toContain(ar('payments:emails.confirmed.receipt', { receipt: number }));
    expect(mail.text).toContain(`${publicUrl}/receipts/${number}`);
    expect(mail.html).toContain('lang="ar" dir="rtl"');
    await context.close();
  });

  it('reaches Checkout without JavaScript too (the form may be sent on to Stripe), and a cancelled checkout says so', async () => {
    const registration = registrationOf('djelem-djelem-2027');
    const cookie = await signInBySmtp(server.url, smtp, 'kontakt@vmdo.example');
    const context = await browser.newContext({ locale: 'de-DE', javaScriptEnabled: false });
    await context.addCookies([browserCookie(server.url, cookie)]);
    const page = await context.newPage();
    await page.goto(`${server.url}/account/applications/${registration.id}/payment`);
    await page.getByRole('button', { name: 'Jetzt online bezahlen (30,00\u00a0€)' }).click();
    await page.waitForURL(new RegExp(`^${fake.url}/checkout/cs_test_`));
    await page.getByRole('link', { name: 'Cancel and go back' }).click();
    await page.waitForURL(`${server.url}/account/applications/${registration.id}/payment?checkout=cancelled`);
    await expectVisible(page.getByText('Die Zahlung wurde abgebrochen. Es wurde nichts abgebucht.', { exact: false }));
    expect(registrationOf('djelem-djelem-2027').state).toBe('approved');
    await context.close();
  });
});
