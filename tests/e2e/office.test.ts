import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserCookie, signIn } from '../helpers/auth';
import { expectVisible, launchBrowser } from '../helpers/browser';
import { startSmtpServer, type TestSmtp } from '../helpers/mail';
import { startServer, type RunningServer } from '../helpers/server';

let smtp: TestSmtp;
let server: RunningServer;
let browser: Browser;
let cookie: string;
let upcomingYear: number;
beforeAll(async () => {
  smtp = await startSmtpServer();
  [server, browser] = await Promise.all([startServer({ SMTP_URL: smtp.url, PUBLIC_URL: 'http://festplatz.test' }), launchBrowser()]);
  cookie = await signIn(server.url, smtp, 'orga@festplatz.localhost');
  const now = new Date();
  // the demo's coming edition: next year from November on
  upcomingYear = now.getUTCMonth() >= 10 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

const to = (m: { to?: unknown }) => JSON.stringify(m.to ?? '');

/** A page whose console errors (a failed hydration, say) fail the test. */
async function officePage() {
  const context = await browser.newContext({ locale: 'de-DE' });
  await context.addCookies([browserCookie(server.url, cookie)]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

describe('an organiser in the office', () => {
  it('creates next year’s Dortbund! from this year’s in one step, and last year’s exhibitors are invited in their language', async () => {
    const { context, page, errors } = await officePage();
    await page.goto(`${server.url}/office`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Veranstaltungsbüro' }));
    await page.getByRole('link', { name: `Dortbund! Eine Stadt. Viele Gesichter ${upcomingYear}` }).first().click();
    await page.waitForURL(new RegExp(`/office/editions/dortbund-${upcomingYear}$`));
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Wartet auf eine Entscheidung' }));

    await page.getByRole('link', { name: 'Nächste Ausgabe anlegen' }).click();
    await page.waitForURL(/\/clone$/);
    const next = upcomingYear + 1;
    await expectVisible(page.getByRole('button', { name: `Ausgabe ${next} anlegen` }));
    await expect(page.getByLabel('Neue Ausgabe sofort veröffentlichen').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel(/^Letztjährige Ausstellende einladen \(2 Personen\)$/).isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: `Ausgabe ${next} anlegen` }).click();

    await page.waitForURL(new RegExp(`/office/editions/dortbund-${next}$`));
    await expectVisible(page.getByRole('heading', { level: 1, name: `Dortbund! Eine Stadt. Viele Gesichter ${next}` }));
    await expect.poll(() => page.locator('.lead').first().textContent()).toContain('Veröffentlicht');

    const arabic = await smtp.waitFor((m) => to(m).includes('kontakt@abrahamsreligionen.example') && m.subject === `دعوة: Dortbund! Eine Stadt. Viele Gesichter ${next}`);
    expect(arabic.html).toContain('dir="rtl"');
    expect(arabic.text).toContain(`http://festplatz.test/editions/dortbund-${next}`);
    const german = await smtp.waitFor((m) => to(m).includes('kontakt@mia-do.example') && m.subject === `Einladung: Dortbund! Eine Stadt. Viele Gesichter ${next}`);
    expect(german.text).toContain('Jetzt wieder einen Stand anmelden');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('writes to the confirmed exhibitors, previews, sends, and the message arrives in German and in Arabic', async () => {
    const { context, page, errors } = await officePage();
    await page.goto(`${server.url}/office/editions/dortbund-${upcomingYear}/mail`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Rundschreiben an Ausstellende' }));
    await page.getByRole('group', { name: 'Stand der Anmeldung' }).getByLabel('Bestätigt').check();
    const german = page.getByRole('group', { name: 'Deutsch (Pflicht)' });
    await german.getByLabel('Betreff').fill('Aufbau am Samstag');
    await german.getByLabel('Text').fill('Bitte kommen Sie um 7:30 Uhr zum Aufbau.\n\nIhr Büro für Festkultur');
    const arabic = page.getByRole('group', { name: 'العربية (freiwillig)' });
    await arabic.getByLabel('Betreff').fill('التجهيز يوم السبت');
    await arabic.getByLabel('Text').fill('يرجى الحضور الساعة 7:30 للتجهيز.');

    await page.getByRole('button', { name: 'Vorschau' }).click();
    await expectVisible(page.getByText('2 Empfängerinnen und Empfänger', { exact: true }));
    // the preview shows the first recipient's message, in Arabic, laid out right to left
    const preview = page.locator('.mail-preview__message');
    await expectVisible(preview.getByRole('heading', { name: 'التجهيز يوم السبت' }));
    await expect(preview.getAttribute('dir')).resolves.toBe('rtl');
    // nothing has been sent yet
    expect(smtp.messages.filter((m) => m.subject === 'Aufbau am Samstag')).toEqual([]);

    await page.getByRole('button', { name: 'An 2 Personen senden' }).click();
    await page.waitForURL(/\/mail\?sent=2$/);
    await expectVisible(page.getByText('Das Rundschreiben geht an 2 Personen hinaus.'));

    const de = await smtp.waitFor((m) => m.subject === 'Aufbau am Samstag');
    expect(to(de)).toContain('kontakt@mia-do.example');
    expect(de.text).toContain('Bitte kommen Sie um 7:30 Uhr zum Aufbau.');
    const ar = await smtp.waitFor((m) => m.subject === 'التجهيز يوم السبت');
    expect(to(ar)).toContain('kontakt@abrahamsreligionen.example');
    expect(ar.text).toContain('يرجى الحضور الساعة 7:30 للتجهيز.');
    expect(ar.html).toContain('<html lang="ar" dir="rtl">');
    // each once
    expect(smtp.messages.filter((m) => m.subject === 'Aufbau am Samstag' || m.subject === 'التجهيز يوم السبت')).toHaveLength(2);
    // and it is listed as sent
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Bisherige Rundschreiben' }));
    await expectVisible(page.getByText(/Aufbau am Samstag – 2 Empfängerinnen und Empfänger/));
    expect(errors).toEqual([]);
    await context.close();
  });
});
