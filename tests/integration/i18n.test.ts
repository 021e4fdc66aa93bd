import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '~/lib/i18n';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let djelem: string;
beforeAll(async () => {
  server = await startServer();
  const home = await (await fetch(`${server.url}/?lang=de`)).text();
  djelem = /href="\/editions\/(djelem-djelem-\d{4})"/.exec(home)![1]!;
});
afterAll(() => server.stop());

const page = async (path: string) => {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, html: await response.text() };
};
const fallbackNotes = (html: string) => [...html.matchAll(/<p class="fallback-note">([^<]*)<\/p>/g)].map((m) => m[1]);

describe('content in the reader’s language, or a word that it is not', () => {
  it('says once per page, in the reader’s language, when texts fall back to German', async () => {
    // The demo texts exist in German and English.
    const item = `/program/${djelem}-02`;
    expect(fallbackNotes((await page(`${item}?lang=de`)).html)).toEqual([]);
    expect(fallbackNotes((await page(`${item}?lang=en`)).html)).toEqual([]);
    expect(fallbackNotes((await page(`${item}?lang=tr`)).html)).toEqual(['Bu sayfadaki bazı metinler yalnızca Almanca olarak mevcuttur.']);
    expect(fallbackNotes((await page(`${item}?lang=ar`)).html)).toEqual(['بعض النصوص في هذه الصفحة متوفرة باللغة الألمانية فقط.']);
    expect(fallbackNotes((await page(`${item}?lang=ro`)).html)).toEqual(['Unele texte de pe această pagină sunt disponibile doar în limba germană.']);
    expect(fallbackNotes((await page(`${item}?lang=bg`)).html)).toEqual(['Някои текстове на тази страница са налични само на немски език.']);
    // the German text itself is marked as German, so screen readers switch voice
    expect((await page(`${item}?lang=ar`)).html).toContain('<h1 lang="de" dir="ltr">Film: Geschichten aus der Mahala</h1>');
  });

  it('puts the note on every page with people-written texts', async () => {
    for (const path of ['/', `/editions/${djelem}`, '/organisations', '/organisations/kommunales-integrationszentrum']) {
      expect(fallbackNotes((await page(`${path}?lang=bg`)).html), path).toEqual(['Някои текстове на тази страница са налични само на немски език.']);
      expect(fallbackNotes((await page(`${path}?lang=en`)).html), path).toEqual([]);
    }
  });

  it('names Romani the way its speakers’ neighbours do, the same on server and browser', async () => {
    const { html } = await page(`/program/${djelem}-02?lang=de`);
    expect(html).toContain('Sprachen<!-- -->: <!-- -->Romanes und Deutsch');
    expect((await page(`/program/${djelem}-02?lang=ar`)).html).toContain('اللغات<!-- -->: <!-- -->لغة الروما والألمانية');
  });
});

describe('the accessibility statement', () => {
  it('is there in all six languages, with the way to report a barrier and the enforcement procedure', async () => {
    const titles: Record<string, string> = {};
    for (const locale of LOCALES) {
      const { status, html } = await page(`/accessibility?lang=${locale}`);
      expect(status, locale).toBe(200);
      titles[locale] = /<h1>([^<]*)<\/h1>/.exec(html)![1]!;
      expect(html, locale).toContain('href="mailto:barrierefreiheit@festplatz.localhost"');
      expect(html, locale).toContain('href="https://www.schlichtungsstelle-bgg.de"');
      expect(html, locale).toContain('Mauerstraße 53');
    }
    expect(titles).toEqual({
      de: 'Erklärung zur Barrierefreiheit',
      en: 'Accessibility statement',
      tr: 'Erişilebilirlik beyanı',
      ar: 'بيان إمكانية الوصول',
      ro: 'Declarație de accesibilitate',
      bg: 'Декларация за достъпност',
    });
    expect((await page('/accessibility?lang=de')).html).toContain('Diese Erklärung wurde am 25. November 2026 erstellt.');
  });

  it('is linked from the footer of every page, the error pages included', async () => {
    for (const path of ['/', '/organisations', '/no/such/page', '/program/no-such-item']) {
      expect((await page(`${path}?lang=ro`)).html, path).toMatch(/<footer class="site-footer">.*<a class="site-footer__link"[^>]*href="\/accessibility">Declarație de accesibilitate<\/a>.*<\/footer>/);
    }
  });
});
