/**
 * The one way an application changes state. Every move (submit, approve, waitlist,
 * reject, confirm, cancel, withdraw, reopen, the automatic move up from the waiting list)
 * goes through `transitionRegistration`: it checks the transition table and the rules
 * that come with a move (registration window, capacity, reason), writes the new state
 * and a registration_events row, and puts the email for the association into the outbox,
 * all in the caller's transaction.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema';
import { assertCanReviewRegistration } from '../people/authorise.server';
import type { DB } from '../../../db/connection';
import type { RegistrationState } from '../../../db/schema';
import type { EmailTemplate } from '../mail/templates';
import type { RegistrationMailPayload } from './mail-payload';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { enqueueMail } from '../mail/outbox.server';
import { setupWindowOf } from './setup-time.server';
import { issueStandPass } from '../festival-day/passes.server';
import { canTransition, PLACE_HOLDING_STATES, REASON_REQUIRED } from './transitions';

export type Actor = { kind: 'member' | 'organiser'; personId: number } | { kind: 'system' };

export interface TransitionInput {
  registrationId: number;
  to: RegistrationState;
  actor: Actor;
  reason?: string | null;
  /** the site's address, for the link in the email */
  publicUrl: string;
  now?: Date;
}

export interface TransitionResult {
  registrationId: number;
  from: RegistrationState;
  to: RegistrationState;
  eventId: number;
  /** applications moved up from the waiting list because this one gave its place back */
  promoted: number[];
}

export const REASON_MAX = 1000;

/**
 * What else happens, in the same transaction, when an application is approved: the payments
 * domain asks for the fee (nothing for free, paid or waived stands). Registered once at start
 * (`wireDomains`, app/domain/wiring.server.ts), so registrations does not import payments
 * (payments depends on registrations, not both ways).
 */
export type ApprovalListener = (trx: Transaction<Database>, registrationId: number, options: { publicUrl: string; now: Date }) => Promise<unknown>;
let approvalListener: ApprovalListener | null = null;
export function onApproval(listener: ApprovalListener | null): void {
  approvalListener = listener;
}

export interface RegistrationWindow {
  registration_opens_at: string | null;
  registration_closes_at: string | null;
  /** a cancelled edition takes no applications, whatever its window says */
  cancelled_at?: string | null;
}

/** Throws unless `now` lies inside the edition's registration window (and the edition is not called off). */
export function assertWindowOpen(edition: RegistrationWindow, now: Date): void {
  const at = now.toISOString();
  if (edition.cancelled_at) throw new ConflictError('setup:errors.applyCancelled');
  if (!edition.registration_opens_at || !edition.registration_closes_at || at < edition.registration_opens_at) {
    throw new ConflictError('registration:errors.windowNotOpen');
  }
  if (at > edition.registration_closes_at) throw new ConflictError('registration:errors.windowClosed');
}

export function isWindowOpen(edition: RegistrationWindow, now: Date): boolean {
  const at = now.toISOString();
  return Boolean(
    !edition.cancelled_at && edition.registration_opens_at && edition.registration_closes_at && at >= edition.registration_opens_at && at <= edition.registration_closes_at,
  );
}

