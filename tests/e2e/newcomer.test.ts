/**
 * What a newcomer met (issue 14), in a real browser with JavaScript on and off: the stand
 * size follows the chosen stand type, and the consent a resident reads is the one kept.
 */
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { journey } from '../helpers/journey';
import { browserCookie, signIn } from '../helpers/auth';
import { expectVisible } from '../helpers/browser';

const PUBLIC_URL = 'http://festplatz.test';

const app = journey({ smtp: true, env: { PUBLIC_URL } });

function query<T>(sql: string, ...params: unknown[]): T {
  const db = new SQLite(app.server.databasePath, { readonly: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

describe('the apply form’s stand size', () => {
  it('follows the chosen stand type with JavaScript and saves that size', async () => {
    const cookie = await signIn(app.server.url, app.smtp, 'kontakt@projekt-ankommen.example');
    const context = await app.browser.newContext({ locale: 'en-GB' });
    await context.addCookies([browserCookie(app.server.url, cookie)]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${app.server.url}/editions/dortbund-2027/apply?lang=en`);
    await page.getByRole('radio', { name: /Information table/ }).check();
    await expect.poll(() => page.locator('#field-widthM').inputValue()).toBe('2');
    expect(await page.locator('#field-depthM').inputValue()).toBe('1');
    await page.getByRole('radio', { name: /Gazebo 3 × 3 m/ }).check();
    await expect.poll(() => page.locator('#field-widthM').inputValue()).toBe('3');
    expect(await page.locator('#field-depthM').inputValue()).toBe('3');
    await page.getByRole('radio', { name: /Information table/ }).check();
    await page.getByRole('button', { name: 'Save changes' }).or(page.getByRole('button', { name: 'Submit application' })).first().click();
    await page.waitForURL(/\/account\/applications\/\d+/);
    await expectVisible(page.getByText('2 × 1 m').first());
    const saved = query<{ width_m: number; depth_m: number; slug: string }>(
      `select r.width_m, r.depth_m, s.slug from registrations r join stand_types s on s.id = r.stand_type_id
         join organisations o on o.id = r.organisation_id join editions e on e.id = r.edition_id
        where o.slug = 'projekt-ankommen' and e.slug = 'dortbund-2027'`,
    );
    expect(saved).toEqual({ width_m: 2, depth_m: 1, slug: 'infotisch' });
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the consent a resident gives', () => {
  const consentFor = (email: string) => query<{ consent_text: string }>('select consent_text from series_subscriptions where email = ?', email)?.consent_text;

  it('with JavaScript: the text beside the checkbox follows the chosen series and is the text kept', async () => {
    const context = await app.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/notifications?lang=en`);
    await page.getByLabel('Series').selectOption({ label: 'Djelem Djelem' });
    const shown = (await page.locator('label[for="field-consent"]').innerText()).trim();
    expect(shown).toContain('Djelem Djelem');
    await page.getByLabel('Email address').fill('js-on@example.org');
    await page.locator('#field-consent').check();
    await page.getByRole('button', { name: /Subscribe/ }).click();
    await expectVisible(page.getByRole('status'));
    expect(consentFor('js-on@example.org')).toBe(shown);
    await context.close();
  });

  it('without JavaScript: a series changed after the text was shown is asked again, then the shown text is kept', async () => {
    const context = await app.browser.newContext({ locale: 'en-GB', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/notifications?lang=en`);
    const first = (await page.locator('label[for="field-consent"]').innerText()).trim();
    expect(first).not.toContain('Djelem Djelem');
    await page.getByLabel('Series').selectOption({ label: 'Djelem Djelem' });
    await page.getByLabel('Email address').fill('js-off@example.org');
    await page.locator('#field-consent').check();
    await page.getByRole('button', { name: /Subscribe/ }).click();
    // without JavaScript the answer is a new document: read it once it has fully arrived
    await page.waitForLoadState('load');
    await expectVisible(page.getByText('You chose another series. Please read the consent for this series and tick the box again.').first());
    expect(consentFor('js-off@example.org')).toBeUndefined();
    const shown = (await page.locator('label[for="field-consent"]').innerText()).trim();
    expect(shown).toContain('Djelem Djelem');
    await page.locator('#field-consent').check();
    await page.getByRole('button', { name: /Subscribe/ }).click();
    await expectVisible(page.getByRole('status'));
    expect(consentFor('js-off@example.org')).toBe(shown);
    await context.close();
  });
});
