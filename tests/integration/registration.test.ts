/**
 * Stand registration against a real, migrated and seeded SQLite file (today = 2026-11-25):
 * capacity, the waiting list, deadlines, illegal moves, duplicates, access between
 * organisations, "apply again", invitations, and mail that survives an SMTP failure.
 */
import { payloadToSend } from '../../app/domain/mail/mint-links.server';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Migrator } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../db/connection';
import { migrations } from '../../db/migrations/index';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { startSmtpServer, type TestSmtp } from '../helpers/mail';
import { ConflictError, ForbiddenError, NotFoundError, statusOf, ValidationError } from '../../app/domain/errors';
import { acceptInvitation, inviteContactPerson } from '../../app/domain/organisations/invitations.server';
import { createOrganisation } from '../../app/domain/organisations/profile.server';
import type { ApplicationInput } from '../../app/domain/registrations/application.schema';
import {
  applyAgain,
  getAccountOverview,
  getApplicationForMember,
  OrganisationNotYoursError,
  reopenApplication,
  saveApplication,
  withdrawApplication,
} from '../../app/domain/registrations/applications.server';
import { decideRegistration, getReviewQueue, listExhibitors } from '../../app/domain/registrations/review.server';
import { setupWindowOf } from '../../app/domain/registrations/setup-time.server';
import { smtpTransport } from '../../app/domain/mail/transport.server';
import { deliverDueMail } from '../../app/domain/mail/worker.server';

const NOW = new Date('2026-11-25T12:00:00.000Z');
const AFTER_CLOSE = new Date('2027-08-15T00:00:00.000Z'); // dortbund-2027 closes 2027-08-14, end of the day in Berlin
const BEFORE_OPEN = new Date('2026-11-01T12:00:00.000Z'); // the window opened 14 days before "today"
const publicUrl = 'http://festplatz.test';
const EDITION = 'dortbund-2027';

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase({ seed: true });
});
afterEach(() => t.close());

