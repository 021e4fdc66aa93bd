/**
 * Writing to volunteers: those of an edition, of one role or of one shift, each in their own
 * language (or German when the organiser did not write in theirs), the way the bulk mail to
 * exhibitors does it. A group is written to through its contact. One outbox row per person
 * and message (a repeated send mails nobody twice); kept as a campaign, in the audit log.
 */
import type { DB } from '../../../db/connection';
import { recordAudit } from '../audit/audit.server';
import { ValidationError } from '../errors';
import { enqueueMail } from '../mail/outbox.server';
import { messageFor, type CampaignTexts } from '../office/campaigns.server';
import { assertCanManageEdition, type Actor } from '../people/authorise.server';

export interface VolunteerAudience {
  roleId?: number;
  shiftId?: number;
}

/** People with a place (confirmed or waiting) on a live shift of the audience, and the contacts of groups; once each. */
export async function volunteerRecipients(db: DB, editionId: number, audience: VolunteerAudience) {
  let q = db
    .selectFrom('volunteer_signups as s')
    .innerJoin('volunteer_shifts as sh', 'sh.id', 's.shift_id')
    .leftJoin('volunteer_groups as g', 'g.id', 's.group_id')
    .innerJoin('people as p', (join) => join.on((eb) => eb.or([eb('p.id', '=', eb.ref('s.person_id')), eb('p.id', '=', eb.ref('g.contact_person_id'))])))
    .select(['p.id as personId', 'p.email', 'p.locale'])
    .where('s.edition_id', '=', editionId)
    .where('s.status', 'in', ['confirmed', 'waiting'])
    .where('sh.cancelled_at', 'is', null)
    .where('p.erased_at', 'is', null);
  if (audience.roleId) q = q.where('sh.role_id', '=', audience.roleId);
  if (audience.shiftId) q = q.where('sh.id', '=', audience.shiftId);
  const rows = await q.orderBy('p.id').execute();
  const seen = new Set<number>();
  return rows.filter((r) => (seen.has(r.personId) ? false : (seen.add(r.personId), true)));
}

function assertGerman(texts: CampaignTexts) {
  const errors: Record<string, string> = {};
  if (!texts.subject.de?.trim()) errors['subject_de'] = 'forms:errors.required';
  if (!texts.body.de?.trim()) errors['body_de'] = 'forms:errors.required';
  if (Object.keys(errors).length) throw new ValidationError('admin:mail.errors.germanRequired', errors);
}

/** How many get it, by the language their message is in. */
export async function previewVolunteerMail(db: DB, actor: Actor, editionId: number, audience: VolunteerAudience, texts: CampaignTexts) {
  await assertCanManageEdition(db, actor, editionId);
  assertGerman(texts);
  const recipients = await volunteerRecipients(db, editionId, audience);
  const byLanguage: Record<string, number> = {};
  for (const r of recipients) {
    const lang = messageFor(texts, r.locale).locale;
    byLanguage[lang] = (byLanguage[lang] ?? 0) + 1;
  }
  return { count: recipients.length, byLanguage };
}

export async function sendVolunteerMail(db: DB, actor: Actor, editionId: number, audience: VolunteerAudience, texts: CampaignTexts, publicUrl: string): Promise<{ count: number }> {
  const edition = await assertCanManageEdition(db, actor, editionId);
  assertGerman(texts);
  return db.transaction().execute(async (trx) => {
    const recipients = await volunteerRecipients(trx, editionId, audience);
    if (recipients.length === 0) throw new ValidationError('volunteers:errors.noRecipients');
    const campaign = await trx
      .insertInto('mail_campaigns')
      .values({ edition_id: editionId, created_by: actor.id, filters: JSON.stringify({ volunteers: audience }), subject: JSON.stringify(texts.subject), body: JSON.stringify(texts.body), recipient_count: recipients.length })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const r of recipients) {
      const message = messageFor(texts, r.locale);
      await enqueueMail(trx, {
        to: r.email,
        locale: message.locale,
        template: 'volunteer-message',
        payload: { campaignId: campaign.id, subject: message.subject, body: message.body, editionTitle: edition.title, accountUrl: `${publicUrl}/account/volunteering` },
        dedupeKey: `volunteer-campaign:${campaign.id}:${r.personId}`,
      });
    }
    await recordAudit(trx, { actorId: actor.id, action: 'volunteer_campaign.sent', subjectType: 'edition', subjectId: editionId, details: { campaignId: campaign.id, recipients: recipients.length, ...audience } });
    return { count: recipients.length };
  });
}
