/**
 * Issue 14: every refused request a person can cause reads as translated text — the status
 * page's title and reason, or the message beside the field — and never as a translation key,
 * JSON or a stack trace. One sweep over the public site and the account, in German and English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../helpers/auth';
import { startSmtpServer, type TestSmtp } from '../helpers/mail';
import { startServer, type RunningServer } from '../helpers/server';
import { shownHtml } from '../helpers/html';

let server: RunningServer;
let smtp: TestSmtp;
let member: string;
beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startServer({ SMTP_URL: smtp.url });
  member = await signIn(server.url, smtp, 'kontakt@train-of-hope.example');
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

const RAW_KEY = /\b[a-z]+:[a-z][a-zA-Z]*\.[a-zA-Z.]+\b|\berrors\.[a-z]+[A-Z.]\w*/;

type Refusal = { what: string; url: string; method?: 'POST'; body?: Record<string, string> | string; type?: string; cookie?: boolean; status: number; reads: string };

const refusals: Refusal[] = [
  { what: 'an unknown page', url: '/gibt-es-nicht', status: 404, reads: 'Seite nicht gefunden' },
  { what: 'an unknown edition', url: '/editions/keine-ausgabe-1999', status: 404, reads: '<h1 id="error-title">Seite nicht gefunden</h1>' },
  { what: 'an unknown program item', url: '/program/00000000-0000-0000-0000-000000000000', status: 404, reads: '<h1 id="error-title">Seite nicht gefunden</h1>' },
  { what: 'an unknown organisation', url: '/organisations/niemand', status: 404, reads: '<h1 id="error-title">Seite nicht gefunden</h1>' },
  { what: 'a malformed receipt number', url: '/receipts/xyz', cookie: true, status: 404, reads: '<h1 id="error-title">Seite nicht gefunden</h1>' },
  { what: 'somebody else’s application', url: '/account/applications/999999', cookie: true, status: 404, reads: '<h1 id="error-title">Seite nicht gefunden</h1>' },
  { what: 'an application id that is no number', url: '/account/applications/abc', cookie: true, status: 404, reads: '<h1 id="error-title">Seite nicht gefunden</h1>' },
  { what: 'an unknown invitation', url: `/invitations/${'z'.repeat(43)}`, status: 404, reads: 'Dieser Einladungslink ist ungültig.' },
  { what: 'an unknown subscription link', url: `/notifications/confirm/${'q'.repeat(32)}`, status: 404, reads: 'Dieser Link ist ungültig.' },
  { what: 'an unknown circulars link', url: `/mail/circulars/${'q'.repeat(32)}`, status: 404, reads: 'Dieser Link ist ungültig.' },
  { what: 'a used-up sign-in link', url: '/login/verify', method: 'POST', body: { token: 'x'.repeat(43) }, status: 400, reads: 'Dieser Login-Link ist ungültig oder wurde schon benutzt.' },
  { what: 'a sign-in without an address', url: '/login', method: 'POST', body: { email: 'keine-adresse' }, status: 400, reads: 'Bitte geben Sie eine gültige E-Mail-Adresse an.' },
  { what: 'a subscription without consent', url: '/notifications', method: 'POST', body: { series: 'djelem-djelem', email: 'a@example.org', consentFor: 'djelem-djelem' }, status: 400, reads: 'Bitte stimmen Sie zu, damit wir Ihnen schreiben dürfen.' },
  { what: 'a form post that is JSON', url: '/login', method: 'POST', body: '{"email":"a@example.org"}', type: 'application/json', status: 415, reads: 'Diese Adresse nimmt nur ein Formular an' },
];

describe('refusals read as text', () => {
  for (const r of refusals) {
    it(`${r.what}: ${r.status}, translated, no key`, async () => {
      const headers: Record<string, string> = { 'Accept-Language': 'de' };
      if (r.cookie) headers.Cookie = member;
      let body: string | URLSearchParams | undefined;
      if (typeof r.body === 'string') {
        body = r.body;
        headers['Content-Type'] = r.type ?? 'text/plain';
      } else if (r.body) body = new URLSearchParams(r.body);
      const response = await fetch(`${server.url}${r.url}`, { method: r.method ?? 'GET', body, headers, redirect: 'manual' });
      expect(response.status).toBe(r.status);
      const text = shownHtml(await response.text());
      expect(text).toContain(r.reads);
      expect(text).not.toMatch(RAW_KEY);
      expect(text).not.toMatch(/^\s*\{/);
      expect(text).not.toContain('    at ');
    });
  }

  it('the same refusals in English read English', async () => {
    const page = shownHtml(await (await fetch(`${server.url}/editions/keine-ausgabe-1999?lang=en`)).text());
    expect(page).not.toMatch(RAW_KEY);
    expect(page).toMatch(/<h1 id="error-title">[A-Z][a-z]/);
    const login = shownHtml(await (await fetch(`${server.url}/login?lang=en`, { method: 'POST', body: new URLSearchParams({ email: 'no' }) })).text());
    expect(login).toContain('Please enter a valid email address.');
  });
});
