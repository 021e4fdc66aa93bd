/**
 * Issue 12, "Bad input": every refusal of the office's set-up forms over HTTP against the
 * real server, checked by the status, the translated text an organiser reads, and that
 * nothing was saved. Refusals already covered elsewhere (negative fee or capacity, capacity
 * below the approved count, a stage with items, an overlapping pitch block: places-http;
 * the site plan picture: site-plan-picture) are not repeated here. Then: a draft edition is
 * invisible to the public pages, the API, the feeds and the page cache, and neither a draft
 * nor a cancelled edition takes applications.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOnlySql } from '../helpers/db';
import { signIn } from '../helpers/auth';
import { startServer, type RunningServer } from '../helpers/server';
import { translator } from '~/lib/i18n';

const t = translator('de');
/** The text as React writes it into HTML. */
const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

let server: RunningServer;
let organiser: string;
let mail: string;
beforeAll(async () => {
  server = await startServer({ SEED_DEMO: 'true' });
  mail = path.join(server.dir, 'mail');
  organiser = await signIn(server.url, mail, 'orga@festplatz.localhost');
}, 60_000);
afterAll(() => server?.stop());

const headers = (cookie: string) => ({ ...(cookie ? { Cookie: cookie } : {}), 'Accept-Language': 'de' });
const get = (p: string, cookie = organiser) => fetch(`${server.url}${p}`, { headers: headers(cookie), redirect: 'manual' });
const post = (p: string, body: Record<string, string | string[]>, cookie = organiser) => {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
  return fetch(`${server.url}${p}`, { method: 'POST', body: form, headers: headers(cookie), redirect: 'manual' });
};
const { query, one } = readOnlySql(() => server.databasePath);
const count = (table: string) => one<{ n: number }>(`select count(*) as n from ${table}`).n;
const seriesId = (slug: string) => one<{ id: number }>('select id from series where slug = ?', slug).id;

/** A new edition's fields, with what a test changes. */
const editionForm = (over: Record<string, string>) => ({ intent: 'save', seriesId: String(seriesId('dortbund')), title_de: 'Dortbund! Sonderausgabe', startsOn: '2028-09-09', endsOn: '2028-09-10', ...over });

