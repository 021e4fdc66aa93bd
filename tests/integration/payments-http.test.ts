/**
 * Stand fees over HTTP on the real built server: the webhook endpoint (signatures, replay,
 * a busy database), the association's page and the office forms, with and without Stripe.
 * Mail goes through a real SMTP server; the server's database is read directly.
 */
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transferReference } from '../../app/domain/payments/reference';
import { startSmtpServer, type TestSmtp } from '../helpers/mail';
import { signInBySmtp } from '../helpers/payments';
import { startServer, type RunningServer } from '../helpers/server';
import { startStripeServer, type FakeStripe } from '../helpers/stripe-server';
import { shownHtml } from '../helpers/html';

const PUBLIC = 'http://festplatz.test';
let smtp: TestSmtp;
let fake: FakeStripe;
let online: RunningServer;
let offline: RunningServer;

beforeAll(async () => {
  [smtp, fake] = await Promise.all([startSmtpServer(), startStripeServer()]);
  [online, offline] = await Promise.all([
    startServer({
      PUBLIC_URL: PUBLIC,
      SMTP_URL: smtp.url,
      STRIPE_SECRET_KEY: fake.secretKey,
      STRIPE_WEBHOOK_SECRET: fake.webhookSecret,
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: String(fake.port),
      STRIPE_API_PROTOCOL: 'http',
    }),
    startServer({ PUBLIC_URL: PUBLIC, SMTP_URL: smtp.url }),
  ]);
});
afterAll(async () => {
  await Promise.all([online?.stop(), offline?.stop()]);
  await Promise.all([smtp?.close(), fake?.close()]);
});

function query<T>(server: RunningServer, sql: string, ...params: unknown[]): T[] {
  const db = new SQLite(server.databasePath, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
const registrationId = (server: RunningServer, edition: string, org: string) =>
  query<{ id: number }>(
    server,
    'select r.id from registrations r join editions e on e.id = r.edition_id join organisations o on o.id = r.organisation_id where e.slug = ? and o.slug = ?',
    edition,
    org,
  )[0]!.id;

const cookies = new Map<string, string>();
async function as(server: RunningServer, email: string): Promise<string> {
  const key = `${server.url}|${email}`;
  if (!cookies.has(key)) cookies.set(key, await signInBySmtp(server.url, smtp, email, PUBLIC));
  return cookies.get(key)!;
}
const get = async (server: RunningServer, path: string, email?: string) =>
  fetch(`${server.url}${path}`, { redirect: 'manual', headers: { 'Accept-Language': 'de', ...(email ? { Cookie: await as(server, email) } : {}) } });
const post = async (server: RunningServer, path: string, email: string, form: Record<string, string>) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams(form),
    headers: { 'Accept-Language': 'de', Cookie: await as(server, email), Origin: server.url },
  });
const webhook = (payload: string, signature: string) =>
  fetch(`${online.url}/webhooks/stripe`, { method: 'POST', body: payload, headers: { 'Stripe-Signature': signature, 'Content-Type': 'application/json' } });

