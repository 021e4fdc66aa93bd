/**
 * Bulk mail to the exhibitors of an edition: organisers choose who (application state,
 * stand type, and area once pitches exist), write subject and text in German and any other
 * language, look at a preview, then send. Each recipient gets one outbox row in their
 * language – or in German when it was not written in theirs – keyed by campaign and
 * person, so a repeated send never mails anyone twice.
 */
import type { DB } from '../../../db/connection';
import type { RegistrationState } from '../../../db/schema';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../lib/i18n';
import { recordAudit } from '../audit/audit.server';
import { ValidationError } from '../errors';
import { preferencesTokenFor, preferencesUrls, wantsCirculars } from '../mail/preferences.server';
import { enqueueMail } from '../mail/outbox.server';
import { assertCanManageEdition, type Actor } from '../people/authorise.server';
import { CAMPAIGN_STATES } from './constants';
import { officeProviders } from './providers.server';

export { CAMPAIGN_STATES } from './constants';

export interface CampaignFilters {
  states: RegistrationState[];
  standTypeIds: number[];
  /** stages of kind 'area'; used only when the schedule branch provides registrationsByArea */
  areaIds: number[];
}

export interface CampaignTexts {
  subject: Partial<Record<Locale, string>>;
  body: Partial<Record<Locale, string>>;
}

export interface Recipient {
  personId: number;
  email: string;
  locale: string;
  organisation: string;
}

export async function campaignRecipients(db: DB, editionId: number, filters: CampaignFilters): Promise<Recipient[]> {
  const states = filters.states.length ? filters.states : CAMPAIGN_STATES;
  let query = db
    .selectFrom('registrations')
    .innerJoin('memberships', 'memberships.organisation_id', 'registrations.organisation_id')
    .innerJoin('people', 'people.id', 'memberships.person_id')
    .innerJoin('organisations', 'organisations.id', 'registrations.organisation_id')
    .select(['people.id as personId', 'people.email', 'people.locale', 'organisations.name as organisation'])
    .where('registrations.edition_id', '=', editionId)
    .where('registrations.state', 'in', states)
    .where('people.erased_at', 'is', null)
    // who stopped circulars with the link in one of them gets none
    .where(wantsCirculars);
  if (filters.standTypeIds.length) query = query.where('registrations.stand_type_id', 'in', filters.standTypeIds);
  if (filters.areaIds.length && officeProviders.registrationsByArea) {
    const ids = await officeProviders.registrationsByArea(db, editionId, filters.areaIds);
    if (ids.length === 0) return [];
    query = query.where('registrations.id', 'in', ids);
  }
  const rows = await query.orderBy('people.id').execute();
  // One message per person, also when they speak for two exhibiting organisations.
  const seen = new Set<number>();
  return rows.filter((r) => (seen.has(r.personId) ? false : (seen.add(r.personId), true)));
}

/** The language a recipient's message is in: theirs when the organiser wrote it, else German. */
export function messageFor(texts: CampaignTexts, locale: string): { locale: Locale; subject: string; body: string } {
  const own = isLocale(locale) && texts.subject[locale]?.trim() && texts.body[locale]?.trim() ? locale : DEFAULT_LOCALE;
  return { locale: own, subject: texts.subject[own]!.trim(), body: texts.body[own]!.trim() };
}

function assertGerman(texts: CampaignTexts) {
  const errors: Record<string, string> = {};
  if (!texts.subject.de?.trim()) errors['subject_de'] = 'forms:errors.required';
  if (!texts.body.de?.trim()) errors['body_de'] = 'forms:errors.required';
  if (Object.keys(errors).length) throw new ValidationError('admin:mail.errors.germanRequired', errors);
}

/** The payload of one circular (emails/campaign.ts renders it). */
export interface CampaignMessage {
  campaignId: number;
  /** already in the message's language (the recipient's, or German when not written in theirs) */
  subject: string;
  body: string;
  /** JSON keyed by locale */
  editionTitle: string;
  /** the page that stops circulars, and its one-click twin (missing in messages queued before they existed) */
  stopUrl?: string;
  oneClickUrl?: string;
}

export async function previewCampaign(db: DB, actor: Actor, editionId: number, filters: CampaignFilters, texts: CampaignTexts, previewPersonId?: number) {
  const edition = await assertCanManageEdition(db, actor, editionId);
  assertGerman(texts);
  const recipients = await campaignRecipients(db, editionId, filters);
  const byLanguage: Record<string, number> = {};
  for (const r of recipients) {
    const lang = messageFor(texts, r.locale).locale;
    byLanguage[lang] = (byLanguage[lang] ?? 0) + 1;
  }
  const sample = recipients.find((r) => r.personId === previewPersonId) ?? recipients[0];
  // what the sample recipient's message is rendered from (the route renders it with the template)
  let rendered: { locale: Locale; organisation: string; payload: CampaignMessage } | null = null;
  if (sample) {
    const message = messageFor(texts, sample.locale);
    rendered = { locale: message.locale, organisation: sample.organisation, payload: { campaignId: 0, subject: message.subject, body: message.body, editionTitle: edition.title } };
  }
  return {
    count: recipients.length,
    byLanguage,
    sample: rendered,
    choices: recipients.map((r) => ({ personId: r.personId, organisation: r.organisation, locale: r.locale })),
  };
}

export async function sendCampaign(
  db: DB,
  actor: Actor,
  editionId: number,
  filters: CampaignFilters,
  texts: CampaignTexts,
  /** where the stop link in each message points (the site's public address) */
  publicUrl: string,
): Promise<{ campaignId: number; count: number }> {
  const edition = await assertCanManageEdition(db, actor, editionId);
  assertGerman(texts);
  return db.transaction().execute(async (trx) => {
    const recipients = await campaignRecipients(trx, editionId, filters);
    if (recipients.length === 0) throw new ValidationError('admin:mail.errors.noRecipients');
    const campaign = await trx
      .insertInto('mail_campaigns')
      .values({
        edition_id: editionId,
        created_by: actor.id,
        filters: JSON.stringify(filters),
        subject: JSON.stringify(texts.subject),
        body: JSON.stringify(texts.body),
        recipient_count: recipients.length,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const r of recipients) {
      const message = messageFor(texts, r.locale);
      const stop = preferencesUrls(publicUrl, await preferencesTokenFor(trx, r.personId));
      await enqueueMail(trx, {
        to: r.email,
        locale: message.locale,
        template: 'campaign',
        payload: { campaignId: campaign.id, subject: message.subject, body: message.body, editionTitle: edition.title, stopUrl: stop.page, oneClickUrl: stop.oneClick },
        dedupeKey: `campaign:${campaign.id}:${r.personId}`,
      });
    }
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'campaign.sent',
      subjectType: 'edition',
      subjectId: editionId,
      details: { campaignId: campaign.id, recipients: recipients.length, filters },
    });
    return { campaignId: campaign.id, count: recipients.length };
  });
}

export async function listCampaigns(db: DB, actor: Actor, editionId: number) {
  await assertCanManageEdition(db, actor, editionId);
  return db
    .selectFrom('mail_campaigns')
    .leftJoin('people', 'people.id', 'mail_campaigns.created_by')
    .select(['mail_campaigns.id', 'mail_campaigns.subject', 'mail_campaigns.recipient_count', 'mail_campaigns.created_at', 'people.name as created_by_name'])
    .where('mail_campaigns.edition_id', '=', editionId)
    .orderBy('mail_campaigns.id', 'desc')
    .execute();
}