const personId = async (email: string) => (await t.db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
const contact = (slug: string) => personId(`kontakt@${slug}.example`);
const organiser = () => personId('orga@festplatz.localhost');
async function registrationOf(slug: string, edition = EDITION) {
  return t.db
    .selectFrom('registrations')
    .innerJoin('organisations', 'organisations.id', 'registrations.organisation_id')
    .innerJoin('editions', 'editions.id', 'registrations.edition_id')
    .innerJoin('stand_types', 'stand_types.id', 'registrations.stand_type_id')
    .selectAll('registrations')
    .select('stand_types.slug as stand_type_slug')
    .where('organisations.slug', '=', slug)
    .where('editions.slug', '=', edition)
    .executeTakeFirstOrThrow();
}
async function standTypeId(slug: string, edition = EDITION) {
  return (
    await t.db
      .selectFrom('stand_types')
      .innerJoin('editions', 'editions.id', 'stand_types.edition_id')
      .select('stand_types.id')
      .where('stand_types.slug', '=', slug)
      .where('editions.slug', '=', edition)
      .executeTakeFirstOrThrow()
  ).id;
}
const stateOf = async (id: number) => (await t.db.selectFrom('registrations').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;
const eventsOf = (id: number) =>
  t.db.selectFrom('registration_events').select(['from_state', 'to_state', 'actor_person_id', 'reason']).where('registration_id', '=', id).orderBy('id').execute();
const outbox = () => t.db.selectFrom('outbox').selectAll().orderBy('id').execute();
const count = async (table: 'registrations' | 'registration_events' | 'outbox') =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

function application(standType: number, overrides: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    standTypeId: standType,
    widthM: 2,
    depthM: 1,
    powerWatts: 500,
    water: false,
    tables: 1,
    benches: 2,
    ownGazebo: false,
    vehicleAccess: true,
    activities: 'Infostand und Gartenquiz',
    stageAct: null,
    accessibility: 'ebenerdig',
    publicConsent: true,
    ...overrides,
  };
}

/** A new association with one contact person (owner), as after the first sign-in. */
async function newAssociation(name: string, email: string, locale = 'de') {
  const person = await t.db.insertInto('people').values({ email, name: `Vorstand ${name}`, locale }).returning('id').executeTakeFirstOrThrow();
  const org = await createOrganisation(t.db, person.id, {
    name,
    legalForm: 'e.V.',
    description_de: `${name} stellt sich vor.`,
    description_en: '',
    description_tr: '',
    description_ar: '',
    description_ro: '',
    description_bg: '',
    website: undefined,
    categories: ['culture'],
    languages: ['de'],
  });
  return { personId: person.id, organisationId: org.id };
}

async function submitNew(name: string, standType: string, locale = 'de') {
  const a = await newAssociation(name, `vorstand@${name.toLowerCase().replace(/\W+/g, '-')}.example`, locale);
  const saved = await saveApplication(t.db, {
    personId: a.personId,
    organisationId: a.organisationId,
    editionSlug: EDITION,
    application: application(await standTypeId(standType)),
    submit: true,
    publicUrl,
    now: NOW,
  });
  return { ...a, registrationId: saved.registrationId };
}

const decide = async (registrationId: number, decision: 'approve' | 'waitlist' | 'reject' | 'confirm' | 'cancel', reason?: string) =>
  decideRegistration(t.db, { organiserId: await organiser(), editionSlug: EDITION, registrationId, decision, reason, publicUrl, now: NOW });

describe('capacity per stand type', () => {
  it('approves up to the capacity and refuses the next with 409, suggesting the waiting list', async () => {
    // information tables at Dortbund! 2027: capacity 3, one confirmed (MIA-DO) in the demo
    const submitted = await registrationOf('projekt-ankommen');
    const waiting = await registrationOf('freiwilligenagentur');
    expect([submitted.stand_type_slug, submitted.state, waiting.stand_type_slug, waiting.state]).toEqual(['infotisch', 'submitted', 'infotisch', 'waitlisted']);
    await decide(submitted.id, 'approve');
    await decide(waiting.id, 'approve');
    const late = await submitNew('Nachbarschaftsgarten Nordstadt', 'infotisch');

    const before = { events: await count('registration_events'), outbox: await count('outbox') };
    const refused = await decide(late.registrationId, 'approve').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect(statusOf(refused as ConflictError)).toBe(409);
    expect((refused as ConflictError).messageKey).toBe('registration:errors.capacityFull');
    expect((refused as ConflictError).values).toEqual({ capacity: 3 });
    // nothing written: no state change, no event, no mail
    expect(await stateOf(late.registrationId)).toBe('submitted');
    expect(await count('registration_events')).toBe(before.events);
    expect(await count('outbox')).toBe(before.outbox);

    await decide(late.registrationId, 'waitlist', 'Alle Infotische sind vergeben.');
    expect(await stateOf(late.registrationId)).toBe('waitlisted');
    const queue = await getReviewQueue(t.db, EDITION, { standType: 'infotisch' });
    expect(queue.standTypes.find((s) => s.slug === 'infotisch')).toMatchObject({ capacity: 3, taken: 3, waiting: 1, open: 0 });
    expect(queue.registrations.map((r) => [r.organisation_name, r.state])).toEqual([
      ['Nachbarschaftsgarten Nordstadt', 'waitlisted'],
      ['Projekt Ankommen e.V.', 'approved'],
      ['FreiwilligenAgentur Dortmund', 'approved'],
      ['MIA-DO – Migrations- und Integrationsagentur', 'confirmed'],
    ]);
    const mail = (await outbox()).at(-1)!;
    expect([mail.template, mail.to_address, JSON.parse(mail.payload).reason]).toEqual([
      'registration-waitlisted',
      'vorstand@nachbarschaftsgarten-nordstadt.example',
      'Alle Infotische sind vergeben.',
    ]);
  });

  it('filters the queue by state, stand type and category, and never shows drafts', async () => {
    const all = await getReviewQueue(t.db, EDITION);
    expect(all.registrations.map((r) => r.state)).not.toContain('draft');
    expect(all.registrations).toHaveLength(9);
    expect((await getReviewQueue(t.db, EDITION, { state: 'submitted' })).registrations.map((r) => r.organisation_name)).toEqual([
      'Projekt Ankommen e.V.',
      'Africa Positive e.V.',
    ]);
    expect((await getReviewQueue(t.db, EDITION, { category: 'religion' })).registrations.map((r) => r.organisation_name)).toEqual([
      'Arbeitskreis der Abrahamsreligionen',
    ]);
    expect((await getReviewQueue(t.db, EDITION, { standType: 'eigener-pavillon', state: 'withdrawn' })).registrations).toHaveLength(1);
    const submitted = all.registrations.find((r) => r.state === 'submitted')!;
    expect(submitted.decisions).toEqual(['approve', 'waitlist', 'reject']);
    expect(all.registrations.find((r) => r.state === 'withdrawn')!.decisions).toEqual([]);
  });

  it('pages the queue in the database, open applications first, and finds an association by part of its name', async () => {
    const all = await getReviewQueue(t.db, EDITION);
    expect(all).toMatchObject({ total: 9, page: 1, pages: 1 });
    const pages = [];
    for (let page = 1; page <= 4; page++) pages.push(await getReviewQueue(t.db, EDITION, {}, { page, pageSize: 4 }));
    expect(pages.map((p) => [p.page, p.pages, p.registrations.length])).toEqual([
      [1, 3, 4],
      [2, 3, 4],
      [3, 3, 1],
      [3, 3, 1], // past the end: the last page
    ]);
    // the pages together are the whole queue in its order (submitted first), nothing twice
    expect(pages.slice(0, 3).flatMap((p) => p.registrations.map((r) => r.id))).toEqual(all.registrations.map((r) => r.id));
    expect(all.registrations[0]!.state).toBe('submitted');
    const found = await getReviewQueue(t.db, EDITION, { q: 'ANKOMMEN' });
    expect(found.registrations.map((r) => r.organisation_name)).toEqual(['Projekt Ankommen e.V.']);
    expect(found.total).toBe(1);
    expect((await getReviewQueue(t.db, EDITION, { q: '%' })).total).toBe(0);
  });
});

describe('the waiting list', () => {
  it('moves the first in line up when an approved application is withdrawn, and tells them by email', async () => {
    const ankommen = await registrationOf('projekt-ankommen');
    await decide(ankommen.id, 'approve');
    const first = await registrationOf('freiwilligenagentur'); // waitlisted since the demo
    const full = await submitNew('Kulturverein Hörde', 'infotisch');
    await decide(full.registrationId, 'approve'); // now 3 of 3
    const second = await submitNew('Sportfreunde Nord', 'infotisch', 'tr');
    await decide(second.registrationId, 'waitlist');
    const otherType = await submitNew('Chor der Nordstadt', 'eigener-pavillon');
    await decide(otherType.registrationId, 'waitlist');

    const result = await withdrawApplication(t.db, { personId: await contact('projekt-ankommen'), registrationId: ankommen.id, reason: 'Kein Personal', publicUrl, now: NOW });
    expect(result.promoted).toEqual([first.id]);
    expect(await stateOf(ankommen.id)).toBe('withdrawn');
    expect(await stateOf(first.id)).toBe('approved');
    expect(await stateOf(second.registrationId)).toBe('waitlisted');
    expect(await stateOf(otherType.registrationId)).toBe('waitlisted');

    const history = await eventsOf(first.id);
    expect(history.at(-1)).toEqual({ from_state: 'waitlisted', to_state: 'approved', actor_person_id: null, reason: null });
    const lastEvent = await t.db.selectFrom('registration_events').select('id').where('registration_id', '=', first.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    const told = (await outbox()).filter((m) => m.template === 'registration-moved-up');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      to_address: 'kontakt@freiwilligenagentur.example',
      locale: 'de',
      dedupe_key: `registration:${first.id}:approved:${lastEvent.id}:${await contact('freiwilligenagentur')}`,
    });
    const payload = JSON.parse(told[0]!.payload);
    expect(payload.setup).toEqual({ startsAt: '2027-09-11T05:30:00.000Z', endsAt: '2027-09-11T08:00:00.000Z', derived: false, location: 'Friedensplatz 1, 44135 Dortmund' });
    expect(payload.statusUrl).toBe(`${publicUrl}/account/applications/${first.id}`);

    // the organisers cancel a stand: the next in line (a Turkish-speaking association) moves up
    await decide(full.registrationId, 'cancel', 'Sturmwarnung für diesen Platz');
    expect(await stateOf(second.registrationId)).toBe('approved');
    const movedUp = (await outbox()).filter((m) => m.template === 'registration-moved-up').at(-1)!;
    expect([movedUp.to_address, movedUp.locale]).toEqual(['vorstand@sportfreunde-nord.example', 'tr']);
    const cancelled = (await outbox()).find((m) => m.template === 'registration-cancelled')!;
    expect(JSON.parse(cancelled.payload).reason).toBe('Sturmwarnung für diesen Platz');
  });

  it('does not move anyone up when an application that held no place is withdrawn', async () => {
    const ankommen = await registrationOf('projekt-ankommen'); // submitted, holds no place
    const result = await withdrawApplication(t.db, { personId: await contact('projekt-ankommen'), registrationId: ankommen.id, publicUrl, now: NOW });
    expect(result.promoted).toEqual([]);
    expect(await stateOf((await registrationOf('freiwilligenagentur')).id)).toBe('waitlisted');
  });
});

