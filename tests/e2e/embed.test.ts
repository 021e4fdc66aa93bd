/**
 * The embeddable program in a real browser, framed by a page of another origin (a second tiny
 * server on another port), the way the city portal or an association's site would frame it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectVisible, launchBrowser } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let partner: http.Server;
let partnerPort: number;
let djelem: string;
/** the pages the partner site serves: path → the iframe's src */
const frames = new Map<string, string>();

beforeAll(async () => {
  partner = http.createServer((req, res) => {
    if (req.url === '/favicon.ico') return void res.writeHead(204).end();
    const src = frames.get(req.url ?? '');
    if (!src) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>Partner</title></head><body><h1>Our association</h1><iframe id="program" src="${src}" title="Program" width="800" height="600"></iframe></body></html>`);
  });
  await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
  partnerPort = (partner.address() as AddressInfo).port;
  // Only the partner's own origin may frame the embed: localhost:<port> is another origin.
  [server, browser] = await Promise.all([startServer({ EMBED_ORIGINS: `http://127.0.0.1:${partnerPort}` }), launchBrowser()]);
  const editions = (await (await fetch(`${server.url}/api/v1/editions?series=djelem-djelem`)).json()) as { editions: { slug: string }[] };
  djelem = editions.editions[0]!.slug;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((resolve) => partner?.close(resolve));
});

describe('the program framed on a partner site', () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`shows the edition's program in the visitor's language, sets no cookie, and opens Festplatz in a new tab (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      frames.set('/ours', `${server.url}/embed/editions/${djelem}?lang=en`);
      const context = await browser.newContext({ locale: 'en-GB', javaScriptEnabled });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      await page.goto(`http://127.0.0.1:${partnerPort}/ours`);
      const frame = page.frameLocator('#program');
      await expectVisible(frame.getByRole('heading', { level: 1, name: /^Program: Djelem Djelem \d{4}$/ }));
      await expectVisible(frame.getByRole('heading', { level: 2 }).first());
      // no site chrome inside the frame
      await expect(frame.locator('header, nav, footer').count()).resolves.toBe(0);
      // the embed set no cookie (no language cookie, no session)
      expect(await context.cookies(server.url)).toEqual([]);
      const link = frame.getByRole('link', { name: /Opening concert/ }).first();
      await expect(link.getAttribute('target')).resolves.toBe('_blank');
      const [popup] = await Promise.all([context.waitForEvent('page'), link.click()]);
      await popup.waitForLoadState('domcontentloaded');
      expect(popup.url()).toMatch(new RegExp(`^${server.url}/program/${djelem}-\\d+\\?lang=en$`));
      await expectVisible(popup.getByRole('heading', { level: 1 }));
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('shows any /program filter, in Arabic right to left', async () => {
    frames.set('/filtered', `${server.url}/embed/program?edition=${djelem}&category=music&lang=ar`);
    const context = await browser.newContext({ locale: 'ar' });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${partnerPort}/filtered`);
    const frame = page.frameLocator('#program');
    await expectVisible(frame.locator('h1'));
    await expect(frame.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    const tags = await frame.locator('.program-entry .facts .tag:not(.tag--cancelled):not(.tag--access)').allTextContents();
    expect(tags.length).toBeGreaterThan(0);
    // only music: every row's category tag is the Arabic word for music
    expect(new Set(tags.filter((t) => !t.includes(':'))).size).toBe(1);
    await context.close();
  });

  it('is refused by the browser on a site EMBED_ORIGINS does not name, and no other page can be framed at all', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // the same partner server under another origin (localhost instead of 127.0.0.1)
    frames.set('/elsewhere', `${server.url}/embed/editions/${djelem}`);
    // the server answered the frame's request, and the browser refused to show the answer
    const answered = page.waitForResponse((r) => r.url().includes('/embed/editions/'));
    await page.goto(`http://localhost:${partnerPort}/elsewhere`);
    expect((await answered).status()).toBe(200);
    await page.waitForLoadState('load');
    // Chromium swaps in its error page for the refused frame (sometimes just after 'load')
    const childUrl = () => page.frames().find((f) => f !== page.mainFrame())?.url() ?? '';
    await expect.poll(childUrl).toMatch(/^chrome-error:/);
    const blocked = page.frames().find((f) => f !== page.mainFrame())!;
    expect((await blocked.locator('h1').textContent())?.trim()).toBe('127.0.0.1 is blocked');
    // a normal page, even from the allowed origin
    frames.set('/page', `${server.url}/editions/${djelem}`);
    const served = page.waitForResponse((r) => r.url().includes(`/editions/${djelem}`));
    await page.goto(`http://127.0.0.1:${partnerPort}/page`);
    expect((await served).status()).toBe(200);
    await page.waitForLoadState('load');
    // Chromium shows its own "… is blocked" page in place of the framed one
    await expect.poll(childUrl).toMatch(/^chrome-error:/);
    const framed = page.frames().find((f) => f !== page.mainFrame())!;
    expect(framed.url()).not.toContain(`/editions/${djelem}`);
    expect((await framed.locator('h1').textContent())?.trim()).toBe('127.0.0.1 is blocked');
    await context.close();
  });

  it('offers the snippet to copy on the edition page', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${server.url}/editions/${djelem}`);
    const snippet = page.getByLabel('Code zum Kopieren');
    await expectVisible(snippet);
    const value = await snippet.inputValue();
    expect(value).toMatch(new RegExp(`^<iframe src="http://localhost:\\d+/embed/editions/${djelem}" title="Programm: Djelem Djelem \\d{4}"`));
    await context.close();
  });
});
