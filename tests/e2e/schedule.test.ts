import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserCookie, signIn } from '../helpers/auth';
import { expectVisible, launchBrowser } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function organiserContext(server: RunningServer, javaScriptEnabled: boolean): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const cookie = await signIn(server.url, path.join(server.dir, 'mail'), 'orga@festplatz.localhost');
  const context = await browser.newContext({ locale: 'de-DE', javaScriptEnabled });
  await context.addCookies([browserCookie(server.url, cookie)]);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { context, page, problems };
}

async function axeViolations(page: Page, scope = 'main'): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).include(scope).analyze();
  return axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const CONFLICT = '„Trommelgruppe Africa Positive“ und „Halay und Folklore“ überschneiden sich auf Hauptbühne (mit 15 Minuten Umbaupause).';

describe('an organiser builds the stage schedule with JavaScript', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.stop());

  it('moves an item by keyboard into a conflict, sees it, resolves it and publishes', async () => {
    const { context, page, problems } = await organiserContext(server, true);
    await page.goto(`${server.url}/office/editions/dortbund-2027/schedule`);
    await page.waitForFunction(() => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Bühnenprogramm: Dortbund! Eine Stadt. Viele Gesichter 2027' }));
    await expectVisible(page.getByText('Keine Konflikte.'));
    expect(await axeViolations(page)).toEqual([]);

    const card = page.locator('#item-dortbund-2027-02');
    const handle = page.getByRole('button', { name: 'Verschieben: Trommelgruppe Africa Positive' });
    await handle.focus();
    // 15 minutes later, twice: 12:30–13:30 leaves no changeover before Halay at 13:30
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => card.locator('.slot__time').textContent()).toBe('12:15–13:15');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-move-handle'))).toBe('dortbund-2027-02');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => card.locator('.slot__time').textContent()).toBe('12:30–13:30');
    await expectVisible(card.locator('.conflict--hard').getByText(CONFLICT));
    await expectVisible(page.locator('#conflict-list').getByText(CONFLICT));
    await expectVisible(page.getByText('1 Konflikt verhindert das Veröffentlichen.'));
    await expect(page.getByRole('status').filter({ hasText: 'Trommelgruppe Africa Positive: jetzt 12:30–13:30, Hauptbühne' }).count()).resolves.toBe(1);

    // publishing is refused with the list
    await page.getByRole('button', { name: 'Programm veröffentlichen' }).click();
    await expectVisible(page.getByRole('alert').getByText('Nicht veröffentlicht: 1 Konflikt muss zuerst gelöst werden.'));

    // shorten it by a quarter of an hour: 12:30–13:15 keeps the changeover
    await page.getByRole('button', { name: 'Verschieben: Trommelgruppe Africa Positive' }).focus();
    await page.keyboard.press('Shift+ArrowUp');
    await expect.poll(() => card.locator('.slot__time').textContent()).toBe('12:30–13:15');
    await expectVisible(page.getByText('Keine Konflikte.'));
    await expect(card.locator('.conflict').count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Programm veröffentlichen' }).click();
    await page.waitForURL(/\?published=3$/);
    await expectVisible(page.getByRole('status').getByText('Version 3 ist veröffentlicht.'));
    await expectVisible(page.getByText('Keine unveröffentlichten Änderungen.'));

    await page.getByRole('link', { name: 'Öffentliche Liste der Änderungen' }).first().click();
    await page.waitForURL(/\/editions\/dortbund-2027\/changes$/);
    const latest = page.locator('section.release').first();
    await expectVisible(latest.getByRole('heading', { name: /^Version 3/ }));
    await expectVisible(latest.getByRole('link', { name: 'Trommelgruppe Africa Positive' }));
    await expect(latest.locator('li').first().textContent()).resolves.toContain('Verschoben');
    expect(await axeViolations(page)).toEqual([]);
    // the item's own page, with its forms
    await page.goto(`${server.url}/office/editions/dortbund-2027/schedule/items/dortbund-2027-02`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Programmpunkt bearbeiten: Trommelgruppe Africa Positive' }));
    expect(await axeViolations(page)).toEqual([]);
    // the one refused publish (409) is the only thing the browser complains about
    expect(problems).toEqual(['Failed to load resource: the server responded with a status of 409 (Conflict)']);
    await context.close();
  });
});