describe('deadlines', () => {
  it('refuses to submit after the registration window closed and saves nothing', async () => {
    const a = await newAssociation('Spätentschlossen e.V.', 'spaet@verein.example');
    const before = await count('registrations');
    const refused = await saveApplication(t.db, {
      personId: a.personId,
      organisationId: a.organisationId,
      editionSlug: EDITION,
      application: application(await standTypeId('infotisch')),
      submit: true,
      publicUrl,
      now: AFTER_CLOSE,
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as ConflictError).messageKey).toBe('registration:errors.windowClosed');
    expect(await count('registrations')).toBe(before);
  });

  it('keeps a draft saved in time a draft when it is submitted too late', async () => {
    const a = await newAssociation('Entwurfsverein', 'entwurf@verein.example');
    const base = { personId: a.personId, organisationId: a.organisationId, editionSlug: EDITION, publicUrl };
    const draft = await saveApplication(t.db, { ...base, application: application(await standTypeId('infotisch')), submit: false, now: NOW });
    expect(draft.state).toBe('draft');
    const late = await saveApplication(t.db, {
      ...base,
      registrationId: draft.registrationId,
      application: application(await standTypeId('infotisch'), { activities: 'geändert' }),
      submit: true,
      now: AFTER_CLOSE,
    }).catch((e: unknown) => e);
    expect((late as ConflictError).messageKey).toBe('registration:errors.windowClosed');
    const row = await t.db.selectFrom('registrations').selectAll().where('id', '=', draft.registrationId).executeTakeFirstOrThrow();
    expect([row.state, row.activities, row.submitted_at]).toEqual(['draft', 'Infostand und Gartenquiz', null]);
  });

  it('refuses before the window opens, and still lets an association withdraw after it closed', async () => {
    const a = await newAssociation('Frühaufsteher e.V.', 'frueh@verein.example');
    const early = await saveApplication(t.db, {
      personId: a.personId,
      organisationId: a.organisationId,
      editionSlug: EDITION,
      application: application(await standTypeId('infotisch')),
      submit: false,
      publicUrl,
      now: BEFORE_OPEN,
    }).catch((e: unknown) => e);
    expect((early as ConflictError).messageKey).toBe('registration:errors.windowNotOpen');
    const approved = await registrationOf('vmdo');
    await withdrawApplication(t.db, { personId: await contact('vmdo'), registrationId: approved.id, publicUrl, now: AFTER_CLOSE });
    expect(await stateOf(approved.id)).toBe('withdrawn');
  });
});

