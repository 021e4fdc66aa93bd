/**
 * Stands arriving on the festival day (docs/decisions/110). An organiser checks a stand in by
 * its pass code (typed or scanned) or from the list; the check-in keeps when and by whom. A
 * second check-in of the same stand is not an error: it answers who did it first and when.
 * Undo keeps the row (undone_at, undone_by) and writes the audit log. A code of another
 * edition, a code that does not exist, or a stand no longer confirmed is refused with a
 * reason and writes nothing.
 */
import type { DB } from '../../../db/connection';
import type { CheckInMethod } from '../../../db/schema';
import { recordAudit } from '../audit/audit.server';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { setupWindowOf } from '../registrations/setup-time.server';
import { normalisePassCode } from './pass-code';

export interface CheckInInput {
  editionId: number;
  personId: number;
  /** a pass code as typed or scanned (dashes, spaces, the pass URL are fine) */
  code?: string;
  /** or the stand picked from the list */
  registrationId?: number;
  method: CheckInMethod;
  /** when a scan kept on the phone while offline was made (the server's clock otherwise) */
  scannedAt?: string;
  now?: Date;
}

export type CheckInOutcome =
  | { status: 'checked-in'; registrationId: number; organisation: string; pitch: string | null; at: string }
  | { status: 'already'; registrationId: number; organisation: string; pitch: string | null; at: string; by: string };

/** A scan made offline counts from when it was made, if that is believable: the last 24 hours, not the future. */
function arrivalTime(scannedAt: string | undefined, now: Date): string {
  if (!scannedAt) return now.toISOString();
  const at = Date.parse(scannedAt);
  if (!Number.isFinite(at) || at > now.getTime() || at < now.getTime() - 24 * 3_600_000) return now.toISOString();
  return new Date(at).toISOString();
}

async function findStand(trx: DB, input: CheckInInput) {
  const base = trx
    .selectFrom('registrations')
    .innerJoin('organisations', 'organisations.id', 'registrations.organisation_id')
    .leftJoin('pitches', 'pitches.registration_id', 'registrations.id')
    .select(['registrations.id', 'registrations.edition_id', 'registrations.state', 'organisations.name as organisation', 'pitches.label as pitch']);
  if (input.registrationId !== undefined) {
    const stand = await base.where('registrations.id', '=', input.registrationId).where('registrations.edition_id', '=', input.editionId).executeTakeFirst();
    if (!stand) throw new NotFoundError('festival-day:errors.unknownStand');
    return stand;
  }
  const code = normalisePassCode(input.code ?? '');
  if (!code) throw new ValidationError('festival-day:errors.codeFormat', { code: 'festival-day:errors.codeFormat' });
  const pass = await trx.selectFrom('stand_passes').select(['registration_id', 'edition_id']).where('code', '=', code).executeTakeFirst();
  if (!pass) throw new ValidationError('festival-day:errors.unknownCode', { code: 'festival-day:errors.unknownCode' });
  if (pass.edition_id !== input.editionId) {
    const other = await trx.selectFrom('editions').select('slug').where('id', '=', pass.edition_id).executeTakeFirstOrThrow();
    throw new ConflictError('festival-day:errors.otherEdition', { edition: other.slug });
  }
  return base.where('registrations.id', '=', pass.registration_id).executeTakeFirstOrThrow();
}

async function activeCheckIn(trx: DB, registrationId: number) {
  return trx
    .selectFrom('stand_check_ins')
    .leftJoin('people', 'people.id', 'stand_check_ins.checked_in_by')
    .select(['stand_check_ins.id', 'stand_check_ins.checked_in_at', 'people.name', 'people.email'])
    .where('stand_check_ins.registration_id', '=', registrationId)
    .where('stand_check_ins.undone_at', 'is', null)
    .executeTakeFirst();
}

export async function checkInStand(db: DB, input: CheckInInput): Promise<CheckInOutcome> {
  const now = input.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const stand = await findStand(trx, input);
    if (stand.state !== 'confirmed') throw new ConflictError('festival-day:errors.notConfirmed', { organisation: stand.organisation });
    const first = await activeCheckIn(trx, stand.id);
    if (first) {
      return { status: 'already' as const, registrationId: stand.id, organisation: stand.organisation, pitch: stand.pitch, at: first.checked_in_at, by: first.name || first.email || '' };
    }
    const at = arrivalTime(input.scannedAt, now);
    // the partial unique index keeps it at one, should two phones scan the same pass at once
    const inserted = await trx
      .insertInto('stand_check_ins')
      .values({ registration_id: stand.id, edition_id: input.editionId, checked_in_at: at, checked_in_by: input.personId, method: input.method })
      .onConflict((oc) => oc.column('registration_id').where('undone_at', 'is', null).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
      const winner = (await activeCheckIn(trx, stand.id))!;
      return { status: 'already' as const, registrationId: stand.id, organisation: stand.organisation, pitch: stand.pitch, at: winner.checked_in_at, by: winner.name || winner.email || '' };
    }
    await recordAudit(trx, { actorId: input.personId, action: 'stand.checked_in', subjectType: 'registration', subjectId: stand.id, details: { method: input.method, at }, at: now });
    return { status: 'checked-in' as const, registrationId: stand.id, organisation: stand.organisation, pitch: stand.pitch, at };
  });
}

