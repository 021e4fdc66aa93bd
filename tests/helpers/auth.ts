import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { generateSync } from 'otplib';
import type { Page } from 'playwright-core';
import type { TestSmtp } from './mail';
import { isLocale, translator } from '../../app/lib/i18n';

/** Links this process already used: a second sign-in within a second must not pick up the first one's mail. */
const usedLinks = new Set<string>();

async function latestSignInLink(mail: string | TestSmtp, email: string, after: number): Promise<string> {
  if (typeof mail !== 'string') {
    // A real SMTP server (startSmtpServer): the newest unused link to that address.
    const message = await mail.waitFor((m) => {
      const to = Array.isArray(m.to) ? m.to.map((a) => a.text).join(',') : (m.to?.text ?? '');
      const link = (m.text ?? '').split(/\s+/).find((w) => w.includes('/login/verify?token='));
      return to.includes(email) && Boolean(link) && !usedLinks.has(link!);
    });
    const link = (message.text ?? '').split(/\s+/).find((w) => w.includes('/login/verify?token='))!;
    usedLinks.add(link);
    return link;
  }
  const mailDir = mail;
  const until = Date.now() + 10_000;
  for (;;) {
    const files = fs.existsSync(mailDir) ? fs.readdirSync(mailDir).filter((f) => f.endsWith('.eml')).sort().reverse() : [];
    for (const file of files) {
      const full = path.join(mailDir, file);
      if (fs.statSync(full).mtimeMs < after) continue;
      const mail = await simpleParser(fs.readFileSync(full));
      const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(',') : (mail.to?.text ?? '');
      const link = (mail.text ?? '').split(/\s+/).find((w) => w.includes('/login/verify?token='));
      if (to.includes(email) && link && !usedLinks.has(link)) {
        usedLinks.add(link);
        return link;
      }
    }
    if (Date.now() > until) throw new Error(`no sign-in mail for ${email} in ${mailDir}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * TOTP secrets of office people enrolled through `signIn`, per server and address, with
 * the last time step used (a code is accepted only once, so the next sign-in uses a later step).
 */
const enrolled = new Map<string, { secret: string; lastStep: number }>();

/** A TOTP code for an office person this helper enrolled on that server (for tests of the second step). */
export async function totpCodeFor(serverUrl: string, email: string): Promise<{ code: string; step: number }> {
  const entry = enrolled.get(`${serverUrl}|${email.toLowerCase()}`);
  if (!entry) throw new Error(`${email} was not enrolled through signIn() on ${serverUrl}`);
  return nextCode(entry);
}

export function rememberTotpSecret(serverUrl: string, email: string, secret: string, lastStep = 0): void {
  enrolled.set(`${serverUrl}|${email.toLowerCase()}`, { secret, lastStep });
}

async function nextCode(entry: { secret: string; lastStep: number }): Promise<{ code: string; step: number }> {
  const current = Math.floor(Date.now() / 30_000);
  // A code is accepted once and at most one step ahead: a third sign-in of the same person
  // within one 30-second step waits for the next step (rare; a test normally signs in once).
  const step = Math.max(current, entry.lastStep + 1);
  entry.lastStep = step;
  const wait = (step - 1) * 30_000 - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait + 50));
  return { code: generateSync({ secret: entry.secret, epoch: step * 30 }), step };
}

const cookieOf = (response: Response) => response.headers.getSetCookie().find((c) => c.startsWith('__session='))?.split(';')[0];

/**
 * Signs in through the real email-link flow of a server started by startServer() (which
 * writes mail to files under `mailDir`, or sends it to the test SMTP server given instead).
 * Returns the Cookie header value of the session.
 * Office people (administrators, series teams) also pass the second factor: on their first
 * sign-in the helper enrols them (reading the key from /login/enrol), later it enters codes.
 */
export async function signIn(serverUrl: string, mailDir: string | TestSmtp, email: string): Promise<string> {
  const { cookie, next } = await emailLinkStep(serverUrl, mailDir, email);
  if (next === '/login/enrol') {
    const page = await (await fetch(`${serverUrl}/login/enrol`, { headers: { Cookie: cookie } })).text();
    const secret = /data-totp-secret="[^"]*">([A-Z2-7 ]+)</.exec(page)?.[1]?.replace(/ /g, '');
    if (!secret) throw new Error('no TOTP key on /login/enrol');
    rememberTotpSecret(serverUrl, email, secret);
    return secondStep(serverUrl, '/login/enrol', cookie, (await totpCodeFor(serverUrl, email)).code);
  }
  if (next === '/login/totp') return secondStep(serverUrl, '/login/totp', cookie, (await totpCodeFor(serverUrl, email)).code);
  return cookie;
}

/**
 * Only the first step: asks for a link, uses it, and returns the cookie and where the
 * server sends the browser next (/login/enrol or /login/totp for office people).
 */
export async function emailLinkStep(serverUrl: string, mailDir: string | TestSmtp, email: string, redirectTo?: string): Promise<{ cookie: string; next: string }> {
  const started = Date.now() - 1000;
  const body = new URLSearchParams({ email, ...(redirectTo ? { redirectTo } : {}) });
  const asked = await fetch(`${serverUrl}/login`, { method: 'POST', body, redirect: 'manual' });
  if (asked.status !== 200) throw new Error(`POST /login answered ${asked.status}`);
  const link = new URL(await latestSignInLink(mailDir, email, started));
  const token = link.searchParams.get('token')!;
  const verified = await fetch(`${serverUrl}/login/verify`, { method: 'POST', body: new URLSearchParams({ token }), redirect: 'manual' });
  const cookie = cookieOf(verified);
  if (verified.status !== 302 || !cookie) throw new Error(`sign-in failed: ${verified.status}`);
  return { cookie, next: verified.headers.get('location') ?? '' };
}

async function secondStep(serverUrl: string, path: string, cookie: string, code: string): Promise<string> {
  const response = await fetch(`${serverUrl}${path}`, { method: 'POST', body: new URLSearchParams({ code }), headers: { Cookie: cookie }, redirect: 'manual' });
  const full = cookieOf(response);
  if (response.status !== 302 || !full) throw new Error(`second factor at ${path} failed: ${response.status}`);
  return full;
}

/** The same cookie as a Playwright cookie for browser.newContext().addCookies(). */
export function browserCookie(serverUrl: string, cookieHeader: string) {
  const [name, ...rest] = cookieHeader.split('=');
  return { name: name!, value: rest.join('='), url: serverUrl };
}

/**
 * Signs in the way a person does, in the page, by its visible labels (in the page's
 * language, German unless `locale` says otherwise): the email form, the link from the mail
 * that really went through SMTP, the confirm button and, for office people, the second
 * factor typed into /login/enrol (the key read off the page) or /login/totp. Works with
 * JavaScript on and off. Ends where the site sends the person next.
 */
export async function signInInPage(page: Page, serverUrl: string, smtp: TestSmtp, email: string, options: { locale?: string; redirectTo?: string } = {}): Promise<void> {
  const locale = options.locale ?? 'de';
  const t = translator(isLocale(locale) ? locale : 'de');
  const query = new URLSearchParams({ lang: locale, ...(options.redirectTo ? { redirectTo: options.redirectTo } : {}) });
  await page.goto(`${serverUrl}/login?${query}`);
  await page.getByLabel(t('auth:login.email')).fill(email);
  await page.getByRole('button', { name: t('auth:login.submit') }).click();
  await page.getByRole('heading', { name: t('auth:login.sentTitle') }).waitFor({ timeout: 15_000 });
  const link = new URL(await latestSignInLink(smtp, email, 0));
  await page.goto(`${serverUrl}${link.pathname}${link.search}`);
  await page.getByRole('button', { name: t('auth:verify.submit') }).click();
  await page.waitForURL((url) => url.pathname !== '/login/verify', { timeout: 15_000 });
  const step = new URL(page.url()).pathname;
  if (step === '/login/enrol') {
    const secret = (await page.locator('[data-totp-secret]').innerText()).replace(/\s/g, '');
    rememberTotpSecret(serverUrl, email, secret);
    await page.getByLabel(t('admin:twoFactor.enrolCode')).fill((await totpCodeFor(serverUrl, email)).code);
    await page.getByRole('button', { name: t('admin:twoFactor.enrolSubmit') }).click();
  } else if (step === '/login/totp') {
    await page.getByLabel(t('admin:twoFactor.code')).fill((await totpCodeFor(serverUrl, email)).code);
    await page.getByRole('button', { name: t('admin:twoFactor.verifySubmit') }).click();
  }
  if (step === '/login/enrol' || step === '/login/totp') await page.waitForURL((url) => url.pathname !== step, { timeout: 15_000 });
}
