/**
 * Stand passes: every confirmed stand has one (docs/decisions/110). Issued in the transaction
 * that confirms the stand (the registration's one transition function calls issueStandPass),
 * kept when the pitch changes (the code names the stand, not the pitch: a printed pass stays
 * valid and the pass page and the check-in always show the current pitch), and refused at
 * check-in once the stand is no longer confirmed.
 */
import { randomInt } from 'node:crypto';
import type { DB } from '../../../db/connection';
import { getPitchForRegistration } from '../siteplan/pitches.server';
import { enqueueMail } from '../mail/outbox.server';
import { formatPassCode, newPassCode, passUrl } from './pass-code';

/** Gives a registration its pass unless it has one; returns the code. Safe to call twice. */
export async function issueStandPass(trx: DB, registrationId: number, editionId: number): Promise<string> {
  const existing = await trx.selectFrom('stand_passes').select('code').where('registration_id', '=', registrationId).executeTakeFirst();
  if (existing) return existing.code;
  for (;;) {
    const code = newPassCode(randomInt);
    const inserted = await trx
      .insertInto('stand_passes')
      .values({ registration_id: registrationId, edition_id: editionId, code })
      .onConflict((oc) => oc.column('code').doNothing())
      .executeTakeFirst();
    // a collision of two random codes (about one in 10^10 per pass): draw again
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return code;
  }
}

/** Passes for confirmed stands that have none (the demo seed writes registrations directly). */
export async function issueMissingPasses(trx: DB): Promise<number> {
  const missing = await trx
    .selectFrom('registrations')
    .select(['id', 'edition_id'])
    .where('state', '=', 'confirmed')
    .where('id', 'not in', (eb) => eb.selectFrom('stand_passes').select('registration_id'))
    .execute();
  for (const r of missing) await issueStandPass(trx, r.id, r.edition_id);
  return missing.length;
}

/**
 * A confirmed stand's pass with its current pitch, or null (not confirmed, or no pass).
 * The caller has checked who asks (getApplicationForMember for the association).
 */
export async function standPassOf(db: DB, registrationId: number) {
  const [code, pitch] = await Promise.all([passCodeOf(db, registrationId), getPitchForRegistration(db, registrationId)]);
  if (!code) return null;
  return { code, pitch: pitch ? { label: pitch.label, area: pitch.area_name } : null };
}

/** The code of a confirmed stand's pass, for messages written in the confirming transaction. */
export async function passCodeOf(db: DB, registrationId: number): Promise<string | null> {
  const row = await db
    .selectFrom('stand_passes')
    .innerJoin('registrations', 'registrations.id', 'stand_passes.registration_id')
    .select('stand_passes.code')
    .where('stand_passes.registration_id', '=', registrationId)
    .where('registrations.state', '=', 'confirmed')
    .executeTakeFirst();
  return row?.code ?? null;
}

export interface PassMailPart {
  /** "D27-F3-7K" */
  code: string;
  /** the pass page of the association (print it, or show it on the phone) */
  url: string;
  /** what the QR code holds */
  qrText: string;
}

/** The pass for a message written in the transaction that confirmed the stand (the receipt, the waiver). */
export async function passForMail(trx: DB, registrationId: number, publicUrl: string): Promise<PassMailPart | null> {
  const row = await trx
    .selectFrom('stand_passes')
    .innerJoin('editions', 'editions.id', 'stand_passes.edition_id')
    .innerJoin('registrations', 'registrations.id', 'stand_passes.registration_id')
    .select(['stand_passes.code', 'editions.slug'])
    .where('stand_passes.registration_id', '=', registrationId)
    .where('registrations.state', '=', 'confirmed')
    .executeTakeFirst();
  if (!row) return null;
  return { code: formatPassCode(row.code), url: `${publicUrl}/account/applications/${registrationId}/pass`, qrText: passUrl(publicUrl, row.slug, row.code) };
}

export interface StandConfirmedPayload {
  organisation: string;
  /** JSON by locale */
  edition: string;
  pass: PassMailPart;
}

/**
 * An organiser confirmed the stand from the review queue (a free stand, say): no payment or
 * waiver message tells the association, so this one does, with its pass. Same transaction.
 */
export async function mailStandConfirmed(trx: DB, registrationId: number, publicUrl: string): Promise<number> {
  const pass = await passForMail(trx, registrationId, publicUrl);
  if (!pass) return 0;
  const reg = await trx
    .selectFrom('registrations')
    .innerJoin('organisations', 'organisations.id', 'registrations.organisation_id')
    .innerJoin('editions', 'editions.id', 'registrations.edition_id')
    .select(['registrations.organisation_id', 'organisations.name', 'editions.title'])
    .where('registrations.id', '=', registrationId)
    .executeTakeFirstOrThrow();
  const contacts = await trx
    .selectFrom('memberships')
    .innerJoin('people', 'people.id', 'memberships.person_id')
    .select(['people.id', 'people.email', 'people.locale'])
    .where('memberships.organisation_id', '=', reg.organisation_id)
    .where('people.erased_at', 'is', null)
    .orderBy('people.id')
    .execute();
  const payload: StandConfirmedPayload = { organisation: reg.name, edition: reg.title, pass };
  for (const c of contacts) {
    await enqueueMail(trx, { to: c.email, locale: c.locale, template: 'stand-confirmed', payload, dedupeKey: `stand-confirmed:${registrationId}:${c.id}` });
  }
  return contacts.length;
}
