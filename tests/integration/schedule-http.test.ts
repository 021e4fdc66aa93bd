import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOnlySql } from '../helpers/db';
import { signIn } from '../helpers/auth';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let organiser: string;
let member: string;
beforeAll(async () => {
  server = await startServer();
  const mail = path.join(server.dir, 'mail');
  organiser = await signIn(server.url, mail, 'orga@festplatz.localhost');
  member = await signIn(server.url, mail, 'kontakt@vmdo.example');
});
afterAll(() => server.stop());

const get = (p: string, cookie = organiser) => fetch(`${server.url}${p}`, { headers: { Cookie: cookie, 'Accept-Language': 'de' }, redirect: 'manual' });
const post = (p: string, body: Record<string, string>, cookie = organiser) =>
  fetch(`${server.url}${p}`, { method: 'POST', body: new URLSearchParams(body), headers: { Cookie: cookie, 'Accept-Language': 'de' }, redirect: 'manual' });
const { query } = readOnlySql(() => server.databasePath);
const stageId = (slug: string) => query<{ id: number }>("select s.id from stages s join editions e on e.id = s.edition_id where e.slug = 'dortbund-2027' and s.slug = ?", slug)[0]!.id;

describe('the organisers’ schedule pages', () => {
  it('send people who are signed out to sign in, and refuse members', async () => {
    for (const p of ['/office/editions/dortbund-2027/schedule', '/office/editions/dortbund-2027/site-plan', '/office/editions/dortbund-2027/logistics']) {
      const anonymous = await get(p, '');
      expect(anonymous.status, p).toBe(302);
      expect(anonymous.headers.get('location')).toBe(`/login?redirectTo=${encodeURIComponent(p)}`);
      expect((await get(p, member)).status, p).toBe(403);
    }
    expect((await post('/office/editions/dortbund-2027/schedule', { intent: 'publish' }, member)).status).toBe(403);
    expect((await get('/office/editions/nope-1999/schedule')).status).toBe(404);
  });

  it('moves an item into a conflict, refuses to publish with the list, and publishes once it is resolved', async () => {
    const feedEvent = async (uid: string) => {
      const ics = (await (await fetch(`${server.url}/calendar.ics?edition=dortbund-2027`)).text()).replace(/\r\n /g, '');
      return ics.split('BEGIN:VEVENT').find((e) => e.includes(`UID:${uid}@festplatz`)) ?? '';
    };
    expect(await feedEvent('dortbund-2027-02')).toContain('SEQUENCE:0');
    expect(await feedEvent('dortbund-2027-02')).toContain('DTSTART:20270911T100000Z');
    const page = await (await get('/office/editions/dortbund-2027/schedule')).text();
    expect(page).toContain('<caption id="day-2027-09-11">Samstag, 11. September 2027</caption>');
    expect(page).toContain('Keine Konflikte.');

    const bad = await post('/office/editions/dortbund-2027/schedule/items/dortbund-2027-02', { intent: 'move', stage_id: String(stageId('hauptbuehne')), day: '2027-09-11', start: '25:00' });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Bitte geben Sie eine Uhrzeit wie 14:30 an.');
    expect(badHtml).toContain('value="25:00"');

    // a day that does not exist, and an item that does not: 400 and 404, nothing written
    const noDay = await post('/office/editions/dortbund-2027/schedule/items/dortbund-2027-02', { intent: 'move', stage_id: String(stageId('hauptbuehne')), day: '2027-02-30', start: '12:00' });
    expect(noDay.status).toBe(400);
    expect(await noDay.text()).toContain('Bitte wählen Sie einen Tag.');
    expect((await post('/office/editions/dortbund-2027/schedule', { intent: 'move', uid: 'nope', stage_id: String(stageId('hauptbuehne')), day: '2027-09-11', start: '12:00' })).status).toBe(404);

    const moved = await post('/office/editions/dortbund-2027/schedule/items/dortbund-2027-02', { intent: 'move', stage_id: String(stageId('hauptbuehne')), day: '2027-09-11', start: '12:30' });
    expect(moved.status).toBe(302);
    expect(moved.headers.get('location')).toBe('/office/editions/dortbund-2027/schedule#item-dortbund-2027-02');
    const conflicted = await (await get('/office/editions/dortbund-2027/schedule')).text();
    expect(conflicted).toContain('1 Konflikt verhindert das Veröffentlichen.');
    expect(conflicted).toContain('„Trommelgruppe Africa Positive“ und „Halay und Folklore“ überschneiden sich auf Hauptbühne (mit 15 Minuten Umbaupause).');

    const refused = await post('/office/editions/dortbund-2027/schedule', { intent: 'publish' });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Nicht veröffentlicht: 1 Konflikt muss zuerst gelöst werden.');

    // the keyboard's way: the same action the grid's fetcher posts to
    const resized = await post('/office/editions/dortbund-2027/schedule', { intent: 'resize', uid: 'dortbund-2027-02', end: '13:15' });
    expect(resized.status).toBe(200);
    const published = await post('/office/editions/dortbund-2027/schedule', { intent: 'publish' });
    expect(published.status).toBe(302);
    expect(published.headers.get('location')).toBe('/office/editions/dortbund-2027/schedule?published=3');
    expect(query<{ sequence: number; starts_at: string }>("select sequence, starts_at from program_items where uid = 'dortbund-2027-02'")).toEqual([
      { sequence: 1, starts_at: '2027-09-11T10:30:00.000Z' },
    ]);
    // the calendar feed carries the release at once, one sequence higher
    expect(await feedEvent('dortbund-2027-02')).toContain('SEQUENCE:1');
    expect(await feedEvent('dortbund-2027-02')).toContain('DTSTART:20270911T103000Z');
    const again = await post('/office/editions/dortbund-2027/schedule', { intent: 'publish' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Seit der letzten Veröffentlichung hat sich nichts geändert.');

    const changelog = await (await get('/editions/dortbund-2027/changes')).text();
    expect(changelog).toContain('Version 3');
    expect(changelog).toContain('Verschoben');
    expect(changelog).toContain('href="/program/dortbund-2027-02">Trommelgruppe Africa Positive</a>');
    const edition = await (await get('/editions/dortbund-2027', '')).text();
    expect(edition).toContain('href="/editions/dortbund-2027/changes"');
  });

  it('creates a new item with errors shown next to the fields, then saved', async () => {
    const stage = String(stageId('standzone'));
    const bad = await post('/office/editions/dortbund-2027/schedule/new', { title_de: '', stage_id: stage, day: '2027-09-11', start: '14:00', end: '15:00', category: 'talk', languages: 'de, xx1' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('Bitte geben Sie einen deutschen Titel an.');
    expect(html).toContain('Bitte geben Sie Sprachcodes aus zwei oder drei Buchstaben an (höchstens 12).');
    expect(html).toContain('value="de, xx1"');
    const created = await post('/office/editions/dortbund-2027/schedule/new', { title_de: 'Lesecafé', stage_id: stage, day: '2027-09-11', start: '14:00', end: '15:00', category: 'talk', languages: 'de, tr', accessibility: 'wheelchair' });
    expect(created.status).toBe(302);
    const uid = created.headers.get('location')!.split('#item-')[1]!;
    expect(query("select title, languages, accessibility, status from program_item_drafts where uid = ?", uid)).toEqual([
      { title: '{"de":"Lesecafé"}', languages: '["de","tr"]', accessibility: '["wheelchair"]', status: 'scheduled' },
    ]);
    // not public before publishing
    expect(query('select uid from program_items where uid = ?', uid)).toEqual([]);
  });
});

describe('the site plan and crew lists', () => {
  it('assigns a stand, explains a refusal next to the plan, and exports the crew list as CSV', async () => {
    const pitch = (label: string) => String(query<{ id: number }>("select p.id from pitches p join editions e on e.id = p.edition_id where e.slug = 'dortbund-2027' and p.label = ?", label)[0]!.id);
    const vmdo = String(query<{ id: number }>("select r.id from registrations r join editions e on e.id = r.edition_id join organisations o on o.id = r.organisation_id where e.slug = 'dortbund-2027' and o.slug = 'vmdo'")[0]!.id);
    const refused = await post('/office/editions/dortbund-2027/site-plan', { intent: 'assign', pitch_id: pitch('12'), registration_id: vmdo });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Der Stand von Verbund sozial-kultureller Migrantenvereine in Dortmund e.V. (VMDO) (3 × 3 m) passt nicht auf Platz 12 (3 × 2 m).');
    const suggestion = await (await get('/office/editions/dortbund-2027/site-plan?suggest=1')).text();
    expect(suggestion).toContain(`<option value="${vmdo}:${pitch('4')}" selected="">`);
    const accepted = await post('/office/editions/dortbund-2027/site-plan', { intent: 'accept', pairs: `${vmdo}:${pitch('4')}` });
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get('location')).toBe('/office/editions/dortbund-2027/site-plan?accepted=1');

    const asked = await get('/office/editions/dortbund-2027/logistics?format=csv');
    expect(asked.status).toBe(302);
    expect(asked.headers.get('location')).toBe('/office/editions/dortbund-2027/logistics.csv');
    const csv = await get('/office/editions/dortbund-2027/logistics.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="dortbund-2027-crew.csv"');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines[0]).toBe('Bereich,Platz,Organisation,Status,Standart,Breite (m),Tiefe (m),Strom (W),Wasser,Tische,Bänke,Eigener Pavillon,Zufahrt,Ankunft');
    // not arrived yet: the arrival time (the festival day's check-in) is empty
    expect(lines).toContain('Standzone Friedensplatz,4,Verbund sozial-kultureller Migrantenvereine in Dortmund e.V. (VMDO),Zugesagt,Pavillon 3 × 3 m (gestellt),3,3,1000,nein,2,0,nein,nein,');
    const totals = await (await get('/office/editions/dortbund-2027/logistics')).text();
    expect(totals).toContain('<th scope="row">Gesamt</th><td>3</td><td>2000</td><td>0</td><td>5</td><td>1</td>');
  });

  it('shows the exhibitor its pitch on its application page', async () => {
    const mia = await signIn(server.url, path.join(server.dir, 'mail'), 'kontakt@mia-do.example');
    const id = query<{ id: number }>("select r.id from registrations r join editions e on e.id = r.edition_id join organisations o on o.id = r.organisation_id where e.slug = 'dortbund-2027' and o.slug = 'mia-do'")[0]!.id;
    const html = (await (await get(`/account/applications/${id}`, mia)).text()).replaceAll('<!-- -->', '');
    expect(html).toContain('<strong>Platz 11</strong>, <span>Standzone Friedensplatz</span> (3 × 2 m)');
  });

  it('shows the public the plan with stand numbers and the names of confirmed stands', async () => {
    const html = await (await get('/editions/dortbund-2027', '')).text();
    expect(html).toContain('<h2 id="site-plan-title">Lageplan der Stände</h2>');
    expect(html).toContain('aria-label="Lageplan Standzone Friedensplatz"');
    expect(html).toContain('<strong>Platz 3</strong>: <!-- -->Arbeitskreis der Abrahamsreligionen');
    expect(html).toContain('<strong>Platz 1</strong>: <!-- -->frei');
  });
});
