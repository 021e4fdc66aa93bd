import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

describe('the running server', () => {
  it('answers an unknown URL with 404 in the visitor’s language', async () => {
    const en = await fetch(`${server.url}/no/such/page`, { headers: { 'Accept-Language': 'en-GB,en;q=0.9' } });
    expect(en.status).toBe(404);
    const enHtml = await en.text();
    expect(enHtml).toContain('<html lang="en" dir="ltr">');
    expect(enHtml).toContain('Page not found');

    const de = await fetch(`${server.url}/no/such/page`);
    expect(de.status).toBe(404);
    expect(await de.text()).toContain('Seite nicht gefunden');

    const ar = await fetch(`${server.url}/no/such/page?lang=ar`);
    expect(ar.status).toBe(404);
    expect(await ar.text()).toContain('<html lang="ar" dir="rtl">');
  });

  it('answers 404 for an unknown edition, item and organisation', async () => {
    for (const path of ['/editions/nope-1999', '/program/nope', '/organisations/nope']) {
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(404);
    }
  });

  it('remembers the language chosen in the URL', async () => {
    const first = await fetch(`${server.url}/organisations?lang=en`);
    const cookie = first.headers.get('set-cookie');
    expect(cookie).toMatch(/^lang=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const next = await fetch(`${server.url}/`, { headers: { Cookie: cookie!.split(';')[0]! } });
    expect(await next.text()).toContain('<html lang="en" dir="ltr">');
  });

  it('serves the public pages server-rendered', async () => {
    const home = await (await fetch(`${server.url}/`)).text();
    expect(home).toContain('Djelem Djelem');
    expect(home).toContain('Dortbund! Eine Stadt. Viele Gesichter');
    const dirs = await (await fetch(`${server.url}/organisations`)).text();
    expect(dirs).toContain('Africa Positive e.V.');
  });

  it('says healthy while the database answers, 503 when it does not', async () => {
    const ok = await fetch(`${server.url}/healthz`);
    expect(ok.status).toBe(200);
    // Another process holds the write lock: the server's database no longer answers.
    const other = new SQLite(server.databasePath);
    other.exec('BEGIN IMMEDIATE');
    try {
      const down = await fetch(`${server.url}/healthz`);
      expect(down.status).toBe(503);
    } finally {
      other.exec('COMMIT');
      other.close();
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 20_000);
});