describe('with Stripe configured', () => {
  it('creates the Checkout Session from the database’s fee, whatever the form says, and lets the form leave for Checkout', async () => {
    const id = registrationId(online, 'dortbund-2027', 'vmdo');
    const page = await get(online, `/account/applications/${id}/payment`, 'kontakt@vmdo.example');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain(`form-action 'self' ${fake.url}`);
    const html = shownHtml(await page.text());
    expect(html).toContain('Jetzt online bezahlen');
    expect(html).not.toContain('Per Überweisung bezahlen');

    const started = await post(online, `/account/applications/${id}/payment`, 'kontakt@vmdo.example', { intent: 'checkout', amount: '1', unit_amount: '1' });
    expect(started.status).toBe(303);
    const session = [...fake.sessions.values()].find((s) => s.client_reference_id === String(id))!;
    expect(started.headers.get('location')).toBe(`${fake.url}/checkout/${session.id}`);
    const request = fake.requests.find((r) => r.path === '/v1/checkout/sessions')!;
    expect(request.idempotencyKey).toBe(`checkout-${id}-1`);
    expect(request.body).toMatchObject({ line_items: [{ price_data: { unit_amount: '5000', currency: 'eur' } }], metadata: { registration_id: String(id) } });
  });

  it('answers 400 to a bad or stale signature, 200 once to a signed event and its replays, and confirms once', async () => {
    const id = registrationId(online, 'dortbund-2027', 'vmdo');
    const session = [...fake.sessions.values()].find((s) => s.client_reference_id === String(id))!;
    const { intent } = fake.pay(session.id);
    const payload = fake.event('checkout.session.completed', session);

    const bad = await webhook(payload, fake.sign(payload, { secret: 'whsec_not_ours' }));
    expect([bad.status, await bad.text()]).toEqual([400, 'Bad signature']);
    const none = await fetch(`${online.url}/webhooks/stripe`, { method: 'POST', body: payload });
    expect(none.status).toBe(400);
    const read = await fetch(`${online.url}/webhooks/stripe`);
    expect([read.status, read.headers.get('allow')]).toEqual([405, 'POST']);
    const stale = await webhook(payload, fake.sign(payload, { timestamp: Math.floor(Date.now() / 1000) - 600 }));
    expect(stale.status).toBe(400);

    const first = await webhook(payload, fake.sign(payload));
    expect([first.status, await first.text()]).toEqual([200, 'processed']);
    const replay = await webhook(payload, fake.sign(payload));
    expect([replay.status, await replay.text()]).toEqual([200, 'duplicate']);
    const second = fake.event('payment_intent.succeeded', intent);
    expect((await webhook(second, fake.sign(second))).status).toBe(200);

    expect(query(online, 'select state from registrations where id = ?', id)).toEqual([{ state: 'confirmed' }]);
    expect(query(online, "select count(*) as n from outbox where template = 'payment-confirmed'")).toEqual([{ n: 1 }]);
    expect(query(online, 'select count(*) as n from receipts where registration_id = ?', id)).toEqual([{ n: 1 }]);
    const mail = await smtp.waitFor((m) => JSON.stringify(m.to).includes('kontakt@vmdo.example') && (m.text ?? '').includes('/receipts/'));
    expect(mail.text).toContain(`${PUBLIC}/account/applications/${id}/payment`);
  });

  it('acknowledges an event for an unknown registration with 200 and ignores it', async () => {
    const foreign = fake.foreignSession({ amount: 5000, metadata: { registration_id: '424242', payment_id: '424242' } });
    fake.pay(foreign.id);
    const payload = fake.event('checkout.session.completed', foreign);
    const response = await webhook(payload, fake.sign(payload));
    expect([response.status, await response.text()]).toEqual([200, 'ignored']);
    expect(online.output()).toContain('stripe webhook: event ignored');
  });

  it('answers 503 while another process holds the database, so Stripe retries, then 200', async () => {
    const id = registrationId(online, 'djelem-djelem-2027', 'vmdo');
    await post(online, `/account/applications/${id}/payment`, 'kontakt@vmdo.example', { intent: 'checkout' });
    const session = [...fake.sessions.values()].find((s) => s.client_reference_id === String(id))!;
    fake.pay(session.id);
    const payload = fake.event('checkout.session.completed', session);
    const lock = new SQLite(online.databasePath);
    try {
      lock.exec('BEGIN IMMEDIATE');
      // the server waits out its busy timeout (5 s), then gives up with 503
      const busy = await webhook(payload, fake.sign(payload));
      expect(busy.status).toBe(503);
    } finally {
      lock.exec('ROLLBACK');
      lock.close();
    }
    const retried = await webhook(payload, fake.sign(payload));
    expect([retried.status, await retried.text()]).toEqual([200, 'processed']);
  });

  it('shows the payment page only to members of the organisation', async () => {
    const id = registrationId(online, 'dortbund-2027', 'vmdo');
    expect((await get(online, `/account/applications/${id}/payment`, 'kontakt@train-of-hope.example')).status).toBe(404);
    expect((await get(online, `/account/applications/${id}/payment`, 'orga@festplatz.localhost')).status).toBe(404);
    expect((await get(online, '/account/applications/999999/payment', 'kontakt@vmdo.example')).status).toBe(404);
    expect((await get(online, '/account/applications/abc/payment', 'kontakt@vmdo.example')).status).toBe(404);
    const signedOut = await get(online, `/account/applications/${id}/payment`);
    expect([signedOut.status, signedOut.headers.get('location')]).toEqual([302, `/login?redirectTo=%2Faccount%2Fapplications%2F${id}%2Fpayment`]);
    const stranger = await post(online, `/account/applications/${id}/payment`, 'kontakt@train-of-hope.example', { intent: 'checkout' });
    expect(stranger.status).toBe(404);
  });
});

