/**
 * Issue 15, "Done when", in a real browser on a phone-sized viewport: an association opens its
 * stand pass; an organiser checks in one stand by typing its code, one by the camera (Chromium's
 * fake camera playing a picture of the pass's QR code, decoded by jsQR in the page) and one from
 * the list without JavaScript; the dashboard counts three; scans made while the phone is offline
 * are sent when it is back (a duplicate answered, not counted twice). Then a stage's "now" page
 * shows the current item, the organiser delays it by 15 minutes in two taps, and the now page,
 * the feed (SEQUENCE up, new DTSTART), the changelog and the mails over SMTP all show it.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import AxeBuilder from '@axe-core/playwright';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserCookie, signIn, signInInPage } from '../helpers/auth';
import { expectVisible, launchBrowser, stillFrameY4m } from '../helpers/browser';
import { linkIn, startSmtpServer, type TestSmtp } from '../helpers/mail';
import { parseIcs } from '../helpers/ical';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabase } from '../../db/connection';
import { grantWaiver } from '../../app/domain/payments/waivers.server';
import { formatPassCode } from '../../app/domain/festival-day/pass-code';

const PUBLIC_URL = 'http://festplatz.test';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
let smtp: TestSmtp;
let server: RunningServer;
let browser: Browser;
let camera: Browser | undefined;

beforeAll(async () => {
  smtp = await startSmtpServer();
  [server, browser] = await Promise.all([startServer({ SMTP_URL: smtp.url, PUBLIC_URL }), launchBrowser()]);
}, 60_000);
afterAll(async () => {
  await camera?.close();
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

function query<T>(sql: string, ...params: unknown[]): T {
  const db = new SQLite(server.databasePath, { readonly: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}
const passCode = (organisation: string) =>
  query<{ code: string }>(
    `select p.code from stand_passes p join registrations r on r.id = p.registration_id join organisations o on o.id = r.organisation_id join editions e on e.id = r.edition_id where o.slug = ? and e.slug = 'dortbund-2027'`,
    organisation,
  ).code;

/**
 * WCAG 2.1 A/AA findings on the page. The stage screen refreshes itself every minute on
 * purpose (the issue asks for it, and WCAG 2.2.1 exempts real-time events), so axe's
 * meta-refresh rule is left out there and only there.
 */
