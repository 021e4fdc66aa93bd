/**
 * The life of a stand application, as one explicit table: from which state to which, and
 * who may make the move. Pure data, shared by the domain (which enforces it), the office
 * queue (which offers only the buttons that are allowed) and the tests.
 *
 *   draft → submitted → approved | waitlisted | rejected      (organisers decide)
 *   waitlisted → approved                                     (an organiser, or automatically when a place frees up)
 *   approved → confirmed                                      (fee paid or waived)
 *   approved | confirmed → cancelled                          (organisers, with a reason)
 *   anything still open → withdrawn                           (the association, at any time)
 *   withdrawn → draft                                         (reopened by the association while the window is open)
 * Rejected and cancelled are final. The association edits only in draft and submitted.
 */
import type { RegistrationState } from '../../../db/schema';

export type ActorKind = 'member' | 'organiser' | 'system';

export const REGISTRATION_STATES = [
  'draft',
  'submitted',
  'approved',
  'waitlisted',
  'rejected',
  'confirmed',
  'withdrawn',
  'cancelled',
] as const satisfies readonly RegistrationState[];

export const TRANSITIONS: Record<RegistrationState, Partial<Record<RegistrationState, readonly ActorKind[]>>> = {
  draft: { submitted: ['member'], withdrawn: ['member'] },
  submitted: { approved: ['organiser'], waitlisted: ['organiser'], rejected: ['organiser'], withdrawn: ['member'] },
  waitlisted: { approved: ['organiser', 'system'], rejected: ['organiser'], withdrawn: ['member'] },
  // confirmed: the fee is paid (payments confirm as 'system') or waived by an organiser
  approved: { confirmed: ['organiser', 'system'], cancelled: ['organiser'], withdrawn: ['member'] },
  confirmed: { cancelled: ['organiser'], withdrawn: ['member'] },
  rejected: {},
  withdrawn: { draft: ['member'] },
  cancelled: {},
};

/** The review queue, in this order. Drafts are the association's business until submitted. */
export const QUEUE_STATES = ['submitted', 'waitlisted', 'approved', 'confirmed', 'rejected', 'withdrawn', 'cancelled'] as const satisfies readonly RegistrationState[];

/** States in which the association may still change what it asked for. */
export const EDITABLE_STATES: readonly RegistrationState[] = ['draft', 'submitted'];
/** States that hold one of a stand type's places. */
export const PLACE_HOLDING_STATES: readonly RegistrationState[] = ['approved', 'confirmed'];
/** Moves that need a reason the association can read. */
export const REASON_REQUIRED: readonly RegistrationState[] = ['rejected', 'cancelled'];

export function canTransition(from: RegistrationState, to: RegistrationState, actor: ActorKind): boolean {
  return TRANSITIONS[from][to]?.includes(actor) ?? false;
}

/** The moves an actor may make from a state, in table order (the office shows these as buttons). */
export function allowedTransitions(from: RegistrationState, actor: ActorKind): RegistrationState[] {
  return (Object.entries(TRANSITIONS[from]) as [RegistrationState, readonly ActorKind[]][])
    .filter(([, actors]) => actors.includes(actor))
    .map(([to]) => to);
}

export function isEditable(state: RegistrationState): boolean {
  return EDITABLE_STATES.includes(state);
}

export function isRegistrationState(value: unknown): value is RegistrationState {
  return typeof value === 'string' && (REGISTRATION_STATES as readonly string[]).includes(value);
}
