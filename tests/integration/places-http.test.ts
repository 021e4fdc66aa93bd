/**
 * Setting up an edition's places in the office, over HTTP against the real server: venues,
 * stages and areas with opening hours, stand types, pitches and the site plan picture.
 * Every refusal is checked by the text an organiser reads next to the field.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOnlySql } from '../helpers/db';
import { signIn } from '../helpers/auth';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let organiser: string;
let member: string;
beforeAll(async () => {
  server = await startServer({ SEED_DEMO: 'true' });
  const mail = path.join(server.dir, 'mail');
  organiser = await signIn(server.url, mail, 'orga@festplatz.localhost');
  member = await signIn(server.url, mail, 'kontakt@vmdo.example');
});
afterAll(() => server.stop());

const base = '/office/editions/dortbund-2027';
const get = (p: string, cookie = organiser) => fetch(`${server.url}${p}`, { headers: { Cookie: cookie, 'Accept-Language': 'de' }, redirect: 'manual' });
const post = (p: string, body: Record<string, string | string[]>, cookie = organiser) => {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
  return fetch(`${server.url}${p}`, { method: 'POST', body: form, headers: { Cookie: cookie, 'Accept-Language': 'de' }, redirect: 'manual' });
};
const { query, one } = readOnlySql(() => server.databasePath);
const editionId = () => one<{ id: number }>("select id from editions where slug = 'dortbund-2027'").id;
const audits = (action: string) => one<{ n: number }>('select count(*) as n from audit_log where action = ?', action).n;

describe('venues, stages and opening hours', () => {
  it('are the organisers’ pages: signed-out people sign in, members are refused', async () => {
    for (const p of [`${base}/venues`, `${base}/venues/new`, `${base}/stages/new`]) {
      expect((await get(p, '')).status, p).toBe(302);
      expect((await get(p, member)).status, p).toBe(403);
    }
    expect((await post(`${base}/venues/new`, { name_de: 'X', address: 'Y' }, member)).status).toBe(403);
    expect((await get('/office/editions/nope-1999/venues')).status).toBe(404);
    expect((await get(`${base}/venues/999999`)).status).toBe(404);
    expect((await get(`${base}/venues/abc`)).status).toBe(404);
    const dashboard = await (await get(base)).text();
    expect(dashboard).toContain('Einrichten');
    expect(dashboard).toContain(`href="${base}/venues"`);
  });

  it('refuses a venue without a German name, with half coordinates or a latitude out of range, keeping the input', async () => {
    const before = one<{ n: number }>('select count(*) as n from venues').n;
    const res = await post(`${base}/venues/new`, { intent: 'save', name_de: '', name_tr: 'Kuzey Parkı', address: 'Nordstraße 1, 44145 Dortmund', lat: '95', lng: '', accessibility: ['step_free', 'quiet_room'] });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Bitte geben Sie einen Namen auf Deutsch an.');
    expect(html).toContain('Der Breitengrad ist eine Zahl zwischen -90 und 90, z. B. 51.5122.');
    expect(html).toContain('value="Nordstraße 1, 44145 Dortmund"');
    expect(html).toContain('value="Kuzey Parkı"');
    expect(html).toContain('name="accessibility" checked="" value="quiet_room"');
    const half = await post(`${base}/venues/new`, { intent: 'save', name_de: 'Nordpark', address: 'Nordstraße 1', lat: '51.5', lng: '' });
    expect(half.status).toBe(400);
    expect(await half.text()).toContain('Bitte geben Sie Breiten- und Längengrad an oder keinen von beiden.');
    expect(one<{ n: number }>('select count(*) as n from venues').n).toBe(before);
  });

  let venueId: number;
  it('creates a venue in several languages with accessibility facts, shown at once on the public edition page', async () => {
    const res = await post(`${base}/venues/new`, {
      intent: 'save',
      name_de: 'Nordpark',
      name_tr: 'Kuzey Parkı',
      address: 'Nordstraße 1, 44145 Dortmund',
      lat: '51,53',
      lng: '7.46',
      accessibility: ['step_free', 'accessible_toilet'],
      accessibility_note_de: 'Rampe am Osteingang.',
      sort_order: '2',
    });
    expect(res.status).toBe(302);
    const venue = one<{ id: number; name: string; lat: number; accessibility: string; accessibility_note: string }>("select * from venues where address = 'Nordstraße 1, 44145 Dortmund'");
    venueId = venue.id;
    expect(JSON.parse(venue.name)).toEqual({ de: 'Nordpark', tr: 'Kuzey Parkı' });
    expect(venue.lat).toBe(51.53);
    expect(JSON.parse(venue.accessibility)).toEqual(['step_free', 'accessible_toilet']);
    expect(JSON.parse(venue.accessibility_note)).toEqual({ de: 'Rampe am Osteingang.' });
    expect(res.headers.get('location')).toBe(`${base}/venues#venue-${venueId}`);
    expect(audits('venue.created')).toBe(1);
    const list = await (await get(`${base}/venues`)).text();
    expect(list).toContain('Nordpark');
    expect(list).toContain('Stufenlos erreichbar · Barrierefreie Toilette');
    const publicPage = await (await fetch(`${server.url}/editions/dortbund-2027`, { headers: { 'Accept-Language': 'tr' } })).text();
    expect(publicPage).toContain('Kuzey Parkı');
  });

  it('refuses a stage whose opening hours are half given or empty, or with a changeover out of range', async () => {
    const res = await post(`${base}/stages/new`, {
      intent: 'save',
      name_de: 'Parkbühne',
      venue_id: String(venueId),
      kind: 'stage',
      changeover_minutes: '-5',
      'opens_2027-09-11': '10:00',
      'closes_2027-09-11': '',
      'opens_2027-09-12': '12:00',
      'closes_2027-09-12': '12:00',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Die Umbaupause ist eine ganze Zahl von 0 bis 240 Minuten.');
    expect(html).toContain('Bitte geben Sie Öffnen und Schließen an oder lassen Sie beides leer.');
    expect(html).toContain('Öffnen und Schließen dürfen nicht gleich sein.');
    expect(html).toContain('value="Parkbühne"');
    const otherVenue = await post(`${base}/stages/new`, { intent: 'save', name_de: 'Parkbühne', venue_id: '999999', kind: 'stage' });
    expect(otherVenue.status).toBe(400);
    expect(await otherVenue.text()).toContain('Bitte wählen Sie einen Ort dieser Ausgabe.');
    expect(one<{ n: number }>("select count(*) as n from stages where slug = 'parkbuehne'").n).toBe(0);
  });

  it('creates a stage with a changeover time and opening hours past midnight, which the schedule’s conflict check uses', async () => {
    const res = await post(`${base}/stages/new`, {
      intent: 'save',
      name_de: 'Parkbühne',
      name_ar: 'مسرح الحديقة',
      venue_id: String(venueId),
      kind: 'stage',
      changeover_minutes: '30',
      'opens_2027-09-11': '10:00',
      'closes_2027-09-11': '01:30',
      'opens_2027-09-12': '',
      'closes_2027-09-12': '',
    });
    expect(res.status).toBe(302);
    const stage = one<{ id: number; changeover_minutes: number }>("select id, changeover_minutes from stages where slug = 'parkbuehne'");
    expect(stage.changeover_minutes).toBe(30);
    expect(query('select day, opens_at, closes_at from opening_hours where stage_id = ?', stage.id)).toEqual([
      { day: '2027-09-11', opens_at: '2027-09-11T08:00:00.000Z', closes_at: '2027-09-11T23:30:00.000Z' },
    ]);
    expect(audits('stage.created')).toBe(1);
    const edit = await (await get(`${base}/stages/${stage.id}`)).text();
    expect(edit).toContain('value="01:30"');
    expect(edit).toContain('value="مسرح الحديقة"');
  });

  it('will not remove a stage that has program items, and says how many', async () => {
    const main = one<{ id: number }>(`select id from stages where slug = 'hauptbuehne' and edition_id = ?`, editionId());
    const count = one<{ n: number }>(
      'select count(*) as n from (select uid from program_item_drafts where stage_id = ? union select uid from program_items where stage_id = ?)',
      main.id,
      main.id,
    ).n;
    expect(count).toBeGreaterThan(1);
    const res = await post(`${base}/stages/${main.id}`, { intent: 'remove' });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain(`Nicht entfernt: Auf dieser Bühne sind ${count} Programmpunkte geplant.`);
    expect(one<{ n: number }>('select count(*) as n from stages where id = ?', main.id).n).toBe(1);
  });

  it('will not remove a venue that still has stages; removes an empty stage, then the venue', async () => {
    const refused = await post(`${base}/venues/${venueId}`, { intent: 'remove' });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Nicht entfernt: An diesem Ort gibt es noch 1 Bühne oder Fläche.');
    const stage = one<{ id: number }>("select id from stages where slug = 'parkbuehne'");
    expect((await post(`${base}/stages/${stage.id}`, { intent: 'remove' })).status).toBe(302);
    expect(query('select * from opening_hours where stage_id = ?', stage.id)).toEqual([]);
    expect((await post(`${base}/venues/${venueId}`, { intent: 'remove' })).status).toBe(302);
    expect(audits('stage.removed')).toBe(1);
    expect(audits('venue.removed')).toBe(1);
  });
});

describe('stand types', () => {
  const typeId = (slug: string) => one<{ id: number }>('select id from stand_types where slug = ? and edition_id = ?', slug, editionId()).id;
  const form = (over: Record<string, string | string[]>) => ({ intent: 'save', name_de: 'Marktstand', fee: '25', capacity: '2', width_m: '3', depth_m: '2', equipment: ['table', 'power'], ...over });

  it('refuses a negative fee or capacity and a size of nothing, keeping the input; nothing is saved', async () => {
    const before = one<{ n: number }>('select count(*) as n from stand_types').n;
    const res = await post(`${base}/stand-types/new`, form({ fee: '-5', capacity: '-1', width_m: '0', name_tr: 'Pazar tezgâhı' }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Die Gebühr ist ein Betrag ab 0 Euro, z. B. 50 oder 12,50.');
    expect(html).toContain('Die Anzahl Plätze ist eine ganze Zahl ab 0.');
    expect(html).toContain('Die Größe ist eine Zahl von 0,5 bis 100 Metern.');
    expect(html).toContain('value="Pazar tezgâhı"');
    expect(html).toContain('value="-5"');
    expect(one<{ n: number }>('select count(*) as n from stand_types').n).toBe(before);
  });

  it('creates a free stand type (fee 0 allowed) with what it includes', async () => {
    const res = await post(`${base}/stand-types/new`, form({ fee: '0', name_de: 'Tisch am Rand', description_de: 'Ein Tisch, zwei Bänke.' }));
    expect(res.status).toBe(302);
    const row = one<{ fee_cents: number; capacity: number; width_m: number; equipment: string; description: string }>("select * from stand_types where slug = 'tisch-am-rand'");
    expect(row).toMatchObject({ fee_cents: 0, capacity: 2, width_m: 3 });
    expect(JSON.parse(row.equipment)).toEqual(['table', 'power']);
    expect(JSON.parse(row.description)).toEqual({ de: 'Ein Tisch, zwei Bänke.' });
    expect(audits('stand_type.created')).toBe(1);
    const list = await (await get(`${base}/stand-types`)).text();
    expect(list).toContain('Tisch am Rand');
    expect(list).toContain('kostenlos');
  });

  it('refuses a capacity below the applications already approved, naming that number', async () => {
    const id = typeId('pavillon-3x3');
    const approved = one<{ n: number }>("select count(*) as n from registrations where stand_type_id = ? and state in ('approved','confirmed')", id).n;
    expect(approved).toBeGreaterThan(0);
    const res = await post(`${base}/stand-types/${id}`, form({ name_de: 'Pavillon 3 × 3 m (gestellt)', fee: '50', capacity: String(approved - 1), width_m: '3', depth_m: '3' }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(approved === 1 ? 'Nicht gespeichert: 1 Anmeldung ist bereits zugesagt' : `Nicht gespeichert: ${approved} Anmeldungen sind bereits zugesagt; die Anzahl Plätze kann nicht darunter liegen.`);
    expect(html).toContain(`value="${approved - 1}"`);
    expect(one<{ capacity: number }>('select capacity from stand_types where id = ?', id).capacity).toBe(4);
  });

  it('changes a fee for new payments only and says how many fees already requested keep their amount', async () => {
    const id = typeId('pavillon-3x3');
    const open = query<{ id: number; amount_cents: number }>(
      "select p.id, p.amount_cents from payments p join registrations r on r.id = p.registration_id where r.stand_type_id = ? and p.state in ('created','pending')",
      id,
    );
    const res = await post(`${base}/stand-types/${id}`, form({ name_de: 'Pavillon 3 × 3 m (gestellt)', fee: '60,50', capacity: '4', width_m: '3', depth_m: '3' }));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(
      open.length === 1
        ? 'Gespeichert. Die neue Gebühr gilt für neue Zahlungen; 1 bereits angeforderte Gebühr bleibt beim bisherigen Betrag.'
        : `Gespeichert. Die neue Gebühr gilt für neue Zahlungen; ${open.length} bereits angeforderte Gebühren bleiben beim bisherigen Betrag.`,
    );
    expect(one<{ fee_cents: number }>('select fee_cents from stand_types where id = ?', id).fee_cents).toBe(6050);
    for (const p of open) expect(one<{ amount_cents: number }>('select amount_cents from payments where id = ?', p.id).amount_cents).toBe(p.amount_cents);
    expect(JSON.parse(one<{ details: string }>("select details from audit_log where action = 'stand_type.updated' order by id desc limit 1").details)).toMatchObject({ feeCents: { from: 5000, to: 6050 } });
  });

  it('will not remove a stand type applications use, and says how many', async () => {
    const id = typeId('pavillon-3x3');
    const used = one<{ n: number }>('select count(*) as n from registrations where stand_type_id = ?', id).n;
    const res = await post(`${base}/stand-types/${id}`, { intent: 'remove' });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain(`Nicht entfernt: ${used} Anmeldungen nutzen diese Standart.`);
    expect((await post(`${base}/stand-types/${typeId('tisch-am-rand')}`, { intent: 'remove' })).status).toBe(302);
  });
});

describe('program item texts in six languages', () => {
  it('saves German and Turkish titles from the form; after publishing, the Turkish feed carries the Turkish title', async () => {
    const stage = one<{ id: number }>("select id from stages where slug = 'hauptbuehne' and edition_id = ?", editionId());
    const missing = await post(`${base}/schedule/new`, { title_de: '', title_tr: 'Açık sahne', stage_id: String(stage.id), day: '2027-09-12', start: '18:00', end: '18:30', category: 'music', languages: 'de, tr', accessibility: 'wheelchair' });
    expect(missing.status).toBe(400);
    const missingHtml = await missing.text();
    expect(missingHtml).toContain('value="Açık sahne"');
    const created = await post(`${base}/schedule/new`, {
      title_de: 'Offene Bühne',
      title_tr: 'Açık sahne',
      description_tr: 'Herkes sahneye çıkabilir.',
      stage_id: String(stage.id),
      day: '2027-09-12',
      start: '18:00',
      end: '18:30',
      category: 'music',
      languages: 'de, tr',
      accessibility: 'wheelchair',
    });
    expect(created.status).toBe(302);
    const draft = one<{ uid: string; title: string; description: string }>("select uid, title, description from program_item_drafts where title like '%Offene Bühne%'");
    expect(JSON.parse(draft.title)).toEqual({ de: 'Offene Bühne', tr: 'Açık sahne' });
    expect(JSON.parse(draft.description)).toEqual({ tr: 'Herkes sahneye çıkabilir.' });
    const edit = await (await get(`${base}/schedule/items/${draft.uid}`)).text();
    expect(edit).toContain('Titel (Türkisch)');
    expect(edit).toContain('value="Açık sahne"');
    expect((await post(`${base}/schedule`, { intent: 'publish' })).status).toBeLessThan(400);
    const ics = (await (await fetch(`${server.url}/calendar.ics?edition=dortbund-2027&lang=tr`)).text()).replace(/\r\n /g, '');
    const event = ics.split('BEGIN:VEVENT').find((e) => e.includes(`UID:${draft.uid}@`)) ?? '';
    expect(event).toContain('SUMMARY:Açık sahne');
  });
});

describe('pitches', () => {
  it('generates a block of pitches on an area and refuses a block that overlaps one already there', async () => {
    const area = one<{ id: number }>("select id from stages where slug = 'kinderbereich' and edition_id = ?", editionId());
    const bad = await post(`${base}/pitches`, { stage_id: String(area.id), rows: '0', columns: '3', prefix: 'K-', first_number: '1', x: '0', y: '0', gap: '0.5', width: '3', height: '3' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Die Anzahl Reihen ist eine ganze Zahl von 1 bis 50.');
    const ok = await post(`${base}/pitches`, { stage_id: String(area.id), rows: '2', columns: '3', prefix: 'K-', first_number: '1', x: '0', y: '0', gap: '0.5', width: '3', height: '3', power_available: '1000', water: 'on' });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('6 Standplätze erzeugt.');
    expect(query<{ label: string }>('select label from pitches where stage_id = ? order by id', area.id).map((p) => p.label)).toEqual(['K-1', 'K-2', 'K-3', 'K-4', 'K-5', 'K-6']);
    const overlap = await post(`${base}/pitches`, { stage_id: String(area.id), rows: '1', columns: '1', prefix: 'K-', first_number: '20', x: '1', y: '1', gap: '0', width: '2', height: '2' });
    expect(overlap.status).toBe(400);
    const html = await overlap.text();
    expect(html).toContain('Nicht gespeichert: Das überschneidet sich mit Standplatz K-1.');
    expect(html).toContain('value="20"');
    expect(one<{ n: number }>('select count(*) as n from pitches where stage_id = ?', area.id).n).toBe(6);
    expect(audits('pitches.generated')).toBe(1);
  });
});
