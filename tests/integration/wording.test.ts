/**
 * Issue 14, point 9: German keeps signing in (einloggen) and applying for a stand
 * (anmelden) apart and says Sie to everyone (docs/translating.md); the sign-in page says why
 * one is asked to sign in and that a new address is welcome.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { shownHtml } from '../helpers/html';

const de = (ns: string) => JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../app/locales/de/${ns}.json`), 'utf8')) as Record<string, unknown>;
function texts(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => texts(v, prefix ? `${prefix}.${k}` : k));
}
const NAMESPACES = fs.readdirSync(path.resolve(import.meta.dirname, '../../app/locales/de')).map((f) => f.replace(/\.json$/, ''));
const all = NAMESPACES.flatMap((ns) => texts(de(ns), ns));

describe('German vocabulary', () => {
  it('never says anmelden or abmelden for signing in, or einloggen for a stand', () => {
    const signIn = all.filter(([key]) => /^(auth\.|emails\.signIn|security\.sessions|admin\.twoFactor|admin\.privacy\.signInNotice)/.test(key));
    expect(signIn.length).toBeGreaterThan(10);
    // (a stand may be named: "einen Stand anzumelden", "Standanmeldungen")
    expect(signIn.filter(([, text]) => /(?<!Stand )anzumeld|(?<!Stand)anmeld|abmeld/i.test(text))).toEqual([]);
    const stands = all.filter(([key]) => /^(registration\.(apply|status|emails|errors)|places\.|setup\.edition)/.test(key));
    expect(stands.filter(([, text]) => /einlogg|Login/i.test(text))).toEqual([]);
  });

  it('addresses everyone with Sie, never du', () => {
    const du = all.filter(([, text]) => /\b(du|dich|dir|dein|deine|deinem|deinen|deiner)\b/i.test(text));
    expect(du).toEqual([]);
    // residents' mail: program updates are abbestellt, not abgemeldet
    expect(all.filter(([key, text]) => key.startsWith('feeds.') && /abmeld|anmeld/i.test(text))).toEqual([]);
  });
});

describe('the sign-in page', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.stop());
  const page = async (url: string) => shownHtml(await (await fetch(`${server.url}${url}`)).text());

  it('says why one is asked to sign in, and that a new address is welcome', async () => {
    const apply = await page(`/login?redirectTo=${encodeURIComponent('/editions/dortbund-2027/apply')}`);
    expect(apply).toContain('<h1>Einloggen</h1>');
    expect(apply).toContain('Um einen Stand anzumelden, loggen Sie sich bitte zuerst ein.');
    expect(apply).toContain('Neu hier? Geben Sie einfach Ihre E-Mail-Adresse ein');
    expect(apply).toContain('Login-Link senden');
    expect(await page(`/login?redirectTo=%2Foffice&lang=en`)).toContain('The festival office is open only to organisers who are signed in.');
    expect(await page(`/login?redirectTo=%2Faccount&lang=tr`)).toContain('Hesabınızı ve kuruluşunuzun stant başvurularını giriş yaptıktan sonra görürsünüz.');
    const plain = await page('/login');
    expect(plain).not.toContain('role="note"');
    expect(plain).toContain('Neu hier?');
  });

  it('is where "Stand anmelden" leads a visitor who is not signed in, titled Einloggen', async () => {
    const response = await fetch(`${server.url}/editions/dortbund-2027/apply`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const target = response.headers.get('location')!;
    expect(target).toMatch(/^\/login\?redirectTo=/);
    expect(await page(target)).toContain('Um einen Stand anzumelden, loggen Sie sich bitte zuerst ein.');
  });
});
