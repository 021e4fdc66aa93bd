import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../helpers/auth';
import { startServer, type RunningServer } from '../helpers/server';
import { shownHtml } from '../helpers/html';

/**
 * Every office page and form, asked by the wrong people: a series team member (Djelem
 * Djelem) for the other series (Dortbund!), an association member, and nobody signed in.
 */
let server: RunningServer;
let admin: string;
let team: string;
let member: string;
beforeAll(async () => {
  server = await startServer();
  const mail = path.join(server.dir, 'mail');
  admin = await signIn(server.url, mail, 'orga@festplatz.localhost');
  team = await signIn(server.url, mail, 'team-djelem@festplatz.localhost');
  member = await signIn(server.url, mail, 'kontakt@train-of-hope.example');
}, 60_000);
afterAll(() => server?.stop());

const year = () => {
  const db = new SQLite(server.databasePath, { readonly: true });
  try {
    return (db.prepare(`select year from editions where slug like 'dortbund-%' order by year desc limit 1`).get() as { year: number }).year;
  } finally {
    db.close();
  }
};

const get = (url: string, cookie?: string) => fetch(`${server.url}${url}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: 'manual' });
const post = (url: string, body: Record<string, string | string[]>, cookie?: string) => {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
  return fetch(`${server.url}${url}`, { method: 'POST', body: form, headers: cookie ? { Cookie: cookie } : {}, redirect: 'manual' });
};

function officeRequests(dortbund: string) {
  const e = `/office/editions/${dortbund}`;
  const gets = ['/office/mail', '/office/audit', '/office/pages', '/office/pages/impressum?locale=de', '/office/people', e, `${e}/clone`, `${e}/mail`, `${e}/export`, `${e}/export/csv`];
  const posts: [string, Record<string, string | string[]>][] = [
    ['/office/mail', { id: '1' }],
    ['/office/pages/impressum?locale=de', { title: 'Gekapert', body: 'Gekapert' }],
    ['/office/people', { intent: 'add', email: 'eve@evil.example', seriesId: '1' }],
    ['/office/people', { intent: 'reset', personId: '1' }],
    [e, { intent: 'invite' }],
    [`${e}/clone`, { publish: 'on', invite: 'on' }],
    [`${e}/mail`, { intent: 'preview', states: 'confirmed', subject_de: 'x', body_de: 'y' }],
    [`${e}/mail`, { intent: 'send', states: 'confirmed', subject_de: 'x', body_de: 'y' }],
    [`${e}/export/csv`, { kind: 'contacts', confirm: 'on' }],
  ];
  return { gets, posts };
}

/** The visible text of a refusal: a translated title and reason, no raw key like `admin:errors.forbidden`. */
async function expectReadableRefusal(response: Response, what: string) {
  const body = await response.text();
  const visible = shownHtml(body);
  expect(visible, what).not.toMatch(/\b[a-z]+:[a-z][a-zA-Z]*\.[a-zA-Z.]+\b/);
  if (response.headers.get('content-type')?.includes('text/html')) expect(visible, what).toMatch(/<h1[^>]*>(Kein Zugriff|No access)<\/h1>/);
  else expect(['Dafür fehlt Ihnen die Berechtigung.', 'Diese Seite ist nur für berechtigte Personen sichtbar.'], what).toContain(visible.trim());
}

describe('role boundaries of the office', () => {
  it('keeps a series team to its own series: 403 for every page and form of another series and of the administration', async () => {
    const dortbund = `dortbund-${year()}`;
    const { gets, posts } = officeRequests(dortbund);
    // every refusal reads as text in the person's language, never a translation key
    for (const url of gets) {
      const response = await get(url, team);
      expect(response.status, `GET ${url}`).toBe(403);
      await expectReadableRefusal(response, `GET ${url}`);
    }
    for (const [url, body] of posts) {
      const response = await post(url, body, team);
      expect(response.status, `POST ${url}`).toBe(403);
      await expectReadableRefusal(response, `POST ${url}`);
    }
    // what the person reads: the reason in their language, never a translation key (issue 14, point 10)
    for (const [lang, reason] of [['de', 'Dafür fehlt Ihnen die Berechtigung.'], ['en', 'You do not have permission for this.']] as const) {
      const page = await get(`/office/editions/${dortbund}?lang=${lang}`, team);
      expect(page.status).toBe(403);
      // the text shown, without the scripts that carry the route data
      const body = shownHtml(await page.text());
      expect(body).toContain(reason);
      expect(body).not.toMatch(/admin:errors|errors\.forbidden/);
    }
    // the same through Remix's data requests (client-side navigation)
    expect((await get(`/office/editions/${dortbund}?_data=routes/office.editions.$slug._index`, team)).status).toBe(403);
    // their own series works
    const djelem = dortbund.replace('dortbund', 'djelem-djelem');
    for (const url of [`/office/editions/${djelem}`, `/office/editions/${djelem}/clone`, `/office/editions/${djelem}/mail`, `/office/editions/${djelem}/export`]) {
      expect((await get(url, team)).status, `GET ${url}`).toBe(200);
    }
    const start = await get('/office', team);
    expect(start.status).toBe(200);
    const html = await start.text();
    expect(html).toContain(`/office/editions/${djelem}`);
    expect(html).not.toContain('/office/editions/dortbund-');
    expect(html).not.toContain('/office/audit');
  });

  it('keeps association members out of the office entirely', async () => {
    const dortbund = `dortbund-${year()}`;
    const { gets, posts } = officeRequests(dortbund);
    expect((await get('/office', member)).status).toBe(403);
    for (const url of gets) {
      const response = await get(url, member);
      expect(response.status, `GET ${url}`).toBe(403);
      await expectReadableRefusal(response, `GET ${url}`);
    }
    for (const [url, body] of posts) {
      const response = await post(url, body, member);
      expect(response.status, `POST ${url}`).toBe(403);
      await expectReadableRefusal(response, `POST ${url}`);
    }
    const djelem = `/office/editions/${dortbund.replace('dortbund', 'djelem-djelem')}`;
    expect((await get(djelem, member)).status).toBe(403);
    expect((await post(`${djelem}/export/csv`, { kind: 'contacts', confirm: 'on' }, member)).status).toBe(403);
  });

  it('sends visitors who are not signed in to sign in', async () => {
    const { gets, posts } = officeRequests(`dortbund-${year()}`);
    for (const url of ['/office', ...gets]) {
      const res = await get(url);
      expect(res.status, `GET ${url}`).toBe(302);
      expect(res.headers.get('location'), url).toMatch(/^\/login\?redirectTo=/);
    }
    for (const [url, body] of posts) expect((await post(url, body)).status, `POST ${url}`).toBe(302);
  });

  it('answers 404 for an edition or page that does not exist', async () => {
    for (const url of ['/office/editions/nope-1999', '/office/editions/nope-1999/export/csv', '/office/editions/nope-1999/clone', '/office/editions/nope-1999/mail', '/office/editions/nope-1999/export', '/office/pages/nope?locale=de', '/office/pages/impressum?locale=xx']) {
      expect((await get(url, admin)).status, url).toBe(404);
    }
  });

  it('changed nothing for the refused requests, and administrators reach everything', async () => {
    const db = new SQLite(server.databasePath, { readonly: true });
    try {
      expect(db.prepare(`select count(*) as n from editions where slug like 'dortbund-%'`).get()).toEqual({ n: 2 });
      expect(db.prepare(`select count(*) as n from mail_campaigns`).get()).toEqual({ n: 0 });
      expect(db.prepare(`select count(*) as n from pages`).get()).toEqual({ n: 0 });
      expect(db.prepare(`select count(*) as n from people where email = 'eve@evil.example'`).get()).toEqual({ n: 0 });
      expect(db.prepare(`select action from audit_log where action not like 'security.%'`).all()).toEqual([]);
    } finally {
      db.close();
    }
    const { gets } = officeRequests(`dortbund-${year()}`);
    for (const url of ['/office', ...gets.filter((u) => !u.endsWith('/csv'))]) expect((await get(url, admin)).status, `GET ${url}`).toBe(200);
    expect((await get(`/office/editions/dortbund-${year()}/export/csv`, admin)).status).toBe(302);
  });
});
