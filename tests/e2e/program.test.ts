import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { journey } from '../helpers/journey';
import { expectVisible } from '../helpers/browser';
import { parseIcs } from '../helpers/ical';

const app = journey();

/** Opens two filter groups, ticks a box in each and sends the form: the same with and without JavaScript. */
async function filterDjelemMusic(page: Page) {
  await page.locator('summary', { hasText: /^Reihe/ }).click();
  await page.getByRole('checkbox', { name: 'Djelem Djelem' }).check();
  await page.locator('summary', { hasText: /^Art/ }).click();
  await page.getByRole('checkbox', { name: 'Musik' }).check();
  await page.getByRole('button', { name: 'Filter anwenden' }).click();
  await page.waitForURL(/\/program\?series=djelem-djelem&category=music$/);
}

async function expectFilteredView(page: Page) {
  // 2 editions × 5 music items of Djelem Djelem, cancelled ones included and marked
  await expectVisible(page.getByRole('heading', { level: 2, name: '10 Programmpunkte' }));
  await expect(page.getByRole('checkbox', { name: 'Musik' }).isChecked()).resolves.toBe(true);
  const subscribe = page.getByRole('link', { name: 'Im Kalender abonnieren' });
  const webcal = await subscribe.getAttribute('href');
  expect(webcal).toMatch(/^webcal:\/\/localhost:\d+\/calendar\.ics\?series=djelem-djelem&category=music$/);
  const google = await page.getByRole('link', { name: 'Zu Google Kalender hinzufügen' }).getAttribute('href');
  expect(google).toBe(`https://calendar.google.com/calendar/r?cid=${encodeURIComponent(webcal!)}`);
  const outlook = await page.getByRole('link', { name: 'Zu Outlook hinzufügen' }).getAttribute('href');
  expect(outlook).toContain('https://outlook.live.com/calendar/0/addfromweb?url=');
}

describe('a resident filters the program, subscribes and builds "my program"', () => {
  let context: BrowserContext;
  afterAll(() => context?.close());

  it('filters, finds the subscribe link, stars two items and downloads exactly those', async () => {
    context = await app.browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(app.server.url);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Programm' }).click();
    await page.waitForURL(/\/program$/);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Programm' }));

    await filterDjelemMusic(page);
    await expectFilteredView(page);

    // The coming edition is listed first; star its ensemble concert and its closing concert.
    const upcoming = page.locator('section.program-edition').first();
    const edition = (await upcoming.getByRole('heading', { level: 3 }).textContent())!;
    expect(edition).toMatch(/^Djelem Djelem \d{4}$/);
    await upcoming.getByRole('button', { name: /Merken.*Konzert: Djelem Djelem Ensemble/ }).click();
    await expectVisible(upcoming.getByRole('button', { name: /Gemerkt.*Konzert: Djelem Djelem Ensemble/ }));
    expect(page.url()).toMatch(/\/program\?series=djelem-djelem&category=music$/);
    await upcoming.getByRole('button', { name: /Merken.*Abschlusskonzert/ }).click();
    await expectVisible(upcoming.getByRole('button', { name: /Gemerkt.*Abschlusskonzert/ }));

    await page.getByRole('link', { name: 'Mein Programm (2 gemerkt)' }).click();
    await page.waitForURL(/\/my-program$/);
    await expectVisible(page.getByRole('heading', { level: 2, name: '2 gemerkte Programmpunkte' }));
    await expectVisible(page.getByRole('link', { name: 'Konzert: Djelem Djelem Ensemble' }));
    await expectVisible(page.getByRole('link', { name: 'Abschlusskonzert' }));

    const feed = page.locator('section', { has: page.getByRole('heading', { name: 'Mein Programm im Kalender' }) });
    expect(await feed.getByRole('link', { name: 'Im Kalender abonnieren' }).getAttribute('href')).toMatch(/^webcal:\/\/localhost:\d+\/calendar\/my\/[A-Za-z0-9_-]{32}\.ics$/);
    const [download] = await Promise.all([page.waitForEvent('download'), feed.getByRole('link', { name: 'Als .ics-Datei herunterladen' }).click()]);
    const ics = fs.readFileSync((await download.path())!, 'utf8');
    const year = edition.slice(-4);
    const parsed = parseIcs(ics);
    expect(parsed.name).toBe('Mein Programm (Festplatz)');
    expect(parsed.events.map((e) => e.uid).sort()).toEqual([`djelem-djelem-${year}-09@festplatz`, `djelem-djelem-${year}-14@festplatz`]);
    expect(parsed.events.map((e) => e.summary).sort()).toEqual(['Abschlusskonzert', 'Konzert: Djelem Djelem Ensemble']);
  });

  it('works the same without JavaScript', async () => {
    const noJs = await app.browser.newContext({ locale: 'de-DE', javaScriptEnabled: false });
    try {
      const page = await noJs.newPage();
      await page.goto(`${app.server.url}/program`);
      await filterDjelemMusic(page);
      await expectFilteredView(page);
      // starring is a plain form post that comes back to the same view
      await page.getByRole('button', { name: /Merken.*Abschlusskonzert/ }).first().click();
      await page.waitForURL(/\/program\?series=djelem-djelem&category=music$/);
      await expectVisible(page.getByRole('link', { name: 'Mein Programm (1 gemerkt)' }));
      await expectVisible(page.getByRole('button', { name: /Gemerkt.*Abschlusskonzert/ }).first());
    } finally {
      await noJs.close();
    }
  });
});
