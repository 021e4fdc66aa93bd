/**
 * Issue 14, point 4, for exhibitors: circulars and invitations to apply again carry a link and
 * List-Unsubscribe one-click headers; after stopping, the next circular leaves that person out;
 * they can opt back in. Over a real SMTP server.
 */
import SQLite from 'better-sqlite3';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../helpers/auth';
import { startSmtpServer, type TestSmtp } from '../helpers/mail';
import { startServer, type RunningServer } from '../helpers/server';
import { shownHtml } from '../helpers/html';

const PUBLIC_URL = 'http://festplatz.test';
let server: RunningServer;
let smtp: TestSmtp;
let organiser: string;
let slug: string;

beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startServer({ SMTP_URL: smtp.url, PUBLIC_URL });
  organiser = await signIn(server.url, smtp, 'orga@festplatz.localhost');
  slug = query<{ slug: string }>(
    `select e.slug from editions e join registrations r on r.edition_id = e.id where r.state = 'confirmed' group by e.id order by count(*) desc limit 1`,
  )[0]!.slug;
}, 60_000);
afterAll(async () => {
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
const header = (m: ParsedMail, name: string) => m.headerLines.find((h) => h.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, '');
const post = (url: string, body: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${url}`, { method: 'POST', body: new URLSearchParams(body), headers, redirect: 'manual' });

async function sendCircular(subject: string): Promise<number> {
  const sent = await post(`/office/editions/${slug}/mail`, { intent: 'send', states: 'confirmed', subject_de: subject, body_de: 'Aufbau ab 8 Uhr.' }, { Cookie: organiser });
  expect(sent.status).toBe(302);
  return Number(new URL(sent.headers.get('location')!, server.url).searchParams.get('sent'));
}

describe('circulars to exhibitors', () => {
  it('carry a stop link and one-click headers; a stopped person gets the next one no more, and can opt back in', async () => {
    const first = await sendCircular('Erstes Rundschreiben');
    expect(first).toBeGreaterThan(1);
    const mail = await smtp.waitFor((m) => m.subject === 'Erstes Rundschreiben');
    const link = /Keine Rundschreiben und Einladungen mehr: (\S+)/.exec(mail.text ?? '')?.[1];
    expect(link).toMatch(new RegExp(`^${PUBLIC_URL}/mail/circulars/[A-Za-z0-9_-]{32}$`));
    const token = link!.split('/').pop()!;
    expect(header(mail, 'List-Unsubscribe')).toBe(`<${PUBLIC_URL}/mail/one-click/${token}>`);
    expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const recipient = String((mail.to as { text: string }).text);

    // a link scanner's GET changes nothing
    expect((await fetch(`${server.url}/mail/one-click/${token}`, { redirect: 'manual' })).status).toBe(302);
    const page = await (await fetch(`${server.url}/mail/circulars/${token}?lang=en`)).text();
    expect(page).toContain('No more circulars');
    expect(query(`select circulars_off_at from mail_preferences where token = ?`, token)).toEqual([{ circulars_off_at: null }]);

    // the mail provider's one-click POST, cookie-less and cross-site
    const clicked = await post(`/mail/one-click/${token}?lang=en`, { 'List-Unsubscribe': 'One-Click' }, { Origin: 'https://mail.example.com', 'Sec-Fetch-Site': 'cross-site' });
    expect(clicked.status).toBe(200);
    expect(await clicked.text()).toBe('Done: you will get no more circulars or invitations.');

    const second = await sendCircular('Zweites Rundschreiben');
    expect(second).toBe(first - 1);
    await smtp.waitFor((m) => m.subject === 'Zweites Rundschreiben');
    await new Promise((r) => setTimeout(r, 500));
    const toStopped = smtp.messages.filter((m) => m.subject === 'Zweites Rundschreiben' && String((m.to as { text: string }).text) === recipient);
    expect(toStopped).toEqual([]);

    // back in, from the page
    const off = await (await fetch(`${server.url}/mail/circulars/${token}`)).text();
    expect(off).toContain('Sie bekommen zurzeit keine Rundschreiben');
    const resumed = await post(`/mail/circulars/${token}`, { intent: 'resume' });
    expect(resumed.status).toBe(200);
    expect(await resumed.text()).toContain('Erledigt: Sie bekommen wieder Rundschreiben und Einladungen.');
    expect(await sendCircular('Drittes Rundschreiben')).toBe(first);
  });

  it('refuses an unknown link and a malformed form with text a person can read', async () => {
    const unknown = await fetch(`${server.url}/mail/circulars/${'x'.repeat(32)}`);
    expect(unknown.status).toBe(404);
    const body = shownHtml(await unknown.text());
    expect(body).toContain('Dieser Link ist ungültig.');
    const oneClick = await post(`/mail/one-click/${'y'.repeat(32)}?lang=en`, { 'List-Unsubscribe': 'One-Click' });
    expect(oneClick.status).toBe(404);
    expect(await oneClick.text()).toBe('This link is not valid.');
    const { token } = query<{ token: string }>('select token from mail_preferences limit 1')[0]!;
    const bad = await post(`/mail/circulars/${token}`, { intent: 'everything' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Diese Angabe ist ungültig.');
  });
});
