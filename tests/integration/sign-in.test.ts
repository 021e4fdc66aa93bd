import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { startSmtpServer, linkIn, type TestSmtp } from '../helpers/mail';
import { startServer, type RunningServer } from '../helpers/server';
import { redeemSignInToken, requestSignInLink, safeRedirect } from '../../app/domain/people/sign-in.server';

describe('sign-in by email link, against the running server and a real SMTP server', () => {
  let smtp: TestSmtp;
  let server: RunningServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startServer({ SMTP_URL: smtp.url, PUBLIC_URL: 'http://festplatz.test' });
  });
  afterAll(async () => {
    await server.stop();
    await smtp.close();
  });

  const ask = (email: string, extra: Record<string, string> = {}) =>
    fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ email, ...extra }), headers: { 'Accept-Language': 'en' } });

  it('answers known and unknown addresses alike, and signs a new association in once', async () => {
    const known = await ask('orga@festplatz.localhost');
    const unknown = await ask('neu@verein.example');
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const strip = (html: string) => html.replace(/orga@festplatz\.localhost|neu@verein\.example/g, 'EMAIL').replace(/nonce="[^"]+"/g, '');
    expect(strip(await known.text())).toBe(strip(await unknown.text()));

    const mail = await smtp.waitFor((m) => m.to !== undefined && JSON.stringify(m.to).includes('neu@verein.example'));
    expect(mail.subject).toBe('Your sign-in link for Festplatz');
    const link = new URL(linkIn(mail, 'http://festplatz.test/login/verify?token='));
    // Opening the link does not use it up (mail scanners open links)
    const page = await fetch(`${server.url}${link.pathname}${link.search}`);
    expect(page.status).toBe(200);
    const token = link.searchParams.get('token')!;
    const first = await fetch(`${server.url}/login/verify`, { method: 'POST', body: new URLSearchParams({ token }), redirect: 'manual' });
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe('/account');
    const cookie = first.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^__session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const account = await fetch(`${server.url}/account`, { headers: { Cookie: cookie.split(';')[0]!, 'Accept-Language': 'en' } });
    expect(await account.text()).toContain('Signed in as neu@verein.example');

    const again = await fetch(`${server.url}/login/verify`, { method: 'POST', body: new URLSearchParams({ token }), redirect: 'manual', headers: { 'Accept-Language': 'en' } });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('This sign-in link is not valid or has already been used.');
  });

  it('refuses a malformed address with a translated message next to the field, keeping the input', async () => {
    const response = await fetch(`${server.url}/login?lang=tr`, { method: 'POST', body: new URLSearchParams({ email: 'kein-at-zeichen' }) });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Lütfen geçerli bir e-posta adresi girin.');
    expect(html).toContain('value="kein-at-zeichen"');
    expect(html).toContain('aria-invalid="true"');
  });

  it('sends signed-out visitors of the office to sign in, and members away with 403', async () => {
    const office = await fetch(`${server.url}/office`, { redirect: 'manual' });
    expect(office.status).toBe(302);
    expect(office.headers.get('location')).toBe('/login?redirectTo=%2Foffice');
  });
});

describe('sign-in links (domain)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
  });
  afterAll(() => t.close());

  async function tokenFor(email: string, now: Date, sessionLocale?: string) {
    await requestSignInLink(t.db, { email, locale: 'de', sessionLocale, publicUrl: 'http://x', now });
    const row = await t.db.selectFrom('outbox').select('payload').orderBy('id', 'desc').executeTakeFirstOrThrow();
    return new URL(JSON.parse(row.payload).url).searchParams.get('token')!;
  }

  it('expires after 30 minutes', async () => {
    const asked = new Date('2026-11-25T10:00:00.000Z');
    const token = await tokenFor('Orga@Festplatz.localhost', asked);
    await expect(redeemSignInToken(t.db, token, new Date('2026-11-25T10:30:01.000Z'))).rejects.toMatchObject({ messageKey: 'auth:errors.linkExpired' });
    const fresh = await tokenFor('orga@festplatz.localhost', asked);
    const { person } = await redeemSignInToken(t.db, fresh, new Date('2026-11-25T10:29:00.000Z'));
    expect(person.role).toBe('organiser');
  });

  it('keeps the database free of the token itself and writes in the language of the browser that asked', async () => {
    // a client that says no language: the stored one (Arabic for the demo contact of Train of Hope)
    await tokenFor('kontakt@train-of-hope.example', new Date());
    expect((await t.db.selectFrom('outbox').select('locale').orderBy('id', 'desc').executeTakeFirstOrThrow()).locale).toBe('ar');
    const token = await tokenFor('kontakt@train-of-hope.example', new Date(), 'de');
    const rows = await t.db.selectFrom('sign_in_tokens').selectAll().execute();
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    const mail = await t.db.selectFrom('outbox').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    // the demo contact of Train of Hope has Arabic stored, but asked on the German site
    expect(mail.locale).toBe('de');
    const stored = () => t.db.selectFrom('people').select('locale').where('email', '=', 'kontakt@train-of-hope.example').executeTakeFirstOrThrow();
    expect((await stored()).locale).toBe('ar'); // asking alone changes nothing
    const { person } = await redeemSignInToken(t.db, token);
    expect(person.locale).toBe('de'); // using the link does: later mail follows it
    expect((await stored()).locale).toBe('de');
  });

  it('redirects only to local paths', () => {
    expect(safeRedirect('/office')).toBe('/office');
    expect(safeRedirect('//evil.example')).toBe('/account');
    expect(safeRedirect('https://evil.example')).toBe('/account');
    expect(safeRedirect('/\\evil.example')).toBe('/account');
  });
});
