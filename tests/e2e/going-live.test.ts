/**
 * Issue 12, "Done when": a city goes live from an empty production database, in Debian's
 * Chromium with JavaScript on, driven only by the labels a person reads. The labels come
 * from the German locale files (the office's language), so wording changes there do not
 * break the journey: the admin command, the sign-in link from a real SMTP server, the
 * second factor typed in the page, a series, an edition, a venue with stages and opening
 * hours, a stand type, six pitches, publish; a new association applies; the organiser
 * approves and assigns a pitch; a program item in German and Turkish; publish the
 * schedule; the Turkish calendar feed, the edition page and the home page show it.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { DateTime } from 'luxon';
import sharp from 'sharp';
import { generateSync } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectVisible, launchBrowser } from '../helpers/browser';
import { linkIn, sentTo, startSmtpServer, type TestSmtp } from '../helpers/mail';
import { startServer, type RunningServer } from '../helpers/server';
import { formatDay } from '~/lib/time';
import { languageName, translator } from '~/lib/i18n';

const root = path.resolve(import.meta.dirname, '../..');
const PUBLIC_URL = 'http://festplatz.test';
const ADMIN = 'festbuero@nordstadt.example';
const ASSOCIATION = 'vorstand@kulturverein-nordstadt.example';
const ORGANISATION = 'Kulturverein Nordstadt e.V.';
const SERIES = 'Sommerfest Nordstadt';
const t = translator('de');
/** "Titel (Türkisch)": the label of one language of a text in six languages */
const inLanguage = (field: string, code: string) => t('places:inLanguage', { field, language: languageName(code, 'de') });

let smtp: TestSmtp;
let server: RunningServer;
let browser: Browser;
const browserErrors: string[] = [];
let officeCookies: Awaited<ReturnType<BrowserContext['cookies']>> = [];

