/**
 * Consents, each with the time it was given and the version of the wording agreed to:
 * the public listing of an organisation's stand (per application) and the acknowledgement
 * of the privacy notice (at sign-in). Withdrawing keeps the row and sets withdrawn_at.
 */
import type { DB } from '../../../db/connection';
import type { ConsentKind } from '../../../db/schema';
import { NotFoundError } from '../errors';
import { privacyNoticeVersion } from '../pages/pages.server';

/** Raise when the wording of the public-listing question on the application form changes. */
export const PUBLIC_LISTING_TEXT_VERSION = 'public-listing@2026-11-25';

export interface ConsentInput {
  personId: number;
  kind: ConsentKind;
  textVersion: string;
  subjectType?: string;
  subjectId?: number;
  at?: Date;
}

/** Call inside the transaction that stores what the consent is about (e.g. submitting an application). */
export async function recordConsent(trx: DB, input: ConsentInput): Promise<void> {
  await trx
    .insertInto('consents')
    .values({
      person_id: input.personId,
      kind: input.kind,
      text_version: input.textVersion,
      subject_type: input.subjectType ?? null,
      subject_id: input.subjectId ?? null,
      given_at: (input.at ?? new Date()).toISOString(),
    })
    .execute();
}

/** The public-listing consent of an application (registration branch: call when an application is submitted with consent). */
export async function recordPublicListingConsent(trx: DB, personId: number, registrationId: number, at?: Date): Promise<void> {
  await recordConsent(trx, { personId, kind: 'public_listing', textVersion: PUBLIC_LISTING_TEXT_VERSION, subjectType: 'registration', subjectId: registrationId, at });
}

/** At sign-in: the person saw the link to the privacy notice; recorded once per wording. */
export async function acknowledgePrivacyNotice(db: DB, personId: number, locale: string): Promise<void> {
  const version = await privacyNoticeVersion(db, locale);
  const existing = await db
    .selectFrom('consents')
    .select('id')
    .where('person_id', '=', personId)
    .where('kind', '=', 'privacy_notice')
    .where('text_version', '=', version)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  if (!existing) await recordConsent(db, { personId, kind: 'privacy_notice', textVersion: version });
}

export async function listConsents(db: DB, personId: number) {
  return db
    .selectFrom('consents')
    .leftJoin('registrations', (join) => join.onRef('registrations.id', '=', 'consents.subject_id').on('consents.subject_type', '=', 'registration'))
    .leftJoin('organisations', 'organisations.id', 'registrations.organisation_id')
    .leftJoin('editions', 'editions.id', 'registrations.edition_id')
    .select([
      'consents.id',
      'consents.kind',
      'consents.text_version',
      'consents.subject_type',
      'consents.subject_id',
      'consents.given_at',
      'consents.withdrawn_at',
      'organisations.name as organisation_name',
      'editions.title as edition_title',
    ])
    .where('consents.person_id', '=', personId)
    .orderBy('consents.given_at', 'desc')
    .orderBy('consents.id', 'desc')
    .execute();
}

/** A person withdraws one of their own consents; a public listing is taken off the program at once. */
export async function withdrawConsent(db: DB, personId: number, consentId: number, at: Date = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const consent = await trx
      .selectFrom('consents')
      .selectAll()
      .where('id', '=', consentId)
      .where('person_id', '=', personId)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
    if (!consent) throw new NotFoundError('admin:privacy.errors.consentNotFound');
    await trx.updateTable('consents').set({ withdrawn_at: at.toISOString() }).where('id', '=', consent.id).execute();
    if (consent.kind === 'public_listing' && consent.subject_type === 'registration' && consent.subject_id !== null) {
      await trx.updateTable('registrations').set({ public_consent: 0, updated_at: at.toISOString() }).where('id', '=', consent.subject_id).execute();
    }
  });
}
