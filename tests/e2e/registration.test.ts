/**
 * The stand registration journey in a real browser, mail through a real SMTP server:
 * a new association signs in by email link, creates its profile, applies for Dortbund!,
 * sees "submitted"; an organiser approves in a second browser context; the approval mail
 * arrives with the setup time as .ics. Then the apply form without JavaScript, on a phone.
 */
import AxeBuilder from '@axe-core/playwright';
import SQLite from 'better-sqlite3';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { journey, recordBrowserErrors } from '../helpers/journey';
import { signInInPage } from '../helpers/auth';
import { expectVisible } from '../helpers/browser';
import { linkIn, sentTo } from '../helpers/mail';

const PUBLIC_URL = 'http://festplatz.test';
const ASSOCIATION = 'vorstand@nachbarschaftsgarten.example';
const ORGANISATION = 'Nachbarschaftsgarten Nordstadt e.V.';
const DORTBUND = /^Dortbund! Eine Stadt\. Viele Gesichter \d{4}$/;

let association: BrowserContext;
const browserErrors: string[] = [];

const app = journey({ smtp: true, env: { PUBLIC_URL } });


/** WCAG 2 A/AA problems axe finds on the page, as "rule: elements". */
async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function newPage(context: BrowserContext): Promise<Page> {
  return recordBrowserErrors(await context.newPage(), browserErrors);
}

/** Asks for a link at /login, takes it from the mail that really went through SMTP, confirms. */
/** The signed-in association's way to the Djelem Djelem apply form: from its account page, by the link. */
async function openApplyForm(context: BrowserContext): Promise<Page> {
  await context.addCookies(await association.cookies());
  const page = await newPage(context);
  await page.goto(`${app.server.url}/account`);
  const djelem = page.locator('.card', { has: page.getByRole('heading', { name: /^Djelem Djelem \d{4}$/ }) });
  await djelem.getByRole('link', { name: 'Stand anmelden' }).click();
  await page.waitForURL(/\/editions\/djelem-djelem-\d{4}\/apply\?org=\d+$/);
  return page;
}

async function signInByEmail(page: Page, email: string) {
  await page.goto(`${app.server.url}/login`);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByRole('button', { name: 'Login-Link senden' }).click();
  await expectVisible(page.getByRole('heading', { name: 'Bitte sehen Sie in Ihr Postfach' }));
  const mail = await app.smtp.waitFor((m) => sentTo(email)(m) && (m.text ?? '').includes('/login/verify?token='));
  const link = new URL(linkIn(mail, `${PUBLIC_URL}/login/verify?token=`));
  await page.goto(`${app.server.url}${link.pathname}${link.search}`);
  await page.getByRole('button', { name: 'Jetzt einloggen' }).click();
  await page.waitForURL(/\/account$/);
}

