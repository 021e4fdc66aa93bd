/**
 * Issue 14, "so that this class of defect is caught next time": an organiser signs in the
 * way a person does — the email form, the link from a real SMTP server, the second factor
 * typed into the page — and approves an application, with JavaScript on (enrolling) and
 * off (the code page); an association signs in without JavaScript too.
 */
import SQLite from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { journey } from '../helpers/journey';
import { signInInPage } from '../helpers/auth';
import { expectVisible } from '../helpers/browser';

const errors: string[] = [];

const app = journey({ smtp: true, env: { PUBLIC_URL: 'http://festplatz.test' } });

function submittedCount(): number {
  const db = new SQLite(app.server.databasePath, { readonly: true });
  try {
    return (db.prepare(`select count(*) as n from registrations r join editions e on e.id = r.edition_id where r.state = 'submitted' and e.slug = ?`).get(comingDortbund()) as { n: number }).n;
  } finally {
    db.close();
  }
}
function comingDortbund(): string {
  const db = new SQLite(app.server.databasePath, { readonly: true });
  try {
    return (db.prepare(`select slug from editions where slug like 'dortbund-%' order by starts_on desc limit 1`).get() as { slug: string }).slug;
  } finally {
    db.close();
  }
}

async function approveOne(page: Page): Promise<void> {
  await page.goto(`${app.server.url}/office/editions/${comingDortbund()}/registrations?state=submitted`);
  const before = submittedCount();
  expect(before).toBeGreaterThan(0);
  const row = page.locator('.queue-item').first();
  await expectVisible(row);
  await row.getByRole('button', { name: 'Zusagen' }).click();
  await expect.poll(submittedCount, { timeout: 15_000 }).toBe(before - 1);
}

describe('signing in by hand', () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`an organiser ${javaScriptEnabled ? 'enrols' : 'enters'} the second factor in the page and approves an application (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await app.browser.newContext({ locale: 'de-DE', javaScriptEnabled });
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
      await signInInPage(page, app.server.url, app.smtp, 'orga@festplatz.localhost');
      // no page asked for: an office person lands in the office
      expect(new URL(page.url()).pathname).toBe('/office');
      await approveOne(page);
      await context.close();
      expect(errors).toEqual([]);
    });
  }

  it('an association signs in without JavaScript and lands on the page it asked for', async () => {
    const context = await app.browser.newContext({ locale: 'de-DE', javaScriptEnabled: false });
    const page = await context.newPage();
    await signInInPage(page, app.server.url, app.smtp, 'kontakt@train-of-hope.example', { redirectTo: '/account/organisation' });
    expect(new URL(page.url()).pathname).toBe('/account/organisation');
    await context.close();
  });
});
