/**
 * Pitches one by one and the picture of the grounds (issue 12), over HTTP against the real
 * server: edit or remove a pitch (not while a stand is on it), place pitches by their
 * number fields (what dragging on the plan submits too), and upload a PNG or JPEG that
 * sharp re-encodes; a 40 MB file, a non-image, an SVG or HTML page renamed .png are
 * refused with the message next to the field, and nothing is saved.
 */
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOnlySql } from '../helpers/db';
import { signIn } from '../helpers/auth';
import { startServer, type RunningServer } from '../helpers/server';
import { translator } from '~/lib/i18n';

const t = translator('de');
const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

let server: RunningServer;
let organiser: string;
beforeAll(async () => {
  server = await startServer({ SEED_DEMO: 'true' });
  organiser = await signIn(server.url, path.join(server.dir, 'mail'), 'orga@festplatz.localhost');
}, 60_000);
afterAll(() => server?.stop());

const base = '/office/editions/dortbund-2027';
const headers = (cookie: string) => ({ ...(cookie ? { Cookie: cookie } : {}), 'Accept-Language': 'de' });
const get = (p: string, cookie = organiser) => fetch(`${server.url}${p}`, { headers: headers(cookie), redirect: 'manual' });
const post = (p: string, body: Record<string, string>, cookie = organiser) => fetch(`${server.url}${p}`, { method: 'POST', body: new URLSearchParams(body), headers: headers(cookie), redirect: 'manual' });
const upload = (p: string, fields: Record<string, string>, file: { bytes: Uint8Array; name: string; type: string }) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('picture', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return fetch(`${server.url}${p}`, { method: 'POST', body: form, headers: headers(organiser), redirect: 'manual' });
};
const { query, one } = readOnlySql(() => server.databasePath);
const editionId = () => one<{ id: number }>("select id from editions where slug = 'dortbund-2027'").id;
const area = () => one<{ id: number }>("select id from stages where slug = 'standzone' and edition_id = ?", editionId()).id;
type Pitch = { id: number; label: string; x: number; y: number; width: number; height: number; registration_id: number | null };
const pitch = (label: string) => one<Pitch>('select * from pitches where stage_id = ? and label = ?', area(), label);
const pitchForm = (p: Pitch, over: Record<string, string> = {}) => ({ label: p.label, x: String(p.x), y: String(p.y), width: String(p.width), height: String(p.height), power_available: '0', ...over });

