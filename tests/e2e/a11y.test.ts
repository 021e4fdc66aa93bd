/**
 * Accessibility held by tests: axe (WCAG 2.0/2.1 A and AA) on every public page in German
 * and in Arabic, a keyboard-only journey, a journey without JavaScript, the mirrored layout
 * in Arabic, and a phone screen without sideways scrolling and with large enough targets.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectVisible, launchBrowser } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
/** the coming editions, read from the home page (the demo's years move with the calendar) */
let djelem: string;
let dortbund: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const home = await (await fetch(`${server.url}/?lang=de`)).text();
  djelem = /href="\/editions\/(djelem-djelem-\d{4})"/.exec(home)![1]!;
  dortbund = /href="\/editions\/(dortbund-\d{4})"/.exec(home)![1]!;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A fresh context whose page fails the test on any script error or console error (hydration included). */
async function open(options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { context, page, problems };
}

/** The page in a language: `?lang=` or `&lang=` as the path needs. */
const inLanguage = (path: string, lang: string) => `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;

const isFocused = (page: Page, selector: string) => page.evaluate((s) => document.activeElement === document.querySelector(s), selector);

/** Where focus is: the element's text, href and whether its focus indicator is drawn. */
function activeElement(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const style = el ? getComputedStyle(el) : null;
    return {
      text: el?.textContent?.trim() ?? '',
      href: el?.getAttribute('href') ?? null,
      inLanguageSwitcher: Boolean(el?.closest('.language-switcher')),
      outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '',
    };
  });
}

/** Presses a key until focus lands on an element that matches; every stop on the way must show its focus. */
async function tabTo(page: Page, matches: (el: Awaited<ReturnType<typeof activeElement>>) => boolean, key = 'Tab', limit = 60) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const el = await activeElement(page);
    expect(el.outline, `focus indicator on "${el.text}"`).toBe('solid 3px');
    if (matches(el)) return el;
  }
  throw new Error(`no element reached with ${key} after ${limit} presses`);
}

describe('axe finds no WCAG 2.1 A/AA violation', () => {
  const routes = () => [
    { name: 'home', path: '/', status: 200 },
    { name: 'edition (Djelem Djelem)', path: `/editions/${djelem}`, status: 200 },
    { name: 'edition (Dortbund!)', path: `/editions/${dortbund}`, status: 200 },
    { name: 'program item', path: `/program/${djelem}-02`, status: 200 },
    { name: 'cancelled program item', path: `/program/${djelem}-05`, status: 200 },
    { name: 'organisations', path: '/organisations', status: 200 },
    { name: 'organisation', path: '/organisations/kommunales-integrationszentrum', status: 200 },
    { name: 'accessibility statement', path: '/accessibility', status: 200 },
    { name: 'program', path: '/program', status: 200 },
    { name: 'program, filtered', path: `/program?edition=${djelem}&language=rom&accessibility=wheelchair`, status: 200 },
    { name: 'my program', path: '/my-program', status: 200 },
    { name: 'email notifications', path: '/notifications', status: 200 },
    { name: 'sign in', path: '/login', status: 200 },
    { name: 'sign-in link', path: '/login/verify', status: 200 },
    { name: 'page not found', path: '/no/such/page', status: 404 },
    { name: 'program item not found', path: '/program/no-such-item', status: 404 },
  ];

  for (const lang of ['de', 'ar'] as const) {
    it(`on every public page in ${lang === 'de' ? 'German' : 'Arabic'}`, async () => {
      const { context, page, problems } = await open();
      const report: Record<string, string[]> = {};
      for (const route of routes()) {
        problems.length = 0;
        const response = await page.goto(`${server.url}${inLanguage(route.path, lang)}`);
        expect(response?.status(), route.name).toBe(route.status);
        await expect(page.locator('html').getAttribute('dir')).resolves.toBe(lang === 'ar' ? 'rtl' : 'ltr');
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        const found = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
        // proof that axe looked: these rules apply to every page
        for (const rule of ['html-has-lang', 'color-contrast', 'document-title']) {
          if (!results.passes.some((p) => p.id === rule)) found.push(`axe did not pass ${rule}`);
        }
        // one h1 per page, and the footer links the accessibility statement everywhere
        if ((await page.locator('h1').count()) !== 1) found.push('not exactly one h1');
        if ((await page.locator('footer a[href="/accessibility"]').count()) !== 1) found.push('no link to the accessibility statement');
        // the browser logs the 404 status of a not-found page itself; anything else is a bug (hydration mismatch, say)
        found.push(...problems.filter((p) => !(route.status === 404 && p.includes('status of 404'))));
        if (found.length > 0) report[route.name] = found;
      }
      expect(report).toEqual({});
      await context.close();
    }, 90_000);
  }
});

describe('a keyboard-only visitor', () => {
  it('skips to the content, opens an edition and switches the language', async () => {
    const { context, page, problems } = await open();
    await page.goto(`${server.url}/?lang=de`);

    // The first Tab reaches the skip link, which then shows on screen with a focus ring.
    await page.keyboard.press('Tab');
    expect(await isFocused(page, '.skip-link')).toBe(true);
    const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
    const box = (await skip.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.height).toBeGreaterThanOrEqual(24);
    expect((await activeElement(page)).outline).toBe('solid 3px');

    await page.keyboard.press('Enter');
    expect(await isFocused(page, '#main')).toBe(true);

    // The next stops are in the content, not the header again.
    const edition = await tabTo(page, (el) => el.href?.startsWith('/editions/') ?? false);
    expect(edition.href).toMatch(/^\/editions\/dortbund-\d{4}$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/editions\/dortbund-\d{4}$/);
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Programm' }));
    // after the page change focus starts at the new page's content
    await page.waitForFunction(() => document.activeElement?.id === 'main');

    // Back up into the header to the language switcher, and choose Arabic.
    const arabic = await tabTo(page, (el) => el.inLanguageSwitcher && el.text === 'العربية', 'Shift+Tab');
    expect(arabic.href).toBe(`/editions/${dortbund}?lang=ar`);
    await page.keyboard.press('Enter');
    await page.waitForURL(/lang=ar$/);
    await expectVisible(page.getByRole('heading', { level: 2, name: 'البرنامج' }));
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('a visitor without JavaScript', () => {
  it('browses from the home page to an edition, an item and its host, and switches the language', async () => {
    const { context, page, problems } = await open({ javaScriptEnabled: false });
    await page.goto(`${server.url}/?lang=de`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Feste und Aktionstage der Stadt');

    await page.getByRole('link', { name: /^Djelem Djelem \d{4}$/ }).first().click();
    await page.waitForURL(/\/editions\/djelem-djelem-\d{4}$/);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^Djelem Djelem \d{4}$/);

    await page.getByRole('link', { name: 'Film: Geschichten aus der Mahala' }).click();
    await page.waitForURL(/\/program\/djelem-djelem-\d{4}-02$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Film: Geschichten aus der Mahala');

    await page.getByRole('link', { name: 'Kommunales Integrationszentrum' }).click();
    await page.waitForURL(/\/organisations\/kommunales-integrationszentrum$/);
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Programmpunkte' }));
    // everything on this page exists in German: no fallback note
    await expect(page.locator('.fallback-note').count()).resolves.toBe(0);

    await page.getByRole('navigation', { name: 'Sprache' }).getByRole('link', { name: 'Türkçe' }).click();
    await page.waitForURL(/\/organisations\/kommunales-integrationszentrum\?lang=tr$/);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('tr');
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Program etkinlikleri' }));
    // the descriptions exist in German and English only: the page says so, once, in Turkish
    await expect(page.locator('.fallback-note').allTextContents()).resolves.toEqual([
      'Bu sayfadaki bazı metinler yalnızca Almanca olarak mevcuttur.',
    ]);

    // the choice is remembered without the URL
    await page.getByRole('navigation', { name: 'Ana menü' }).getByRole('link', { name: 'Kuruluşlar' }).click();
    await page.waitForURL(/\/organisations$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Kuruluşlar');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('Arabic, right to left', () => {
  it('mirrors the header: the site title at the right edge, the language switcher on the left', async () => {
    const { context, page, problems } = await open({ viewport: { width: 1280, height: 800 } });
    const header = async () => {
      const inner = page.locator('.site-header__inner');
      const innerBox = (await inner.boundingBox())!;
      const padding = await inner.evaluate((el) => parseFloat(getComputedStyle(el).paddingInlineStart));
      return {
        contentLeft: innerBox.x + padding,
        contentRight: innerBox.x + innerBox.width - padding,
        title: (await page.locator('.site-title').boundingBox())!,
        firstNavItem: (await page.locator('.nav-list li').first().boundingBox())!,
        switcher: (await page.locator('.language-switcher').boundingBox())!,
        firstLanguage: (await page.locator('.language-switcher li').first().boundingBox())!,
        lastLanguage: (await page.locator('.language-switcher li').last().boundingBox())!,
      };
    };

    await page.goto(`${server.url}/?lang=ar`);
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ar');
    const rtl = await header();
    expect(rtl.title.x + rtl.title.width).toBeCloseTo(rtl.contentRight, 0);
    expect(rtl.firstNavItem.x + rtl.firstNavItem.width).toBeLessThan(rtl.title.x);
    expect(rtl.firstNavItem.x).toBeGreaterThan(rtl.switcher.x + rtl.switcher.width);
    expect(rtl.switcher.x).toBeCloseTo(rtl.contentLeft, 0);
    // the languages run right to left too: Deutsch first, on the right
    expect(rtl.firstLanguage.x).toBeGreaterThan(rtl.lastLanguage.x);

    // and German is the mirror image
    await page.goto(`${server.url}/?lang=de`);
    const ltr = await header();
    expect(ltr.title.x).toBeCloseTo(ltr.contentLeft, 0);
    expect(ltr.firstNavItem.x).toBeGreaterThan(ltr.title.x + ltr.title.width);
    expect(ltr.switcher.x + ltr.switcher.width).toBeCloseTo(ltr.contentRight, 0);
    expect(ltr.firstLanguage.x).toBeLessThan(ltr.lastLanguage.x);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('on a phone (390 × 844)', () => {
  it('nothing scrolls sideways and the header links are large enough to tap', async () => {
    const { context, page, problems } = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const report: string[] = [];
    for (const lang of ['de', 'ar']) {
      const paths = ['/', `/editions/${djelem}`, `/editions/${dortbund}`, `/program/${djelem}-02`, '/organisations', '/organisations/kommunales-integrationszentrum', '/accessibility', '/program', '/notifications', '/login'];
      for (const path of paths) {
        await page.goto(`${server.url}${inLanguage(path, lang)}`);
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.scrollingElement!.scrollWidth,
          clientWidth: document.scrollingElement!.clientWidth,
        }));
        if (scrollWidth > clientWidth) report.push(`${lang} ${path}: ${scrollWidth}px wide on a ${clientWidth}px screen`);
        // WCAG 2.2 asks for 24 × 24 CSS px; we hold the 44 × 44 of WCAG 2.5.5 and the platform guidelines
        for (const link of await page.locator('.site-header a, .site-footer a').all()) {
          const box = (await link.boundingBox())!;
          if (box.width < 44 || box.height < 44) report.push(`${lang} ${path}: "${await link.textContent()}" is ${box.width}×${box.height}`);
        }
      }
    }
    expect(report).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
