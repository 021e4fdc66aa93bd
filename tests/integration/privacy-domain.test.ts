import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit, recordAudit } from '../../app/domain/audit/audit.server';
import { enqueueMail } from '../../app/domain/mail/outbox.server';
import { savePage } from '../../app/domain/pages/pages.server';
import { requestSignInLink } from '../../app/domain/people/sign-in.server';
import { acknowledgePrivacyNotice, listConsents, withdrawConsent } from '../../app/domain/privacy/consents.server';
import { erasePerson, erasureSteps } from '../../app/domain/privacy/erasure.server';
import { collectPersonalData } from '../../app/domain/privacy/export.server';
import { applyRetention, peopleDueForErasure } from '../../app/domain/privacy/retention.server';
import type { Person } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { findEverywhere, tableCount } from '../helpers/scan';

const EMAIL = 'kontakt@train-of-hope.example';
const person = (t: TestDatabase, email: string) => t.db.selectFrom('people').selectAll().where('email', '=', email).executeTakeFirstOrThrow();

describe('Art. 15: a person’s data as JSON', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
  });
  afterAll(() => t.close());

  it('holds the person, their organisation, its applications with history, links, mail and consents', async () => {
    const p = await person(t, EMAIL);
    await requestSignInLink(t.db, { email: EMAIL, locale: 'de', publicUrl: 'http://x' });
    const data = await collectPersonalData(t.db, p.id, new Date('2026-11-25T12:00:00.000Z'));
    expect(data.person).toMatchObject({ email: EMAIL, name: 'Kontakt Train of Hope e.V.', locale: 'ar', role: 'member' });
    expect(data.memberships).toEqual([expect.objectContaining({ organisation: 'train-of-hope', role: 'owner' })]);
    expect((data.organisations as { slug: string }[]).map((o) => o.slug)).toEqual(['train-of-hope']);
    const applications = data.applications as { edition: string; state: string; history: { to_state: string }[] }[];
    expect(applications.map((a) => [a.edition, a.state])).toEqual([
      ['dortbund-2026', 'confirmed'],
      ['dortbund-2027', 'draft'],
      ['djelem-djelem-2026', 'confirmed'],
      ['djelem-djelem-2027', 'draft'],
    ]);
    expect(applications[0]!.history.map((h) => h.to_state)).toEqual(['draft', 'submitted', 'approved', 'confirmed']);
    // '' : the link was asked for without a page to return to (the person lands where they belong)
    expect(data.signInLinks).toEqual([expect.objectContaining({ redirect_to: '', locale: 'ar', used_at: null })]);
    expect(JSON.stringify(data.signInLinks)).not.toContain('token');
    expect(data.emails).toEqual([expect.objectContaining({ template: 'sign-in-link', status: 'pending' })]);
    expect((data.consents as { kind: string }[]).map((c) => c.kind)).toEqual(['public_listing', 'public_listing']);
    expect(data.secondFactor).toEqual({ enrolled: false, enrolledAt: null });
  });
});