describe('one pitch', () => {
  it('is edited from its own page; refused onto another pitch or a number in use, input kept', async () => {
    const free = pitch('2');
    const page = await get(`${base}/pitches/${free.id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(html(t('places:pitches.edit', { label: '2' })));

    const onto = await post(`${base}/pitches/${free.id}`, pitchForm(free, { x: '2', y: '2' }));
    expect(onto.status).toBe(400);
    const ontoBody = await onto.text();
    expect(ontoBody).toContain(html(t('places:errors.overlap', { label: '1' })));
    expect(ontoBody).toContain('value="2"');
    const taken = await post(`${base}/pitches/${free.id}`, pitchForm(free, { label: '4' }));
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain(html(t('places:errors.labelTaken', { label: '4' })));
    const negative = await post(`${base}/pitches/${free.id}`, pitchForm(free, { width: '-3' }));
    expect(negative.status).toBe(400);
    expect(await negative.text()).toContain(html(t('places:errors.size')));
    expect(pitch('2')).toEqual(free);

    const saved = await post(`${base}/pitches/${free.id}`, pitchForm(free, { label: '2a', width: '3.5', power_available: '2000', water: 'on' }));
    expect(saved.status).toBe(302);
    expect(one<Pitch & { power_available: number; water: number }>('select * from pitches where id = ?', free.id)).toMatchObject({ label: '2a', width: 3.5, power_available: 2000, water: 1 });
    expect(one<{ n: number }>("select count(*) as n from audit_log where action = 'pitch.updated' and subject_id = ?", String(free.id)).n).toBe(1);
  });

  it('is not edited or removed while a stand is assigned to it, and the message says so', async () => {
    const assigned = query<Pitch>('select * from pitches where stage_id = ? and registration_id is not null order by id', area())[0]!;
    const edit = await post(`${base}/pitches/${assigned.id}`, pitchForm(assigned, { width: '9' }));
    expect(edit.status).toBe(409);
    expect(await edit.text()).toContain(html(t('places:errors.pitchAssigned')));
    const remove = await post(`${base}/pitches/${assigned.id}`, { intent: 'remove' });
    expect(remove.status).toBe(409);
    expect(await remove.text()).toContain(html(t('places:errors.pitchAssigned')));
    expect(one<Pitch>('select * from pitches where id = ?', assigned.id)).toEqual(assigned);
  });

  it('is removed when it is free; a pitch of another edition is not found', async () => {
    const free = pitch('12');
    expect((await post(`${base}/pitches/${free.id}`, { intent: 'remove' })).status).toBe(302);
    expect(query('select id from pitches where id = ?', free.id)).toEqual([]);
    const other = one<{ id: number }>("select p.id from pitches p join editions e on e.id = p.edition_id where e.slug = 'dortbund-2026' limit 1").id;
    expect((await get(`${base}/pitches/${other}`)).status).toBe(404);
    expect((await post(`${base}/pitches/${other}`, { intent: 'remove' })).status).toBe(404);
  });
});

describe('placing pitches on the plan', () => {
  const positions = () => {
    const all = query<Pitch>('select * from pitches where stage_id = ? order by id', area());
    const body: Record<string, string> = { intent: 'positions', areaId: String(area()) };
    for (const p of all) {
      body[`x_${p.id}`] = String(p.x);
      body[`y_${p.id}`] = String(p.y);
    }
    return { all, body };
  };

  it('shows the plan, the number fields for every pitch and the link to each', async () => {
    const page = await (await get(`${base}/pitches`)).text();
    expect(page).toContain('class="site-plan"');
    expect(page).toContain(html(t('places:pitches.planLabel', { area: 'Standzone Friedensplatz' })));
    const first = pitch('1');
    expect(page).toContain(`name="x_${first.id}"`);
    expect(page).toContain(html(t('places:pitches.xOf', { label: '1' })));
    expect(page).toContain(`href="${base}/pitches/${first.id}"`);
  });

  it('refuses positions that put one pitch onto another, naming both, next to its field; nothing moves', async () => {
    const { all, body } = positions();
    const moving = pitch('1');
    const target = pitch('4');
    const bad = await post(`${base}/pitches`, { ...body, [`x_${moving.id}`]: String(target.x + 1), [`y_${moving.id}`]: String(target.y) });
    expect(bad.status).toBe(400);
    const text = await bad.text();
    expect(text).toContain(html(t('places:errors.overlapOf', { label: '1', other: '4' })));
    expect(text).toContain(`id="field-x_${moving.id}-error"`);
    const negative = await post(`${base}/pitches`, { ...body, [`y_${moving.id}`]: '-1' });
    expect(negative.status).toBe(400);
    expect(await negative.text()).toContain(html(t('places:errors.position')));
    expect(query<Pitch>('select * from pitches where stage_id = ? order by id', area())).toEqual(all);
  });

  it('moves pitches (a stand on one moves with it) and says so', async () => {
    const { body } = positions();
    const assigned = query<Pitch>('select * from pitches where stage_id = ? and registration_id is not null order by id', area())[0]!;
    const one1 = pitch('1');
    const res = await post(`${base}/pitches`, { ...body, [`x_${one1.id}`]: '1', [`y_${one1.id}`]: '40', [`x_${assigned.id}`]: '30', [`y_${assigned.id}`]: '40' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(html(t('places:pitches.positionsSaved')));
    expect(pitch('1')).toMatchObject({ x: 1, y: 40 });
    expect(one<Pitch>('select * from pitches where id = ?', assigned.id)).toMatchObject({ x: 30, y: 40, registration_id: assigned.registration_id });
    const audit = JSON.parse(one<{ details: string }>("select details from audit_log where action = 'pitches.placed' order by id desc limit 1").details) as { moved: unknown[] };
    expect(audit.moved).toHaveLength(2);
  });
});

describe('the picture of the grounds', () => {
  const images = () => one<{ n: number }>('select count(*) as n from site_plan_images where stage_id = ?', area()).n;
  const fields = () => ({ intent: 'picture', areaId: String(area()), widthM: '40' });
  const target = () => `${base}/pitches?area=${area()}`;

  it('takes a PNG, keeps only its re-encoded pixels, and draws it under the plan', async () => {
    // a PNG with a text chunk: the comment must not survive
    const png = await sharp({ create: { width: 200, height: 100, channels: 3, background: '#77aa55' } })
      .png()
      .withMetadata({ exif: { IFD0: { ImageDescription: 'secret-comment-in-exif' } } })
      .toBuffer();
    expect(png.toString('latin1')).toContain('secret-comment-in-exif');
    const res = await upload(target(), fields(), { bytes: png, name: 'gelaende.png', type: 'image/png' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(html(t('places:pitches.pictureSaved')));
    const stored = one<{ mime: string; image: Buffer; width: number; height: number; width_m: number }>('select * from site_plan_images where stage_id = ?', area());
    expect(stored).toMatchObject({ mime: 'image/png', width: 200, height: 100, width_m: 40 });
    expect(stored.image.toString('latin1')).not.toContain('secret-comment-in-exif');
    expect((await sharp(stored.image).metadata()).format).toBe('png');

    const page = await (await get(`${base}/pitches`)).text();
    const href = /<image href="([^"]+)"/.exec(page)?.[1]?.replace(/&amp;/g, '&');
    expect(href).toMatch(new RegExp(`^/editions/dortbund-2027/site-plan/${area()}\\?v=`));
    const served = await get(href!, '');
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(stored.image)).toBe(true);
    // the public edition page draws it under its plan too
    expect(await (await get('/editions/dortbund-2027', '')).text()).toContain(`<image href="${href!.replace(/&/g, '&amp;')}"`);
  });

  it('of a draft edition is shown to its organisers only', async () => {
    const slug = 'dortbund-plan-entwurf-2029';
    const created = await post('/office/editions/new', { intent: 'save', seriesId: String(one<{ id: number }>("select id from series where slug = 'dortbund'").id), title_de: 'Planentwurf', slug, startsOn: '2029-06-01' });
    expect(created.status).toBe(302);
    expect((await post(`/office/editions/${slug}/venues/new`, { intent: 'save', name_de: 'Wiese', address: 'Wiese 1, 44135 Dortmund' })).status).toBe(302);
    const venue = one<{ id: number }>("select id from venues where address = 'Wiese 1, 44135 Dortmund'").id;
    expect((await post(`/office/editions/${slug}/stages/new`, { intent: 'save', name_de: 'Wiesenfläche', venue_id: String(venue), kind: 'area', changeover_minutes: '0', sort_order: '0' })).status).toBe(302);
    const areaId = one<{ id: number }>("select id from stages where slug = 'wiesenflaeche'").id;
    const png = await sharp({ create: { width: 20, height: 10, channels: 3, background: '#fff' } }).png().toBuffer();
    expect((await upload(`/office/editions/${slug}/pitches?area=${areaId}`, { intent: 'picture', areaId: String(areaId), widthM: '20' }, { bytes: png, name: 'wiese.png', type: 'image/png' })).status).toBe(200);
    expect((await get(`/editions/${slug}/site-plan/${areaId}`)).status).toBe(200);
    expect((await get(`/editions/${slug}/site-plan/${areaId}`, '')).status).toBe(404);
    // and not under another edition's address
    expect((await get(`/editions/dortbund-2027/site-plan/${areaId}`)).status).toBe(404);
  });

  it('takes a JPEG in place of the PNG', async () => {
    const jpeg = await sharp({ create: { width: 120, height: 90, channels: 3, background: '#3366cc' } }).jpeg().toBuffer();
    const res = await upload(target(), { ...fields(), widthM: '30' }, { bytes: jpeg, name: 'luftbild.jpg', type: 'image/jpeg' });
    expect(res.status).toBe(200);
    expect(one<{ mime: string; width_m: number }>('select mime, width_m from site_plan_images where stage_id = ?', area())).toEqual({ mime: 'image/jpeg', width_m: 30 });
  });

  const refusals: [string, () => Promise<Uint8Array>, number, () => string][] = [
    [
      'a 40 MB file',
      async () => {
        const big = Buffer.alloc(40 * 1024 * 1024, 7);
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(big);
        return big;
      },
      413,
      () => t('places:errors.pictureTooBig', { max: 8 }),
    ],
    ['a text file', async () => Buffer.from('Nur ein Text, kein Bild.\n'), 400, () => t('places:errors.pictureType')],
    ['an SVG renamed .png', async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'), 400, () => t('places:errors.pictureType')],
    ['an HTML page renamed .png', async () => Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'), 400, () => t('places:errors.pictureType')],
    ['a PNG signature followed by garbage', async () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 1)]), 400, () => t('places:errors.pictureUnreadable')],
  ];
  for (const [what, bytes, status, message] of refusals) {
    it(`refuses ${what} with the message next to the field; the picture stays as it was`, async () => {
      const before = one<{ image: Buffer; updated_at: string }>('select image, updated_at from site_plan_images where stage_id = ?', area());
      const res = await upload(target(), fields(), { bytes: await bytes(), name: 'gelaende.png', type: 'image/png' });
      expect(res.status).toBe(status);
      const body = await res.text();
      expect(body).toContain(html(message()));
      expect(body).toContain(`id="field-picture-${area()}-error"`);
      expect(images()).toBe(1);
      expect(one<{ image: Buffer; updated_at: string }>('select image, updated_at from site_plan_images where stage_id = ?', area())).toEqual(before);
    });
  }

  it('refuses a width of nothing, keeping the input', async () => {
    const jpeg = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).jpeg().toBuffer();
    const res = await upload(target(), { ...fields(), widthM: '0' }, { bytes: jpeg, name: 'x.jpg', type: 'image/jpeg' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(html(t('places:errors.pictureWidth')));
    expect(one<{ width_m: number }>('select width_m from site_plan_images where stage_id = ?', area()).width_m).toBe(30);
  });

  it('is removed again', async () => {
    const res = await post(`${base}/pitches`, { intent: 'removePicture', areaId: String(area()) });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(html(t('places:pitches.pictureRemoved')));
    expect(images()).toBe(0);
  });
});
