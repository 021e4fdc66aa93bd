/**
 * The association's side of stand registration: apply (draft or submit), change it while
 * it is not yet reviewed, withdraw or reopen it, apply again with last year's details, and
 * read its status. Every state change goes through transitionRegistration.
 */
import { jsonArrayFrom } from 'kysely/helpers/sqlite';
import { nestedRows, type DB } from '../../../db/connection';
import type { RegistrationState } from '../../../db/schema';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { sizeFitsStandType, type ApplicationInput } from './application.schema';
import { allowedTransitions, isEditable } from './transitions';
import { assertMember, assertWindowOpen, isWindowOpen, recordCreation, transitionRegistration } from './transition.server';

interface Context {
  personId: number;
  publicUrl: string;
  now?: Date;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error as { code: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

async function publishedEdition(db: DB, slug: string) {
  const edition = await db
    .selectFrom('editions')
    .selectAll()
    .where('slug', '=', slug)
    .where('status', '=', 'published')
    .executeTakeFirst();
  if (!edition) throw new NotFoundError('registration:errors.editionNotFound');
  return edition;
}

function columnsOf(input: ApplicationInput, standType: { width_m: number; depth_m: number }) {
  return {
    stand_type_id: input.standTypeId,
    width_m: input.widthM ?? standType.width_m,
    depth_m: input.depthM ?? standType.depth_m,
    power_watts: input.powerWatts,
    water: input.water ? 1 : 0,
    tables: input.tables,
    benches: input.benches,
    own_gazebo: input.ownGazebo ? 1 : 0,
    vehicle_access: input.vehicleAccess ? 1 : 0,
    activities: input.activities,
    stage_act_title: input.stageAct?.title ?? null,
    stage_act_minutes: input.stageAct?.minutes ?? null,
    stage_act_needs: input.stageAct?.needs || null,
    accessibility: input.accessibility,
    public_consent: input.publicConsent ? 1 : 0,
  };
}

/**
 * Creates or changes an organisation's application for an edition, as a draft or
 * submitted. One transaction: nothing is saved half.
 */
export async function saveApplication(
  db: DB,
  input: Context & { editionSlug: string; organisationId: number; registrationId?: number; application: ApplicationInput; submit: boolean },
): Promise<{ registrationId: number; state: RegistrationState }> {
  const now = input.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const edition = await publishedEdition(trx, input.editionSlug);
    const standType = await trx
      .selectFrom('stand_types')
      .select(['id', 'width_m', 'depth_m'])
      .where('id', '=', input.application.standTypeId)
      .where('edition_id', '=', edition.id)
      .executeTakeFirst();
    if (!standType) throw new ValidationError('registration:errors.chooseStandType', { standTypeId: 'registration:errors.chooseStandType' });
    const wish = { widthM: input.application.widthM ?? standType.width_m, depthM: input.application.depthM ?? standType.depth_m };
    if (!sizeFitsStandType(wish, standType)) {
      const key = 'newcomer:errors.sizeExceedsStandType';
      throw new ValidationError(key, { widthM: key, depthM: key }, { width: standType.width_m, depth: standType.depth_m });
    }

    let registrationId: number;
    if (input.registrationId !== undefined) {
      const existing = await trx
        .selectFrom('registrations')
        .select(['id', 'state', 'organisation_id', 'edition_id'])
        .where('id', '=', input.registrationId)
        .executeTakeFirst();
      if (!existing || existing.edition_id !== edition.id) throw new NotFoundError('registration:errors.notFound');
      await assertMember(trx, input.personId, existing.organisation_id);
      if (!isEditable(existing.state)) throw new ConflictError('registration:errors.notEditable', { state: existing.state });
      assertWindowOpen(edition, now);
      await trx
        .updateTable('registrations')
        .set({ ...columnsOf(input.application, standType), updated_at: now.toISOString() })
        .where('id', '=', existing.id)
        .execute();
      registrationId = existing.id;
      if (input.submit && existing.state === 'draft') {
        await transitionRegistration(trx, { registrationId, to: 'submitted', actor: { kind: 'member', personId: input.personId }, publicUrl: input.publicUrl, now });
      }
    } else {
      await assertOwnOrganisation(trx, input.personId, input.organisationId);
      assertWindowOpen(edition, now);
      registrationId = await insertDraft(trx, {
        editionId: edition.id,
        organisationId: input.organisationId,
        columns: columnsOf(input.application, standType),
        personId: input.personId,
        now,
      });
      if (input.submit) {
        await transitionRegistration(trx, { registrationId, to: 'submitted', actor: { kind: 'member', personId: input.personId }, publicUrl: input.publicUrl, now });
      }
    }
    const saved = await trx.selectFrom('registrations').select('state').where('id', '=', registrationId).executeTakeFirstOrThrow();
    return { registrationId, state: saved.state };
  });
}