async function axe(page: Page, options: { allowRefresh?: boolean } = {}): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (options.allowRefresh) builder = builder.disableRules(['meta-refresh']);
  const results = await builder.analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function watch(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    // the offline part makes the browser report the failed requests it was asked to make
    if (m.type() === 'error' && !/ERR_INTERNET_DISCONNECTED|Failed to fetch|Failed to load resource/.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { page, problems };
}

describe('the festival day on an organiser’s phone', () => {
  it('checks stands in by code, camera and list, keeps scans offline, then delays an act and everyone hears of it', async () => {
    // The third Dortbund! 2027 stand is confirmed today: VMDO's fee is waived (its pass is issued then).
    {
      const { db } = openDatabase(server.databasePath);
      try {
        const reg = await db
          .selectFrom('registrations')
          .innerJoin('organisations', 'organisations.id', 'registrations.organisation_id')
          .innerJoin('editions', 'editions.id', 'registrations.edition_id')
          .select('registrations.id')
          .where('organisations.slug', '=', 'vmdo')
          .where('editions.slug', '=', 'dortbund-2027')
          .executeTakeFirstOrThrow();
        const organiser = await db.selectFrom('people').select('id').where('email', '=', 'orga@festplatz.localhost').executeTakeFirstOrThrow();
        await db.insertInto('waiver_requests').values({ registration_id: reg.id, state: 'requested', reason: 'gemeinnützig', requested_by: organiser.id }).execute();
        await grantWaiver(db, { registrationId: reg.id, organiser, reason: null, publicUrl: PUBLIC_URL });
      } finally {
        await db.destroy();
      }
    }

    // The association sees its pass (application page and the printable pass page) on its phone.
    const association = await browser.newContext({ ...PHONE, locale: 'de-DE' });
    const { page: member, problems: memberProblems } = await watch(association);
    await signInInPage(member, server.url, smtp, 'kontakt@mia-do.example');
    const miaId = query<{ id: number }>(`select r.id from registrations r join organisations o on o.id = r.organisation_id join editions e on e.id = r.edition_id where o.slug = 'mia-do' and e.slug = 'dortbund-2027'`).id;
    await member.goto(`${server.url}/account/applications/${miaId}`);
    await expectVisible(member.getByRole('heading', { name: 'Standausweis' }));
    await member.getByRole('link', { name: 'Standausweis zum Ausdrucken oder Vorzeigen öffnen' }).click();
    await member.waitForURL(`${server.url}/account/applications/${miaId}/pass`);
    const shownCode = (await member.locator('[data-pass-code]').innerText()).trim();
    expect(shownCode).toBe(formatPassCode(passCode('mia-do')));
    const qrSrc = await member.locator('img.stand-pass__qr').getAttribute('src');
    expect(qrSrc).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(await axe(member)).toEqual([]);
    expect(memberProblems).toEqual([]);
    await association.close();

    // The fake camera shows the pass's QR code, as a phone held over the printed pass would.
    const svg = Buffer.from(qrSrc!.split(',')[1]!, 'base64');
    const luma = await sharp(svg, { density: 300 })
      .resize(400, 400)
      .flatten({ background: '#ffffff' })
      .extend({ top: 40, bottom: 40, left: 120, right: 120, background: '#ffffff' })
      .greyscale()
      .raw()
      .toBuffer();
    const video = path.join(server.dir, 'pass.y4m');
    fs.writeFileSync(video, stillFrameY4m(luma, 640, 480));
    camera = await launchBrowser(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);

    const cookie = await signIn(server.url, smtp, 'orga@festplatz.localhost');
    const phone = await camera.newContext({ ...PHONE, locale: 'de-DE', permissions: ['camera'] });
    await phone.addCookies([browserCookie(server.url, cookie)]);
    const { page, problems } = await watch(phone);
    await page.goto(`${server.url}/office/editions/dortbund-2027/check-in`);
    await page.waitForFunction(() => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Ankunft der Stände: Dortbund! Eine Stadt. Viele Gesichter 2027' }));
    await expect.poll(() => page.getByTestId('arrivals-total').innerText()).toBe('0 von 3');
    expect(await axe(page)).toEqual([]);

    // 1. typed
    await page.getByLabel('Code des Standausweises').fill(formatPassCode(passCode('abrahamsreligionen')).toLowerCase());
    await page.getByRole('button', { name: 'Einchecken', exact: true }).click();
    await expectVisible(page.getByText(/^Eingecheckt: Arbeitskreis der Abrahamsreligionen, Platz \d+, um \d\d:\d\d\.$/));

    // 2. the camera, asked for only now
    await page.getByRole('button', { name: 'Kamera starten' }).click();
    await expectVisible(page.getByText(/^Eingecheckt: MIA-DO – Migrations- und Integrationsagentur, Platz \d+, um \d\d:\d\d\.$/), 15_000);
    await page.getByRole('button', { name: 'Kamera beenden' }).click();
    await expect.poll(() => page.getByTestId('arrivals-total').innerText(), { timeout: 10_000 }).toBe('2 von 3');

    // 3. from the list, without JavaScript
    const plain = await browser.newContext({ ...PHONE, locale: 'de-DE', javaScriptEnabled: false });
    await plain.addCookies([browserCookie(server.url, cookie)]);
    const { page: noJs } = await watch(plain);
    await noJs.goto(`${server.url}/office/editions/dortbund-2027/check-in`);
    // by keyboard only: type in the search, Enter; Tab past "Search" to the one stand found, Enter
    await noJs.getByLabel('Stand oder Platz suchen').fill('VMDO');
    await noJs.keyboard.press('Enter');
    await noJs.waitForURL(/\/check-in\?q=VMDO$/);
    await noJs.waitForLoadState('load');
    expect(await noJs.locator('.check-in-list > li').count()).toBe(1);
    await noJs.getByLabel('Stand oder Platz suchen').focus();
    await noJs.keyboard.press('Tab');
    await noJs.keyboard.press('Tab');
    expect(await noJs.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Verbund sozial-kultureller Migrantenvereine in Dortmund e.V. (VMDO) einchecken');
    await noJs.keyboard.press('Enter');
    await noJs.waitForLoadState('load');
    await expectVisible(noJs.getByText(/^Eingecheckt: Verbund sozial-kultureller Migrantenvereine in Dortmund e\.V\. \(VMDO\), .+, um \d\d:\d\d\.$/));

    // the dashboard counts three
    await noJs.goto(`${server.url}/office/editions/dortbund-2027`);
    expect(await noJs.getByTestId('arrivals-total').innerText()).toBe('3 von 3');
    // and so does the crew list, with each stand's arrival time
    await noJs.goto(`${server.url}/office/editions/dortbund-2027/logistics`);
    expect(await noJs.getByTestId('arrivals-total').innerText()).toBe('3 von 3');
    expect(await noJs.getByRole('row', { name: /MIA-DO/ }).innerText()).toMatch(/\d\d:\d\d$/);
    await plain.close();
    // and the phone's page follows by itself
    await expect.poll(() => page.getByTestId('arrivals-total').innerText(), { timeout: 15_000 }).toBe('3 von 3');

    // 4. offline: MIA-DO's check-in was a mistake and is undone; then the network drops, its pass is
    // typed again and the Arbeitskreis's once more (a duplicate); both are sent when the network is back.
    await page.getByRole('button', { name: 'Ankunft von MIA-DO – Migrations- und Integrationsagentur rückgängig machen' }).click();
    await expectVisible(page.getByText('Die Ankunft von MIA-DO – Migrations- und Integrationsagentur ist zurückgenommen.'));
    await expect.poll(() => page.getByTestId('arrivals-total').innerText()).toBe('2 von 3');
    await phone.setOffline(true);
    const field = page.getByLabel('Code des Standausweises');
    await field.fill(passCode('mia-do'));
    await page.getByRole('button', { name: 'Einchecken', exact: true }).click();
    await expectVisible(page.getByText('Kein Netz: 1 Scan ist auf diesem Gerät gespeichert und wird gesendet, sobald das Netz zurück ist.'));
    await field.fill(passCode('abrahamsreligionen'));
    await page.getByRole('button', { name: 'Einchecken', exact: true }).click();
    await expectVisible(page.getByText('Kein Netz: 2 Scans sind auf diesem Gerät gespeichert und werden gesendet, sobald das Netz zurück ist.'));
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('festplatz:check-in-queue:dortbund-2027') ?? '[]').length)).toBe(2);
    await phone.setOffline(false);
    await expectVisible(page.getByText(/^Arbeitskreis der Abrahamsreligionen ist schon eingecheckt, um \d\d:\d\d von .+\.$/), 15_000);
    await expect.poll(() => page.getByText(/^Kein Netz/).count()).toBe(0);
    await expect.poll(() => page.getByTestId('arrivals-total').innerText(), { timeout: 15_000 }).toBe('3 von 3');
    const rows = query<{ n: number; offline: number }>(
      `select count(*) n, sum(method = 'offline') offline from stand_check_ins where undone_at is null and edition_id = (select id from editions where slug = 'dortbund-2027')`,
    );
    expect(rows).toEqual({ n: 3, offline: 1 });

    // ---- now and next, and a delay announced ----
    // a follower of the series (double opt-in)
    const asked = await fetch(`${server.url}/notifications?lang=en`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ series: 'dortbund', email: 'follower@example.org', consent: 'yes', consentFor: 'dortbund' }),
    });
    expect(asked.status).toBe(200);
    const confirmMail = await smtp.waitFor((m) => (m.to && !Array.isArray(m.to) ? m.to.text : '').includes('follower@example.org'));
    const token = new URL(linkIn(confirmMail, `${PUBLIC_URL}/notifications/confirm/`)).pathname.split('/').pop()!;
    const confirmed = await fetch(`${server.url}/notifications/confirm/${token}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({}), redirect: 'manual' });
    expect(confirmed.status).toBeLessThan(400);

    const drum = query<{ starts_at: string; ends_at: string }>(`select starts_at, ends_at from program_items where uid = 'dortbund-2027-02'`);
    const during = new Date(Date.parse(drum.starts_at) + 20 * 60_000).toISOString();
    const feedBefore = parseIcs(await (await fetch(`${server.url}/calendar.ics?edition=dortbund-2027`)).text()).events.find((e) => e.uid === 'dortbund-2027-02@festplatz')!;

    const screen = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-DE' });
    const { page: stage, problems: stageProblems } = await watch(screen);
    const nowUrl = `${server.url}/editions/dortbund-2027/stages/hauptbuehne/now?at=${encodeURIComponent(during)}`;
    await stage.goto(nowUrl);
    const nowSection = stage.locator('.now-next__now');
    await expectVisible(nowSection.getByText('Trommelgruppe Africa Positive'));
    expect(await nowSection.locator('.now-item__time').first().innerText()).toMatch(/^12:00–13:00/);
    expect(await stage.locator('meta[http-equiv="refresh"]').getAttribute('content')).toBe('60');
    expect(await axe(stage, { allowRefresh: true })).toEqual([]);
    // a screen kept in Arabic, right to left
    await stage.goto(`${nowUrl}&lang=ar`);
    expect(await stage.locator('html').getAttribute('dir')).toBe('rtl');
    await expectVisible(stage.getByRole('heading', { level: 2, name: 'الآن' }));
    expect(await axe(stage, { allowRefresh: true })).toEqual([]);
    await stage.goto(`${nowUrl}&lang=de`);

    // two taps on the phone: "+15 minutes" on the schedule, then confirm
    await page.goto(`${server.url}/office/editions/dortbund-2027/schedule`);
    await page.getByRole('link', { name: '+15 Minuten: Trommelgruppe Africa Positive' }).click();
    await expectVisible(page.getByText(/^Um 15 Minuten verschoben auf .*12:15–13:15, Hauptbühne\.$/));
    await expectVisible(page.getByText('Diese Änderung verursacht keine Konflikte.'));
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Bestätigen und veröffentlichen' }).click();
    await page.waitForURL(/\/office\/editions\/dortbund-2027\/schedule\?published=\d+$/);
    await expectVisible(page.getByText(/^Version \d+ ist veröffentlicht\./));

    // the now page, the feed and the changelog show the delay
    await stage.goto(nowUrl);
    expect(await nowSection.locator('.now-item__time').first().innerText()).toMatch(/^12:15–13:15\s*Verschoben, vorher 12:00 Uhr/);
    const feedAfter = parseIcs(await (await fetch(`${server.url}/calendar.ics?edition=dortbund-2027`)).text()).events.find((e) => e.uid === 'dortbund-2027-02@festplatz')!;
    expect(feedAfter.sequence).toBe(feedBefore.sequence + 1);
    expect(feedAfter.start.getTime()).toBe(feedBefore.start.getTime() + 15 * 60_000);
    expect(feedAfter.end.getTime()).toBe(feedBefore.end.getTime() + 15 * 60_000);
    await stage.goto(`${server.url}/editions/dortbund-2027/changes`);
    const newest = stage.locator('section.release').first();
    await expectVisible(newest.getByRole('link', { name: 'Trommelgruppe Africa Positive' }));
    expect(await newest.innerText()).toContain('12:15–13:15');
    expect(stageProblems).toEqual([]);
    await screen.close();

    // the association whose act it is, and the follower, get mail over SMTP
    const hostMail = await smtp.waitFor((m) => m.subject === 'Verspätung: „Trommelgruppe Africa Positive“ beginnt 15 Minuten später', 15_000);
    expect((hostMail.to && !Array.isArray(hostMail.to) ? hostMail.to.text : '')).toContain('kontakt@africa-positive.example');
    expect(hostMail.text).toContain('12:15–13:15, Hauptbühne');
    const followerMail = await smtp.waitFor((m) => (m.to && !Array.isArray(m.to) ? m.to.text : '').includes('follower@example.org') && (m.subject ?? '').startsWith('Program changes'), 15_000);
    expect(followerMail.text).toContain('Africa Positive drum group');

    expect(problems).toEqual([]);
    await phone.close();
  }, 180_000);
});
