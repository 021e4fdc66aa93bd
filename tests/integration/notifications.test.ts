import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderEmail } from '../../emails/index';
import {
  confirmSubscription,
  CONSENT_VERSION,
  notifyScheduleRelease,
  requestSubscription,
  unsubscribe,
} from '~/domain/notifications/subscriptions.server';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { startServer, type RunningServer } from '../helpers/server';
import { startSmtpServer, type TestSmtp } from '../helpers/mail';
import type { ParsedMail } from 'mailparser';

const PUBLIC_URL = 'https://feste.example';
let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase({ seed: true });
});
afterAll(() => test.close());

const outbox = () => test.db.selectFrom('outbox').selectAll().orderBy('id').execute();

async function release(version: number, changes: { uid: string; change: string }[]) {
  const edition = await test.db.selectFrom('editions').select('id').where('slug', '=', 'djelem-djelem-2027').executeTakeFirstOrThrow();
  const row = await test.db
    .insertInto('schedule_releases')
    .values({ edition_id: edition.id, version, published_at: new Date().toISOString(), changes: JSON.stringify(changes) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('email notifications for a series, with double opt-in', () => {
  it('sends only the confirmation before consent, then releases in the subscriber’s language, each with an unsubscribe link', async () => {
    await requestSubscription(test.db, { series: 'djelem-djelem', email: ' Leyla@Example.org ', locale: 'ar', publicUrl: PUBLIC_URL });
    const [confirm] = await outbox();
    expect(confirm).toMatchObject({ to_address: 'leyla@example.org', locale: 'ar', template: 'series-subscription-confirm' });
    const sub = await test.db.selectFrom('series_subscriptions').selectAll().executeTakeFirstOrThrow();
    expect(sub).toMatchObject({ status: 'pending', consent_version: CONSENT_VERSION, locale: 'ar', confirmed_at: null });
    expect(sub.consent_text).toBe('نعم، أرسلوا لي رسائل حول برنامج „Djelem Djelem“. يمكنني إلغاء الاشتراك عبر الرابط في كل رسالة.');
    const confirmMail = renderEmail(confirm!.template, JSON.parse(confirm!.payload), confirm!.locale);
    expect(confirmMail.subject).toBe('يرجى التأكيد: رسائل حول Djelem Djelem');
    expect(confirmMail.text).toContain(`${PUBLIC_URL}/notifications/confirm/${sub.token}`);

    // not confirmed yet: a release sends nothing
    expect(await notifyScheduleRelease(test.db, await release(3, [{ uid: 'djelem-djelem-2027-05', change: 'cancelled' }]), PUBLIC_URL)).toBe(0);
    expect(await outbox()).toHaveLength(1);

    // asking again while pending renews the link; once confirmed, asking again sends nothing
    await requestSubscription(test.db, { series: 'djelem-djelem', email: 'leyla@example.org', locale: 'ar', publicUrl: PUBLIC_URL });
    const renewed = await test.db.selectFrom('series_subscriptions').select('token').executeTakeFirstOrThrow();
    expect(renewed.token).not.toBe(sub.token);
    await expect(confirmSubscription(test.db, sub.token)).rejects.toThrow('feeds:notify.errors.unknownLink');
    await confirmSubscription(test.db, renewed.token);
    await requestSubscription(test.db, { series: 'djelem-djelem', email: 'leyla@example.org', locale: 'ar', publicUrl: PUBLIC_URL });
    expect((await outbox()).map((m) => m.template)).toEqual(['series-subscription-confirm', 'series-subscription-confirm']);

    const releaseId = await release(4, [
      { uid: 'djelem-djelem-2027-09', change: 'cancelled' },
      { uid: 'djelem-djelem-2027-14', change: 'moved' },
    ]);
    expect(await notifyScheduleRelease(test.db, releaseId, PUBLIC_URL)).toBe(1);
    expect(await notifyScheduleRelease(test.db, releaseId, PUBLIC_URL)).toBe(1); // run twice: the dedupe key keeps one mail
    const updates = (await outbox()).filter((m) => m.template === 'program-update');
    expect(updates).toHaveLength(1);
    const mail = renderEmail(updates[0]!.template, JSON.parse(updates[0]!.payload), updates[0]!.locale);
    expect(mail.subject).toBe('تغييرات في البرنامج: Djelem Djelem 2027');
    expect(mail.text).toContain('أُلغي: Konzert: Djelem Djelem Ensemble');
    expect(mail.text).toContain(`${PUBLIC_URL}/program/djelem-djelem-2027-09`);
    expect(mail.text).toContain(`إلغاء الاشتراك: ${PUBLIC_URL}/notifications/unsubscribe/${renewed.token}`);
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.headers).toEqual({ 'List-Unsubscribe': `<${PUBLIC_URL}/notifications/one-click/${renewed.token}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });

    await unsubscribe(test.db, renewed.token);
    const after = await test.db.selectFrom('series_subscriptions').selectAll().executeTakeFirstOrThrow();
    expect(after.status).toBe('unsubscribed');
    expect(after.unsubscribed_at).not.toBeNull();
    expect(await notifyScheduleRelease(test.db, await release(5, [{ uid: 'djelem-djelem-2027-14', change: 'changed' }]), PUBLIC_URL)).toBe(0);
  });

  it('refuses an unknown series', async () => {
    await expect(requestSubscription(test.db, { series: 'nope', email: 'a@example.org', locale: 'de', publicUrl: PUBLIC_URL })).rejects.toThrow(
      'feeds:notify.errors.series',
    );
  });
});

describe('the subscription form on the running server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.stop());

  const post = (body: Record<string, string>) =>
    fetch(`${server.url}/notifications?lang=en`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body),
    });

  it('explains bad input next to the field and keeps it; writes one confirmation mail for good input', async () => {
    const bad = await post({ series: 'djelem-djelem', email: 'not-an-address' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('value="not-an-address"');
    expect(html).toContain('Please agree so that we may write to you.');

    // consent given beside another series' text: asked again, in words, nothing saved
    const otherText = await post({ series: 'djelem-djelem', email: 'resident@example.org', consent: 'yes', consentFor: 'dortbund' });
    expect(otherText.status).toBe(400);
    expect(await otherText.text()).toContain('You chose another series. Please read the consent for this series and tick the box again.');

    const good = await post({ series: 'djelem-djelem', email: 'resident@example.org', consent: 'yes', consentFor: 'djelem-djelem' });
    expect(good.status).toBe(200);
    expect(await good.text()).toContain('We sent a confirmation link to resident@example.org.');
    const db = new SQLite(server.databasePath, { readonly: true });
    try {
      const rows = db.prepare(`select to_address, template, locale from outbox where template = 'series-subscription-confirm'`).all();
      expect(rows).toEqual([{ to_address: 'resident@example.org', template: 'series-subscription-confirm', locale: 'en' }]);
    } finally {
      db.close();
    }
    // the link in the mail opens a page; only its button confirms
    const db2 = new SQLite(server.databasePath, { readonly: true });
    const { token } = db2.prepare(`select token from series_subscriptions`).get() as { token: string };
    db2.close();
    const page = await fetch(`${server.url}/notifications/confirm/${token}?lang=en`);
    expect(await page.text()).toContain('Yes, confirm');
    const db3 = new SQLite(server.databasePath, { readonly: true });
    expect((db3.prepare(`select status from series_subscriptions`).get() as { status: string }).status).toBe('pending');
    db3.close();
    expect((await fetch(`${server.url}/notifications/confirm/${'x'.repeat(32)}`)).status).toBe(404);
  });
});

describe('unsubscribing from a resident’s mail', () => {
  let server: RunningServer;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startServer({ SMTP_URL: smtp.url, PUBLIC_URL: 'http://festplatz.test' });
  });
  afterAll(async () => {
    await server.stop();
    await smtp.close();
  });
  const header = (m: ParsedMail, name: string) => m.headerLines.find((h) => h.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, '');

  it('the confirmation mail has an unsubscribe link and List-Unsubscribe one-click headers; a cookie-less cross-site POST unsubscribes', async () => {
    const asked = await fetch(`${server.url}/notifications?lang=en`, {
      method: 'POST',
      body: new URLSearchParams({ series: 'djelem-djelem', email: 'oneclick@example.org', consent: 'yes', consentFor: 'djelem-djelem' }),
    });
    expect(asked.status).toBe(200);
    const mail = await smtp.waitFor((m) => JSON.stringify(m.to).includes('oneclick@example.org'));
    const db = new SQLite(server.databasePath, { readonly: true });
    const { token } = db.prepare(`select token from series_subscriptions where email = 'oneclick@example.org'`).get() as { token: string };
    expect(mail.text).toContain(`Unsubscribe: http://festplatz.test/notifications/unsubscribe/${token}`);
    expect(header(mail, 'List-Unsubscribe')).toBe(`<http://festplatz.test/notifications/one-click/${token}>`);
    expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');

    // a GET (a link scanner) changes nothing, it leads to the page that asks
    const looked = await fetch(`${server.url}/notifications/one-click/${token}`, { redirect: 'manual' });
    expect(looked.status).toBe(302);
    expect((db.prepare(`select status from series_subscriptions where email = 'oneclick@example.org'`).get() as { status: string }).status).toBe('pending');

    // the mail provider's POST: no cookie, from its own site
    const clicked = await fetch(`${server.url}/notifications/one-click/${token}?lang=en`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://mail.example.com', 'Sec-Fetch-Site': 'cross-site' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(clicked.status).toBe(200);
    expect(await clicked.text()).toBe('You are unsubscribed and get no more emails about this series.');
    expect((db.prepare(`select status from series_subscriptions where email = 'oneclick@example.org'`).get() as { status: string }).status).toBe('unsubscribed');

    const unknown = await fetch(`${server.url}/notifications/one-click/${'x'.repeat(32)}?lang=en`, { method: 'POST', body: 'List-Unsubscribe=One-Click' });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).not.toContain('feeds:');
    db.close();
  });
});
