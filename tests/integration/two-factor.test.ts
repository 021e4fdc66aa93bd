import path from 'node:path';
import SQLite from 'better-sqlite3';
import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailLinkStep, rememberTotpSecret, signIn, totpCodeFor } from '../helpers/auth';
import { startServer, type RunningServer } from '../helpers/server';
import { mintSessionCookies, sessionRowOf } from '../helpers/sessions';

const SECRET = 'test-secret-test-secret-test-secret-0123456789';
let server: RunningServer;
let mail: string;
beforeAll(async () => {
  server = await startServer();
  mail = path.join(server.dir, 'mail');
});
afterAll(() => server?.stop());

const form = (body: Record<string, string>, cookie: string) => ({
  method: 'POST',
  body: new URLSearchParams(body),
  headers: { Cookie: cookie, 'Accept-Language': 'de' },
  redirect: 'manual' as const,
});
const sessionCookie = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith('__session='))?.split(';')[0];
const step = () => Math.floor(Date.now() / 30_000);
/** A code of none of the steps the server accepts now */
function wrongCode(secret: string): string {
  const valid = [-1, 0, 1].map((d) => generateSync({ secret, epoch: (step() + d) * 30 }));
  let n = 123456;
  while (valid.includes(String(n))) n++;
  return String(n);
}

