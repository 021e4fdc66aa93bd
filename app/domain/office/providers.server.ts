/**
 * What other branches feed into the office, plugged in at merge. Each is null until then,
 * and the office shows nothing for it (never made-up numbers).
 *
 * - feesOutstanding (payments, issue 6): e.g. `feesOutstanding: (db, editionId) => outstandingFees(db, editionId)`
 *   returning how many confirmed/approved applications still owe a fee and the sum in cents.
 * - scheduleConflicts (schedule, issue 4): an adapter over its conflict detector, returning
 *   one readable line per conflict, e.g. `(db, editionId) => detectConflicts(db, editionId).then(cs => cs.map(c => ({ label: c.message })))`.
 * - registrationsByArea (schedule, issue 4, pitches): the registration ids placed on pitches in the
 *   given areas (stages of kind 'area'), so bulk mail can be narrowed by area.
 */
import type { DB } from '../../../db/connection';
import { editionPayments } from '../payments/overview.server';
import { scheduleConflicts as detectScheduleConflicts } from '../schedule/editor.server';

export interface FeesOutstanding {
  count: number;
  totalCents: number;
}

export interface ScheduleConflict {
  label: string;
  /** a translation key (with values) to show instead of the label */
  key?: string;
  values?: Record<string, string | number>;
  href?: string;
}

export interface OfficeProviders {
  feesOutstanding: ((db: DB, editionId: number) => Promise<FeesOutstanding>) | null;
  scheduleConflicts: ((db: DB, editionId: number) => Promise<ScheduleConflict[]>) | null;
  registrationsByArea: ((db: DB, editionId: number, areaStageIds: number[]) => Promise<number[]>) | null;
}

/** Fees still owed in an edition, from the payments domain. */
async function outstandingFees(db: DB, editionId: number): Promise<FeesOutstanding> {
  const edition = await db.selectFrom('editions').select('slug').where('id', '=', editionId).executeTakeFirstOrThrow();
  const { rows } = await editionPayments(db, edition.slug);
  const owing = rows.filter((r) => r.outstandingCents > 0 && (r.state === 'approved' || r.state === 'confirmed'));
  return { count: owing.length, totalCents: owing.reduce((sum, r) => sum + r.outstandingCents, 0) };
}

/** The schedule editor's conflicts, counted by severity, each line linking to the editor. */
async function conflictSummary(db: DB, editionId: number): Promise<ScheduleConflict[]> {
  const edition = await db.selectFrom('editions').select('slug').where('id', '=', editionId).executeTakeFirstOrThrow();
  const conflicts = await detectScheduleConflicts(db, editionId);
  const href = `/office/editions/${edition.slug}/schedule`;
  const hard = conflicts.filter((c) => c.severity === 'hard').length;
  const warnings = conflicts.length - hard;
  return [
    ...(hard ? [{ label: `${hard}`, key: 'schedule:conflicts.hardCount', values: { count: hard }, href }] : []),
    ...(warnings ? [{ label: `${warnings}`, key: 'schedule:conflicts.warningCount', values: { count: warnings }, href }] : []),
  ];
}

/** Registrations placed on pitches in the given areas (stages of kind 'area'). */
async function registrationsInAreas(db: DB, editionId: number, areaStageIds: number[]): Promise<number[]> {
  if (areaStageIds.length === 0) return [];
  const rows = await db
    .selectFrom('pitches')
    .select('registration_id')
    .where('edition_id', '=', editionId)
    .where('stage_id', 'in', areaStageIds)
    .where('registration_id', 'is not', null)
    .execute();
  return rows.map((r) => r.registration_id!);
}

export const officeProviders: OfficeProviders = {
  feesOutstanding: outstandingFees,
  scheduleConflicts: conflictSummary,
  registrationsByArea: registrationsInAreas,
};
