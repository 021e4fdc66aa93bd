import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCrossSiteRequest } from '../../app/http/security.server';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabase } from '../../db/connection';
import { enqueueMail } from '../../app/domain/mail/outbox.server';
import { publishSchedule } from '../../app/domain/schedule/publish.server';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ PUBLIC_URL: 'http://festplatz.test' });
});
afterAll(() => server.stop());

describe('the page cache is keyed on the public data it shows (issue 17)', () => {
  it('keeps cached pages when the mail worker marks a message sent, drops them when a release is published', async () => {
    const url = `${server.url}/program`;
    await fetch(url);
    expect((await fetch(url)).headers.get('x-page-cache')).toBe('hit');
    const { db } = openDatabase(server.databasePath);
    try {
      // what the mail worker writes, from another connection (data_version moves, as it did before the fix)
      await enqueueMail(db, { to: 'cache@verein.example', locale: 'de', template: 'campaign', payload: { subject: 'S', body: 'B' } });
      await db.updateTable('outbox').set({ status: 'sent', sent_at: new Date().toISOString() }).where('to_address', '=', 'cache@verein.example').execute();
      const kept = await fetch(url);
      expect(kept.headers.get('x-page-cache')).toBe('hit');

      const draft = await db
        .selectFrom('program_item_drafts')
        .innerJoin('editions', 'editions.id', 'program_item_drafts.edition_id')
        .select(['program_item_drafts.id', 'program_item_drafts.edition_id', 'program_item_drafts.title'])
        .where('editions.status', '=', 'published')
        .where('program_item_drafts.status', '=', 'scheduled')
        .orderBy('program_item_drafts.id')
        .executeTakeFirstOrThrow();
      await db.updateTable('program_item_drafts').set({ title: JSON.stringify({ de: 'Neu im Cache-Test', en: 'New in the cache test' }) }).where('id', '=', draft.id).execute();
      await publishSchedule(db, draft.edition_id, null);
    } finally {
      await db.destroy();
    }
    const fresh = await fetch(url);
    expect(fresh.headers.get('x-page-cache')).toBe('miss');
    expect(await fresh.text()).toContain('Neu im Cache-Test');
  });
});

describe('hardening of the running server', () => {
  it('sends a CSP whose per-request nonce is on every script, and the usual headers', async () => {
    const a = await fetch(`${server.url}/login`);
    const b = await fetch(`${server.url}/login`);
    const csp = a.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(nonce).not.toBe(/'nonce-([^']+)'/.exec(b.headers.get('content-security-policy')!)![1]);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    const html = await a.text();
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(a.headers.get('x-content-type-options')).toBe('nosniff');
    expect(a.headers.get('x-frame-options')).toBe('DENY');
    expect(a.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(a.headers.get('x-powered-by')).toBeNull();
  });

  it('serves public pages from the page cache, their inline scripts allowed by hash', async () => {
    const first = await fetch(`${server.url}/organisations`);
    expect(first.headers.get('x-page-cache')).toBe('miss');
    const second = await fetch(`${server.url}/organisations`);
    expect(second.headers.get('x-page-cache')).toBe('hit');
    const html = await second.text();
    const csp = second.headers.get('content-security-policy')!;
    expect(csp).not.toContain('nonce-');
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline.length).toBeGreaterThan(0);
    const { createHash } = await import('node:crypto');
    for (const script of inline) expect(csp).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    const etag = second.headers.get('etag')!;
    const conditional = await fetch(`${server.url}/organisations`, { headers: { 'If-None-Match': etag } });
    expect(conditional.status).toBe(304);
    // a write that changes nothing a page shows (a sign-in link asked for, its mail sent) keeps it
    await fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ email: 'cache@example.org' }) });
    expect((await fetch(`${server.url}/organisations`)).headers.get('x-page-cache')).toBe('hit');
    // signed-in visitors and language switches are never served from the cache
    expect((await fetch(`${server.url}/organisations?lang=en`)).headers.get('x-page-cache')).toBeNull();
  });

  it('refuses a POST from another site with a translated 403', async () => {
    const foreign = await fetch(`${server.url}/login`, {
      method: 'POST',
      body: new URLSearchParams({ email: 'x@example.org' }),
      headers: { Origin: 'https://evil.example', 'Accept-Language': 'en' },
    });
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toBe('This request did not come from this website and was refused.');
    const fetchSite = await fetch(`${server.url}/login`, {
      method: 'POST',
      body: new URLSearchParams({ email: 'x@example.org' }),
      headers: { 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(fetchSite.status).toBe(403);
    const own = await fetch(`${server.url}/login`, {
      method: 'POST',
      body: new URLSearchParams({ email: 'x@example.org' }),
      headers: { Origin: server.url, 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(own.status).toBe(200);
  });

  it('limits sign-in links per address with a translated 429, keeping the input', async () => {
    const ask = () =>
      fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ email: 'Limit@Example.org' }), headers: { 'Accept-Language': 'de' } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await ask()).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await ask();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await limited.text();
    expect(html).toMatch(/Zu viele Versuche\. Bitte warten Sie \d+ Minuten/);
    expect(html).toContain('value="Limit@Example.org"');
  });

  it('catches a bot that fills the honeypot', async () => {
    const response = await fetch(`${server.url}/login`, {
      method: 'POST',
      body: new URLSearchParams({ email: 'bot@example.org', website_url_confirm: 'http://spam.example' }),
      headers: { 'Accept-Language': 'en' },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Your entry looked automated. Please try again.');
  });
});

describe('the same-origin rule', () => {
  const own = ['feste.example'];
  it('lets same-origin and header-less clients through, stops other sites', () => {
    expect(isCrossSiteRequest({ origin: 'https://feste.example', 'sec-fetch-site': 'same-origin' }, own)).toBe(false);
    expect(isCrossSiteRequest({}, own)).toBe(false);
    expect(isCrossSiteRequest({ 'sec-fetch-site': 'none' }, own)).toBe(false);
    expect(isCrossSiteRequest({ origin: 'https://evil.example' }, own)).toBe(true);
    expect(isCrossSiteRequest({ 'sec-fetch-site': 'same-site' }, own)).toBe(true);
    expect(isCrossSiteRequest({ origin: 'null' }, own)).toBe(true);
  });
});
