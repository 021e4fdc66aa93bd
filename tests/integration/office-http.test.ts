import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailLinkStep, signIn } from '../helpers/auth';
import { findEverywhere } from '../helpers/scan';
import { startServer, type RunningServer } from '../helpers/server';

/** The office, the privacy page and the editable pages through the running server. */
let server: RunningServer;
let admin: string;
beforeAll(async () => {
  server = await startServer();
  admin = await signIn(server.url, path.join(server.dir, 'mail'), 'orga@festplatz.localhost');
}, 60_000);
afterAll(() => server?.stop());

const db = <T>(run: (sqlite: SQLite.Database) => T): T => {
  const sqlite = new SQLite(server.databasePath);
  try {
    return run(sqlite);
  } finally {
    sqlite.close();
  }
};
const upcoming = () => db((s) => (s.prepare(`select slug from editions where slug like 'dortbund-%' order by year desc limit 1`).get() as { slug: string }).slug);
const post = (url: string, body: Record<string, string>, cookie: string, lang = 'de') =>
  fetch(`${server.url}${url}`, { method: 'POST', body: new URLSearchParams(body), headers: { Cookie: cookie, 'Accept-Language': lang }, redirect: 'manual' });

describe('exports', () => {
  it('asks to confirm before personal data leaves, next to the field, keeping the choice', async () => {
    const slug = upcoming();
    const res = await post(`/office/editions/${slug}/export/csv`, { kind: 'contacts' }, admin);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/office/editions/${slug}/export?kind=contacts&error=confirm`);
    const back = await fetch(`${server.url}${res.headers.get('location')}`, { headers: { Cookie: admin } });
    expect(back.status).toBe(400);
    const html = await back.text();
    expect(html).toContain('Bitte bestätigen Sie, dass Sie die Daten brauchen.');
    expect(html).toContain('<input type="radio" id="kind-contacts" name="kind" checked="" value="contacts"/>');
    expect(db((s) => s.prepare(`select count(*) as n from audit_log where action like 'export.%'`).get())).toEqual({ n: 0 });
  });

  it('downloads a UTF-8 CSV with BOM and logs who exported what', async () => {
    const slug = upcoming();
    const res = await post(`/office/editions/${slug}/export/csv`, { kind: 'contacts', confirm: 'on' }, admin, 'en');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${slug}-contacts.csv"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split('\r\n')[0]).toBe('Organisation,Legal form,Website,Contact person,Email,Language,Role,State,Stand type');
    expect(text).toContain('kontakt@abrahamsreligionen.example,ar,Main contact,Confirmed');
    const entry = db((s) => s.prepare(`select a.action, a.details, p.email from audit_log a join people p on p.id = a.actor_person_id where a.action like 'export.%'`).all());
    expect(entry).toEqual([{ action: 'export.contacts', details: JSON.stringify({ edition: slug, rows: 10 }), email: 'orga@festplatz.localhost' }]);
    // the log shows it, filtered by action
    const log = await (await fetch(`${server.url}/office/audit?action=export.contacts`, { headers: { Cookie: admin, 'Accept-Language': 'en' } })).text();
    expect(log).toContain('1 entry');
    expect(log).toContain('Contacts exported');
    const bad = await fetch(`${server.url}/office/audit?from=gestern`, { headers: { Cookie: admin } });
    expect(bad.status).toBe(400);
  });
});

describe('editable pages', () => {
  it('serves the Impressum and the privacy notice, linked from every page, with a note where it falls back to German', async () => {
    const home = await (await fetch(`${server.url}/?lang=en`)).text();
    expect(home).toContain('href="/impressum"');
    expect(home).toContain('href="/datenschutz"');
    const de = await (await fetch(`${server.url}/impressum?lang=de`)).text();
    expect(de).toContain('<h1>Impressum</h1>');
    expect(de).toContain('<h2>Anbieter</h2>');
    const en = await (await fetch(`${server.url}/datenschutz?lang=en`)).text();
    expect(en).toContain('<h1>Privacy notice</h1>');
    expect(en).toContain('<a href="/account/privacy">My account → Privacy</a>');
    const tr = await (await fetch(`${server.url}/datenschutz?lang=tr`)).text();
    expect(tr).toContain('<h1 lang="de">Datenschutzhinweise</h1>');
    expect(tr).toContain('Bu sayfa henüz sizin dilinizde yok. Almanca sürümünü okuyorsunuz.');
  });

  it('lets administrators edit a page; what they type is shown as text, never as HTML', async () => {
    const empty = await post('/office/pages/impressum?locale=tr', { title: '', body: '' }, admin);
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('aria-invalid="true"');
    const saved = await post('/office/pages/impressum?locale=tr', { title: 'Künye', body: '## Sağlayıcı\n\nDortmund Belediyesi <script>alert(1)</script> [site](javascript:alert(1))' }, admin);
    expect(saved.status).toBe(302);
    expect(saved.headers.get('location')).toBe('/office/pages/impressum?locale=tr&saved=1');
    const page = await (await fetch(`${server.url}/impressum?lang=tr`)).text();
    expect(page).toContain('<h1>Künye</h1>');
    expect(page).toContain('<h2>Sağlayıcı</h2>');
    expect(page).toContain('Dortmund Belediyesi &lt;script&gt;alert(1)&lt;/script&gt; [site](javascript:alert(1))');
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('Almanca sürümünü');
    expect(db((s) => s.prepare(`select action, subject_id, details from audit_log where action = 'page.updated'`).all())).toEqual([
      { action: 'page.updated', subject_id: 'impressum/tr', details: '{"version":1}' },
    ]);
  });
});

describe('people in the office', () => {
  it('lets administrators add someone to a series team, who then signs in with a second factor', async () => {
    const djelem = db((s) => (s.prepare(`select id from series where slug = 'djelem-djelem'`).get() as { id: number }).id);
    const bad = await post('/office/people', { intent: 'add', email: 'kein-at', seriesId: String(djelem) }, admin);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('value="kein-at"');
    const added = await post('/office/people', { intent: 'add', email: 'Neu-Im-Team@Festplatz.localhost', seriesId: String(djelem) }, admin);
    expect(added.status).toBe(200);
    expect(await added.text()).toContain('Hinzugefügt.');
    const person = db((s) => s.prepare(`select p.id, p.role from people p join series_team_members t on t.person_id = p.id where p.email = 'neu-im-team@festplatz.localhost'`).get()) as { id: number; role: string };
    expect(person.role).toBe('member');
    expect((await emailLinkStep(server.url, path.join(server.dir, 'mail'), 'neu-im-team@festplatz.localhost')).next).toBe('/login/enrol');
    const removed = await post('/office/people', { intent: 'remove', personId: String(person.id), seriesId: String(djelem) }, admin);
    expect(removed.status).toBe(200);
    expect((await post('/office/people', { intent: 'remove', personId: String(person.id), seriesId: String(djelem) }, admin)).status).toBe(404);
    expect(db((s) => s.prepare(`select action, subject_id from audit_log where action like 'team.%' order by id`).all())).toEqual([
      { action: 'team.added', subject_id: String(person.id) },
      { action: 'team.removed', subject_id: String(person.id) },
    ]);
  });
});

describe('privacy for a person', () => {
  it('downloads their data and erases their account after confirming; the address is then in no table', async () => {
    const email = 'kontakt@projekt-ankommen.example';
    const cookie = await signIn(server.url, path.join(server.dir, 'mail'), email);
    const page = await fetch(`${server.url}/account/privacy`, { headers: { Cookie: cookie, 'Accept-Language': 'en' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Listing in the public program');
    expect(html).toContain('Privacy notice acknowledged');

    const download = await fetch(`${server.url}/account/privacy/download`, { headers: { Cookie: cookie } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="festplatz-my-data-\d{4}-\d\d-\d\d\.json"$/);
    const data = (await download.json()) as { person: { email: string }; applications: unknown[]; emails: { template: string }[] };
    expect(data.person.email).toBe(email);
    expect(data.applications).toHaveLength(4);
    expect(data.emails.map((m) => m.template)).toEqual(['sign-in-link']);
    expect((await fetch(`${server.url}/account/privacy/download`, { redirect: 'manual' })).status).toBe(302);

    const start = await post('/account/privacy', { intent: 'erase-start' }, cookie, 'en');
    expect(await start.text()).toContain('I want to erase my account and my data for good.');
    const unconfirmed = await post('/account/privacy', { intent: 'erase', email }, cookie, 'en');
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain('Please confirm the erasure.');
    const mismatch = await post('/account/privacy', { intent: 'erase', confirm: 'on', email: 'someone@else.example' }, cookie, 'en');
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain('That is not the email address of this account.');
    expect(db((s) => findEverywhere(s, email)).length).toBeGreaterThan(0);

    const erased = await post('/account/privacy', { intent: 'erase', confirm: 'on', email: email.toUpperCase() }, cookie, 'en');
    expect(erased.status).toBe(302);
    expect(erased.headers.get('location')).toBe('/account/privacy?erased');
    const gone = erased.headers.getSetCookie().find((c) => c.startsWith('__session='))!;
    expect(gone).toMatch(/^__session=; /);
    expect(await (await fetch(`${server.url}/account/privacy?erased`, { headers: { 'Accept-Language': 'en' } })).text()).toContain('Your data has been erased');
    // outbox (the sign-in mail) and sign-in links included
    expect(db((s) => findEverywhere(s, email))).toEqual([]);
    // the old cookie signs nobody in any more
    expect((await fetch(`${server.url}/account`, { headers: { Cookie: cookie }, redirect: 'manual' })).status).toBe(302);
  });

  it('does not let the last administrator erase themselves', async () => {
    await post('/account/privacy', { intent: 'erase-start' }, admin, 'en');
    const res = await post('/account/privacy', { intent: 'erase', confirm: 'on', email: 'orga@festplatz.localhost' }, admin, 'en');
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('You are the last administrator.');
  });
});