/** Takes a check-in back (a mistap, the wrong stand): the row stays as undone, the audit log says who. */
export async function undoCheckIn(db: DB, input: { editionId: number; personId: number; registrationId: number; now?: Date }) {
  const now = input.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const stand = await trx
      .selectFrom('registrations')
      .innerJoin('organisations', 'organisations.id', 'registrations.organisation_id')
      .select(['registrations.id', 'organisations.name as organisation'])
      .where('registrations.id', '=', input.registrationId)
      .where('registrations.edition_id', '=', input.editionId)
      .executeTakeFirst();
    if (!stand) throw new NotFoundError('festival-day:errors.unknownStand');
    const active = await activeCheckIn(trx, stand.id);
    if (!active) throw new ConflictError('festival-day:errors.notCheckedIn', { organisation: stand.organisation });
    await trx.updateTable('stand_check_ins').set({ undone_at: now.toISOString(), undone_by: input.personId }).where('id', '=', active.id).execute();
    await recordAudit(trx, {
      actorId: input.personId,
      action: 'stand.check_in_undone',
      subjectType: 'registration',
      subjectId: stand.id,
      details: { checkedInAt: active.checked_in_at },
      at: now,
    });
    return { organisation: stand.organisation };
  });
}

export interface ArrivalStand {
  id: number;
  organisation: string;
  pitch: string | null;
  areaId: number | null;
  /** JSON by locale */
  areaName: string | null;
  arrivedAt: string | null;
  arrivedBy: string | null;
}

/**
 * Who is expected (the confirmed stands) and who has arrived, per area, with the setup window;
 * after the setup end the missing stands come with their contacts for the crew to call.
 */
export async function arrivalBoard(db: DB, editionId: number, options: { now?: Date } = {}) {
  const now = options.now ?? new Date();
  const [rows, setup] = await Promise.all([
    db
      .selectFrom('registrations')
      .innerJoin('organisations', 'organisations.id', 'registrations.organisation_id')
      .leftJoin('pitches', 'pitches.registration_id', 'registrations.id')
      .leftJoin('stages', 'stages.id', 'pitches.stage_id')
      .leftJoin('stand_check_ins as c', (join) => join.onRef('c.registration_id', '=', 'registrations.id').on('c.undone_at', 'is', null))
      .leftJoin('people as by', 'by.id', 'c.checked_in_by')
      .select([
        'registrations.id',
        'registrations.organisation_id',
        'organisations.name as organisation',
        'pitches.label as pitch',
        'stages.id as areaId',
        'stages.name as areaName',
        'stages.sort_order as areaOrder',
        'c.checked_in_at as arrivedAt',
        'by.name as byName',
        'by.email as byEmail',
      ])
      .where('registrations.edition_id', '=', editionId)
      .where('registrations.state', '=', 'confirmed')
      .execute(),
    setupWindowOf(db, editionId),
  ]);
  const pitchOrder = new Intl.Collator('de', { numeric: true });
  rows.sort((a, b) => (a.areaOrder ?? Infinity) - (b.areaOrder ?? Infinity) || pitchOrder.compare(a.pitch ?? '', b.pitch ?? '') || pitchOrder.compare(a.organisation, b.organisation));
  const stands: ArrivalStand[] = rows.map((r) => ({
    id: r.id,
    organisation: r.organisation,
    pitch: r.pitch,
    areaId: r.areaId,
    areaName: r.areaName,
    arrivedAt: r.arrivedAt,
    arrivedBy: r.arrivedAt ? r.byName || r.byEmail || '' : null,
  }));
  const areas = new Map<number | null, { areaId: number | null; areaName: string | null; expected: number; arrived: number }>();
  for (const s of stands) {
    const area = areas.get(s.areaId) ?? { areaId: s.areaId, areaName: s.areaName, expected: 0, arrived: 0 };
    area.expected += 1;
    if (s.arrivedAt) area.arrived += 1;
    areas.set(s.areaId, area);
  }
  const setupOver = Boolean(setup && now.toISOString() >= setup.endsAt);
  const missingIds = rows.filter((r) => !r.arrivedAt);
  // contacts only once the setup has ended: then the crew calls them
  const contacts =
    setupOver && missingIds.length > 0
      ? await db
          .selectFrom('memberships')
          .innerJoin('people', 'people.id', 'memberships.person_id')
          .select(['memberships.organisation_id', 'people.name', 'people.email'])
          .where('memberships.organisation_id', 'in', [...new Set(missingIds.map((r) => r.organisation_id))])
          .where('people.erased_at', 'is', null)
          .orderBy('people.id')
          .execute()
      : [];
  const missing = missingIds.map((r) => ({
    id: r.id,
    organisation: r.organisation,
    pitch: r.pitch,
    areaName: r.areaName,
    contacts: contacts.filter((c) => c.organisation_id === r.organisation_id).map((c) => ({ name: c.name, email: c.email })),
  }));
  return {
    stands,
    areas: [...areas.values()],
    total: { expected: stands.length, arrived: stands.filter((s) => s.arrivedAt).length },
    setup,
    setupOver,
    missing,
  };
}

export type ArrivalBoard = Awaited<ReturnType<typeof arrivalBoard>>;