describe('an association registers a stand and the organisers approve it', () => {
  it('goes from the sign-in link to an approved stand with the setup time in the calendar', async () => {
    association = await app.browser.newContext({ locale: 'de-DE' });
    const page = await newPage(association);
    await signInByEmail(page, ASSOCIATION);

    // first sign-in: no organisation yet
    await expectVisible(page.getByRole('heading', { name: 'Zuerst: Ihr Verein' }));
    await page.getByRole('link', { name: 'Profil der Organisation anlegen' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Profil Ihrer Organisation' }));
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Name der Organisation').fill(ORGANISATION);
    await page.getByLabel('Rechtsform').fill('e.V.');
    await page.getByLabel('Kurzbeschreibung auf Deutsch').fill('Gemeinschaftsgarten in der Nordstadt: Beete, Saatgut und Nachbarschaft.');
    await page.getByRole('checkbox', { name: 'Kultur' }).check();
    await page.getByRole('checkbox', { name: 'Initiative' }).check();
    await page.getByRole('checkbox', { name: 'Deutsch', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Türkisch' }).check();
    await page.getByRole('button', { name: 'Profil anlegen' }).click();
    // what was saved is confirmed (issue 14, point 5)
    await page.waitForURL(/\/account\/organisation\?id=\d+&saved=1$/);
    await expectVisible(page.getByRole('status').getByText('Das Profil ist gespeichert.'));
    await page.getByRole('link', { name: 'Mein Konto' }).first().click();
    await page.waitForURL(/\/account$/);

    // apply for the coming Dortbund!
    const card = page.locator('.card', { has: page.getByRole('heading', { name: DORTBUND }) });
    await expectVisible(card.getByRole('link', { name: 'Stand anmelden' }));
    await card.getByRole('link', { name: 'Stand anmelden' }).click();
    await page.waitForURL(/\/editions\/dortbund-\d{4}\/apply\?org=\d+$/);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Stand anmelden' }));
    await expectVisible(page.getByText(`Anmeldung für: ${ORGANISATION}`));
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('radio', { name: /Pavillon 3 × 3 m \(gestellt\)/ }).check();
    await page.getByLabel('Breite (m)').fill('3');
    await page.getByLabel('Tiefe (m)').fill('3');
    await page.getByLabel('Strom (Watt)').fill('1000');
    await page.getByLabel('Tische').fill('2');
    await page.getByLabel('Bänke').fill('4');
    await page.getByRole('checkbox', { name: 'Wasseranschluss in der Nähe' }).check();
    await page.getByLabel('Was Sie an Ihrem Stand vorhaben').fill('Saatgut-Tausch, Mitmachbeet für Kinder, Gespräche über Gärtnern in der Stadt.');
    await page.getByLabel('Titel des Beitrags').fill('Lieder aus dem Garten');
    await page.getByLabel('Dauer in Minuten').fill('20');
    await page.getByRole('button', { name: 'Anmeldung einreichen' }).click();
    await page.waitForURL(/\/account\/applications\/\d+$/);
    await expect.poll(() => page.locator('.status-box .state').textContent()).toBe('Eingereicht');
    const applicationUrl = page.url();
    expect(await axeViolations(page)).toEqual([]);

    const received = await app.smtp.waitFor((m) => sentTo(ASSOCIATION)(m) && (m.subject ?? '').startsWith('Anmeldung erhalten'));
    expect(received.subject).toMatch(/^Anmeldung erhalten: Dortbund! Eine Stadt\. Viele Gesichter \d{4}$/);

    // the organiser, in a second browser, signed in the same way
    // (organisers also pass a second factor: enrolled in the page, the code typed into it)
    const office = await app.browser.newContext({ locale: 'de-DE' });
    const orga = await newPage(office);
    await signInInPage(orga, app.server.url, app.smtp, 'orga@festplatz.localhost');
    await orga.waitForURL(/\/office$/);
    // newest first: the coming edition before last year's
    const edition = orga.locator('.card', { has: orga.getByRole('heading', { name: DORTBUND }) }).first();
    await expectVisible(edition.getByRole('link', { name: 'Anmeldungen prüfen' }));
    await edition.getByRole('link', { name: 'Anmeldungen prüfen' }).click();
    await orga.waitForURL(/\/office\/editions\/dortbund-\d{4}\/registrations$/);
    await expectVisible(orga.getByLabel('Status', { exact: true }));
    await orga.getByLabel('Status', { exact: true }).selectOption('submitted');
    await orga.getByRole('button', { name: 'Anzeigen' }).click();
    await orga.waitForURL(/\?state=submitted/);
    const row = orga.locator('.queue-item', { hasText: ORGANISATION });
    await expectVisible(row);
    expect(await axeViolations(orga)).toEqual([]);
    await expect(row.locator('.facts').textContent()).resolves.toBe(
      '3 × 3 m1000 W StromWasseranschluss in der Nähe2 Tische4 BänkeBühne: Lieder aus dem Garten (20 Min.)',
    );
    await row.getByRole('button', { name: 'Zusagen' }).click();
    // the filter stays; the approved application has left the "submitted" list
    await expect.poll(() => orga.locator('.queue-item', { hasText: ORGANISATION }).count()).toBe(0);
    expect(orga.url()).toMatch(/\?state=submitted/);

    // the approval mail, with the setup time as a calendar entry in UTC
    const approved = await app.smtp.waitFor((m) => sentTo(ASSOCIATION)(m) && (m.subject ?? '').endsWith('ist zugesagt'));
    expect(approved.subject).toMatch(/^Ihr Stand bei Dortbund! Eine Stadt\. Viele Gesichter \d{4} ist zugesagt$/);
    const ics = approved.attachments.find((a) => a.filename === 'setup.ics');
    expect(ics?.contentType).toBe('text/calendar');
    const db = new SQLite(app.server.databasePath, { readonly: true });
    const setup = db.prepare("select setup_starts_at from editions where slug like 'dortbund-%' order by starts_on desc limit 1").get() as { setup_starts_at: string };
    db.close();
    const dtstart = setup.setup_starts_at.replace(/[-:]/g, '').replace(/\.\d{3}/, ''); // 2027-09-11T05:30:00.000Z → 20270911T053000Z
    expect(ics!.content.toString()).toContain(`DTSTART:${dtstart}`);
    if (setup.setup_starts_at.startsWith('2027')) expect(dtstart).toBe('20270911T053000Z'); // 07:30 in Berlin (CEST)
    expect(approved.text).toContain('Aufbau: Samstag, 11. September');
    expect(linkIn(approved, PUBLIC_URL)).toBe(`${PUBLIC_URL}${new URL(applicationUrl).pathname}`);

    // the association sees it, with who decided
    await page.reload();
    await expect.poll(() => page.locator('.status-box .state').textContent()).toBe('Zugesagt');
    await expectVisible(page.getByText('vom Veranstaltungsbüro'));
    await office.close();
    expect(browserErrors).toEqual([]);
  });
});

describe('the apply form with JavaScript', () => {
  it('checks in the browser with the same schema and words before anything is sent', async () => {
    const context = await app.browser.newContext({ locale: 'de-DE' });
    const page = await openApplyForm(context);
    await page.waitForFunction(() => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined);
    const posts: string[] = [];
    page.on('request', (r) => (r.method() === 'POST' ? posts.push(r.url()) : undefined));

    await page.getByRole('radio', { name: /Infotisch im Foyer/ }).check();
    await page.getByLabel('Breite (m)').fill('zwei');
    await page.getByRole('button', { name: 'Anmeldung einreichen' }).click();

    const width = page.locator('.field', { has: page.locator('#field-widthM') });
    await expectVisible(width.locator('.field-error'));
    await expect(width.locator('.field-error').textContent()).resolves.toBe('Diese Angabe ist ungültig.');
    await expect(page.locator('#field-widthM').getAttribute('aria-invalid')).resolves.toBe('true');
    const activities = page.locator('.field', { has: page.locator('#field-activities') });
    await expect(activities.locator('.field-error').textContent()).resolves.toBe('Bitte beschreiben Sie, was Sie an Ihrem Stand vorhaben.');
    await expect(page.locator('.error-summary h2').textContent()).resolves.toBe('Bitte korrigieren Sie 2 Angaben');
    // the browser answered: no request left for the server
    expect(posts).toEqual([]);
    await context.close();
  });
});

describe('the apply form without JavaScript, on a phone', () => {
  it('shows the error next to the field, keeps the input, then saves a draft', async () => {
    const context = await app.browser.newContext({ javaScriptEnabled: false, locale: 'de-DE', viewport: { width: 375, height: 740 } });
    const page = await openApplyForm(context);

    await page.getByRole('radio', { name: /Infotisch im Foyer/ }).check();
    await page.getByLabel('Breite (m)').fill('zwei');
    await page.getByRole('button', { name: 'Anmeldung einreichen' }).click();
    await page.waitForLoadState();

    const width = page.locator('.field', { has: page.locator('#field-widthM') });
    await expect(width.locator('.field-error').textContent()).resolves.toBe('Diese Angabe ist ungültig.');
    await expect(page.locator('#field-widthM').inputValue()).resolves.toBe('zwei');
    await expect(page.locator('#field-widthM').getAttribute('aria-describedby')).resolves.toBe('field-widthM-error');
    const activities = page.locator('.field', { has: page.locator('#field-activities') });
    await expect(activities.locator('.field-error').textContent()).resolves.toBe('Bitte beschreiben Sie, was Sie an Ihrem Stand vorhaben.');
    await expect(page.getByRole('radio', { name: /Infotisch im Foyer/ }).isChecked()).resolves.toBe(true);
    await expect(page.locator('.error-summary h2').textContent()).resolves.toBe('Bitte korrigieren Sie 2 Angaben');
    // nothing overflows the phone's width
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // wider than the 2 × 1 m information table: refused at the field (issue 14), then a size that fits
    await page.getByLabel('Breite (m)').fill('2,5');
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await page.waitForLoadState();
    await expect(width.locator('.field-error').textContent()).resolves.toBe(
      'Diese Größe passt nicht auf den gewählten Standtyp (2 × 1 m). Wählen Sie einen größeren Typ oder eine kleinere Fläche.',
    );
    await page.getByLabel('Breite (m)').fill('1,5');
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await page.waitForURL(/\/account\/applications\/\d+$/);
    await expect(page.locator('.status-box .state').textContent()).resolves.toBe('Entwurf');
    await expectVisible(page.getByText('1.5 × 1 m'));
    await context.close();
    // the 400 answer itself is the only thing the browser reports
    expect(browserErrors).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)', 'Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  });
});