/** Throws NotFound (not Forbidden: a foreign id reveals nothing) unless the person belongs to the organisation. */
export async function assertMember(trx: DB, personId: number, organisationId: number): Promise<void> {
  const membership = await trx
    .selectFrom('memberships')
    .select('role')
    .where('person_id', '=', personId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (!membership) throw new NotFoundError('registration:errors.notFound');
}

/** Counts the places of a stand type that approved and confirmed applications hold. */
export async function placesTaken(trx: DB, editionId: number, standTypeId: number, exceptId?: number): Promise<number> {
  let query = trx
    .selectFrom('registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('edition_id', '=', editionId)
    .where('stand_type_id', '=', standTypeId)
    .where('state', 'in', PLACE_HOLDING_STATES);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/**
 * Writes the first event of a new application (nothing → draft). Creating is not a
 * change of state, but its history starts here, written by the same module.
 */
export async function recordCreation(trx: DB, registrationId: number, personId: number, now: Date): Promise<number> {
  const event = await trx
    .insertInto('registration_events')
    .values({ registration_id: registrationId, from_state: null, to_state: 'draft', actor_person_id: personId, created_at: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return event.id;
}

function mailTemplateFor(from: RegistrationState, to: RegistrationState): EmailTemplate | null {
  switch (to) {
    case 'submitted':
      return 'registration-received';
    case 'approved':
      return from === 'waitlisted' ? 'registration-moved-up' : 'registration-approved';
    case 'waitlisted':
      return 'registration-waitlisted';
    case 'rejected':
      return 'registration-rejected';
    case 'cancelled':
      return 'registration-cancelled';
    default:
      // drafts, withdrawals (the association did it itself) and confirmations (the
      // payment sends its own receipt) send nothing
      return null;
  }
}

export async function transitionRegistration(trx: DB, input: TransitionInput): Promise<TransitionResult> {
  if (!trx.isTransaction) throw new Error('transitionRegistration must run inside a transaction');
  const now = input.now ?? new Date();
  const at = now.toISOString();
  const { actor, to } = input;

  const reg = await trx
    .selectFrom('registrations')
    .innerJoin('editions', 'editions.id', 'registrations.edition_id')
    .innerJoin('stand_types', 'stand_types.id', 'registrations.stand_type_id')
    .innerJoin('organisations', 'organisations.id', 'registrations.organisation_id')
    .select([
      'registrations.id',
      'registrations.state',
      'registrations.edition_id',
      'registrations.organisation_id',
      'registrations.stand_type_id',
      'registrations.activities',
      'editions.slug as edition_slug',
      'editions.title as edition_title',
      'editions.starts_on',
      'editions.ends_on',
      'editions.setup_info',
      'editions.registration_opens_at',
      'editions.registration_closes_at',
      'editions.cancelled_at',
      'stand_types.name as stand_type_name',
      'stand_types.capacity',
      'organisations.name as organisation_name',
    ])
    .where('registrations.id', '=', input.registrationId)
    .executeTakeFirst();
  if (!reg) throw new NotFoundError('registration:errors.notFound');

  if (actor.kind === 'member') await assertMember(trx, actor.personId, reg.organisation_id);
  if (actor.kind === 'organiser') {
    // administrators, and the team of this edition's series (checked here, not only in routes)
    const person = await trx.selectFrom('people').select(['id', 'role']).where('id', '=', actor.personId).executeTakeFirst();
    if (!person) throw new ForbiddenError('registration:errors.organisersOnly');
    await assertCanReviewRegistration(trx, person, reg.id);
  }

  const from = reg.state;
  if (from === to) throw new ConflictError('registration:errors.alreadyInState', { state: to });
  if (!canTransition(from, to, actor.kind)) throw new ConflictError('registration:errors.illegalTransition', { from, to });

  const reason = input.reason?.trim() || null;
  if (reason && reason.length > REASON_MAX) {
    throw new ValidationError('registration:errors.reasonTooLong', { reason: 'registration:errors.reasonTooLong' }, { max: REASON_MAX });
  }
  if (REASON_REQUIRED.includes(to) && !reason) {
    throw new ValidationError('registration:errors.reasonRequired', { reason: 'registration:errors.reasonRequired' });
  }
  if (to === 'submitted' || (from === 'withdrawn' && to === 'draft')) assertWindowOpen(reg, now);
  if (to === 'submitted' && reg.activities.trim() === '') {
    throw new ValidationError('registration:errors.incomplete', { activities: 'registration:errors.activitiesRequired' });
  }
  if (to === 'approved') {
    const taken = await placesTaken(trx, reg.edition_id, reg.stand_type_id, reg.id);
    if (taken >= reg.capacity) throw new ConflictError('registration:errors.capacityFull', { capacity: reg.capacity });
  }

  const updated = await trx
    .updateTable('registrations')
    .set({
      state: to,
      updated_at: at,
      ...(to === 'submitted' ? { submitted_at: at } : {}),
      ...(to === 'draft' ? { submitted_at: null } : {}),
    })
    .where('id', '=', reg.id)
    .where('state', '=', from)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new ConflictError('registration:errors.changedMeanwhile');
  const event = await trx
    .insertInto('registration_events')
    .values({
      registration_id: reg.id,
      from_state: from,
      to_state: to,
      actor_person_id: actor.kind === 'system' ? null : actor.personId,
      reason,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  // a confirmed stand gets its pass for the festival day in the same transaction (docs/decisions/110)
  if (to === 'confirmed') await issueStandPass(trx, reg.id, reg.edition_id);

  const template = mailTemplateFor(from, to);
  if (template) {
    const setup = to === 'approved' ? await setupWindowOf(trx, reg.edition_id) : null;
    const payload: RegistrationMailPayload = {
      registrationId: reg.id,
      organisationName: reg.organisation_name,
      editionTitle: reg.edition_title,
      startsOn: reg.starts_on,
      endsOn: reg.ends_on,
      standTypeName: reg.stand_type_name,
      reason,
      statusUrl: `${input.publicUrl}/account/applications/${reg.id}`,
      setupInfo: reg.setup_info,
      setup,
      decidedAt: at,
    };
    const contacts = await trx
      .selectFrom('memberships')
      .innerJoin('people', 'people.id', 'memberships.person_id')
      .select(['people.id', 'people.email', 'people.locale'])
      .where('memberships.organisation_id', '=', reg.organisation_id)
      .orderBy('people.id')
      .execute();
    for (const contact of contacts) {
      await enqueueMail(trx, {
        to: contact.email,
        locale: contact.locale,
        template,
        payload,
        dedupeKey: `registration:${reg.id}:${to}:${event.id}:${contact.id}`,
      });
    }
  }

  // An approved stand with a fee: ask for payment in the same transaction (the listener of the
  // payments domain writes nothing for free, paid or waived stands). Also covers stands moved up from the waiting list.
  // (transitionRegistration refuses to run outside a transaction, so trx is one)
  if (to === 'approved') {
    // loud, not silent: an approval without its payment request would be a stand nobody is asked to pay for
    if (!approvalListener) throw new Error('No approval listener: call wireDomains() (app/domain/wiring.server.ts) at start');
    await approvalListener(trx as Transaction<Database>, reg.id, { publicUrl: input.publicUrl, now });
  }

  const promoted: number[] = [];
  if (PLACE_HOLDING_STATES.includes(from) && (to === 'withdrawn' || to === 'cancelled')) {
    const next = await promoteFromWaitingList(trx, { editionId: reg.edition_id, standTypeId: reg.stand_type_id, publicUrl: input.publicUrl, now });
    if (next !== null) promoted.push(next);
  }
  return { registrationId: reg.id, from, to, eventId: event.id, promoted };
}

/** The first on the waiting list of a stand type (by time of submission) takes a free place, if there is one. */
export async function promoteFromWaitingList(
  trx: DB,
  input: { editionId: number; standTypeId: number; publicUrl: string; now: Date },
): Promise<number | null> {
  const standType = await trx.selectFrom('stand_types').select('capacity').where('id', '=', input.standTypeId).executeTakeFirstOrThrow();
  if ((await placesTaken(trx, input.editionId, input.standTypeId)) >= standType.capacity) return null;
  const next = await trx
    .selectFrom('registrations')
    .select('id')
    .where('edition_id', '=', input.editionId)
    .where('stand_type_id', '=', input.standTypeId)
    .where('state', '=', 'waitlisted')
    .orderBy('submitted_at')
    .orderBy('id')
    .executeTakeFirst();
  if (!next) return null;
  await transitionRegistration(trx, { registrationId: next.id, to: 'approved', actor: { kind: 'system' }, publicUrl: input.publicUrl, now: input.now });
  return next.id;
}