/** Applying for a foreign organisation is refused as forbidden (the form shows it at the field). */
async function assertOwnOrganisation(trx: DB, personId: number, organisationId: number) {
  const membership = await trx
    .selectFrom('memberships')
    .select('role')
    .where('person_id', '=', personId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (!membership) throw new OrganisationNotYoursError();
}

/** Raised when a form names an organisation the person does not belong to (403; the form shows it at the field). */
export class OrganisationNotYoursError extends ForbiddenError {
  constructor() {
    super('registration:errors.notYourOrganisation');
  }
}

async function insertDraft(
  trx: DB,
  input: { editionId: number; organisationId: number; columns: ReturnType<typeof columnsOf>; personId: number; now: Date },
): Promise<number> {
  const at = input.now.toISOString();
  try {
    const row = await trx
      .insertInto('registrations')
      .values({ edition_id: input.editionId, organisation_id: input.organisationId, state: 'draft', ...input.columns, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordCreation(trx, row.id, input.personId, input.now);
    return row.id;
  } catch (error) {
    // one application per organisation and edition (a unique constraint keeps it so)
    if (isUniqueViolation(error)) throw new ConflictError('registration:errors.duplicate');
    throw error;
  }
}

export async function withdrawApplication(db: DB, input: Context & { registrationId: number; reason?: string }) {
  return db.transaction().execute((trx) =>
    transitionRegistration(trx, {
      registrationId: input.registrationId,
      to: 'withdrawn',
      actor: { kind: 'member', personId: input.personId },
      reason: input.reason,
      publicUrl: input.publicUrl,
      now: input.now,
    }),
  );
}

/** A withdrawn application becomes a draft again (while the window is open). */
export async function reopenApplication(db: DB, input: Context & { registrationId: number }) {
  return db.transaction().execute((trx) =>
    transitionRegistration(trx, {
      registrationId: input.registrationId,
      to: 'draft',
      actor: { kind: 'member', personId: input.personId },
      publicUrl: input.publicUrl,
      now: input.now,
    }),
  );
}

/** The organisation's latest earlier application in the same series (drafts do not count). */
async function previousApplication(db: DB, organisationId: number, edition: { series_id: number; starts_on: string }) {
  return db
    .selectFrom('registrations')
    .innerJoin('editions', 'editions.id', 'registrations.edition_id')
    .innerJoin('stand_types', 'stand_types.id', 'registrations.stand_type_id')
    .selectAll('registrations')
    .select(['stand_types.slug as stand_type_slug', 'editions.year as edition_year'])
    .where('registrations.organisation_id', '=', organisationId)
    .where('editions.series_id', '=', edition.series_id)
    .where('editions.starts_on', '<', edition.starts_on)
    .where('registrations.state', '!=', 'draft')
    .orderBy('editions.starts_on', 'desc')
    .executeTakeFirst();
}

/**
 * "Apply again": last year's application of the same series, copied into this edition in
 * one step, as a draft or submitted at once. The stand type is matched by its slug.
 */
export async function applyAgain(
  db: DB,
  input: Context & { editionSlug: string; organisationId: number; submit: boolean },
): Promise<{ registrationId: number; state: RegistrationState }> {
  const now = input.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const edition = await publishedEdition(trx, input.editionSlug);
    await assertOwnOrganisation(trx, input.personId, input.organisationId);
    assertWindowOpen(edition, now);
    const source = await previousApplication(trx, input.organisationId, edition);
    if (!source) throw new ConflictError('registration:errors.nothingToCopy');
    const standType = await trx
      .selectFrom('stand_types')
      .select('id')
      .where('edition_id', '=', edition.id)
      .where('slug', '=', source.stand_type_slug)
      .executeTakeFirst();
    if (!standType) throw new ConflictError('registration:errors.standTypeGone');
    const registrationId = await insertDraft(trx, {
      editionId: edition.id,
      organisationId: input.organisationId,
      personId: input.personId,
      now,
      columns: {
        stand_type_id: standType.id,
        width_m: source.width_m,
        depth_m: source.depth_m,
        power_watts: source.power_watts,
        water: source.water,
        tables: source.tables,
        benches: source.benches,
        own_gazebo: source.own_gazebo,
        vehicle_access: source.vehicle_access,
        activities: source.activities,
        stage_act_title: source.stage_act_title,
        stage_act_minutes: source.stage_act_minutes,
        stage_act_needs: source.stage_act_needs,
        accessibility: source.accessibility,
        public_consent: source.public_consent,
      },
    });
    if (input.submit) {
      await transitionRegistration(trx, { registrationId, to: 'submitted', actor: { kind: 'member', personId: input.personId }, publicUrl: input.publicUrl, now });
    }
    const saved = await trx.selectFrom('registrations').select('state').where('id', '=', registrationId).executeTakeFirstOrThrow();
    return { registrationId, state: saved.state };
  });
}

/** One application with its history, for a contact person of its organisation (404 for anyone else). */
export async function getApplicationForMember(db: DB, input: { personId: number; registrationId: number; now?: Date }) {
  const now = input.now ?? new Date();
  const reg = await db
    .selectFrom('registrations')
    .innerJoin('memberships', (join) =>
      join.onRef('memberships.organisation_id', '=', 'registrations.organisation_id').on('memberships.person_id', '=', input.personId),
    )
    .innerJoin('editions', 'editions.id', 'registrations.edition_id')
    .innerJoin('stand_types', 'stand_types.id', 'registrations.stand_type_id')
    .innerJoin('organisations', 'organisations.id', 'registrations.organisation_id')
    .selectAll('registrations')
    .select((eb) => [
      'editions.slug as edition_slug',
      'editions.title as edition_title',
      'editions.starts_on',
      'editions.ends_on',
      'editions.setup_info',
      'editions.registration_opens_at',
      'editions.registration_closes_at',
      'editions.cancelled_at',
      'stand_types.name as stand_type_name',
      'stand_types.slug as stand_type_slug',
      'stand_types.fee_cents',
      'organisations.name as organisation_name',
      jsonArrayFrom(
        eb
          .selectFrom('registration_events')
          .leftJoin('people', 'people.id', 'registration_events.actor_person_id')
          .leftJoin('memberships as actor_membership', (join) =>
            join
              .onRef('actor_membership.person_id', '=', 'registration_events.actor_person_id')
              .onRef('actor_membership.organisation_id', '=', 'registrations.organisation_id'),
          )
          .select([
            'registration_events.id',
            'registration_events.from_state',
            'registration_events.to_state',
            'registration_events.reason',
            'registration_events.created_at',
            'people.id as actor_id',
            'people.name as actor_name',
            'people.role as actor_role',
            'actor_membership.role as actor_membership',
          ])
          .whereRef('registration_events.registration_id', '=', 'registrations.id')
          .orderBy('registration_events.created_at')
          .orderBy('registration_events.id'),
      ).as('events'),
    ])
    .where('registrations.id', '=', input.registrationId)
    .executeTakeFirst();
  if (!reg) throw new NotFoundError('registration:errors.notFound');
  const windowOpen = isWindowOpen(reg, now);
  const events = nestedRows(reg.events).map((e) => ({
    ...e,
    // who, as the association may see it: their own people by name, the office as the office
    actor: e.actor_id === null ? ('system' as const) : e.actor_membership || e.actor_role !== 'organiser' ? ('member' as const) : ('organiser' as const),
  }));
  return {
    ...reg,
    events,
    windowOpen,
    editable: isEditable(reg.state) && windowOpen,
    canWithdraw: allowedTransitions(reg.state, 'member').includes('withdrawn'),
    canReopen: allowedTransitions(reg.state, 'member').includes('draft') && windowOpen,
  };
}

/** An application to edit in the form: only the own organisation's, only while editable. */
export async function getApplyPage(db: DB, input: { personId: number; editionSlug: string; organisationId?: number; now?: Date }) {
  const now = input.now ?? new Date();
  const edition = await publishedEdition(db, input.editionSlug);
  const organisations = await db
    .selectFrom('organisations')
    .innerJoin('memberships', 'memberships.organisation_id', 'organisations.id')
    .select(['organisations.id', 'organisations.name'])
    .where('memberships.person_id', '=', input.personId)
    .orderBy('organisations.name')
    .execute();
  const organisation = input.organisationId === undefined ? organisations[0] : organisations.find((o) => o.id === input.organisationId);
  if (input.organisationId !== undefined && !organisation) throw new NotFoundError('registration:errors.notFound');
  const standTypes = await db
    .selectFrom('stand_types')
    .select(['id', 'slug', 'name', 'description', 'fee_cents', 'width_m', 'depth_m', 'equipment'])
    .where('edition_id', '=', edition.id)
    .orderBy('id')
    .execute();
  const existing = organisation
    ? await db
        .selectFrom('registrations')
        .selectAll()
        .where('edition_id', '=', edition.id)
        .where('organisation_id', '=', organisation.id)
        .executeTakeFirst()
    : undefined;
  return {
    edition,
    organisations,
    organisation: organisation ?? null,
    standTypes,
    existing: existing ?? null,
    windowOpen: isWindowOpen(edition, now),
  };
}

/** The account overview: the person's organisations, their applications, and editions open now. */
export async function getAccountOverview(db: DB, input: { personId: number; now?: Date }) {
  const at = (input.now ?? new Date()).toISOString();
  const organisations = await db
    .selectFrom('organisations')
    .innerJoin('memberships', 'memberships.organisation_id', 'organisations.id')
    .select(['organisations.id', 'organisations.name', 'organisations.slug', 'memberships.role'])
    .where('memberships.person_id', '=', input.personId)
    .orderBy('organisations.name')
    .execute();
  const orgIds = organisations.map((o) => o.id);
  const applications = orgIds.length
    ? await db
        .selectFrom('registrations')
        .innerJoin('editions', 'editions.id', 'registrations.edition_id')
        .innerJoin('organisations', 'organisations.id', 'registrations.organisation_id')
        .select([
          'registrations.id',
          'registrations.state',
          'registrations.organisation_id',
          'registrations.edition_id',
          'registrations.updated_at',
          'editions.title as edition_title',
          'editions.slug as edition_slug',
          'editions.series_id',
          'editions.starts_on',
          'organisations.name as organisation_name',
        ])
        .where('registrations.organisation_id', 'in', orgIds)
        .orderBy('editions.starts_on', 'desc')
        .orderBy('organisations.name')
        .execute()
    : [];
  const openEditions = await db
    .selectFrom('editions')
    .select(['id', 'slug', 'title', 'series_id', 'starts_on', 'ends_on', 'registration_closes_at'])
    .where('status', '=', 'published')
    .where('cancelled_at', 'is', null)
    .where('registration_opens_at', '<=', at)
    .where('registration_closes_at', '>=', at)
    .orderBy('starts_on')
    .execute();
  // per open edition and organisation: its application there, or whether last year's can be copied
  const open = openEditions.map((edition) => ({
    ...edition,
    organisations: organisations.map((o) => {
      const current = applications.find((a) => a.edition_id === edition.id && a.organisation_id === o.id);
      const previous = applications.find(
        (a) => a.organisation_id === o.id && a.series_id === edition.series_id && a.starts_on < edition.starts_on && a.state !== 'draft',
      );
      return { id: o.id, name: o.name, application: current ? { id: current.id, state: current.state } : null, canApplyAgain: !current && Boolean(previous) };
    }),
  }));
  return { organisations, applications, openEditions: open };
}
