/**
 * The site plan: pitches on an area's plan and the stands placed on them. Only approved
 * or confirmed registrations are placed; every rule is checked here, so the editor, the
 * suggestion and the seed all go through it.
 */
import type { DB } from '../../../db/connection';
import { ConflictError, NotFoundError } from '../errors';
import { fitProblems, suggestPlacement, type FitProblem } from './fit';

export const PLACEABLE_STATES = ['approved', 'confirmed'] as const;

export type PitchAssignmentReason = 'notPlaceable' | 'pitchTaken' | 'alreadyPlaced' | 'tooSmall' | 'notEnoughPower' | 'noWater';

/** A stand cannot go on that pitch; `reason` says why, the message key says it in words. */
export class PitchAssignmentError extends ConflictError {
  constructor(
    readonly reason: PitchAssignmentReason,
    values: Record<string, string | number> = {},
  ) {
    super(`schedule:pitches.errors.${reason}`, values);
  }
}

const problemReason: Record<FitProblem, PitchAssignmentReason> = {
  too_small: 'tooSmall',
  not_enough_power: 'notEnoughPower',
  no_water: 'noWater',
};

async function loadPitch(db: DB, editionId: number, pitchId: number) {
  const pitch = await db.selectFrom('pitches').selectAll().where('id', '=', pitchId).where('edition_id', '=', editionId).executeTakeFirst();
  if (!pitch) throw new NotFoundError('schedule:pitches.errors.pitchNotFound');
  return pitch;
}

async function loadRegistration(db: DB, editionId: number, registrationId: number) {
  const registration = await db
    .selectFrom('registrations')
    .innerJoin('organisations', 'organisations.id', 'registrations.organisation_id')
    .select(['registrations.id', 'registrations.state', 'registrations.width_m', 'registrations.depth_m', 'registrations.power_watts', 'registrations.water', 'organisations.name'])
    .where('registrations.id', '=', registrationId)
    .where('registrations.edition_id', '=', editionId)
    .executeTakeFirst();
  if (!registration) throw new NotFoundError('schedule:pitches.errors.registrationNotFound');
  return registration;
}

/** Places a registration on a pitch, or says why not. */
export async function assignPitch(db: DB, editionId: number, pitchId: number, registrationId: number): Promise<void> {
  // Inside acceptSuggestions the caller's transaction is used; SQLite has no nested ones.
  const inTransaction = <T>(run: (trx: DB) => Promise<T>) => (db.isTransaction ? run(db) : db.transaction().execute(run));
  await inTransaction(async (trx) => {
    const pitch = await loadPitch(trx, editionId, pitchId);
    const reg = await loadRegistration(trx, editionId, registrationId);
    const values = { name: reg.name, pitch: pitch.label };
    if (!(PLACEABLE_STATES as readonly string[]).includes(reg.state)) throw new PitchAssignmentError('notPlaceable', values);
    if (pitch.registration_id === reg.id) return;
    if (pitch.registration_id !== null) throw new PitchAssignmentError('pitchTaken', values);
    const elsewhere = await trx.selectFrom('pitches').select('label').where('registration_id', '=', reg.id).executeTakeFirst();
    if (elsewhere) throw new PitchAssignmentError('alreadyPlaced', { ...values, other: elsewhere.label });
    const [problem] = fitProblems(pitch, reg);
    if (problem) {
      throw new PitchAssignmentError(problemReason[problem], {
        ...values,
        size: `${reg.width_m} × ${reg.depth_m}`,
        pitchSize: `${pitch.width} × ${pitch.height}`,
        power: reg.power_watts,
        pitchPower: pitch.power_available,
      });
    }
    await trx.updateTable('pitches').set({ registration_id: reg.id }).where('id', '=', pitch.id).execute();
  });
}

export async function unassignPitch(db: DB, editionId: number, pitchId: number): Promise<void> {
  const pitch = await loadPitch(db, editionId, pitchId);
  await db.updateTable('pitches').set({ registration_id: null }).where('id', '=', pitch.id).execute();
}