describe('withdrawing and reopening', () => {
  it('reopens a withdrawn application as a draft while the window is open, and it can be submitted again', async () => {
    const a = await submitNew('Wiederkehr e.V.', 'infotisch');
    const context = { personId: a.personId, registrationId: a.registrationId, publicUrl };
    await withdrawApplication(t.db, { ...context, reason: 'Termin unklar', now: NOW });
    await expect(reopenApplication(t.db, { ...context, now: AFTER_CLOSE })).rejects.toMatchObject({ messageKey: 'registration:errors.windowClosed' });
    await reopenApplication(t.db, { ...context, now: NOW });
    const reopened = await t.db.selectFrom('registrations').select(['state', 'submitted_at']).where('id', '=', a.registrationId).executeTakeFirstOrThrow();
    expect(reopened).toEqual({ state: 'draft', submitted_at: null });
    await saveApplication(t.db, {
      ...context,
      organisationId: a.organisationId,
      editionSlug: EDITION,
      application: application(await standTypeId('infotisch')),
      submit: true,
      now: NOW,
    });
    expect((await eventsOf(a.registrationId)).map((e) => [e.from_state, e.to_state, e.reason])).toEqual([
      [null, 'draft', null],
      ['draft', 'submitted', null],
      ['submitted', 'withdrawn', 'Termin unklar'],
      ['withdrawn', 'draft', null],
      ['draft', 'submitted', null],
    ]);
    // withdrawn again it is final for organisers: no approving it
    await withdrawApplication(t.db, { ...context, now: NOW });
    await expect(decide(a.registrationId, 'approve')).rejects.toMatchObject({ messageKey: 'registration:errors.illegalTransition' });
  });
});