describe('an organiser builds the stage schedule without JavaScript', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.stop());

  it('moves an item through its form into a conflict, sees it, resolves it and publishes', async () => {
    const { context, page, problems } = await organiserContext(server, false);
    await page.goto(`${server.url}/office/editions/dortbund-2027/schedule`);
    await expectVisible(page.getByText('Keine Konflikte.'));
    // no JavaScript, no move handles: every change goes through the item's page
    await expect(page.locator('[data-move-handle]').count()).resolves.toBe(0);

    await page.getByRole('link', { name: 'Bearbeiten: Trommelgruppe Africa Positive' }).click();
    await page.waitForURL(/\/schedule\/items\/dortbund-2027-02$/);
    await page.locator('#move-start').fill('12:30');
    await page.getByRole('button', { name: 'Verschieben', exact: true }).click();
    await page.waitForURL(/\/schedule#item-dortbund-2027-02$/);
    const card = page.locator('#item-dortbund-2027-02');
    await expect(card.locator('.slot__time').textContent()).resolves.toBe('12:30–13:30');
    await expectVisible(card.getByText(CONFLICT));
    await expectVisible(page.locator('#conflict-list').getByText(CONFLICT));

    await page.getByRole('button', { name: 'Programm veröffentlichen' }).click();
    await expectVisible(page.getByText('Nicht veröffentlicht: 1 Konflikt muss zuerst gelöst werden.'));

    await page.getByRole('link', { name: 'Bearbeiten: Trommelgruppe Africa Positive' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Konflikte dieses Programmpunkts' }));
    await page.locator('#resize-end').fill('13:15');
    await page.getByRole('button', { name: 'Ende speichern' }).click();
    await page.waitForURL(/\/schedule#item-dortbund-2027-02$/);
    await expect(card.locator('.slot__time').textContent()).resolves.toBe('12:30–13:15');
    await expectVisible(page.getByText('Keine Konflikte.'));

    await page.getByRole('button', { name: 'Programm veröffentlichen' }).click();
    await page.waitForURL(/\?published=3$/);
    await expectVisible(page.getByText('Version 3 ist veröffentlicht.'));

    await page.goto(`${server.url}/editions/dortbund-2027/changes`);
    await expectVisible(page.locator('section.release').first().getByRole('link', { name: 'Trommelgruppe Africa Positive' }));
    // the one refused publish (409) is the only thing the browser complains about
    expect(problems).toEqual(['Failed to load resource: the server responded with a status of 409 (Conflict)']);
    await context.close();
  });
});

describe('the site plan', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.stop());

  it('an organiser places the rest by the suggestion; a resident sees the plan and its list on a phone', async () => {
    const { context, page, problems } = await organiserContext(server, true);
    await page.goto(`${server.url}/office/editions/dortbund-2027/site-plan`);
    await expectVisible(page.getByRole('img', { name: 'Lageplan Standzone Friedensplatz' }));
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Vorschlag für die übrigen Stände' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Vorschlag' }));
    await expect(page.getByLabel('Verbund sozial-kultureller Migrantenvereine in Dortmund e.V. (VMDO)').inputValue()).resolves.toMatch(/^\d+:\d+$/);
    await page.getByRole('button', { name: 'Vorschlag übernehmen' }).click();
    await expectVisible(page.getByText('1 Stand platziert.'));
    await expectVisible(page.getByText('Alle zugesagten Stände haben einen Platz.'));
    await context.close();

    const phone = await browser.newContext({ locale: 'de-DE', viewport: { width: 390, height: 844 }, isMobile: true });
    const resident = await phone.newPage();
    await resident.goto(`${server.url}/editions/dortbund-2027`);
    await expectVisible(resident.getByRole('heading', { name: 'Lageplan der Stände' }));
    await expectVisible(resident.getByRole('img', { name: 'Lageplan Standzone Friedensplatz' }));
    const list = resident.getByRole('list', { name: 'Stände nach Platznummer' });
    await expectVisible(list.getByText('Arbeitskreis der Abrahamsreligionen'));
    // VMDO is approved, not confirmed: its pitch shows as a stand, without the name
    await expect(list.getByText('Verbund sozial-kultureller').count()).resolves.toBe(0);
    // the plan's section (the program above it is not this feature's)
    expect(await axeViolations(resident, 'section[aria-labelledby="site-plan-title"]')).toEqual([]);
    const overflow = await resident.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    expect(problems).toEqual([]);
    await phone.close();
  });
});
