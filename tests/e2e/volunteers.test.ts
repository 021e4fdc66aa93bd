/**
 * The volunteer journey in a real browser (JavaScript on), mail through a real SMTP server:
 * an organiser creates two roles (one asking for Arabic) and generates shifts from a stage's
 * opening hours; a resident reading Arabic signs up for a shift on the public page, gets the
 * confirmation with the shift as .ics, is refused a second, overlapping shift with a clear
 * message; the coverage board shows 1 / 2 and Arabic covered for that time; the volunteer is
 * checked in on the day page. Then the public page without JavaScript, on a phone.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readOnlySql } from '../helpers/db';
import { sentTo } from '../helpers/mail';
import { journey, recordBrowserErrors } from '../helpers/journey';
import { signInInPage } from '../helpers/auth';
import { expectVisible } from '../helpers/browser';
import { translator } from '../../app/lib/i18n';
import { shiftInWords } from '../../app/domain/volunteers/signups.server';

const PUBLIC_URL = 'http://festplatz.test';
const RESIDENT = 'noor.haddad@example.org';
const base = '/office/editions/djelem-djelem-2027/volunteers';
const ar = translator('ar');
const de = translator('de');

let office: BrowserContext;
let orga: Page;
const browserErrors: string[] = [];

const app = journey({ smtp: true, env: { PUBLIC_URL } });

const { one } = readOnlySql(() => app.server.databasePath);

async function newPage(context: BrowserContext): Promise<Page> {
  return recordBrowserErrors(await context.newPage(), browserErrors);
}

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function generate(page: Page, role: string, place: string) {
  await page.goto(`${app.server.url}${base}/shifts`);
  const form = page.locator('form', { has: page.getByRole('button', { name: de('volunteers:generate.submit') }) });
  await form.getByLabel(de('volunteers:shift.role')).selectOption({ label: role });
  await form.getByRole('radio', { name: de('volunteers:generate.sources.hours') }).check();
  await form.getByLabel(de('volunteers:generate.place'), { exact: true }).selectOption({ label: place });
  await form.getByLabel(de('volunteers:generate.day')).selectOption({ label: 'Freitag, 29. Oktober 2027' });
  await form.getByLabel(de('volunteers:generate.minutes')).fill('120');
  await form.getByLabel(de('volunteers:shift.needed')).fill('2');
  await form.getByRole('button', { name: de('volunteers:generate.submit') }).click();
  await expectVisible(page.getByRole('status').getByText('Angelegt: 4.'));
}

describe('volunteers for Djelem Djelem', () => {
  it('goes from two roles and generated shifts to an Arabic resident checked in on the day', async () => {
    office = await app.browser.newContext({ locale: 'de-DE' });
    orga = await newPage(office);
    await signInInPage(orga, app.server.url, app.smtp, 'orga@festplatz.localhost');
    await orga.waitForURL(/\/office$/);

    // two roles, one asking for Arabic
    await orga.goto(`${app.server.url}${base}/roles`);
    await expectVisible(orga.getByRole('heading', { level: 1, name: de('volunteers:roles.title') }));
    await orga.getByLabel('Name der Aufgabe (Deutsch)').fill('Infostand');
    await orga.getByRole('button', { name: de('volunteers:roles.create') }).click();
    await expectVisible(orga.getByRole('link', { name: 'Infostand' }));
    await orga.getByLabel('Name der Aufgabe (Deutsch)').fill('Sprachhilfe');
    await orga.getByText(de('volunteers:role.moreNames')).click();
    await orga.getByLabel('Name der Aufgabe (العربية)').fill('مساعدة لغوية');
    await orga.getByRole('checkbox', { name: 'Arabisch' }).check();
    await orga.getByRole('button', { name: de('volunteers:roles.create') }).click();
    await expectVisible(orga.getByRole('link', { name: 'Sprachhilfe' }));
    expect(await axeViolations(orga)).toEqual([]);

    // shifts from the opening hours: Friday 15:00–23:30 in blocks of two hours
    await generate(orga, 'Sprachhilfe', 'Großer Saal');
    await generate(orga, 'Infostand', 'Foyer');
    expect(await axeViolations(orga)).toEqual([]);
    const helpShift = one<{ id: number }>("select sh.id from volunteer_shifts sh join volunteer_roles r on r.id = sh.role_id where r.name like '%Sprachhilfe%' order by sh.starts_at limit 1").id;
    const deskShift = one<{ id: number }>("select sh.id from volunteer_shifts sh join volunteer_roles r on r.id = sh.role_id where r.name like '%Infostand%' order by sh.starts_at limit 1").id;

    // a resident reading Arabic finds the shift on the public page and signs up
    const home = await app.browser.newContext({ locale: 'ar' });
    const page = await newPage(home);
    await page.goto(`${app.server.url}/editions/djelem-djelem-2027?lang=ar`);
    await page.getByRole('link', { name: ar('volunteers:help.link') }).click();
    await page.waitForURL(/\/editions\/djelem-djelem-2027\/help$/);
    await expectVisible(page.getByRole('heading', { level: 1, name: ar('volunteers:help.title') }));
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await page.getByRole('combobox', { name: ar('volunteers:help.language') }).selectOption('ar');
    await page.getByRole('button', { name: ar('volunteers:help.show') }).click();
    await page.waitForURL(/language=ar/);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator(`#shift-${helpShift}`).getByRole('link').click();
    await page.waitForURL(new RegExp(`/help/${helpShift}$`));
    await page.getByRole('link', { name: ar('volunteers:signup.signInFirst') }).click();
    await page.waitForURL(/\/login\?/);
    await signInInPage(page, app.server.url, app.smtp, RESIDENT, { locale: 'ar', redirectTo: `/editions/djelem-djelem-2027/help/${helpShift}` });
    await page.waitForURL(new RegExp(`/help/${helpShift}$`));
    await page.getByLabel(ar('volunteers:signup.name')).fill('نور حداد');
    await page.getByRole('checkbox', { name: 'العربية' }).check();
    await page.getByRole('checkbox', { name: ar('volunteers:signup.ageConfirmed', { age: 18 }) }).check();
    await page.getByRole('checkbox', { name: ar('volunteers:signup.consentLabel') }).check();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: ar('volunteers:signup.submit') }).click();
    await page.waitForURL(/\/account\/volunteering\?signed=confirmed$/);
    await expectVisible(page.getByRole('status').getByText(ar('volunteers:account.signed.confirmed')));
    expect(await axeViolations(page)).toEqual([]);

    // the confirmation, in Arabic, with the shift as a calendar entry in UTC (15:00 in Dortmund is 13:00 UTC)
    const confirmation = await app.smtp.waitFor((m) => sentTo(RESIDENT)(m) && (m.attachments ?? []).some((a) => a.filename === 'shift.ics'));
    expect(confirmation.subject).toContain('مساعدة لغوية');
    const ics = confirmation.attachments.find((a) => a.filename === 'shift.ics')!.content.toString();
    expect(ics).toContain('DTSTART:20271029T130000Z');
    expect(ics).toContain('DTEND:20271029T150000Z');

    // a second shift at the same time is refused, in words
    await page.goto(`${app.server.url}/editions/djelem-djelem-2027/help/${deskShift}`);
    await page.getByLabel(ar('volunteers:signup.name')).fill('نور حداد');
    await page.getByRole('checkbox', { name: ar('volunteers:signup.ageConfirmed', { age: 18 }) }).check();
    await page.getByRole('checkbox', { name: ar('volunteers:signup.consentLabel') }).check();
    await page.getByRole('button', { name: ar('volunteers:signup.submit') }).click();
    const overlap = ar('volunteers:errors.overlap', { shift: shiftInWords({ starts_at: '2027-10-29T13:00:00.000Z', ends_at: '2027-10-29T15:00:00.000Z', role_name: JSON.stringify({ de: 'Sprachhilfe', ar: 'مساعدة لغوية' }) }, 'ar') });
    await expectVisible(page.getByRole('alert').getByText(overlap, { exact: true }));
    expect(one<{ n: number }>('select count(*) as n from volunteer_signups where shift_id = ?', deskShift).n).toBe(0);

    // the coverage board: 1 / 2 on that shift, Arabic covered 15:00–17:00
    await orga.goto(`${app.server.url}${base}`);
    await expect.poll(() => orga.locator(`#board-shift-${helpShift}`).textContent()).toContain('1 / 2');
    await expect.poll(() => orga.locator('#language-2027-10-29-ar').textContent()).toBe('Arabisch: abgedeckt 15:00–17:00 · fehlt 17:00–23:30');
    expect(await axeViolations(orga)).toEqual([]);

    // on the day: checked in
    await orga.goto(`${app.server.url}${base}/day?day=2027-10-29`);
    await orga.getByRole('button', { name: de('volunteers:day.checkIn', { name: 'نور حداد' }) }).click();
    await expectVisible(orga.getByRole('status').getByText(de('volunteers:day.doneIn', { name: 'نور حداد' })));
    await expectVisible(orga.getByRole('button', { name: de('volunteers:day.undo', { name: 'نور حداد' }) }));
    expect(one<{ n: number }>('select count(*) as n from volunteer_signups where checked_in_at is not null').n).toBe(1);
    expect(await axeViolations(orga)).toEqual([]);
    // the one refused sign-up is its 409, nothing else went wrong in either browser
    expect(browserErrors).toEqual(['Failed to load resource: the server responded with a status of 409 (Conflict)']);
  }, 120_000);

  it('works without JavaScript, on a phone, by keyboard: the public page, a sign-up, the refusal in words, the check-in', async () => {
    const context = await app.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, locale: 'ar' });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/editions/djelem-djelem-2027/help?lang=ar`);
    await expectVisible(page.getByRole('heading', { level: 1, name: ar('volunteers:help.title') }));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const desk = one<{ id: number }>("select sh.id from volunteer_shifts sh join volunteer_roles r on r.id = sh.role_id where r.name like '%Infostand%' order by sh.starts_at limit 1").id;
    const help = one<{ id: number }>("select sh.id from volunteer_shifts sh join volunteer_roles r on r.id = sh.role_id where r.name like '%Sprachhilfe%' order by sh.starts_at limit 1").id;
    await page.locator(`#shift-${desk} a`).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/help/${desk}$`));
    await page.waitForLoadState('load');
    await page.getByRole('link', { name: ar('volunteers:signup.signInFirst') }).click();
    await page.waitForLoadState('load');
    await signInInPage(page, app.server.url, app.smtp, 'sami@example.org', { locale: 'ar', redirectTo: `/editions/djelem-djelem-2027/help/${desk}` });
    await page.waitForURL(new RegExp(`/help/${desk}$`));
    await page.waitForLoadState('load');
    await page.getByLabel(ar('volunteers:signup.name')).fill('Sami');
    await page.getByRole('checkbox', { name: ar('volunteers:signup.ageConfirmed', { age: 18 }) }).check();
    await page.getByRole('checkbox', { name: ar('volunteers:signup.consentLabel') }).check();
    await page.getByRole('button', { name: ar('volunteers:signup.submit') }).click();
    await page.waitForURL(/\/account\/volunteering\?signed=confirmed$/);
    await page.waitForLoadState('load');
    await expectVisible(page.getByRole('status').getByText(ar('volunteers:account.signed.confirmed')));
    // the Arabic help at the same hour overlaps: refused, the reason shown over the form
    await page.goto(`${app.server.url}/editions/djelem-djelem-2027/help/${help}`);
    await page.getByLabel(ar('volunteers:signup.name')).fill('Sami');
    await page.getByRole('checkbox', { name: ar('volunteers:signup.ageConfirmed', { age: 18 }) }).check();
    await page.getByRole('checkbox', { name: ar('volunteers:signup.consentLabel') }).check();
    await page.getByRole('button', { name: ar('volunteers:signup.submit') }).click();
    await page.waitForLoadState('load');
    const overlap = ar('volunteers:errors.overlap', { shift: shiftInWords({ starts_at: '2027-10-29T13:00:00.000Z', ends_at: '2027-10-29T15:00:00.000Z', role_name: JSON.stringify({ de: 'Infostand' }) }, 'ar') });
    await expectVisible(page.getByRole('alert').getByText(overlap, { exact: true }));
    expect(await page.getByLabel(ar('volunteers:signup.name')).inputValue()).toBe('Sami');
    await context.close();

    // the coordinator checks Sami in by keyboard, without JavaScript
    const desk2 = await app.browser.newContext({ javaScriptEnabled: false, locale: 'de-DE', storageState: await office.storageState() });
    const day = await desk2.newPage();
    await day.goto(`${app.server.url}${base}/day?day=2027-10-29&q=Sami`);
    await day.getByRole('button', { name: de('volunteers:day.checkIn', { name: 'Sami' }) }).focus();
    await day.keyboard.press('Enter');
    await day.waitForLoadState('load');
    await expectVisible(day.getByRole('status').getByText(de('volunteers:day.doneIn', { name: 'Sami' })));
    await desk2.close();
  }, 90_000);
});
