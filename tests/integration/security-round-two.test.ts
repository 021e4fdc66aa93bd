/**
 * Issue 17, round two: each case is an attack or a defect that worked before its fix
 * (sessions that outlived sign-out, open redirects, forms that were not forms, pages kept
 * by caches, off-site language links, the same-origin check's gaps, live links in the
 * office) and the automatic backup's restore. Against the real server and real mail.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../app/lib/i18n';
import { emailLinkStep, signIn } from '../helpers/auth';
import { startSmtpServer, type TestSmtp } from '../helpers/mail';
import { startServer, type RunningServer } from '../helpers/server';

const en = translator('en');
const de = translator('de');
const MEMBER = 'kontakt@train-of-hope.example';

/** A request with the path exactly as given (fetch would normalise `..` away). */
function rawPost(url: string, rawPath: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('security, round two (issue 17)', () => {
  let smtp: TestSmtp;
  let server: RunningServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    // many sign-ins of one address from one IP in a minute: the limits are tested elsewhere
    server = await startServer({ SMTP_URL: smtp.url, PUBLIC_URL: 'http://festplatz.test', RATE_LIMITS: 'off' });
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.close();
  });

  const account = (cookie: string) => fetch(`${server.url}/account`, { headers: { Cookie: cookie }, redirect: 'manual' });

  it('a cookie copied before signing out no longer opens the account', async () => {
    const cookie = await signIn(server.url, smtp, MEMBER);
    expect((await account(cookie)).status).toBe(200);
    const out = await fetch(`${server.url}/logout`, { method: 'POST', headers: { Cookie: cookie }, body: new URLSearchParams(), redirect: 'manual' });
    expect(out.status).toBe(302);
    // the copy the attacker kept, sent as it was
    const again = await account(cookie);
    expect(again.status).toBe(302);
    expect(again.headers.get('location')).toMatch(/^\/login/);
  });

  it('"sign out everywhere" ends the sessions of other browsers too', async () => {
    const first = await signIn(server.url, smtp, MEMBER);
    const second = await signIn(server.url, smtp, MEMBER);
    expect((await account(first)).status).toBe(200);
    expect((await account(second)).status).toBe(200);
    const ended = await fetch(`${server.url}/account/sessions`, { method: 'POST', headers: { Cookie: second }, body: new URLSearchParams({ intent: 'everywhere' }), redirect: 'manual' });
    expect([302, 303]).toContain(ended.status);
    expect((await account(first)).status).toBe(302);
    expect((await account(second)).status).toBe(302);
  });

  it('signed-in pages say private, no-store; public ones do not', async () => {
    const cookie = await signIn(server.url, smtp, MEMBER);
    for (const pathname of ['/account', '/account/sessions', '/account/privacy']) {
      const r = await fetch(`${server.url}${pathname}`, { headers: { Cookie: cookie }, redirect: 'manual' });
      expect(r.status, pathname).toBe(200);
      expect(r.headers.get('cache-control'), pathname).toBe('private, no-store');
    }
    expect((await fetch(`${server.url}/program`)).headers.get('cache-control') ?? '').not.toContain('no-store');
  });

  it('a POST whose body is not a form is refused with a clear message, not a server error', async () => {
    const post = (init: RequestInit) => fetch(`${server.url}/login`, { method: 'POST', redirect: 'manual', ...init, headers: { 'Accept-Language': 'en', ...(init.headers as Record<string, string>) } });
    const json = await post({ body: JSON.stringify({ email: 'a@b.example' }), headers: { 'Content-Type': 'application/json' } });
    expect(json.status).toBe(415);
    expect(await json.text()).toBe(en('security:errors.notAForm'));
    const text = await post({ body: 'email=a@b.example', headers: { 'Content-Type': 'text/plain' } });
    expect(text.status).toBe(415);
    expect(await text.text()).toBe(en('security:errors.notAForm'));
    const none = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const { hostname, port } = new URL(server.url);
      const req = http.request({ hostname, port, path: '/login', method: 'POST', headers: { 'Accept-Language': 'de', 'Content-Length': '0' } }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(none.status).toBe(400);
    expect(none.body).toBe(de('security:errors.notAForm'));
  });

  it('a //host path does not turn the language links into links to another site', async () => {
    const r = await fetch(`${server.url}//evil.example/`, { redirect: 'manual' });
    const html = await r.text();
    expect(html).not.toMatch(/href="\/\/evil\.example/);
    expect(html).not.toMatch(/href="\/\/[^"]/);
    expect(html).toContain('?lang=en');
  });

  it('refuses a write without Origin whose Referer is another site', async () => {
    const r = await fetch(`${server.url}/login`, {
      method: 'POST',
      body: new URLSearchParams({ email: 'a@b.example' }),
      headers: { Referer: 'https://evil.example/form.html', 'Accept-Language': 'en' },
      redirect: 'manual',
    });
    expect(r.status).toBe(403);
    expect(await r.text()).toBe(en('forms:errors.crossSite'));
    // the own site's Referer passes
    const own = await fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ email: 'a@b.example' }), headers: { Referer: `${server.url}/login` } });
    expect(own.status).toBe(200);
  });

  it('the webhook exemption is matched on the normalised path: /webhooks/../account is not exempt', async () => {
    const r = await rawPost(server.url, '/webhooks/../account', { Origin: 'https://evil.example', 'Accept-Language': 'en' }, 'intent=x');
    expect(r.status).toBe(403);
    expect(r.body).toBe(en('forms:errors.crossSite'));
  });

  it('a redirect target with a tab (/\\t/evil.example/) ends on a path of this site', async () => {
    const login = await (await fetch(`${server.url}/login?redirectTo=%2F%09%2Fevil.example%2F`)).text();
    const hidden = /name="redirectTo" value="([^"]*)"/.exec(login)?.[1];
    expect(hidden).toBeDefined();
    expect(hidden).not.toMatch(/[\t\n\r]|^\/\/|^\/\\/);
    const { next } = await emailLinkStep(server.url, smtp, MEMBER, '/\t/evil.example/');
    expect(next.startsWith('/')).toBe(true);
    expect(next).not.toMatch(/[\t\n\r\\]/);
    expect(new URL(next, 'http://festplatz.test').host).toBe('festplatz.test');
    expect(new URL(next.replace(/[\t\n\r]/g, ''), 'http://festplatz.test').host).toBe('festplatz.test');
  });

  it('a redirect target with a line feed (/%0a/x) neither answers 500 nor burns the link', async () => {
    const login = await fetch(`${server.url}/login?redirectTo=%2F%0A%2Fx`);
    expect(login.status).toBe(200);
    const { cookie, next } = await emailLinkStep(server.url, smtp, MEMBER, '/\n/x');
    expect(next).not.toMatch(/[\r\n]/);
    expect(new URL(next, 'http://festplatz.test').host).toBe('festplatz.test');
    expect((await account(cookie)).status).toBe(200);
  });

  it('the office never shows a live sign-in link, and the outbox does not keep one', async () => {
    const organiser = await signIn(server.url, smtp, 'orga@festplatz.localhost');
    const started = Date.now();
    await fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ email: MEMBER }) });
    const mail = await smtp.waitFor((m) => JSON.stringify(m.to ?? '').includes(MEMBER) && (m.date?.getTime() ?? Date.now()) >= started - 2000 && (m.text ?? '').includes('/login/verify?token='));
    const token = /\/login\/verify\?token=([A-Za-z0-9_-]+)/.exec(mail.text ?? '')![1]!;
    const sqlite = new Database(server.databasePath, { readonly: true });
    let id: number;
    try {
      const row = sqlite.prepare(`select id, payload from outbox where template = 'sign-in-link' and to_address = ? order by id desc limit 1`).get(MEMBER) as { id: number; payload: string };
      id = row.id;
      expect(row.payload).not.toContain(token);
      // nothing in the whole database holds the live token in clear
      for (const { name } of sqlite.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]) {
        const columns = (sqlite.prepare(`select name from pragma_table_info(?)`).all(name) as { name: string }[]).map((c) => `"${c.name}"`);
        if (columns.length === 0) continue;
        const found = sqlite.prepare(`select count(*) as n from "${name}" where (${columns.map((c) => `cast(${c} as text) like ?`).join(' or ')})`).get(...columns.map(() => `%${token}%`)) as { n: number };
        expect(found.n, name).toBe(0);
      }
    } finally {
      sqlite.close();
    }
    const page = await fetch(`${server.url}/office/mail/${id}`, { headers: { Cookie: organiser, 'Accept-Language': 'de' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toContain(token);
    expect(html).not.toMatch(/token=[A-Za-z0-9_-]{8,}/);
    expect(html).toContain(de('security:mail.linkWithheld'));
  });
});