describe('Art. 17: erasure', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
  });
  afterAll(() => t.close());

  it('removes the address from every table – mail, links, free text and JSON included – and keeps history pseudonymous', async () => {
    const p = await person(t, EMAIL);
    const admin = await person(t, 'orga@festplatz.localhost');
    // Leave traces everywhere an address can end up.
    await requestSignInLink(t.db, { email: EMAIL, locale: 'de', publicUrl: 'http://x' });
    await enqueueMail(t.db, { to: EMAIL, locale: 'ar', template: 'sign-in-link', payload: { url: `http://x/?for=${EMAIL}`, minutes: 30 }, dedupeKey: `test:${EMAIL}` });
    await t.db.updateTable('registrations').set({ activities: 'Fragen an KONTAKT@Train-of-Hope.example' }).where('organisation_id', '=', (await t.db.selectFrom('organisations').select('id').where('slug', '=', 'train-of-hope').executeTakeFirstOrThrow()).id).execute();
    await recordAudit(t.db, { actorId: admin.id, action: 'test.note', subjectType: 'person', subjectId: p.id, details: { note: `wrote to ${EMAIL}` } });
    await t.db.insertInto('totp_credentials').values({ person_id: p.id, secret: 'JBSWY3DPEHPK3PXP' }).execute();
    // A module that keeps payer records pseudonymised (as payments may): its table and erasure step.
    await sql`create table legacy_payments (id integer primary key, registration_id integer, amount_cents integer not null, payer_name text, payer_email text)`.execute(t.db);
    await sql`insert into legacy_payments (registration_id, amount_cents, payer_name, payer_email) values (1, 5000, 'Kontakt Train of Hope e.V.', ${EMAIL})`.execute(t.db);
    erasureSteps.push({ name: 'payments', run: async (trx, ctx) => void (await sql`update legacy_payments set payer_name = '', payer_email = ${ctx.pseudonym} where lower(payer_email) = ${ctx.email}`.execute(trx)) });
    try {
      expect(findEverywhere(t.sqlite, EMAIL).length).toBeGreaterThanOrEqual(7);
      await erasePerson(t.db, p, p.id, { reason: 'request' });
    } finally {
      erasureSteps.pop();
    }

    expect(tableCount(t.sqlite)).toBeGreaterThanOrEqual(22);
    expect(findEverywhere(t.sqlite, EMAIL)).toEqual([]);
    expect(findEverywhere(t.sqlite, 'Kontakt Train of Hope e.V.')).toEqual([]);

    const erased = await t.db.selectFrom('people').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(erased).toMatchObject({ email: `erased-${p.id}@erased.invalid`, name: '', role: 'member' });
    expect(erased.erased_at).not.toBeNull();
    expect(await t.db.selectFrom('memberships').selectAll().where('person_id', '=', p.id).execute()).toEqual([]);
    expect(await t.db.selectFrom('totp_credentials').selectAll().where('person_id', '=', p.id).execute()).toEqual([]);
    // The organisation's applications and their history stay; the payment stays, without the payer
    expect((await t.db.selectFrom('registrations').innerJoin('organisations', 'organisations.id', 'registrations.organisation_id').select('registrations.id').where('organisations.slug', '=', 'train-of-hope').execute()).length).toBe(4);
    expect((await sql<{ amount_cents: number; payer_name: string; payer_email: string }>`select amount_cents, payer_name, payer_email from legacy_payments`.execute(t.db)).rows).toEqual([
      { amount_cents: 5000, payer_name: '', payer_email: `erased-${p.id}@erased.invalid` },
    ]);
    expect((await t.db.selectFrom('consents').select('kind').where('person_id', '=', p.id).execute()).length).toBe(2);
    const audit = await listAudit(t.db, { action: 'privacy.erased' });
    expect(audit.rows[0]).toMatchObject({ actor_person_id: p.id, subject_id: String(p.id), details: '{"reason":"request"}' });
    // Nothing more about them can be collected, and they cannot be erased twice
    await expect(collectPersonalData(t.db, p.id)).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(erasePerson(t.db, admin, p.id, { reason: 'request' })).rejects.toMatchObject({ name: 'NotFoundError' });
    await sql`drop table legacy_payments`.execute(t.db);
  });

  it('lets nobody but the person and administrators erase, and never the last administrator', async () => {
    const member = await person(t, 'kontakt@vmdo.example');
    const other = await person(t, 'kontakt@mia-do.example');
    const admin = await person(t, 'orga@festplatz.localhost');
    await expect(erasePerson(t.db, member, other.id, { reason: 'request' })).rejects.toMatchObject({ name: 'ForbiddenError' });
    await expect(erasePerson(t.db, admin, admin.id, { reason: 'request' })).rejects.toMatchObject({ name: 'ConflictError', messageKey: 'admin:privacy.errors.lastAdministrator' });
    expect(findEverywhere(t.sqlite, 'kontakt@mia-do.example')).toEqual(['people.email']);
  });
});

