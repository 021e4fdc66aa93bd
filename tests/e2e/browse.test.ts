import { describe, expect, it } from 'vitest';
import { journey } from '../helpers/journey';
import { expectVisible } from '../helpers/browser';

const app = journey();

describe('a resident browses the program', () => {
  it('goes from the home page to Djelem Djelem, sees its program and switches to English', async () => {
    const context = await app.browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(app.server.url);
    // hydrated: the client router took over (the cached page's scripts ran under its CSP hashes)
    await page.waitForFunction(() => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined);
    await expect(page.locator('h1').textContent()).resolves.toBe('Feste und Aktionstage der Stadt');

    await page.getByRole('link', { name: /^Djelem Djelem \d{4}$/ }).first().click();
    await page.waitForURL(/\/editions\/djelem-djelem-\d{4}$/);
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Programm' }));
    await expectVisible(page.getByRole('link', { name: 'Eröffnungskonzert: Roma-Brass' }));
    // the cancelled item is still listed, marked as cancelled
    await expect(page.locator('.program-entry--cancelled').first().textContent()).resolves.toContain('Abgesagt');

    await page.getByRole('navigation', { name: 'Sprache' }).getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Program' }));
    await expectVisible(page.getByRole('link', { name: 'Opening concert: Roma brass' }));

    // the choice is remembered on the next page
    await page.getByRole('link', { name: 'Organisations' }).click();
    await page.waitForURL(/\/organisations$/);
    // the URL changes before React has rendered the new page: wait for its heading
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Organisations' }));
    expect(problems).toEqual([]);
    await context.close();
  });
});
