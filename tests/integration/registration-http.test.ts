/**
 * Stand registration through the running server: who may see and change what, bad input
 * answered next to the field, 409s with a message instead of a 500, and the organisers'
 * view of mail that the SMTP server refused during the flow.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../helpers/auth';
import { linkIn, startSmtpServer, type TestSmtp } from '../helpers/mail';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let database: SQLite.Database;
beforeAll(async () => {
  server = await startServer();
  database = new SQLite(server.databasePath, { readonly: true });
});
afterAll(async () => {
  database?.close();
  await server?.stop();
});

const mailDir = () => path.join(server.dir, 'mail');
// one session per person: two sign-ins within a second would find the same mail file
const sessions = new Map<string, Promise<string>>();
const login = (email: string) => {
  if (!sessions.has(email)) sessions.set(email, signIn(server.url, mailDir(), email));
  return sessions.get(email)!;
};
const one = <T>(query: string, ...params: unknown[]) => database.prepare(query).get(...params) as T;
function registrationOf(org: string, edition = 'dortbund-2027') {
  return one<{ id: number; organisation_id: number; stand_type_id: number; state: string }>(
    `select r.id, r.organisation_id, r.stand_type_id, r.state from registrations r
       join organisations o on o.id = r.organisation_id join editions e on e.id = r.edition_id
      where o.slug = ? and e.slug = ?`,
    org,
    edition,
  );
}
const standType = (slug: string, edition = 'dortbund-2027') =>
  one<{ id: number }>('select s.id from stand_types s join editions e on e.id = s.edition_id where s.slug = ? and e.slug = ?', slug, edition).id;
const countRegistrations = () => one<{ n: number }>('select count(*) as n from registrations').n;

function get(url: string, cookie: string) {
  return fetch(`${server.url}${url}`, { headers: { Cookie: cookie }, redirect: 'manual' });
}
function post(url: string, cookie: string, fields: Record<string, string>) {
  return fetch(`${server.url}${url}`, { method: 'POST', headers: { Cookie: cookie }, body: new URLSearchParams(fields), redirect: 'manual' });
}
const applyFields = (fields: Record<string, string>) => ({
  intent: 'submit',
  widthM: '2',
  depthM: '1',
  powerWatts: '0',
  tables: '1',
  benches: '0',
  activities: 'Infostand',
  publicConsent: 'on',
  ...fields,
});

describe('access between organisations', () => {
  it('answers 404 or 403 when a member of one organisation reaches for another’s application', async () => {
    const cookie = await login('kontakt@train-of-hope.example');
    const own = registrationOf('train-of-hope');
    const foreign = registrationOf('africa-positive');

    const mine = await get(`/account/applications/${own.id}`, cookie);
    expect(mine.status).toBe(200);
    expect(await mine.text()).toContain('Standanmeldung von Train of Hope e.V.');

    expect((await get(`/account/applications/${foreign.id}`, cookie)).status).toBe(404);
    expect((await post(`/account/applications/${foreign.id}`, cookie, { intent: 'withdraw', reason: 'fremd' })).status).toBe(404);
    expect((await get(`/editions/dortbund-2027/apply?org=${foreign.organisation_id}`, cookie)).status).toBe(404);
    expect((await get(`/account/organisation?id=${foreign.organisation_id}`, cookie)).status).toBe(404);
    const profile = await post('/account/organisation', cookie, {
      organisationId: String(foreign.organisation_id),
      name: 'Übernommen',
      description_de: 'x',
      categories: 'culture',
      languages: 'de',
    });
    expect(profile.status).toBe(404);
    // changing the foreign application through the form
    const changed = await post(
      '/editions/dortbund-2027/apply',
      cookie,
      applyFields({ registrationId: String(foreign.id), organisationId: String(own.organisation_id), standTypeId: String(foreign.stand_type_id) }),
    );
    expect(changed.status).toBe(404);
    // applying in the foreign organisation's name: refused at the field
    const inTheirName = await post('/editions/dortbund-2027/apply', cookie, applyFields({ organisationId: String(foreign.organisation_id), standTypeId: String(standType('infotisch')) }));
    expect(inTheirName.status).toBe(403);
    expect(await inTheirName.text()).toContain('<p class="field-error">Sie sind keine Ansprechperson dieser Organisation.</p>');

    expect(registrationOf('africa-positive').state).toBe('submitted');
    expect(one<{ name: string }>('select name from organisations where id = ?', foreign.organisation_id).name).toBe('Africa Positive e.V.');
    // and the organisers' queue is for organisers
    expect((await get('/office/editions/dortbund-2027/registrations', cookie)).status).toBe(403);
  });
});

describe('bad input on the apply form', () => {
  it('answers 400 with the message next to each field, keeps the input and saves nothing', async () => {
    const cookie = await login('kontakt@projekt-ankommen.example');
    const own = registrationOf('projekt-ankommen');
    const before = countRegistrations();
    const response = await post(
      '/editions/dortbund-2027/apply',
      cookie,
      applyFields({
        registrationId: String(own.id),
        organisationId: String(own.organisation_id),
        standTypeId: String(own.stand_type_id),
        widthM: 'breit',
        tables: '99',
        activities: 'x'.repeat(2001),
        stageActNeeds: 'Zwei Mikrofone',
      }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<p class="field-error" id="field-widthM-error">Diese Angabe ist ungültig.</p>');
    expect(html).toContain('<p class="field-error" id="field-tables-error">Höchstens 10.</p>');
    expect(html).toContain('<p class="field-error" id="field-activities-error">Höchstens 2000 Zeichen.</p>');
    expect(html).toContain(
      '<p class="field-error" id="field-stageActTitle-error">Bitte geben Sie dem Beitrag einen Titel oder lassen Sie alle Bühnenfelder leer.</p>',
    );
    expect(html).toContain('value="breit"');
    expect(html).toContain('>Zwei Mikrofone</textarea>');
    expect(html).toContain('aria-invalid="true"');
    expect(countRegistrations()).toBe(before);
    expect(one<{ tables: number }>('select tables from registrations where id = ?', own.id).tables).toBe(2);
  });

  it('saves the size of the chosen stand type when the size fields are left empty, and refuses a size the type cannot hold', async () => {
    const cookie = await login('kontakt@projekt-ankommen.example');
    const own = registrationOf('projekt-ankommen');
    const type = one<{ width_m: number; depth_m: number; slug: string }>('select width_m, depth_m, slug from stand_types where id = ?', own.stand_type_id);
    const base = { registrationId: String(own.id), organisationId: String(own.organisation_id), standTypeId: String(own.stand_type_id), tables: '2' };
    const derived = await post('/editions/dortbund-2027/apply', cookie, applyFields({ ...base, widthM: '', depthM: '' }));
    expect(derived.status).toBe(302);
    expect(one('select width_m, depth_m from registrations where id = ?', own.id)).toEqual({ width_m: type.width_m, depth_m: type.depth_m });

    // a 3 × 3 m wish on a smaller stand type (the information table is 2 × 1 m): refused at the fields, nothing changed
    const tooLarge = await post('/editions/dortbund-2027/apply?lang=en', cookie, applyFields({ ...base, standTypeId: String(standType('infotisch')), widthM: '3', depthM: '3' }));
    expect(tooLarge.status).toBe(400);
    const html = await tooLarge.text();
    expect(html).toContain('<p class="field-error" id="field-widthM-error">This size does not fit the chosen stand type (2 × 1 m). Choose a larger type or a smaller area.</p>');
    expect(one('select width_m, depth_m, stand_type_id from registrations where id = ?', own.id)).toEqual({ width_m: type.width_m, depth_m: type.depth_m, stand_type_id: own.stand_type_id });
  });

  it('answers a duplicate application with 409 and a message, keeping what was typed', async () => {
    const cookie = await login('kontakt@africa-positive.example');
    const own = registrationOf('africa-positive');
    const before = countRegistrations();
    const response = await post(
      '/editions/dortbund-2027/apply',
      cookie,
      applyFields({ organisationId: String(own.organisation_id), standTypeId: String(standType('infotisch')), activities: 'Trommelworkshop' }),
    );
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain('Ihre Organisation hat sich für dieses Fest schon angemeldet.');
    expect(html).toContain('>Trommelworkshop</textarea>');
    expect(countRegistrations()).toBe(before);
  });

  it('refuses to take an application after the deadline, in the visitor’s language', async () => {
    const cookie = await login('kontakt@africa-positive.example');
    const own = registrationOf('africa-positive');
    const response = await fetch(`${server.url}/editions/dortbund-2026/apply?lang=en`, {
      method: 'POST',
      headers: { Cookie: cookie },
      body: new URLSearchParams(applyFields({ organisationId: String(own.organisation_id), standTypeId: String(standType('infotisch', 'dortbund-2026')) })),
    });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('The application period for this festival has ended.');
    // an association without an application there sees that the window is closed, and no form
    const other = await login('kontakt@kommunales-integrationszentrum.example');
    const page = await (await get('/editions/djelem-djelem-2026/apply', other)).text();
    expect(page).toContain('Für dieses Fest ist die Anmeldung im Moment nicht offen.');
    expect(page).not.toContain('name="intent"');
  });
});

describe('the organisers’ review', () => {
  it('enforces capacity with a 409 that suggests the waiting list, and refuses illegal moves', async () => {
    const cookie = await login('orga@festplatz.localhost');
    const queueUrl = '/office/editions/dortbund-2027/registrations';
    const ankommen = registrationOf('projekt-ankommen');
    const approved = await post(`${queueUrl}?standType=infotisch`, cookie, { intent: 'approve', registrationId: String(ankommen.id), reason: '' });
    expect(approved.status).toBe(302);
    expect(approved.headers.get('location')).toBe(`${queueUrl}?standType=infotisch#registration-${ankommen.id}`);
    expect(registrationOf('projekt-ankommen').state).toBe('approved');

    // the organisers shrink the information tables to the two already taken
    const writer = new SQLite(server.databasePath);
    writer.prepare('update stand_types set capacity = 2 where id = ?').run(standType('infotisch'));
    writer.close();
    const waiting = registrationOf('freiwilligenagentur');
    const full = await post(queueUrl, cookie, { intent: 'approve', registrationId: String(waiting.id) });
    expect(full.status).toBe(409);
    expect(await full.text()).toContain('Von diesem Standtyp ist kein Platz mehr frei (Kapazität 2). Setzen Sie die Anmeldung stattdessen auf die Warteliste.');
    expect(registrationOf('freiwilligenagentur').state).toBe('waitlisted');

    const withdrawn = registrationOf('kommunales-integrationszentrum');
    const illegal = await post(`${queueUrl}?lang=en`, cookie, { intent: 'approve', registrationId: String(withdrawn.id) });
    expect(illegal.status).toBe(409);
    expect(await illegal.text()).toContain('Not possible: the application is “Withdrawn” and cannot become “Approved”.');

    const noReason = await post(queueUrl, cookie, { intent: 'reject', registrationId: String(registrationOf('africa-positive').id), reason: '' });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain('Bitte geben Sie eine Begründung an; der Verein wird sie lesen.');

    const filtered = await (await get(`${queueUrl}?state=approved&standType=infotisch`, cookie)).text();
    expect(filtered).toContain('Projekt Ankommen e.V.');
    expect(filtered).not.toContain('FreiwilligenAgentur Dortmund');
    expect((await get(`${queueUrl}?state=nonsense`, cookie)).status).toBe(400);
    expect((await get('/office/editions/nope-1999/registrations', cookie)).status).toBe(404);
  });
});

describe('the association’s account page', () => {
  it('applies again with last year’s details in one step, only when the association confirms them', async () => {
    const cookie = await login('kontakt@wir-alle-sind-dortmund.example');
    const account = await (await get('/account', cookie)).text();
    expect(account).toContain('Übernehmen und einreichen');
    const last = registrationOf('wir-alle-sind-dortmund', 'dortbund-2026');
    const fields = { intent: 'copy-submit', organisationId: String(last.organisation_id), editionSlug: 'dortbund-2027' };
    const unconfirmed = await post('/account', cookie, fields);
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain(
      '<p class="field-error" id="field-confirm-error">Bitte bestätigen Sie, dass die Angaben vom Vorjahr noch stimmen, oder übernehmen Sie sie als Entwurf.</p>',
    );
    const copied = await post('/account', cookie, { ...fields, confirm: 'on' });
    expect(copied.status).toBe(302);
    const created = registrationOf('wir-alle-sind-dortmund');
    expect(copied.headers.get('location')).toBe(`/account/applications/${created.id}`);
    expect(created.state).toBe('submitted');
    const twice = await post('/account', cookie, { ...fields, intent: 'copy-draft' });
    expect(twice.status).toBe(409);
  });

  it('changes the person’s name and language, and the site follows the language', async () => {
    const cookie = await login('kontakt@lokal-willkommen.example');
    const bad = await post('/account', cookie, { intent: 'settings', name: 'Fatma Yılmaz', locale: 'xx' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('<p class="field-error" id="field-locale-error">Bitte wählen Sie eine der Möglichkeiten.</p>');
    const saved = await post('/account', cookie, { intent: 'settings', name: 'Fatma Yılmaz', locale: 'tr' });
    expect(saved.status).toBe(302);
    expect(saved.headers.get('set-cookie')).toMatch(/^lang=/);
    expect(one<{ name: string; locale: string }>("select name, locale from people where email = 'kontakt@lokal-willkommen.example'")).toEqual({
      name: 'Fatma Yılmaz',
      locale: 'tr',
    });
  });
});

describe('public exhibitor directory', () => {
  it('lists confirmed organisations that consented, linked from the edition page', async () => {
    const edition = await (await fetch(`${server.url}/editions/dortbund-2027`)).text();
    expect(edition).toContain('href="/editions/dortbund-2027/exhibitors"');
    const html = await (await fetch(`${server.url}/editions/dortbund-2027/exhibitors`)).text();
    expect(html).toContain('<h1>Aussteller</h1>');
    expect(html).toContain('Arbeitskreis der Abrahamsreligionen');
    expect(html).toContain('MIA-DO – Migrations- und Integrationsagentur');
    expect(html).not.toContain('Africa Positive e.V.');
    expect((await fetch(`${server.url}/editions/nope-1999/exhibitors`)).status).toBe(404);
  });
});

describe('inviting a contact person', () => {
  async function invitationLink(email: string): Promise<string> {
    for (let tries = 0; tries < 200; tries++) {
      for (const file of fs.existsSync(mailDir()) ? fs.readdirSync(mailDir()) : []) {
        const mail = await simpleParser(fs.readFileSync(path.join(mailDir(), file)));
        if (JSON.stringify(mail.to).includes(email) && mail.text?.includes('/invitations/')) return linkIn(mail, 'http://');
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no invitation mail for ${email}`);
  }

  it('signs the invitee in through the link and makes them a contact person', async () => {
    const owner = await login('kontakt@vmdo.example');
    const vmdo = registrationOf('vmdo');
    const sent = await post('/account/organisation', owner, { intent: 'invite', organisationId: String(vmdo.organisation_id), email: 'ayse@vmdo.example' });
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain('Die Einladung an ayse@vmdo.example ist unterwegs.');
    const bad = await post('/account/organisation', owner, { intent: 'invite', organisationId: String(vmdo.organisation_id), email: 'kein-at' });
    expect(bad.status).toBe(400);

    const link = new URL(await invitationLink('ayse@vmdo.example'));
    const page = await fetch(`${server.url}${link.pathname}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('VMDO');
    const accepted = await fetch(`${server.url}${link.pathname}`, { method: 'POST', body: new URLSearchParams(), redirect: 'manual' });
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get('location')).toBe(`/account/organisation?id=${vmdo.organisation_id}`);
    const cookie = accepted.headers.get('set-cookie')!.split(';')[0]!;
    expect((await get(`/account/applications/${vmdo.id}`, cookie)).status).toBe(200);
    const again = await fetch(`${server.url}${link.pathname}`, { method: 'POST', body: new URLSearchParams(), redirect: 'manual' });
    expect(again.status).toBe(409);
    expect((await fetch(`${server.url}/invitations/not-a-token`)).status).toBe(404);
  });
});

describe('mail refused by the SMTP server during the flow', () => {
  let smtp: TestSmtp;
  let smtpServer: RunningServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    smtpServer = await startServer({ SMTP_URL: smtp.url, PUBLIC_URL: 'http://festplatz.test' });
  });
  afterAll(async () => {
    await smtpServer?.stop();
    await smtp?.close();
  });

  it('keeps the message with its error and shows it to the organisers', async () => {
    // email link and second factor, the mail going through the test SMTP server
    const cookie = await signIn(smtpServer.url, smtp, 'orga@festplatz.localhost');

    smtp.failing = true;
    const db = new SQLite(smtpServer.databasePath, { readonly: true });
    try {
      const reg = db
        .prepare("select r.id from registrations r join organisations o on o.id = r.organisation_id join editions e on e.id = r.edition_id where o.slug = 'africa-positive' and e.slug = 'dortbund-2027'")
        .get() as { id: number };
      const decided = await fetch(`${smtpServer.url}/office/editions/dortbund-2027/registrations`, {
        method: 'POST',
        headers: { Cookie: cookie },
        body: new URLSearchParams({ intent: 'waitlist', registrationId: String(reg.id), reason: 'Erst einmal Warteliste' }),
        redirect: 'manual',
      });
      expect(decided.status).toBe(302);
      await expect
        .poll(() => db.prepare("select status, attempts, last_error from outbox where template = 'registration-waitlisted'").get(), { timeout: 10_000 })
        .toMatchObject({ status: 'pending', attempts: 1 });
      const row = db.prepare("select last_error from outbox where template = 'registration-waitlisted'").get() as { last_error: string };
      expect(row.last_error).toContain('451');
      const page = await (await fetch(`${smtpServer.url}/office/mail`, { headers: { Cookie: cookie } })).text();
      expect(page).toContain('kontakt@africa-positive.example');
      expect(page).toContain('registration-waitlisted');
      expect(page).toContain('Neuer Versuch geplant');
    } finally {
      db.close();
      smtp.failing = false;
    }
  });
});

describe('a new association’s profile', () => {
  it('comes back to the application it started, with the profile confirmed (point 5)', async () => {
    const cookie = await login('vorstand@neuer-verein.example');
    const apply = await get('/editions/dortbund-2027/apply', cookie);
    expect(apply.status).toBe(302);
    expect(apply.headers.get('location')).toBe('/account/organisation?redirectTo=%2Feditions%2Fdortbund-2027%2Fapply');
    const form = await (await get(apply.headers.get('location')!, cookie)).text();
    expect(form).toContain('<input type="hidden" name="redirectTo" value="/editions/dortbund-2027/apply"/>');
    const created = await post('/account/organisation', cookie, {
      intent: 'profile',
      redirectTo: '/editions/dortbund-2027/apply',
      name: 'Neuer Verein Nord',
      description_de: 'Ein neuer Verein.',
      categories: 'culture',
      languages: 'de',
    });
    expect(created.status).toBe(302);
    const id = one<{ id: number }>("select id from organisations where name = 'Neuer Verein Nord'").id;
    expect(created.headers.get('location')).toBe(`/editions/dortbund-2027/apply?org=${id}&profile=saved`);
    const back = await (await get(`${created.headers.get('location')!}&lang=en`, cookie)).text();
    expect(back).toContain('The profile of Neuer Verein Nord is saved. You can now apply for your stand.');
    expect(back).toContain('name="standTypeId"');
  });

  it('needs one description in any language, and labels each field in the page’s language (point 6)', async () => {
    const cookie = await login('vorstand@tuerkischer-verein.example');
    const page = await (await get('/account/organisation?lang=en', cookie)).text();
    expect(page).toContain('Short description in German');
    expect(page).toContain('Short description in Turkish');
    expect(page).not.toContain('Short description in Deutsch');
    const none = await post('/account/organisation?lang=tr', cookie, { intent: 'profile', name: 'Anadolu Derneği', categories: 'culture', languages: 'tr' });
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Lütfen kuruluşunuzu en az bir dilde tanıtın.');
    const turkishOnly = await post('/account/organisation?lang=tr', cookie, {
      intent: 'profile',
      name: 'Anadolu Derneği',
      description_tr: 'Dortmund’da Anadolu kültürü.',
      categories: 'culture',
      languages: 'tr',
    });
    expect(turkishOnly.status).toBe(302);
    expect(one<{ description: string }>("select description from organisations where name = 'Anadolu Derneği'").description).toBe(JSON.stringify({ tr: 'Dortmund’da Anadolu kültürü.' }));
  });
});