describe('retention', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
  });
  afterAll(() => t.close());

  it('erases nobody while the editions are recent', async () => {
    expect(await applyRetention(t.db, { months: 24, now: new Date('2026-11-25T12:00:00.000Z') })).toEqual({
      cutoff: '2024-11-25',
      erasedPeople: 0,
      deletedMail: 0,
      deletedSignInLinks: 0,
    });
  });

  it('erases the contacts whose last edition ended longer ago than the retention period, and old mail and links', async () => {
    // Accounts made long ago, some mail sent back then
    await sql`update people set created_at = '2025-01-01T00:00:00.000Z'`.execute(t.db);
    await t.db.insertInto('outbox').values({ to_address: 'kontakt@vmdo.example', locale: 'de', template: 'sign-in-link', payload: '{}', status: 'sent', created_at: '2026-01-01T00:00:00.000Z' }).execute();
    // 15 October 2029 minus 24 months: Djelem Djelem 2027 (until 31 October 2027) is still within, Dortbund 2027 (September) is not.
    const now = new Date('2029-10-15T10:00:00.000Z');
    const due = await peopleDueForErasure(t.db, now, 24);
    const emails = (await t.db.selectFrom('people').select(['id', 'email']).where('id', 'in', due).orderBy('id').execute()).map((p) => p.email);
    expect(emails).toEqual([
      'kontakt@abrahamsreligionen.example',
      'kontakt@mia-do.example',
      'kontakt@kommunales-integrationszentrum.example',
      'kontakt@integrationsrat.example',
      'kontakt@wir-alle-sind-dortmund.example',
    ]);
    const report = await applyRetention(t.db, { months: 24, now });
    expect(report).toEqual({ cutoff: '2027-10-15', erasedPeople: 5, deletedMail: 1, deletedSignInLinks: 0 });
    for (const email of emails) expect(findEverywhere(t.sqlite, email), email).toEqual([]);
    // Organisers, the series team and contacts of Djelem Djelem 2027 stay
    for (const email of ['orga@festplatz.localhost', 'team-djelem@festplatz.localhost', 'kontakt@train-of-hope.example', 'kontakt@lokal-willkommen.example']) {
      expect(findEverywhere(t.sqlite, email), email).toContain('people.email');
    }
    const audit = await listAudit(t.db, { action: 'privacy.retention' });
    expect(audit.rows[0]).toMatchObject({ actor_person_id: null });
    expect(JSON.parse(audit.rows[0]!.details)).toEqual({ ...report, months: 24 });
    expect((await listAudit(t.db, { action: 'privacy.erased' })).rows.map((r) => JSON.parse(r.details).reason)).toEqual(Array(5).fill('retention'));
  });

  it('runs by hand: npm run privacy:retention', async () => {
    const other = await createTestDatabase({ seed: true });
    try {
      await sql`update people set created_at = '2020-01-01T00:00:00.000Z'`.execute(other.db);
      await other.db.destroy();
      const root = path.resolve(import.meta.dirname, '../..');
      const run = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/retention.ts'], {
        cwd: root,
        env: { PATH: process.env.PATH, NODE_ENV: 'test', DATABASE_PATH: other.path, RETENTION_MONTHS: '1', LOG_LEVEL: 'warn' },
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      // Only the initiative without any application has no edition within the last month (and today's editions of 2027 lie ahead)
      expect(run.stdout).toMatch(/^Retention on .*test\.sqlite \(1 months\): \{"cutoff":"\d{4}-\d\d-\d\d","erasedPeople":1,"deletedMail":0,"deletedSignInLinks":0\}\n$/);
      expect(run.status).toBe(0);
    } finally {
      await other.close().catch(() => undefined);
    }
  });
});

describe('consents', () => {
  let t: TestDatabase;
  let p: Person;
  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    p = await person(t, 'kontakt@vmdo.example');
  });
  afterAll(() => t.close());

  it('records the privacy notice once per wording, with the version of the text', async () => {
    await acknowledgePrivacyNotice(t.db, p.id, 'tr');
    await acknowledgePrivacyNotice(t.db, p.id, 'tr');
    const admin = await person(t, 'orga@festplatz.localhost');
    await savePage(t.db, admin, { slug: 'datenschutz', locale: 'de', title: 'Datenschutz', body: '## Neu' });
    await acknowledgePrivacyNotice(t.db, p.id, 'tr');
    const notices = (await listConsents(t.db, p.id)).filter((c) => c.kind === 'privacy_notice').map((c) => c.text_version);
    // Turkish readers see the German text (no Turkish version): its default, then version 1 after the edit
    expect(notices).toEqual(['datenschutz:de@1', 'datenschutz:de@0']);
  });

  it('withdraws the public listing of an application', async () => {
    const listing = (await listConsents(t.db, p.id)).find((c) => c.kind === 'public_listing')!;
    await withdrawConsent(t.db, p.id, listing.id, new Date('2026-12-01T10:00:00.000Z'));
    const reg = await t.db.selectFrom('registrations').select('public_consent').where('id', '=', listing.subject_id!).executeTakeFirstOrThrow();
    expect(reg.public_consent).toBe(0);
    expect((await listConsents(t.db, p.id)).find((c) => c.id === listing.id)!.withdrawn_at).toBe('2026-12-01T10:00:00.000Z');
    await expect(withdrawConsent(t.db, p.id, listing.id)).rejects.toMatchObject({ name: 'NotFoundError' });
    const other = await person(t, 'kontakt@mia-do.example');
    const theirs = (await listConsents(t.db, other.id))[0]!;
    await expect(withdrawConsent(t.db, p.id, theirs.id)).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});