describe('second factor for office people', () => {
  it('enrols an organiser after the email link, before the office, and refuses wrong codes', async () => {
    const first = await emailLinkStep(server.url, mail, 'orga@festplatz.localhost', '/office');
    expect(first.next).toBe('/login/enrol');
    // the email link alone does not open the office
    const office = await fetch(`${server.url}/office`, { headers: { Cookie: first.cookie }, redirect: 'manual' });
    expect(office.status).toBe(302);
    expect(office.headers.get('location')).toBe('/login?redirectTo=%2Foffice');

    const page = await fetch(`${server.url}/login/enrol`, { headers: { Cookie: first.cookie, 'Accept-Language': 'de' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    const html = await page.text();
    expect(html).toContain('Zweiten Faktor einrichten');
    expect(html).toMatch(/<img[^>]+class="qr-code"[^>]+src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"/);
    const secret = /data-totp-secret="">([A-Z2-7 ]+)</.exec(html)![1]!.replace(/ /g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(html).toContain(`otpauth://totp/Festplatz:orga%40festplatz.localhost?secret=${secret}&amp;issuer=Festplatz`);
    // reloading keeps the same key (a scanned code stays valid)
    expect(await (await fetch(`${server.url}/login/enrol`, { headers: { Cookie: first.cookie } })).text()).toContain(secret.slice(0, 4));

    const malformed = await fetch(`${server.url}/login/enrol`, form({ code: 'abc' }, first.cookie));
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).toContain('Bitte geben Sie die sechs Ziffern aus der App ein.');
    const wrong = await fetch(`${server.url}/login/enrol`, form({ code: wrongCode(secret) }, first.cookie));
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('Dieser Code stimmt nicht oder wurde schon benutzt.');

    rememberTotpSecret(server.url, 'orga@festplatz.localhost', secret);
    const { code } = await totpCodeFor(server.url, 'orga@festplatz.localhost');
    const enrolled = await fetch(`${server.url}/login/enrol`, form({ code: code.slice(0, 3) + ' ' + code.slice(3) }, first.cookie));
    expect(enrolled.status).toBe(302);
    expect(enrolled.headers.get('location')).toBe('/office');
    const full = sessionCookie(enrolled)!;
    expect((await fetch(`${server.url}/office`, { headers: { Cookie: full } })).status).toBe(200);
    // enrolled once: the page is gone
    const again = await emailLinkStep(server.url, mail, 'orga@festplatz.localhost');
    expect(again.next).toBe('/login/totp');
    expect((await fetch(`${server.url}/login/enrol`, { headers: { Cookie: again.cookie }, redirect: 'manual' })).headers.get('location')).toBe('/login/totp');

    // The code just used is not accepted a second time; the next one is.
    const replay = await fetch(`${server.url}/login/totp`, form({ code }, again.cookie));
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('Dieser Code stimmt nicht oder wurde schon benutzt.');
    const next = await totpCodeFor(server.url, 'orga@festplatz.localhost');
    const verified = await fetch(`${server.url}/login/totp`, form({ code: next.code }, again.cookie));
    expect(verified.status).toBe(302);
    // no page asked for: an office person lands in the office
    expect(verified.headers.get('location')).toBe('/office');
    expect((await fetch(`${server.url}/office`, { headers: { Cookie: sessionCookie(verified)! } })).status).toBe(200);

    const db = new SQLite(server.databasePath, { readonly: true });
    try {
      const actions = db.prepare(`select action from audit_log order by id`).all() as { action: string }[];
      expect(actions.map((a) => a.action)).toEqual(['security.totp_enrolled', 'security.signed_in']);
    } finally {
      db.close();
    }
  });

  it('asks series teams for the second factor too, but not associations', async () => {
    expect((await emailLinkStep(server.url, mail, 'team-djelem@festplatz.localhost')).next).toBe('/login/enrol');
    expect((await emailLinkStep(server.url, mail, 'kontakt@vmdo.example')).next).toBe('/account');
  });

  it('limits wrong codes per person: after five, even the right one waits', async () => {
    const db = new SQLite(server.databasePath);
    db.prepare(`insert into people (email, name, locale, role) values ('zweite@festplatz.localhost', 'Zweite', 'de', 'organiser')`).run();
    db.close();
    await signIn(server.url, mail, 'zweite@festplatz.localhost'); // enrols
    const pending = await emailLinkStep(server.url, mail, 'zweite@festplatz.localhost');
    expect(pending.next).toBe('/login/totp');
    const { code } = await totpCodeFor(server.url, 'zweite@festplatz.localhost');
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${server.url}/login/totp`, form({ code: String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0') }, pending.cookie));
      expect(res.status).toBe(400);
    }
    const limited = await fetch(`${server.url}/login/totp`, form({ code }, pending.cookie));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.text()).toContain('Zu viele Versuche');
  });
});

describe('sessions end when idle and at a maximum age', () => {
  const personId = (email: string) => {
    const db = new SQLite(server.databasePath, { readonly: true });
    try {
      return (db.prepare(`select id from people where email = ?`).get(email) as { id: number }).id;
    } finally {
      db.close();
    }
  };
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  async function cookie(data: { personId: number; signedInAt: string; lastSeenAt: string; secondFactorAt?: string }) {
    const [made] = await mintSessionCookies(server.databasePath, SECRET, [{ personId: data.personId, createdAt: data.signedInAt, lastSeenAt: data.lastSeenAt, secondFactorAt: data.secondFactorAt }]);
    return made!;
  }
  const office = (c: string) => fetch(`${server.url}/office`, { headers: { Cookie: c }, redirect: 'manual' });

  it('ends an organiser’s session after 30 idle minutes, and keeps extending a used one', async () => {
    const id = personId('orga@festplatz.localhost');
    const idle = await cookie({ personId: id, signedInAt: minutesAgo(120), lastSeenAt: minutesAgo(31), secondFactorAt: minutesAgo(120) });
    const expired = await office(idle);
    expect(expired.status).toBe(302);
    expect(expired.headers.get('location')).toBe('/login?redirectTo=%2Foffice');

    const recent = await cookie({ personId: id, signedInAt: minutesAgo(120), lastSeenAt: minutesAgo(29), secondFactorAt: minutesAgo(120) });
    const before = (await sessionRowOf(server.databasePath, SECRET, recent))!;
    const used = await office(recent);
    expect(used.status).toBe(200);
    // the use is recorded on the server; the cookie (only the id) is not sent again
    expect(sessionCookie(used)).toBeUndefined();
    const after = (await sessionRowOf(server.databasePath, SECRET, recent))!;
    expect(Date.now() - Date.parse(after.last_seen_at)).toBeLessThan(60_000);
    expect(after.created_at).toBe(before.created_at);
    // data requests of client-side navigation extend it as well
    const other = await cookie({ personId: id, signedInAt: minutesAgo(120), lastSeenAt: minutesAgo(29), secondFactorAt: minutesAgo(120) });
    const data = await fetch(`${server.url}/office?_data=routes/office._index`, { headers: { Cookie: other } });
    expect(data.status).toBe(200);
    expect(Date.now() - Date.parse((await sessionRowOf(server.databasePath, SECRET, other))!.last_seen_at)).toBeLessThan(60_000);
    // used a moment ago: not written again on every request
    const seen = (await sessionRowOf(server.databasePath, SECRET, recent))!.last_seen_at;
    expect((await office(recent)).status).toBe(200);
    expect((await sessionRowOf(server.databasePath, SECRET, recent))!.last_seen_at).toBe(seen);
  });

  it('ends an organiser’s session 12 hours after sign-in however busy, and needs the second factor in it', async () => {
    const id = personId('orga@festplatz.localhost');
    const old = await cookie({ personId: id, signedInAt: minutesAgo(12 * 60 + 1), lastSeenAt: minutesAgo(1), secondFactorAt: minutesAgo(12 * 60 + 1) });
    expect((await office(old)).status).toBe(302);
    const oneFactor = await cookie({ personId: id, signedInAt: minutesAgo(5), lastSeenAt: minutesAgo(1) });
    expect((await office(oneFactor)).status).toBe(302);
  });

  it('keeps association members signed in for 14 idle days, at most 30', async () => {
    const id = personId('kontakt@vmdo.example');
    const account = (c: string) => fetch(`${server.url}/account`, { headers: { Cookie: c }, redirect: 'manual' });
    expect((await account(await cookie({ personId: id, signedInAt: minutesAgo(20 * 24 * 60), lastSeenAt: minutesAgo(13 * 24 * 60) }))).status).toBe(200);
    expect((await account(await cookie({ personId: id, signedInAt: minutesAgo(20 * 24 * 60), lastSeenAt: minutesAgo(15 * 24 * 60) }))).status).toBe(302);
    expect((await account(await cookie({ personId: id, signedInAt: minutesAgo(31 * 24 * 60), lastSeenAt: minutesAgo(60) }))).status).toBe(302);
  });
});
