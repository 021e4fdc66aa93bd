import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../helpers/auth';
import { startServer, type RunningServer } from '../helpers/server';
import { shownHtml } from '../helpers/html';

let server: RunningServer;
let organiser: string;
let member: string;
beforeAll(async () => {
  server = await startServer();
  const mailDir = path.join(server.dir, 'mail');
  organiser = await signIn(server.url, mailDir, 'orga@festplatz.localhost');
  member = await signIn(server.url, mailDir, 'kontakt@vmdo.example');
});
afterAll(() => server.stop());

function countCampaigns(): number {
  const db = new SQLite(server.databasePath, { readonly: true });
  try {
    return (db.prepare('select count(*) as n from outbox').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('the organisers’ mail page', () => {
  it('lists what went out and shows a message as its recipient reads it', async () => {
    const headers = { Cookie: organiser, 'Accept-Language': 'en' };
    const list = await (await fetch(`${server.url}/office/mail`, { headers })).text();
    expect(list).toContain('Recently sent');
    const id = /href="\/office\/mail\/(\d+)"/.exec(list)![1];
    const page = await fetch(`${server.url}/office/mail/${id}`, { headers });
    expect(page.status).toBe(200);
    const html = await page.text();
    // the newest message is the sign-in link of VMDO's contact, who reads Arabic
    expect(html).toContain('<h1 lang="ar">رابط الدخول الخاص بك إلى Festplatz</h1>');
    // never a live link: the page shows a placeholder, the token exists only in the sent mail
    expect(html).toContain('/login/verify?token=…');
    expect(html).not.toMatch(/token=[A-Za-z0-9_-]{20,}/);
    expect(html).toContain('The link in this message is made when it is sent and is never shown here.');
    expect((await fetch(`${server.url}/office/mail/999999`, { headers })).status).toBe(404);
    expect((await fetch(`${server.url}/office/mail/abc`, { headers })).status).toBe(404);
  });

  it('keeps a bulk mail without German texts on its form, with the reason next to the field and the texts kept', async () => {
    // issue 14, point 10: the domain's refusal used to become the generic "That did not work" page
    const db = new SQLite(server.databasePath, { readonly: true });
    const { slug } = db.prepare(`select slug from editions where slug like 'dortbund-%' order by year desc limit 1`).get() as { slug: string };
    db.close();
    const before = countCampaigns();
    const body = new URLSearchParams({ intent: 'send', states: 'approved', subject_en: 'Set-up starts at 8', body_en: 'Please come early.' });
    const response = await fetch(`${server.url}/office/editions/${slug}/mail`, { method: 'POST', body, headers: { Cookie: organiser }, redirect: 'manual' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('id="field-subject_de-error">Bitte füllen Sie dieses Feld aus.</p>');
    expect(html).toContain('id="field-body_de-error">Bitte füllen Sie dieses Feld aus.</p>');
    expect(html).toMatch(/name="subject_en"[^>]*value="Set-up starts at 8"|value="Set-up starts at 8"[^>]*name="subject_en"/);
    expect(shownHtml(html)).not.toContain('Das hat nicht geklappt');
    expect(countCampaigns()).toBe(before);
  });

  it('is closed to association members', async () => {
    expect((await fetch(`${server.url}/office/mail`, { headers: { Cookie: member } })).status).toBe(403);
    expect((await fetch(`${server.url}/office/mail/1`, { headers: { Cookie: member } })).status).toBe(403);
  });
});