describe('illegal moves', () => {
  it('never approves a withdrawn application', async () => {
    const withdrawn = await registrationOf('kommunales-integrationszentrum');
    expect(withdrawn.state).toBe('withdrawn');
    const error = await decide(withdrawn.id, 'approve').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).messageKey).toBe('registration:errors.illegalTransition');
    expect((error as ConflictError).values).toEqual({ from: 'withdrawn', to: 'approved' });
  });

  it('wants a reason to reject, and keeps the organisers’ decisions to the organisers', async () => {
    const submitted = await registrationOf('africa-positive');
    const noReason = await decide(submitted.id, 'reject', '   ').catch((e: unknown) => e);
    expect(noReason).toBeInstanceOf(ValidationError);
    expect((noReason as ValidationError).fieldErrors).toEqual({ reason: 'registration:errors.reasonRequired' });
    // a contact person is no organiser, even for their own application
    const self = await decideRegistration(t.db, {
      organiserId: await contact('africa-positive'),
      editionSlug: EDITION,
      registrationId: submitted.id,
      decision: 'approve',
      publicUrl,
      now: NOW,
    }).catch((e: unknown) => e);
    expect(self).toBeInstanceOf(ForbiddenError);
    await decide(submitted.id, 'reject', 'Das Thema passt nicht zum Fest.');
    expect((await eventsOf(submitted.id)).at(-1)).toEqual({
      from_state: 'submitted',
      to_state: 'rejected',
      actor_person_id: await organiser(),
      reason: 'Das Thema passt nicht zum Fest.',
    });
  });

  it('refuses to change an application after it was reviewed', async () => {
    const approved = await registrationOf('vmdo');
    const error = await saveApplication(t.db, {
      personId: await contact('vmdo'),
      organisationId: approved.organisation_id,
      registrationId: approved.id,
      editionSlug: EDITION,
      application: application(approved.stand_type_id, { tables: 9 }),
      submit: false,
      publicUrl,
      now: NOW,
    }).catch((e: unknown) => e);
    expect((error as ConflictError).messageKey).toBe('registration:errors.notEditable');
    expect((await registrationOf('vmdo')).tables).toBe(approved.tables);
  });
});

