/**
 * The second factor of office people: TOTP (RFC 6238, 30-second steps, 6 digits) through
 * otplib (docs/decisions/060). A code is accepted one step early or late (clock drift) and
 * never twice: the last accepted step is stored and only later steps pass.
 */
import { generateSecret, generateURI, verifySync } from 'otplib';
import type { DB } from '../../../db/connection';
import type { Person } from '../../../db/schema';
import { recordAudit } from '../audit/audit.server';
import { ConflictError, ValidationError } from '../errors';
import { assertAdministrator, isOfficePerson, type Actor } from './authorise.server';
import { endSessionsOf } from './sessions.server';

export const TOTP_ISSUER = 'Festplatz';
export const TOTP_PERIOD_SECONDS = 30;
/** one step either side */
const TOLERANCE_SECONDS = 30;

export type SignInStep = 'done' | 'totp' | 'enrol';

/** What comes after the email link: nothing for associations, the code or the enrolment for office people. */
export async function nextSignInStep(db: DB, person: Person): Promise<SignInStep> {
  if (!(await isOfficePerson(db, person))) return 'done';
  return (await isEnrolled(db, person.id)) ? 'totp' : 'enrol';
}

export async function isEnrolled(db: DB, personId: number): Promise<boolean> {
  const row = await db.selectFrom('totp_credentials').select('confirmed_at').where('person_id', '=', personId).executeTakeFirst();
  return Boolean(row?.confirmed_at);
}

/** The secret being enrolled: the same one until it is confirmed, so a reload does not invalidate a scanned code. */
export async function enrolmentSecret(db: DB, personId: number): Promise<string> {
  const row = await db.selectFrom('totp_credentials').selectAll().where('person_id', '=', personId).executeTakeFirst();
  if (row?.confirmed_at) throw new ConflictError('admin:twoFactor.errors.alreadyEnrolled');
  if (row) return row.secret;
  const secret = generateSecret();
  await db.insertInto('totp_credentials').values({ person_id: personId, secret }).onConflict((oc) => oc.column('person_id').doNothing()).execute();
  const stored = await db.selectFrom('totp_credentials').select('secret').where('person_id', '=', personId).executeTakeFirstOrThrow();
  return stored.secret;
}

export function otpauthUri(secret: string, email: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret, period: TOTP_PERIOD_SECONDS });
}

/** "ABCD EFGH …": easier to type from the screen. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

function normaliseCode(code: string): string {
  const digits = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(digits)) throw new ValidationError('admin:twoFactor.errors.codeFormat', { code: 'admin:twoFactor.errors.codeFormat' });
  return digits;
}

function check(secret: string, code: string, afterStep: number, now: Date): number | null {
  const result = verifySync({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    period: TOTP_PERIOD_SECONDS,
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterStep > 0 ? { afterTimeStep: afterStep } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

const wrongCode = () => new ValidationError('admin:twoFactor.errors.codeWrong', { code: 'admin:twoFactor.errors.codeWrong' });

/** The first code from the app confirms the enrolment. */
export async function confirmEnrolment(db: DB, personId: number, code: string, now: Date = new Date()): Promise<void> {
  const digits = normaliseCode(code);
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('totp_credentials').selectAll().where('person_id', '=', personId).executeTakeFirst();
    if (!row) throw new ValidationError('admin:twoFactor.errors.noEnrolment');
    if (row.confirmed_at) throw new ConflictError('admin:twoFactor.errors.alreadyEnrolled');
    const step = check(row.secret, digits, 0, now);
    if (step === null) throw wrongCode();
    await trx.updateTable('totp_credentials').set({ confirmed_at: now.toISOString(), last_step: step }).where('person_id', '=', personId).execute();
    await recordAudit(trx, { actorId: personId, action: 'security.totp_enrolled', subjectType: 'person', subjectId: personId, at: now });
  });
}

/** A code at sign-in: right, not used before (replay), for an enrolled person. */
export async function verifySecondFactor(db: DB, personId: number, code: string, now: Date = new Date()): Promise<void> {
  const digits = normaliseCode(code);
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('totp_credentials').selectAll().where('person_id', '=', personId).executeTakeFirst();
    if (!row?.confirmed_at) throw new ValidationError('admin:twoFactor.errors.noEnrolment');
    const step = check(row.secret, digits, row.last_step, now);
    if (step === null) throw wrongCode();
    // The step only moves forward, also against a concurrent sign-in with the same code.
    const moved = await trx
      .updateTable('totp_credentials')
      .set({ last_step: step })
      .where('person_id', '=', personId)
      .where('last_step', '<', step)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw wrongCode();
    await recordAudit(trx, { actorId: personId, action: 'security.signed_in', subjectType: 'person', subjectId: personId, at: now });
  });
}

/** An administrator removes someone's second factor (lost phone); they enrol again at their next sign-in. */
export async function resetSecondFactor(db: DB, actor: Actor, personId: number): Promise<void> {
  assertAdministrator(actor);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('totp_credentials').where('person_id', '=', personId).execute();
    // a second factor that may be lost or known to someone else: its sessions end too
    await endSessionsOf(trx, personId);
    await recordAudit(trx, { actorId: actor.id, action: 'security.totp_reset', subjectType: 'person', subjectId: personId });
  });
}