/** Approved and confirmed registrations without a pitch. */
async function unplaced(db: DB, editionId: number) {
  return db
    .selectFrom('registrations')
    .innerJoin('organisations', 'organisations.id', 'registrations.organisation_id')
    .leftJoin('pitches', 'pitches.registration_id', 'registrations.id')
    .select([
      'registrations.id',
      'registrations.state',
      'registrations.width_m',
      'registrations.depth_m',
      'registrations.power_watts',
      'registrations.water',
      'organisations.name',
    ])
    .where('registrations.edition_id', '=', editionId)
    .where('registrations.state', 'in', PLACEABLE_STATES)
    .where('pitches.id', 'is', null)
    .orderBy('organisations.name')
    .execute();
}

/** A proposal for every unplaced stand (a pitch, or none when nothing fits); nothing is saved. */
export async function suggestPitches(db: DB, editionId: number) {
  const [stands, free] = await Promise.all([
    unplaced(db, editionId),
    db.selectFrom('pitches').selectAll().where('edition_id', '=', editionId).where('registration_id', 'is', null).execute(),
  ]);
  const names = new Map(stands.map((s) => [s.id, s]));
  return suggestPlacement(free, stands).map((s) => ({ ...s, registration: names.get(s.registrationId)! }));
}

/** Accepts a (possibly changed) suggestion: every pair is checked; all are placed or none. */
export async function acceptSuggestions(db: DB, editionId: number, pairs: { registrationId: number; pitchId: number }[]): Promise<number> {
  await db.transaction().execute(async (trx) => {
    for (const pair of pairs) await assignPitch(trx, editionId, pair.pitchId, pair.registrationId);
  });
  return pairs.length;
}

/** The organisers' site plan: areas, their pitches and who stands where, and who is not placed yet. */
export async function getSitePlan(db: DB, editionId: number) {
  const [areas, pitches, waiting] = await Promise.all([
    db.selectFrom('stages').select(['id', 'name', 'kind']).where('edition_id', '=', editionId).orderBy('sort_order').orderBy('id').execute(),
    db
      .selectFrom('pitches')
      .leftJoin('registrations', 'registrations.id', 'pitches.registration_id')
      .leftJoin('organisations', 'organisations.id', 'registrations.organisation_id')
      .select([
        'pitches.id',
        'pitches.stage_id',
        'pitches.label',
        'pitches.x',
        'pitches.y',
        'pitches.width',
        'pitches.height',
        'pitches.power_available',
        'pitches.water',
        'pitches.registration_id',
        'registrations.state',
        'registrations.public_consent',
        'registrations.width_m',
        'registrations.depth_m',
        'registrations.power_watts',
        'registrations.water as needs_water',
        'organisations.name as organisation_name',
      ])
      .where('pitches.edition_id', '=', editionId)
      .orderBy('pitches.stage_id')
      .orderBy('pitches.id')
      .execute(),
    unplaced(db, editionId),
  ]);
  return {
    areas: areas.map((a) => ({ ...a, pitches: pitches.filter((p) => p.stage_id === a.id) })).filter((a) => a.pitches.length > 0 || a.kind === 'area'),
    unplaced: waiting,
  };
}

/** What the public plan shows: numbers for every pitch, names only of confirmed stands that agreed. */
export async function getPublicSitePlan(db: DB, editionId: number) {
  const { areas } = await getSitePlan(db, editionId);
  return areas
    .filter((a) => a.pitches.length > 0)
    .map((a) => ({
      id: a.id,
      name: a.name,
      pitches: a.pitches.map((p) => ({
        id: p.id,
        label: p.label,
        x: p.x,
        y: p.y,
        width: p.width,
        height: p.height,
        name: p.state === 'confirmed' && p.public_consent === 1 ? p.organisation_name : null,
        taken: p.registration_id !== null,
      })),
    }));
}

/**
 * A registration's pitch and when to set up, for the exhibitor's status page; null while
 * the stand is not placed.
 */
export async function getPitchForRegistration(db: DB, registrationId: number) {
  const row = await db
    .selectFrom('pitches')
    .innerJoin('stages', 'stages.id', 'pitches.stage_id')
    .innerJoin('editions', 'editions.id', 'pitches.edition_id')
    .select([
      'pitches.id',
      'pitches.label',
      'pitches.width',
      'pitches.height',
      'pitches.power_available',
      'pitches.water',
      'stages.name as area_name',
      'editions.setup_info',
    ])
    .where('pitches.registration_id', '=', registrationId)
    .executeTakeFirst();
  return row ?? null;
}