describe('series and editions refuse bad input, say why next to the field, and save nothing', () => {
  it('refuses a series slug another series has', async () => {
    const before = count('series');
    const res = await post('/office/series/new', { title_de: 'Dortbund! noch einmal', slug: 'dortbund' });
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toContain(html(t('setup:errors.slugTaken', { slug: 'dortbund' })));
    expect(body).toContain('value="Dortbund! noch einmal"');
    expect(count('series')).toBe(before);
  });

  it('refuses a series slug that is not one, before anything is looked up', async () => {
    const before = count('series');
    const res = await post('/office/series/new', { title_de: 'Sommerfest', slug: 'Sommer Fest!' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(html(t('setup:errors.slugFormat')));
    expect(count('series')).toBe(before);
  });

  it('refuses an edition slug another edition has', async () => {
    const before = count('editions');
    const res = await post('/office/editions/new', editionForm({ slug: 'dortbund-2027' }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(html(t('setup:errors.slugTaken', { slug: 'dortbund-2027' })));
    expect(count('editions')).toBe(before);
  });

  it('refuses a registration that closes before it opens, keeping the input', async () => {
    const before = count('editions');
    const res = await post('/office/editions/new', editionForm({ opensAt: '2028-05-01T10:00', closesAt: '2028-04-01T10:00' }));
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toContain(html(t('setup:errors.closesBeforeOpens')));
    expect(body).toContain('value="2028-05-01T10:00"');
    expect(body).toContain('value="2028-04-01T10:00"');
    expect(count('editions')).toBe(before);
  });

  it('refuses dates outside the edition: a last day before the first, a registration closing after the festival, a program item on another day', async () => {
    const before = count('editions');
    const backwards = await post('/office/editions/new', editionForm({ startsOn: '2028-09-10', endsOn: '2028-09-09' }));
    expect(backwards.status).toBe(400);
    expect(await backwards.text()).toContain(html(t('setup:errors.endsBeforeStarts')));
    const late = await post('/office/editions/new', editionForm({ opensAt: '2028-05-01T10:00', closesAt: '2028-09-11T10:00' }));
    expect(late.status).toBe(400);
    expect(await late.text()).toContain(html(t('setup:errors.closesAfterEdition')));
    // 02:30 on the night the clocks go forward does not exist in Berlin
    const dst = await post('/office/editions/new', editionForm({ opensAt: '2028-03-26T02:30', closesAt: '2028-08-01T10:00' }));
    expect(dst.status).toBe(400);
    expect(await dst.text()).toContain(html(t('setup:errors.timeDoesNotExist')));
    expect(count('editions')).toBe(before);

    const editionId = one<{ id: number }>("select id from editions where slug = 'dortbund-2027'").id;
    const stage = one<{ id: number }>("select id from stages where slug = 'hauptbuehne' and edition_id = ?", editionId);
    const drafts = count('program_item_drafts');
    const item = await post('/office/editions/dortbund-2027/schedule/new', { title_de: 'Nachklang', stage_id: String(stage.id), day: '2027-09-20', start: '18:00', end: '18:30', category: 'music' });
    expect(item.status).toBe(400);
    const itemBody = await item.text();
    expect(itemBody).toContain(html(t('setup:errors.dayOutsideEdition')));
    expect(itemBody).toContain('value="Nachklang"');
    expect(count('program_item_drafts')).toBe(drafts);
  });

  it('refuses to shorten an edition where items or opening hours lie on the days that would go', async () => {
    const res = await post('/office/editions/dortbund-2027/settings', { intent: 'save', title_de: 'Dortbund! Eine Stadt. Viele Gesichter 2027', slug: 'dortbund-2027', startsOn: '2027-09-11', endsOn: '2027-09-11' });
    expect(res.status).toBe(400);
    const body = await res.text();
    const planned = /An den wegfallenden Tagen ist schon etwas geplant \((\d+) Programmpunkte oder Öffnungszeiten\)/.exec(body);
    expect(planned, body.slice(0, 500)).not.toBeNull();
    expect(body).toContain(html(t('setup:errors.plannedOutsideDays', { count: Number(planned![1]) })));
    expect(Number(planned![1])).toBeGreaterThan(0);
    expect(one<{ ends_on: string }>("select ends_on from editions where slug = 'dortbund-2027'").ends_on).toBe('2027-09-12');
  });

  it('will not delete an edition with applications or a published program, and says why', async () => {
    const id = one<{ id: number }>("select id from editions where slug = 'dortbund-2027'").id;
    const applications = one<{ n: number }>('select count(*) as n from registrations where edition_id = ?', id).n;
    const releases = one<{ n: number }>('select count(*) as n from schedule_releases where edition_id = ?', id).n;
    const res = await post('/office/editions/dortbund-2027/settings', { intent: 'delete', confirm: 'yes' });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain(html(t('setup:errors.deleteRefused', { applications, releases })));
    expect(one<{ n: number }>("select count(*) as n from editions where slug = 'dortbund-2027'").n).toBe(1);
    // without the tick, not even that is tried
    const unconfirmed = await post('/office/editions/dortbund-2027/settings', { intent: 'delete' });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain(html(t('setup:lifecycle.deleteConfirm')));
  });

  it('will not remove the last administrator', async () => {
    const admins = query<{ id: number }>("select id from people where role = 'organiser'");
    expect(admins).toHaveLength(1);
    const res = await post('/office/people', { intent: 'removeAdmin', personId: String(admins[0]!.id) });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain(html(t('setup:people.errors.lastAdmin')));
    expect(query<{ id: number }>("select id from people where role = 'organiser'")).toEqual(admins);
  });
});

describe('a draft edition', () => {
  const slug = 'dortbund-nachtmarkt-2028';
  const TITLE = 'Nachtmarkt der Kulturen';
  const ITEM = 'Mitternachtskonzert im Entwurf';
  let uid = '';

  beforeAll(async () => {
    const created = await post('/office/editions/new', editionForm({ title_de: TITLE, slug, startsOn: '2028-06-10', endsOn: '2028-06-10', opensAt: '2028-01-01T10:00', closesAt: '2028-06-01T18:00' }));
    expect(created.status).toBe(302);
    const base = `/office/editions/${slug}`;
    expect((await post(`${base}/venues/new`, { intent: 'save', name_de: 'Geheimer Hof', address: 'Hinterhof 1, 44135 Dortmund' })).status).toBe(302);
    const venue = one<{ id: number }>("select id from venues where address = 'Hinterhof 1, 44135 Dortmund'").id;
    expect((await post(`${base}/stages/new`, { intent: 'save', name_de: 'Hofbühne', venue_id: String(venue), kind: 'stage', changeover_minutes: '10', sort_order: '0', 'opens_2028-06-10': '18:00', 'closes_2028-06-10': '23:30' })).status).toBe(302);
    const stage = one<{ id: number }>("select id from stages where slug = 'hofbuehne'").id;
    expect((await post(`${base}/schedule/new`, { title_de: ITEM, stage_id: String(stage), day: '2028-06-10', start: '22:00', end: '23:00', category: 'music' })).status).toBe(302);
    uid = one<{ uid: string }>('select uid from program_item_drafts where title like ?', `%${ITEM}%`).uid;
    // the team may publish the program before the edition: it still stays out of sight
    expect((await post(`${base}/schedule`, { intent: 'publish' })).status).toBeLessThan(400);
    expect(one<{ n: number }>("select count(*) as n from program_items where uid = ?", uid).n).toBe(1);
    expect(one<{ status: string }>('select status from editions where slug = ?', slug).status).toBe('draft');
  });

  it('is on no public page, in no API answer, in no feed or open data file', async () => {
    for (const p of [`/editions/${slug}`, `/editions/${slug}/exhibitors`, `/editions/${slug}/changes`, `/editions/${slug}/schedule.xml`, `/editions/${slug}/schedule.json`, `/editions/${slug}/pitches.geojson`, `/editions/${slug}/venues.geojson`, `/embed/editions/${slug}`, `/program/${uid}`, `/editions/${slug}/apply`]) {
      const res = await get(p, '');
      expect([302, 404], p).toContain(res.status);
      expect(await res.text(), p).not.toContain(ITEM);
    }
    // lists that answer, and show the published editions beside it
    for (const p of ['/', '/program', '/embed/program', '/api/v1/editions', '/api/v1/program', '/calendar.ics', '/calendar.ics?series=dortbund']) {
      const res = await get(p, '');
      expect(res.status, p).toBe(200);
      const body = await res.text();
      expect(body, p).toMatch(/Dortbund|dortbund/);
      expect(body, p).not.toContain(TITLE);
      expect(body, p).not.toContain(ITEM);
      expect(body, p).not.toContain(slug);
    }
    // asked for by name: nothing there
    for (const p of ['/program?day=2028-06-10', `/api/v1/program?edition=${slug}`, `/calendar.ics?edition=${slug}`, '/organisations']) {
      const res = await get(p, '');
      expect(res.status, p).toBeLessThan(500);
      const body = await res.text();
      expect(body, p).not.toContain(TITLE);
      expect(body, p).not.toContain(ITEM);
      expect(body, p).not.toContain(slug);
    }
  });

  it('is not kept by the page cache: the cached 404 and home page give way the moment it is published', async () => {
    // twice each: the second answer comes from the page cache
    for (let i = 0; i < 2; i++) {
      expect((await get(`/editions/${slug}`, '')).status).toBe(404);
      expect(await (await get('/', '')).text()).not.toContain(TITLE);
    }
    expect((await post(`/office/editions/${slug}/settings`, { intent: 'status', to: 'published' })).status).toBe(302);
    const page = await get(`/editions/${slug}`, '');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(TITLE);
    expect(await (await get('/', '')).text()).toContain(TITLE);
    // the program published while it was a draft now reaches the feeds too
    expect(await (await get('/calendar.ics', '')).text()).toContain(ITEM);
  });

  it('takes no applications, and neither does a cancelled edition (refused in the domain, not only hidden)', async () => {
    const member = await signIn(server.url, mail, 'kontakt@mia-do.example');
    const org = one<{ id: number }>("select id from organisations where slug = 'mia-do'").id;
    // a fresh draft with a stand type and an open window
    const draft = 'dortbund-hinterhof-2028';
    expect((await post('/office/editions/new', editionForm({ title_de: 'Hinterhof 2028', slug: draft, startsOn: '2028-07-01', endsOn: '2028-07-01', opensAt: '2026-01-01T10:00', closesAt: '2028-06-01T18:00' }))).status).toBe(302);
    expect((await post(`/office/editions/${draft}/stand-types/new`, { intent: 'save', name_de: 'Tisch', fee: '0', capacity: '5', width_m: '2', depth_m: '1' })).status).toBe(302);
    const standType = one<{ id: number }>("select s.id from stand_types s join editions e on e.id = s.edition_id where e.slug = ?", draft).id;
    const application = (type: number) => ({ intent: 'submit', organisationId: String(org), standTypeId: String(type), activities: 'Information und Gespräche.' });
    const before = count('registrations');
    const toDraft = await post(`/editions/${draft}/apply`, application(standType), member);
    expect(toDraft.status).toBe(404);
    expect(count('registrations')).toBe(before);

    // a published edition with its window open, then called off
    const djelem = one<{ id: number; registration_opens_at: string; registration_closes_at: string }>("select id, registration_opens_at, registration_closes_at from editions where slug = 'djelem-djelem-2027'");
    expect(djelem.registration_opens_at < new Date().toISOString() && new Date().toISOString() < djelem.registration_closes_at).toBe(true);
    const djelemType = one<{ id: number }>("select id from stand_types where edition_id = ? and slug = 'infotisch'", djelem.id).id;
    const cancel = await post('/office/editions/djelem-djelem-2027/settings', { intent: 'cancel', confirm: 'yes' });
    expect(cancel.status).toBe(302);
    const refused = await post('/editions/djelem-djelem-2027/apply', application(djelemType), member);
    expect(refused.status).toBe(409);
    const body = await refused.text();
    expect(body).toContain(html(t('setup:errors.applyCancelled')));
    expect(count('registrations')).toBe(before);
    // and the account page no longer offers it
    expect(await (await get('/account', member)).text()).not.toContain('/editions/djelem-djelem-2027/apply');
    // a draft cannot be cancelled (it is deleted instead)
    const cancelDraft = await post(`/office/editions/${draft}/settings`, { intent: 'cancel', confirm: 'yes' });
    expect(cancelDraft.status).toBe(409);
    expect(await cancelDraft.text()).toContain(html(t('setup:errors.cancelDraft')));
  });
});
