/**
 * Volunteers over HTTP against the real server: the office pages (Conform forms without
 * JavaScript: a refusal is a 4xx with the translated sentence next to the field, the input
 * kept), the public "Help at the festival" page in Arabic, sign-up refusals as the resident
 * reads them, the CSV confirmed and logged, the day page's check-in and the personal feed.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOnlySql } from '../helpers/db';
import { signIn } from '../helpers/auth';
import { shownHtml } from '../helpers/html';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let organiser: string;
let resident: string;
beforeAll(async () => {
  server = await startServer({ SEED_DEMO: 'true' });
  const mail = path.join(server.dir, 'mail');
  organiser = await signIn(server.url, mail, 'orga@festplatz.localhost');
  resident = await signIn(server.url, mail, 'noor@example.org');
});
afterAll(() => server.stop());

const base = '/office/editions/djelem-djelem-2027/volunteers';
const get = (p: string, cookie = organiser, lang = 'de') => fetch(`${server.url}${p}`, { headers: { Cookie: cookie, 'Accept-Language': lang }, redirect: 'manual' });
const post = (p: string, body: Record<string, string | string[]>, cookie = organiser, lang = 'de') => {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
  return fetch(`${server.url}${p}`, { method: 'POST', body: form, headers: { Cookie: cookie, 'Accept-Language': lang, Origin: server.url }, redirect: 'manual' });
};
const { one } = readOnlySql(() => server.databasePath);

describe('the office', () => {
  it('is for organisers: signed-out people sign in, residents are refused', async () => {
    for (const p of [base, `${base}/roles`, `${base}/shifts`, `${base}/day`]) {
      expect((await get(p, '')).status, p).toBe(302);
      expect((await get(p, resident)).status, p).toBe(403);
      expect((await get(p)).status, p).toBe(200);
    }
    expect((await post(`${base}/roles`, { name_de: 'X' }, resident)).status).toBe(403);
  });

  let roleId: number;
  it('creates roles (one asking for Arabic), refusing one without a German name next to the field', async () => {
    const bad = await post(`${base}/roles`, { name_de: '', name_ar: 'مساعدة لغوية', min_age: '16' });
    expect(bad.status).toBe(400);
    const html = shownHtml(await bad.text());
    expect(html).toContain('Bitte geben Sie einen Namen auf Deutsch an.');
    expect(html).toContain('value="مساعدة لغوية"');
    const ok = await post(`${base}/roles`, { name_de: 'Sprachhilfe', name_ar: 'مساعدة لغوية', languages: ['ar', 'tr'], min_age: '16', cancel_hours: '24', note_de: 'Freundlich und geduldig' });
    expect(ok.status).toBe(302);
    roleId = one<{ id: number }>("select id from volunteer_roles where name like '%Sprachhilfe%'").id;
    expect(await (await get(`${base}/roles`)).text()).toContain('Sprachhilfe');
  });

  it('generates shifts from a stage’s opening hours, and refuses an inverted shift typed by hand', async () => {
    const stage = one<{ id: number }>("select s.id from stages s join editions e on e.id = s.edition_id where e.slug = 'djelem-djelem-2027' and s.slug = 'grosser-saal'").id;
    const res = await post(`${base}/shifts`, { intent: 'generate', role_id: String(roleId), source: 'hours', stage_id: String(stage), day: '2027-10-29', minutes: '120', needed: '2' });
    expect(res.status).toBe(200);
    // Friday 15:00–23:30: four blocks of two hours, the last one 21:00–23:30
    expect(shownHtml(await res.text())).toContain('Angelegt: 4.');
    const inverted = await post(`${base}/shifts`, { intent: 'shift', role_id: String(roleId), stage_id: '', starts_at: '2027-10-29T18:00', ends_at: '2027-10-29T17:00', needed: '1' });
    expect(inverted.status).toBe(400);
    expect(shownHtml(await inverted.text())).toContain('Das Ende liegt vor dem Beginn oder gleich. Bitte prüfen Sie die Zeiten.');
    const board = shownHtml(await (await get(base)).text());
    expect(board).toContain('0 / 2');
    expect(board).toContain('es fehlen 2');
  });

  it('shows the public page in Arabic, and the resident reads the refusals in Arabic', async () => {
    const page = shownHtml(await (await get('/editions/djelem-djelem-2027/help?lang=ar', '', 'ar')).text());
    expect(page).toContain('مساعدة لغوية');
    expect(page).toContain('dir="rtl"');
    const shift = one<{ id: number }>('select id from volunteer_shifts where role_id = ? order by starts_at limit 1', roleId).id;
    expect((await get(`/editions/djelem-djelem-2027/help/${shift}`, '')).status).toBe(200);
    const noAge = await post(`/editions/djelem-djelem-2027/help/${shift}`, { intent: 'person', shiftId: String(shift), name: 'Noor', consent: 'on' }, resident, 'ar');
    expect(noAge.status).toBe(400);
    expect(shownHtml(await noAge.text())).toContain('field-age_confirmed-error');
    const ok = await post(`/editions/djelem-djelem-2027/help/${shift}`, { intent: 'person', shiftId: String(shift), name: 'Noor', languages: ['ar'], age_confirmed: 'on', consent: 'on' }, resident, 'ar');
    expect(ok.status).toBe(302);
    const twice = await post(`/editions/djelem-djelem-2027/help/${shift}`, { intent: 'person', shiftId: String(shift), name: 'Noor', age_confirmed: 'on', consent: 'on' }, resident, 'de');
    expect(twice.status).toBe(409);
    expect(shownHtml(await twice.text())).toContain('Sie sind für diese Schicht schon eingetragen.');
    const board = shownHtml(await (await get(base)).text());
    expect(board).toContain('1 / 2');
    expect(board).toMatch(/Arabisch<\/strong>: abgedeckt 15:00–17:00/);
  });

  it('checks the volunteer in on the day page without JavaScript and exports the list confirmed and logged', async () => {
    const signup = one<{ id: number }>("select id from volunteer_signups where name = 'Noor'").id;
    const day = shownHtml(await (await get(`${base}/day?day=2027-10-29`)).text());
    expect(day).toContain('Noor einchecken');
    const res = await post(`${base}/day`, { intent: 'checkIn', signupId: String(signup), day: '2027-10-29', q: '', name: 'Noor' });
    expect(res.status).toBe(303);
    const after = shownHtml(await (await get(res.headers.get('location')!)).text());
    expect(after).toContain('Noor ist eingecheckt.');
    expect(after).toContain('Check-in von Noor zurücknehmen');
    const refused = await post(`${base}/export.csv`, {});
    expect(refused.status).toBe(303);
    const csv = await post(`${base}/export.csv`, { confirm: 'on' });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain('Noor,noor@example.org');
    expect(one<{ n: number }>("select count(*) as n from audit_log where action = 'export.volunteers'").n).toBe(1);
  });

  it('serves the volunteer’s calendar feed from their page; a revoked one answers 404', async () => {
    const page = await (await get('/account/volunteering', resident)).text();
    const feed = /\/volunteering\/calendar\/([A-Za-z0-9_-]{32})\.ics/.exec(page)![0];
    const ics = await fetch(`${server.url}${feed}`);
    expect(ics.status).toBe(200);
    expect(await ics.text()).toContain('BEGIN:VEVENT');
    expect((await post('/account/volunteering', { intent: 'revoke' }, resident)).status).toBe(302);
    expect((await fetch(`${server.url}${feed}`)).status).toBe(404);
  });
});