describe('without Stripe: bank transfer', () => {
  it('shows the transfer instructions with the unique reference, and refuses online payment', async () => {
    const id = registrationId(offline, 'dortbund-2027', 'vmdo');
    const html = shownHtml(await (await get(offline, `/account/applications/${id}/payment`, 'kontakt@vmdo.example')).text());
    expect(html).toContain('Per Überweisung bezahlen');
    expect(html).toContain('DE89 3704 0044 0532 0130 00');
    expect(html).toContain(transferReference(2027, id));
    expect(html).toContain('Samstag, 14. August 2027');
    expect(html).not.toContain('Jetzt online bezahlen');
    const refused = await post(offline, `/account/applications/${id}/payment`, 'kontakt@vmdo.example', { intent: 'checkout' });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Online-Zahlung ist nicht eingerichtet.');
  });

  it('lets an organiser book the transfer: a bad amount is explained next to the field, then the receipt and the email follow', async () => {
    const id = registrationId(offline, 'dortbund-2027', 'vmdo');
    const office = '/office/editions/dortbund-2027/payments';
    const page = await get(offline, office, 'orga@festplatz.localhost');
    expect(page.status).toBe(200);
    const listing = await page.text();
    expect(listing).toContain('Verbund sozial-kultureller Migrantenvereine in Dortmund e.V. (VMDO)');
    expect(listing).toContain(transferReference(2027, id));

    const bad = await post(offline, office, 'orga@festplatz.localhost', { intent: 'transfer', registrationId: String(id), amount: 'fünfzig', receivedOn: '2026-11-25' });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Bitte geben Sie einen Betrag in Euro an, zum Beispiel 50 oder 50,00.');
    expect(badHtml).toContain('value="fünfzig"');
    expect(badHtml).toMatch(new RegExp(`id="transfer-${id}-amount"[^>]*aria-invalid="true"`));
    const future = await post(offline, office, 'orga@festplatz.localhost', { intent: 'transfer', registrationId: String(id), amount: '50', receivedOn: '2099-01-01' });
    expect(future.status).toBe(400);
    expect(await future.text()).toContain('Das Datum darf nicht in der Zukunft liegen.');
    expect(query(offline, 'select count(*) as n from payments where registration_id = ?', id)).toEqual([{ n: 0 }]);

    const otherEdition = registrationId(offline, 'djelem-djelem-2027', 'vmdo');
    const wrongPlace = await post(offline, office, 'orga@festplatz.localhost', { intent: 'transfer', registrationId: String(otherEdition), amount: '30', receivedOn: '2026-11-25' });
    expect(wrongPlace.status).toBe(404);

    const booked = await post(offline, office, 'orga@festplatz.localhost', { intent: 'transfer', registrationId: String(id), amount: '50,00', receivedOn: '2026-11-25', note: 'Kontoauszug 47' });
    expect(booked.status).toBe(303);
    expect(booked.headers.get('location')).toBe(`${office}?done=transfer#registration-${id}`);
    const [receipt] = query<{ receipt_number: string }>(offline, 'select receipt_number from receipts where registration_id = ?', id);
    expect(query(offline, 'select state from registrations where id = ?', id)).toEqual([{ state: 'confirmed' }]);

    const mail = await smtp.waitFor((m) => JSON.stringify(m.to).includes('kontakt@vmdo.example') && (m.text ?? '').includes(`/receipts/${receipt!.receipt_number}`));
    expect(mail.text).toContain(`${PUBLIC}/receipts/${receipt!.receipt_number}`);

    const paid = await (await get(offline, `/account/applications/${id}/payment`, 'kontakt@vmdo.example')).text();
    expect(paid).toContain('Die Gebühr ist bezahlt. Vielen Dank!');
    expect(paid).toContain(`/receipts/${receipt!.receipt_number}`);

    const printed = await get(offline, `/receipts/${receipt!.receipt_number}`, 'kontakt@vmdo.example');
    expect(printed.status).toBe(200);
    const receiptHtml = await printed.text();
    for (const text of [
      `Beleg ${receipt!.receipt_number}`,
      'Verbund sozial-kultureller Migrantenvereine in Dortmund e.V. (VMDO)',
      'Standgebühr Pavillon 3 × 3 m (gestellt), Dortbund! Eine Stadt. Viele Gesichter 2027',
      '50,00\u00a0€',
      'Der Betrag ist umsatzsteuerfrei.',
      'Stadt Dortmund · Büro für Festkultur (Beispiel)',
      'Friedensplatz 1',
    ]) {
      expect(receiptHtml).toContain(text);
    }
    expect((await get(offline, `/receipts/${receipt!.receipt_number}`, 'orga@festplatz.localhost')).status).toBe(200);
    expect((await get(offline, `/receipts/${receipt!.receipt_number}`, 'kontakt@train-of-hope.example')).status).toBe(404);
    expect((await get(offline, '/receipts/2026-99999', 'orga@festplatz.localhost')).status).toBe(404);
  });

  it('cancels the paid stand with a partial refund from the office; too much is refused next to the field', async () => {
    const id = registrationId(offline, 'dortbund-2027', 'vmdo');
    const office = '/office/editions/dortbund-2027/payments';
    const tooMuch = await post(offline, office, 'orga@festplatz.localhost', { intent: 'cancel', registrationId: String(id), refund: '60', reason: 'Sturmwarnung' });
    expect(tooMuch.status).toBe(400);
    const html = await tooMuch.text();
    expect(html).toContain('Es kann höchstens so viel erstattet werden, wie bezahlt wurde.');
    expect(html).toContain('value="60"');
    const noReason = await post(offline, office, 'orga@festplatz.localhost', { intent: 'cancel', registrationId: String(id), refund: '20', reason: '' });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain('Bitte geben Sie eine Begründung an.');
    expect(query(offline, 'select state from registrations where id = ?', id)).toEqual([{ state: 'confirmed' }]);

    const done = await post(offline, office, 'orga@festplatz.localhost', { intent: 'cancel', registrationId: String(id), refund: '20,00', reason: 'Sturmwarnung: Standzone gesperrt.' });
    expect(done.status).toBe(303);
    expect(query(offline, 'select state from registrations where id = ?', id)).toEqual([{ state: 'cancelled' }]);
    expect(query(offline, 'select r.amount_cents, r.state from refunds r join payments p on p.id = r.payment_id where p.registration_id = ?', id)).toEqual([
      { amount_cents: 2000, state: 'done' },
    ]);
    const mail = await smtp.waitFor((m) => JSON.stringify(m.to).includes('kontakt@vmdo.example') && (m.text ?? '').includes('Sturmwarnung: Standzone gesperrt.'));
    expect(mail.html).toContain('dir="rtl"');
  });

  it('lets the association ask for a waiver and the organiser decide, with reasons required where they must be', async () => {
    const id = registrationId(offline, 'djelem-djelem-2027', 'vmdo');
    const path = `/account/applications/${id}/payment`;
    const empty = await post(offline, path, 'kontakt@vmdo.example', { intent: 'waiver', reason: '   ' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Bitte geben Sie eine Begründung an.');
    const asked = await post(offline, path, 'kontakt@vmdo.example', { intent: 'waiver', reason: 'Ehrenamtlicher Kulturverein ohne Einnahmen.', nonProfit: 'on' });
    expect([asked.status, asked.headers.get('location')]).toEqual([303, `${path}?waiver=requested`]);
    const page = await (await get(offline, `${path}?waiver=requested`, 'kontakt@vmdo.example')).text();
    expect(page).toContain('Ihr Antrag ist eingegangen.');
    expect(page).toContain('Sie haben einen Erlass beantragt. Das Veranstaltungsbüro prüft den Antrag.');

    const office = '/office/editions/djelem-djelem-2027/payments';
    const listing = await (await get(offline, office, 'orga@festplatz.localhost')).text();
    expect(listing).toContain('Ehrenamtlicher Kulturverein ohne Einnahmen.');
    const noReason = await post(offline, office, 'orga@festplatz.localhost', { intent: 'refuse', registrationId: String(id), reason: '' });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain('Bitte geben Sie eine Begründung an.');
    const granted = await post(offline, office, 'orga@festplatz.localhost', { intent: 'grant', registrationId: String(id), reason: '' });
    expect(granted.status).toBe(303);
    expect(query(offline, 'select state from registrations where id = ?', id)).toEqual([{ state: 'confirmed' }]);
    const after = await (await get(offline, path, 'kontakt@vmdo.example')).text();
    expect(after).toContain('Die Gebühr wurde Ihnen erlassen. Ihr Stand ist bestätigt.');
  });
});