beforeAll(async () => {
  smtp = await startSmtpServer();
  // production as a city runs it: no demo data, its own empty database, mail through SMTP
  [server, browser] = await Promise.all([startServer({ SEED_DEMO: 'false', SMTP_URL: smtp.url, PUBLIC_URL }), launchBrowser()]);
});
afterAll(async () => {
  if (process.env.GOING_LIVE_DEBUG) fs.writeFileSync('/tmp/going-live-server.log', `${server?.output() ?? ''}\n\nBROWSER:\n${browserErrors.join('\n')}`);
  if (process.env.GOING_LIVE_DEBUG) for (const [i, p] of pages.entries()) if (!p.isClosed()) fs.writeFileSync(`/tmp/going-live-${i}.html`, `<!-- ${p.url()} -->\n${await p.content()}`);
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new SQLite(server.databasePath, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

const pages: Page[] = [];
async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  pages.push(page);
  page.on('console', (m) => (m.type() === 'error' ? browserErrors.push(`${page.url()}: ${m.text()}`) : undefined));
  page.on('pageerror', (e) => browserErrors.push(`${page.url()}: ${String(e)}`));
  return page;
}


/** Asks for a link at /login and opens the one that really went through SMTP, then confirms. */
async function followSignInLink(page: Page, email: string) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel(t('auth:login.email')).fill(email);
  await page.getByRole('button', { name: t('auth:login.submit') }).click();
  await expectVisible(page.getByRole('heading', { name: t('auth:login.sentTitle') }));
  const mail = await smtp.waitFor((m) => sentTo(email)(m) && (m.text ?? '').includes('/login/verify?token='));
  const link = new URL(linkIn(mail, `${PUBLIC_URL}/login/verify?token=`));
  await page.goto(`${server.url}${link.pathname}${link.search}`);
  await page.getByRole('button', { name: t('auth:verify.submit') }).click();
}

// Berlin wall-clock: the edition's two days a month ahead, registration open from now
const today = DateTime.now().setZone('Europe/Berlin');
const firstDay = today.plus({ days: 30 }).toISODate()!;
const secondDay = today.plus({ days: 31 }).toISODate()!;
const opensAt = today.minus({ minutes: 5 }).toFormat("yyyy-MM-dd'T'HH:mm");
const closesAt = today.plus({ days: 20 }).set({ hour: 18, minute: 0 }).toFormat("yyyy-MM-dd'T'HH:mm");
const year = today.plus({ days: 30 }).year;
const EDITION = `${SERIES} ${year}`;

describe('a city goes live from an empty production database', () => {
  it('sets up its first festival in the office, an association applies, and the public sees it in Turkish', { timeout: 300_000 }, async () => {
    // the empty site tells whoever runs it how to begin
    const office = await browser.newContext({ locale: 'de-DE' });
    const orga = await newPage(office);
    await orga.goto(`${server.url}/login`);
    await expectVisible(orga.getByText(t('setup:firstStart.noAdmin')));
    expect(query('select id from series')).toEqual([]);

    // 1. the first administrator, by the documented command against the server's database
    const { stdout } = await promisify(execFile)(path.join(root, 'node_modules/.bin/tsx'), ['scripts/office-admin.ts', ADMIN], {
      cwd: root,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', DATABASE_PATH: server.databasePath, SESSION_SECRET: 'test-secret-test-secret-test-secret-0123456789', PUBLIC_URL, SMTP_URL: smtp.url, LOG_LEVEL: 'warn' },
    });
    expect(stdout).toContain(`${ADMIN} is now an administrator (new person)`);

    // 2. the sign-in link from the real SMTP server, then the second factor set up in the page
    await followSignInLink(orga, ADMIN);
    await orga.waitForURL(/\/login\/enrol$/);
    await expectVisible(orga.getByRole('heading', { level: 1, name: t('admin:twoFactor.enrolTitle') }));
    const secret = (await orga.locator('[data-totp-secret]').innerText()).replace(/\s/g, '');
    await orga.getByLabel(t('admin:twoFactor.enrolCode')).fill(generateSync({ secret }));
    await orga.getByRole('button', { name: t('admin:twoFactor.enrolSubmit') }).click();
    // no page asked for: an office person lands in the office
    await orga.waitForURL(/\/office$/);
    await expectVisible(orga.getByRole('heading', { level: 1, name: t('office:title') }));

    // 3. the series
    await orga.getByRole('link', { name: t('setup:series.newLink') }).click();
    await orga.waitForURL(/\/office\/series\/new$/);
    await orga.getByLabel(t('setup:form.titleIn', { language: languageName('de', 'de') })).fill(SERIES);
    await orga.getByLabel(t('setup:form.descriptionIn', { language: languageName('de', 'de') })).fill('Das Fest der Vereine in der Nordstadt: Stände, Bühnen, Nachbarschaft.');
    await orga.getByLabel(t('setup:series.contactEmail')).fill('sommerfest@nordstadt.example');
    await orga.getByRole('button', { name: t('setup:series.create') }).click();
    await orga.waitForURL(/\/office\/series\/sommerfest-nordstadt\?created=1$/);
    await expectVisible(orga.getByText(t('setup:series.created')));

    // 4. the edition over two days, registration open from now
    await orga.getByRole('link', { name: t('setup:edition.newLink') }).click();
    await orga.waitForURL(/\/office\/editions\/new\?series=sommerfest-nordstadt$/);
    await orga.getByLabel(t('setup:form.titleIn', { language: languageName('de', 'de') })).fill(EDITION);
    await orga.getByLabel(t('setup:edition.startsOn')).fill(firstDay);
    await orga.getByLabel(t('setup:edition.endsOn')).fill(secondDay);
    await orga.getByLabel(t('setup:edition.opensAt')).fill(opensAt);
    await orga.getByLabel(t('setup:edition.closesAt')).fill(closesAt);
    await orga.getByRole('button', { name: t('setup:edition.create') }).click();
    // if the form refuses, say what it said (a refusal would otherwise read as a 30 s timeout)
    const refused = orga.locator('.error-summary, [role="alert"]').first();
    await Promise.race([orga.waitForURL(new RegExp(`/office/editions/sommerfest-nordstadt-${year}/settings\\?created=1$`)), refused.waitFor({ state: 'visible' })]);
    if (await refused.isVisible()) throw new Error(`the edition form refused: ${await refused.innerText()} (days ${firstDay}–${secondDay}, window ${opensAt}–${closesAt})`);
    await expectVisible(orga.getByText(t('setup:edition.notice.created')));
    const base = `/office/editions/sommerfest-nordstadt-${year}`;
    // a draft: nobody outside the office sees it yet
    expect(await (await fetch(`${server.url}/`)).text()).not.toContain(SERIES);
    expect((await fetch(`${server.url}/editions/sommerfest-nordstadt-${year}`)).status).toBe(404);

    // 5. a venue with two stages and their opening hours, and an area for the stands
    await orga.getByRole('link', { name: t('setup:edition.backToDashboard') }).click();
    await orga.waitForURL(new RegExp(`${base}$`));
    await orga.getByRole('link', { name: t('places:setup.venues') }).click();
    await orga.waitForURL(new RegExp(`${base}/venues$`));
    await orga.getByRole('link', { name: t('places:venues.add') }).click();
    await orga.getByLabel(inLanguage(t('places:venue.name'), 'de')).fill('Nordmarkt');
    await orga.getByLabel(t('places:venue.address')).fill('Nordmarkt, 44145 Dortmund');
    await orga.getByRole('checkbox', { name: t('places:access.step_free') }).check();
    await orga.getByRole('checkbox', { name: t('places:access.accessible_toilet') }).check();
    await orga.getByRole('button', { name: t('places:venues.create') }).click();
    await orga.waitForURL(new RegExp(`${base}/venues#venue-\\d+$`));
    await expectVisible(orga.getByRole('heading', { name: 'Nordmarkt' }));

    const addStage = async (name: string, kind: 'stage' | 'area', hours?: [string, string]) => {
      await orga.getByRole('link', { name: t('places:stages.add') }).first().click();
      await orga.waitForURL(/\/stages\/new\?venue=\d+$/);
      await orga.getByLabel(inLanguage(t('places:stage.name'), 'de')).fill(name);
      await orga.getByRole('radio', { name: t(kind === 'stage' ? 'places:stage.kindStage' : 'places:stage.kindArea') }).check();
      if (hours) {
        for (const day of [firstDay, secondDay]) {
          await orga.getByLabel(t('places:stage.opensOn', { day: formatDay(day, 'de') })).fill(hours[0]);
          await orga.getByLabel(t('places:stage.closesOn', { day: formatDay(day, 'de') })).fill(hours[1]);
        }
      }
      await orga.getByRole('button', { name: t('places:stages.create') }).click();
      await orga.waitForURL(new RegExp(`${base}/venues#venue-\\d+$`));
      await expectVisible(orga.getByRole('rowheader', { name }));
    };
    await addStage('Hauptbühne', 'stage', ['14:00', '22:00']);
    await addStage('Kleine Bühne', 'stage', ['15:00', '20:00']);
    await addStage('Standfläche', 'area');

    // 6. a stand type with a fee and two places
    await orga.getByRole('link', { name: t('places:backToDashboard') }).click();
    await orga.getByRole('link', { name: t('places:setup.standTypes') }).click();
    await orga.waitForURL(new RegExp(`${base}/stand-types$`));
    await orga.getByRole('link', { name: t('places:standTypes.add') }).click();
    await orga.getByLabel(inLanguage(t('places:standType.name'), 'de')).fill('Pavillon 3 × 3 m');
    await orga.getByLabel(t('places:standType.fee')).fill('25');
    await orga.getByLabel(t('places:standType.capacity')).fill('2');
    await orga.getByLabel(t('places:standType.width')).fill('3');
    await orga.getByLabel(t('places:standType.depth')).fill('3');
    await orga.getByRole('checkbox', { name: t('registration:equipment.table') }).check();
    await orga.getByRole('button', { name: t('places:standTypes.create') }).click();
    await orga.waitForURL(new RegExp(`${base}/stand-types(#.*)?$`));
    await expectVisible(orga.getByText(t('places:standTypes.approved', { approved: 0, capacity: 2 })));

    // 7. six pitches in a block of two rows of three
    await orga.getByRole('link', { name: t('places:backToDashboard') }).click();
    await orga.getByRole('link', { name: t('places:setup.pitches') }).click();
    await orga.waitForURL(new RegExp(`${base}/pitches$`));
    await orga.getByLabel(t('places:pitches.rows')).fill('2');
    await orga.getByLabel(t('places:pitches.columns')).fill('3');
    await orga.getByLabel(t('places:pitches.prefix')).fill('A-');
    await orga.getByRole('button', { name: t('places:pitches.generate') }).click();
    await expectVisible(orga.getByRole('status').getByText(t('places:pitches.generated', { count: 6 })));
    const list = orga.getByRole('region', { name: t('places:pitches.list', { area: 'Standfläche' }) });
    for (const label of ['A-1', 'A-2', 'A-3', 'A-4', 'A-5', 'A-6']) await expectVisible(list.getByRole('link', { name: t('places:pitches.edit', { label }) }));
    // A-6 dragged on the plan two metres down: the same number fields are written and saved
    const a6 = orga.locator('g[data-pitch="A-6"] rect');
    const yOfA6 = orga.getByLabel(t('places:pitches.yOf', { label: 'A-6' }));
    const yBefore = Number(await yOfA6.inputValue());
    await a6.scrollIntoViewIfNeeded();
    const planBox = await orga.getByRole('img', { name: t('places:pitches.planLabel', { area: 'Standfläche' }) }).boundingBox();
    const box = await a6.boundingBox();
    const metre = planBox!.width / Number((await orga.locator('svg.site-plan').getAttribute('viewBox'))!.split(' ')[2]);
    await orga.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
    await orga.mouse.down();
    await orga.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2 + metre, { steps: 4 });
    await orga.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2 + 2 * metre, { steps: 4 });
    await orga.mouse.up();
    await expectVisible(orga.getByRole('status').getByText(t('places:pitches.positionsSaved')));
    await expect.poll(async () => query<{ y: number }>("select y from pitches where label = 'A-6'")[0]!.y).toBeCloseTo(yBefore + 2, 0);
    expect(Number(await orga.getByLabel(t('places:pitches.yOf', { label: 'A-6' })).inputValue())).toBeCloseTo(yBefore + 2, 0);

    // 8. publish the edition
    await orga.goto(`${server.url}${base}/settings`);
    await orga.getByRole('button', { name: t('setup:lifecycle.to.published') }).click();
    await expectVisible(orga.getByText(t('setup:edition.notice.published')));

    // 9. a new association signs up and applies, in its own browser
    const association = await browser.newContext({ locale: 'de-DE' });
    const verein = await newPage(association);
    await followSignInLink(verein, ASSOCIATION);
    await verein.waitForURL(/\/account$/);
    await expectVisible(verein.getByRole('heading', { name: t('registration:account.startTitle') }));
    await verein.getByRole('link', { name: t('registration:account.createOrganisation') }).click();
    await verein.getByLabel(t('registration:profile.name')).fill(ORGANISATION);
    await verein.getByLabel(t('registration:profile.legalForm')).fill('e.V.');
    await verein.getByLabel(t('registration:profile.descriptionIn', { language: languageName('de', 'de') })).fill('Musik, Tanz und Gespräche aus der Nachbarschaft.');
    await verein.getByRole('checkbox', { name: t('categories.culture') }).check();
    await verein.getByRole('checkbox', { name: languageName('tr', 'de') }).check();
    await verein.getByRole('button', { name: t('registration:profile.create') }).click();
    await verein.waitForURL(/\/account\/organisation\?id=\d+&saved=1$/);
    await verein.goto(`${server.url}/account`);
    const card = verein.getByRole('region', { name: t('registration:account.openTitle') }).getByRole('listitem').filter({ has: verein.getByRole('heading', { name: EDITION }) });
    await card.getByRole('link', { name: t('registration:account.apply') }).click();
    await verein.waitForURL(new RegExp(`/editions/sommerfest-nordstadt-${year}/apply\\?org=\\d+$`));
    await verein.getByRole('radio', { name: /Pavillon 3 × 3 m/ }).check();
    await verein.getByLabel(t('registration:apply.width')).fill('3');
    await verein.getByLabel(t('registration:apply.depth')).fill('3');
    await verein.getByLabel(t('registration:apply.activities')).fill('Türkischer Tee, Musik und ein Mitmachtanz für Kinder.');
    await verein.getByRole('checkbox', { name: t('registration:apply.publicConsent') }).check();
    await verein.getByRole('button', { name: t('registration:apply.submit') }).click();
    await verein.waitForURL(/\/account\/applications\/\d+$/);
    const status = verein.getByRole('region', { name: t('registration:status.state') });
    await expectVisible(status.getByText(t('registration:status.explain.submitted')));
    const applicationUrl = verein.url();

    // 10. the organiser approves, confirms (fee waived) and assigns a pitch
    await orga.goto(`${server.url}${base}`);
    await orga.getByRole('link', { name: t('office:registrations') }).first().click();
    await orga.waitForURL(new RegExp(`${base}/registrations$`));
    const row = orga.getByRole('listitem').filter({ has: orga.getByRole('heading', { level: 3, name: new RegExp(`^${ORGANISATION}`) }) });
    await row.getByRole('button', { name: t('registration:office.decisions.approve') }).click();
    await expect.poll(() => row.getByRole('button', { name: t('registration:office.decisions.confirm') }).count()).toBe(1);
    await row.getByRole('button', { name: t('registration:office.decisions.confirm') }).click();
    await expect.poll(() => row.getByRole('button', { name: t('registration:office.decisions.confirm') }).count()).toBe(0);
    await orga.goto(`${server.url}${base}`);
    await orga.getByRole('link', { name: t('office:schedule') }).first().click();
    await orga.getByRole('navigation', { name: t('schedule:nav.label') }).getByRole('link', { name: t('schedule:nav.sitePlan') }).click();
    await orga.waitForURL(new RegExp(`${base}/site-plan$`));
    await orga.getByLabel(`${t('schedule:pitches.choose')} (${t('schedule:pitches.pitch')} A-1)`).selectOption({ label: `${ORGANISATION} (3 × 3 m)` });
    await orga.getByRole('row', { name: /A-1/ }).getByRole('button', { name: t('schedule:pitches.assign') }).click();
    await expectVisible(orga.getByText(t('schedule:pitches.assigned', { name: ORGANISATION, pitch: 'A-1' })));

    // 11. a program item with a German and a Turkish title, then the schedule is published
    await orga.goto(`${server.url}${base}`);
    await orga.getByRole('link', { name: t('office:schedule') }).first().click();
    await orga.waitForURL(new RegExp(`${base}/schedule$`));
    await orga.getByRole('link', { name: t('schedule:board.newItem') }).click();
    await orga.waitForURL(new RegExp(`${base}/schedule/new`));
    await orga.getByLabel(inLanguage(t('places:item.title'), 'de')).fill('Tanz der Nachbarschaft');
    await orga.getByText(t('places:otherLanguages', { field: t('places:item.title') })).click();
    await orga.getByLabel(inLanguage(t('places:item.title'), 'tr')).fill('Mahalle dansı');
    await orga.getByLabel(t('schedule:item.stage')).selectOption({ label: 'Hauptbühne' });
    await orga.getByLabel(t('schedule:item.day')).selectOption({ label: formatDay(secondDay, 'de') });
    await orga.getByLabel(t('schedule:item.start')).fill('16:00');
    await orga.getByLabel(t('schedule:item.end')).fill('17:00');
    await orga.getByRole('button', { name: t('schedule:item.create') }).click();
    await orga.waitForURL(new RegExp(`${base}/schedule([?#].*)?$`));
    await orga.getByRole('button', { name: t('schedule:publish.button') }).click();
    await expectVisible(orga.getByText(t('schedule:publish.done', { version: 1 })));

    // 12. the public: the Turkish calendar, the edition page with the pitch, the home page with the series
    const ics = await fetch(`${server.url}/calendar.ics?lang=tr`);
    expect(ics.status).toBe(200);
    const calendar = (await ics.text()).replace(/\r\n[ \t]/g, '');
    expect(calendar).toContain('SUMMARY:Mahalle dansı');
    expect(calendar).not.toContain('SUMMARY:Tanz der Nachbarschaft');

    const visitor = await browser.newContext({ locale: 'de-DE' });
    const resident = await newPage(visitor);
    await resident.goto(`${server.url}/`);
    const listed = resident.getByRole('region', { name: SERIES });
    await expectVisible(listed.getByRole('link', { name: EDITION }).first());
    await resident.goto(`${server.url}/editions/sommerfest-nordstadt-${year}`);
    await expectVisible(resident.getByRole('heading', { level: 1, name: EDITION }));
    const plan = resident.getByRole('region', { name: t('schedule:pitches.public.title') }).or(resident.locator('#site-plan-title').locator('..'));
    await expectVisible(plan.getByText(`${t('schedule:pitches.public.pitchLabel', { label: 'A-1' })}: ${ORGANISATION}`).first());

    // and the association finds its pitch on its application
    await verein.goto(applicationUrl);
    await expectVisible(verein.getByRole('region', { name: t('registration:status.state') }).getByText(t('registration:status.explain.confirmed')));
    await expectVisible(verein.getByRole('region', { name: t('registration:status.pitchTitle') }).getByText(/A-1/).first());

    expect(browserErrors).toEqual([]);
    officeCookies = await office.cookies();
    await visitor.close();
    await association.close();
    await office.close();
  });

  it('places a pitch by its number fields and puts a picture of the grounds under the plan, without JavaScript', { timeout: 120_000 }, async () => {
    const office = await browser.newContext({ locale: 'de-DE', javaScriptEnabled: false });
    await office.addCookies(officeCookies);
    const orga = await newPage(office);
    await orga.goto(`${server.url}/office/editions/sommerfest-nordstadt-${year}/pitches`);
    await orga.getByLabel(t('places:pitches.xOf', { label: 'A-3' })).fill('12,5');
    await orga.getByRole('button', { name: t('places:pitches.savePositions') }).click();
    await expectVisible(orga.getByRole('status').getByText(t('places:pitches.positionsSaved')));
    expect(query<{ x: number }>("select x from pitches where label = 'A-3'")[0]!.x).toBe(12.5);

    // an SVG renamed .png: refused next to the field, nothing stored
    const file = orga.getByLabel(t('places:pitches.pictureFile', { max: 8 }));
    await file.setInputFiles({ name: 'gelaende.png', mimeType: 'image/png', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') });
    await orga.getByLabel(t('places:pitches.pictureWidth')).fill('30');
    await orga.getByRole('button', { name: t('places:pitches.pictureUpload') }).click();
    await expectVisible(orga.getByText(t('places:errors.pictureType')).first());
    await expect(orga.getByLabel(t('places:pitches.pictureWidth')).inputValue()).resolves.toBe('30');
    expect(query('select stage_id from site_plan_images')).toEqual([]);

    // a real PNG: re-encoded, and drawn under the plan
    const png = await sharp({ create: { width: 300, height: 150, channels: 3, background: '#88bb66' } }).png().toBuffer();
    await orga.getByLabel(t('places:pitches.pictureFile', { max: 8 })).setInputFiles({ name: 'gelaende.png', mimeType: 'image/png', buffer: png });
    await orga.getByLabel(t('places:pitches.pictureWidth')).fill('30');
    await orga.getByRole('button', { name: t('places:pitches.pictureUpload') }).click();
    await expectVisible(orga.getByRole('status').getByText(t('places:pitches.pictureSaved')));
    await orga.goto(`${server.url}/office/editions/sommerfest-nordstadt-${year}/pitches`);
    const href = await orga.getByRole('img', { name: t('places:pitches.planLabel', { area: 'Standfläche' }) }).locator('image').getAttribute('href');
    const picture = await fetch(`${server.url}${href}`);
    expect(picture.headers.get('content-type')).toBe('image/png');
    expect((await sharp(Buffer.from(await picture.arrayBuffer())).metadata()).width).toBe(300);
    // the public edition page shows it too
    expect(await (await fetch(`${server.url}/editions/sommerfest-nordstadt-${year}`)).text()).toContain('<image href="/editions/sommerfest-nordstadt-');
    expect(browserErrors.filter((e) => !e.includes('status of 400'))).toEqual([]);
    await office.close();
  });
});