describe('duplicates and other organisations', () => {
  it('answers a second application of the same organisation for the same edition with 409', async () => {
    const a = await submitNew('Doppelt e.V.', 'infotisch');
    const before = { registrations: await count('registrations'), events: await count('registration_events') };
    const again = await saveApplication(t.db, {
      personId: a.personId,
      organisationId: a.organisationId,
      editionSlug: EDITION,
      application: application(await standTypeId('pavillon-3x3')),
      submit: true,
      publicUrl,
      now: NOW,
    }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ConflictError);
    expect((again as ConflictError).messageKey).toBe('registration:errors.duplicate');
    expect(await count('registrations')).toBe(before.registrations);
    expect(await count('registration_events')).toBe(before.events);
  });

  it('keeps another organisation’s application out of reach', async () => {
    const trainOfHope = await contact('train-of-hope');
    const foreign = await registrationOf('africa-positive');
    await expect(getApplicationForMember(t.db, { personId: trainOfHope, registrationId: foreign.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(withdrawApplication(t.db, { personId: trainOfHope, registrationId: foreign.id, publicUrl, now: NOW })).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      saveApplication(t.db, {
        personId: trainOfHope,
        organisationId: (await registrationOf('train-of-hope')).organisation_id,
        registrationId: foreign.id,
        editionSlug: EDITION,
        application: application(foreign.stand_type_id),
        submit: false,
        publicUrl,
        now: NOW,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    // applying in the name of another organisation
    const other = await newAssociation('Fremder Verein', 'fremd@verein.example');
    const error = await saveApplication(t.db, {
      personId: trainOfHope,
      organisationId: other.organisationId,
      editionSlug: EDITION,
      application: application(await standTypeId('infotisch')),
      submit: false,
      publicUrl,
      now: NOW,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OrganisationNotYoursError);
    expect(statusOf(error as OrganisationNotYoursError)).toBe(403);
    expect(await stateOf(foreign.id)).toBe('submitted');
  });
});

describe('apply again', () => {
  it('copies last year’s application into the new edition, matching the stand type by slug', async () => {
    const person = await contact('wir-alle-sind-dortmund');
    const overview = await getAccountOverview(t.db, { personId: person, now: NOW });
    const open = overview.openEditions.find((e) => e.slug === EDITION)!;
    expect(open.organisations).toEqual([{ id: expect.any(Number), name: 'Initiative „Wir ALLE sind Dortmund“', application: null, canApplyAgain: true }]);
    const last = await registrationOf('wir-alle-sind-dortmund', 'dortbund-2026');

    const copy = await applyAgain(t.db, { personId: person, organisationId: last.organisation_id, editionSlug: EDITION, submit: true, publicUrl, now: NOW });
    expect(copy.state).toBe('submitted');
    const row = await registrationOf('wir-alle-sind-dortmund');
    expect(row.stand_type_slug).toBe(last.stand_type_slug);
    expect(row.stand_type_id).not.toBe(last.stand_type_id);
    for (const field of ['width_m', 'depth_m', 'power_watts', 'water', 'tables', 'benches', 'own_gazebo', 'vehicle_access', 'activities', 'accessibility', 'public_consent'] as const) {
      expect(row[field], field).toBe(last[field]);
    }
    expect((await eventsOf(row.id)).map((e) => [e.from_state, e.to_state])).toEqual([
      [null, 'draft'],
      ['draft', 'submitted'],
    ]);
    expect((await outbox()).at(-1)).toMatchObject({ template: 'registration-received', to_address: 'kontakt@wir-alle-sind-dortmund.example' });
    // a second copy is a duplicate
    await expect(applyAgain(t.db, { personId: person, organisationId: last.organisation_id, editionSlug: EDITION, submit: false, publicUrl, now: NOW })).rejects.toMatchObject({
      messageKey: 'registration:errors.duplicate',
    });
  });

  it('says so when last year’s stand type is no longer offered', async () => {
    await t.db.updateTable('stand_types').set({ slug: 'infotisch-neu' }).where('id', '=', await standTypeId('infotisch')).execute();
    const person = await contact('wir-alle-sind-dortmund');
    const last = await registrationOf('wir-alle-sind-dortmund', 'dortbund-2026');
    await expect(applyAgain(t.db, { personId: person, organisationId: last.organisation_id, editionSlug: EDITION, submit: false, publicUrl, now: NOW })).rejects.toMatchObject({
      messageKey: 'registration:errors.standTypeGone',
    });
    expect(await count('registrations')).toBe(33);
  });
});

describe('exhibitors and setup time', () => {
  it('lists confirmed organisations that agreed to be listed, and nobody else', async () => {
    expect((await listExhibitors(t.db, EDITION)).exhibitors.map((o) => o.name)).toEqual([
      'Arbeitskreis der Abrahamsreligionen',
      'MIA-DO – Migrations- und Integrationsagentur',
    ]);
    await t.db.updateTable('registrations').set({ public_consent: 0 }).where('id', '=', (await registrationOf('mia-do')).id).execute();
    expect((await listExhibitors(t.db, EDITION)).exhibitors.map((o) => o.name)).toEqual(['Arbeitskreis der Abrahamsreligionen']);
  });

  it('uses the organisers’ setup window, or derives one from the opening hours (across the clock change)', async () => {
    const djelem = await t.db.selectFrom('editions').select('id').where('slug', '=', 'djelem-djelem-2027').executeTakeFirstOrThrow();
    expect(await setupWindowOf(t.db, djelem.id)).toEqual({
      startsAt: '2027-10-28T12:00:00.000Z', // 14:00 CEST
      endsAt: '2027-10-28T13:00:00.000Z',
      derived: false,
      location: 'Leopoldstraße 50–58, 44147 Dortmund',
    });
    await t.db.updateTable('editions').set({ setup_starts_at: null, setup_ends_at: null }).where('id', '=', djelem.id).execute();
    expect(await setupWindowOf(t.db, djelem.id)).toEqual({
      startsAt: '2027-10-28T11:00:00.000Z', // two hours before the first stage opens at 15:00 CEST
      endsAt: '2027-10-28T13:00:00.000Z',
      derived: true,
      location: 'Leopoldstraße 50–58, 44147 Dortmund',
    });
  });
});

describe('contact people', () => {
  it('lets the owner invite a contact person who joins by the link in the mail, once', async () => {
    const owner = await contact('vmdo');
    const vmdo = (await registrationOf('vmdo')).organisation_id;
    await inviteContactPerson(t.db, { personId: owner, organisationId: vmdo, email: 'Ayse@VMDO.example', locale: 'tr', publicUrl, now: NOW });
    const mail = (await outbox()).at(-1)!;
    expect([mail.template, mail.to_address, mail.locale]).toEqual(['organisation-invitation', 'ayse@vmdo.example', 'tr']);
    // the outbox holds no link: the worker mints it as it sends the message
    expect(mail.payload).not.toContain('/invitations/');
    const token = String((await payloadToSend(t.db, JSON.parse(mail.payload), NOW)).url).split('/invitations/')[1] as string;

    const { person, organisationId } = await acceptInvitation(t.db, token, NOW);
    expect([person.email, person.locale, organisationId]).toEqual(['ayse@vmdo.example', 'tr', vmdo]);
    const registration = await registrationOf('vmdo');
    expect((await getApplicationForMember(t.db, { personId: person.id, registrationId: registration.id })).organisation_name).toContain('VMDO');
    await expect(acceptInvitation(t.db, token, NOW)).rejects.toMatchObject({ messageKey: 'registration:errors.invitationUsed' });
    // a contact person who is not the owner cannot invite; nobody is invited twice
    await expect(inviteContactPerson(t.db, { personId: person.id, organisationId: vmdo, email: 'x@vmdo.example', locale: 'de', publicUrl })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(inviteContactPerson(t.db, { personId: owner, organisationId: vmdo, email: 'ayse@vmdo.example', locale: 'de', publicUrl })).rejects.toMatchObject({
      fieldErrors: { email: 'registration:errors.alreadyMember' },
    });
  });

  it('lets an invitation expire after a week', async () => {
    const owner = await contact('vmdo');
    const vmdo = (await registrationOf('vmdo')).organisation_id;
    await inviteContactPerson(t.db, { personId: owner, organisationId: vmdo, email: 'spaet@vmdo.example', locale: 'de', publicUrl, now: NOW });
    const token = String((await payloadToSend(t.db, JSON.parse((await outbox()).at(-1)!.payload), NOW)).url).split('/invitations/')[1] as string;
    await expect(acceptInvitation(t.db, token, new Date('2026-12-02T12:00:01.000Z'))).rejects.toMatchObject({ messageKey: 'registration:errors.invitationExpired' });
  });
});

describe('mail of the flow when the SMTP server fails', () => {
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp.close());

  it('keeps the approval mail, retries it after the backoff and sends it exactly once', async () => {
    const FROM = 'Festplatz <noreply@festplatz.localhost>';
    const transport = smtpTransport(smtp.url);
    try {
      // the outbox stamps rows with the real clock; everything queued before goes out first
      await deliverDueMail(t.db, transport, FROM, new Date());
      smtp.messages.length = 0;

      smtp.failing = true;
      const registration = await registrationOf('africa-positive');
      await decide(registration.id, 'approve');
      const failedAt = new Date();
      const first = await deliverDueMail(t.db, transport, FROM, failedAt);
      // the approval and, since Africa Positive's stand has a fee, the request to pay
      expect(first).toEqual({ sent: 0, failed: 2 });
      expect((await outbox()).filter((m) => m.status === 'pending').map((m) => m.template).sort()).toEqual(['payment-requested', 'registration-approved']);
      const row = (await outbox()).find((m) => m.template === 'registration-approved')!;
      expect(row).toMatchObject({ status: 'pending', attempts: 1, to_address: 'kontakt@africa-positive.example' });
      expect(row.last_error).toContain('451');
      expect(Date.parse(row.next_attempt_at) - failedAt.getTime()).toBeGreaterThanOrEqual(27_000); // 30 s backoff, ±10 % jitter

      smtp.failing = false;
      expect(await deliverDueMail(t.db, transport, FROM, failedAt)).toEqual({ sent: 0, failed: 0 }); // not due yet
      const later = new Date(failedAt.getTime() + 5 * 60_000);
      expect(await deliverDueMail(t.db, transport, FROM, later)).toEqual({ sent: 2, failed: 0 });
      expect(await deliverDueMail(t.db, transport, FROM, later)).toEqual({ sent: 0, failed: 0 });

      expect(smtp.messages.map((m) => m.subject)).toEqual([
        'Ihr Stand bei Dortbund! Eine Stadt. Viele Gesichter 2027 ist zugesagt',
        'Bitte zahlen Sie die Standgebühr für Dortbund! Eine Stadt. Viele Gesichter 2027',
      ]);
      const ics = smtp.messages[0]!.attachments.find((a) => a.filename === 'setup.ics')!;
      expect(ics.content.toString()).toContain('DTSTART:20270911T053000Z');
      expect((await outbox()).find((m) => m.id === row.id)).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    } finally {
      transport.close();
    }
  });
});

describe('the registration migration', () => {
  it('runs on a database that main already migrated past it (names are handed out per branch)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'festplatz-migrate-'));
    const open = openDatabase(path.join(dir, 'db.sqlite'));
    try {
      const withoutThis = Object.fromEntries(Object.entries(migrations).filter(([name]) => name !== '2026-11-25T1840_registration'));
      const first = await new Migrator({ db: open.db, provider: { getMigrations: async () => withoutThis } }).migrateToLatest();
      expect(first.error).toBeUndefined();
      const second = await migrateToLatest(open.db);
      expect(second.results?.map((r) => [r.migrationName, r.status])).toEqual([['2026-11-25T1840_registration', 'Success']]);
      await open.db.selectFrom('invitations').selectAll().execute();
    } finally {
      await open.db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