describe('the automatic daily backup (issue 17)', () => {
  it('is written by the server itself shortly after start, and the copy restores', async () => {
    const server = await startServer({ DAILY_BACKUP: 'true', BACKUP_FIRST_DELAY_SECONDS: '1' });
    const dir = path.join(server.dir, 'backups');
    let restored: RunningServer | undefined;
    try {
      const until = Date.now() + 20_000;
      let file: string | undefined;
      while (!file && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 250));
        // written under a temporary name and renamed when checked: a listed file is complete
        file = fs.existsSync(dir) ? fs.readdirSync(dir).find((f) => /^festplatz-\d{4}-\d{2}-\d{2}\.sqlite$/.test(f)) : undefined;
      }
      expect(file, `no backup in ${dir}: ${server.output()}`).toBeDefined();
      const target = path.join(server.dir, 'restored.sqlite');
      fs.copyFileSync(path.join(dir, file!), target);
      const check = new Database(target, { readonly: true });
      try {
        expect((check.pragma('integrity_check', { simple: true }) as string)).toBe('ok');
        expect((check.prepare(`select count(*) as n from organisations where name = 'Train of Hope e.V.'`).get() as { n: number }).n).toBe(1);
      } finally {
        check.close();
      }
      // Restore = start a server on the copy (as the README describes)
      restored = await startServer({ DATABASE_PATH: target, DAILY_BACKUP: 'false', SEED_DEMO: 'false' });
      expect((await fetch(`${restored.url}/healthz`)).status).toBe(200);
      expect(await (await fetch(`${restored.url}/organisations`)).text()).toContain('Train of Hope e.V.');
    } finally {
      await restored?.stop();
      await server.stop();
    }
  });
});
