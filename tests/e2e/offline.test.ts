/**
 * Issue 13, "the program offline": a resident opens an edition and an item online; offline,
 * both reload from the service worker's copy with the dated note in their language, a link
 * between them works, and a page never opened shows the translated offline page.
 */
import { describe, expect, it } from 'vitest';
import { journey } from '../helpers/journey';
import { expectVisible } from '../helpers/browser';
import { translator } from '../../app/lib/i18n';
import { openDatabase } from '../../db/connection';
import { publishSchedule } from '../../app/domain/schedule/publish.server';

const app = journey();

describe('the program offline', () => {
  it('keeps the pages a resident opened and says since when; a page never opened says it is offline', async () => {
    const context = await app.browser.newContext({ locale: 'tr-TR' });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/?lang=tr`);
    // the worker controls the page from the next load on
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const edition = await page.locator('a[href^="/editions/djelem-djelem-"]').first().getAttribute('href');
    expect(edition).toBeTruthy();
    await page.goto(`${app.server.url}${edition}`);
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await page.reload();
    const itemLink = page.locator('a[href^="/program/"]').first();
    const item = await itemLink.getAttribute('href');
    expect(item).toBeTruthy();
    const itemTitle = (await itemLink.innerText()).trim();
    await page.goto(`${app.server.url}${item}`);
    await page.goto(`${app.server.url}${edition}`);

    await context.setOffline(true);
    await page.reload();
    await expectVisible(page.locator('.offline-note'));
    expect(await page.locator('.offline-note').innerText()).toMatch(/^Çevrimdışı/);
    expect(await page.locator('html').getAttribute('lang')).toBe('tr');
    // follow the link to the item, offline
    await page.locator(`a[href="${item}"]`).first().click();
    await page.waitForURL((url) => url.pathname === item);
    await expectVisible(page.locator('.offline-note'));
    await expectVisible(page.getByRole('heading', { level: 1, name: itemTitle }));
    await page.reload();
    await expectVisible(page.locator('.offline-note'));

    // online again, the page's JavaScript running; the network drops; a link still leads to the kept item
    await context.setOffline(false);
    await page.goto(`${app.server.url}${edition}`);
    await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
    await context.setOffline(true);
    await page.locator(`a[href="${item}"]`).first().click();
    await page.waitForURL((url) => url.pathname === item);
    await expectVisible(page.locator('.offline-note'));
    await expectVisible(page.getByRole('heading', { level: 1, name: itemTitle }));

    // never opened: the worker's own page, in Turkish, not the browser's error
    await page.goto(`${app.server.url}/organisations`);
    await expectVisible(page.getByRole('heading', { level: 1 }));
    expect(await page.locator('h1').innerText()).toBe(turkish('public:offline.title'));
    await context.setOffline(false);
    await context.close();
  });

  it('replaces the kept copies after a release: one page opened online brings the others up to date', async () => {
    const context = await app.browser.newContext({ locale: 'tr-TR' });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/?lang=tr`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const edition = (await page.locator('a[href^="/editions/djelem-djelem-"]').first().getAttribute('href'))!;
    await page.goto(`${app.server.url}${edition}`);
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    // two pages kept: the edition and one of its items
    await page.reload();
    const item = (await page.locator('a[href^="/program/"]').first().getAttribute('href'))!;
    await page.goto(`${app.server.url}${item}`);
    const kept = (path: string) => page.evaluate(async (p) => (await (await caches.match(p))?.text()) ?? '', path);
    expect(await kept(item)).not.toContain('Yeni başlık');

    // the office publishes a release that renames the item
    const uid = decodeURIComponent(new URL(item, app.server.url).pathname.split('/').pop()!);
    const { db } = openDatabase(app.server.databasePath);
    try {
      const draft = await db.selectFrom('program_item_drafts').select(['id', 'edition_id']).where('uid', '=', uid).executeTakeFirstOrThrow();
      await db
        .updateTable('program_item_drafts')
        .set({ title: JSON.stringify({ de: 'Neuer Titel nach der Freigabe', en: 'New title after the release', tr: 'Yeni başlık, yayından sonra' }) })
        .where('id', '=', draft.id)
        .execute();
      await publishSchedule(db, draft.edition_id, null);
    } finally {
      await db.destroy();
    }

    // one page opened online (the home page); the worker fetches the kept ones again in the background
    await page.goto(`${app.server.url}/`);
    await expect.poll(() => kept(item), { timeout: 15_000 }).toContain('Yeni başlık, yayından sonra');
    await expect.poll(() => kept(edition), { timeout: 15_000 }).toContain('Yeni başlık, yayından sonra');

    await context.setOffline(true);
    await page.goto(`${app.server.url}${item}`);
    await expectVisible(page.locator('.offline-note'));
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Yeni başlık, yayından sonra' }));
    await page.goto(`${app.server.url}${edition}`);
    await expectVisible(page.locator('.offline-note'));
    await expectVisible(page.getByText('Yeni başlık, yayından sonra').first());
    await context.setOffline(false);
    await context.close();
  });

  it('never keeps a signed-in or office page, and serves the manifest in the visitor’s language', async () => {
    const sw = await (await fetch(`${app.server.url}/sw.js`)).text();
    expect(sw).toContain('NEVER_CACHED');
    for (const path of ['/office', '/account', '/login', '/notifications', '/receipts', '/mail']) expect(new RegExp(sw.match(/const NEVER_CACHED = (\/.*\/);/)![1]!.slice(1, -1)).test(path), path).toBe(true);
    const manifest = (await (await fetch(`${app.server.url}/manifest.webmanifest?lang=ar`)).json()) as { name: string; dir: string; start_url: string; icons: unknown[] };
    expect(manifest.dir).toBe('rtl');
    expect(manifest.start_url).toBe('/?lang=ar');
    expect(manifest.name).toBe(arabic('public:app.name'));
    expect(manifest.icons.length).toBe(4);
  });
});

const turkish = translator('tr');
const arabic = translator('ar');
