/**
 * An owner invites another contact person by email. The link in the mail is valid for a
 * week, works once, and signs the invitee in (the mail proves the address, as a sign-in
 * link does); accepting makes them a member of the organisation.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/connection';
import type { Database } from '../../../db/schema';
import type { MailLink } from '../mail/links';
import type { Person } from '../../../db/schema';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { enqueueMail } from '../mail/outbox.server';
import { getMembership } from './profile.server';

export const INVITATION_DAYS = 7;
type Executor = Kysely<Database> | Transaction<Database>;
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function inviteContactPerson(
  db: DB,
  input: { personId: number; organisationId: number; email: string; locale: string; publicUrl: string; now?: Date },
): Promise<{ invitationId: number }> {
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  // a placeholder hash nobody knows the token of: the real one is minted at send time (docs/decisions/091)
  const placeholder = randomBytes(32).toString('base64url');
  return db.transaction().execute(async (trx) => {
    const role = await getMembership(trx, input.personId, input.organisationId);
    if (role !== 'owner') throw new ForbiddenError('registration:errors.ownersOnly');
    const already = await trx
      .selectFrom('memberships')
      .innerJoin('people', 'people.id', 'memberships.person_id')
      .select('people.id')
      .where('memberships.organisation_id', '=', input.organisationId)
      .where('people.email', '=', email)
      .executeTakeFirst();
    if (already) throw new ValidationError('registration:errors.alreadyMember', { email: 'registration:errors.alreadyMember' });
    const [organisation, inviter, invitee] = await Promise.all([
      trx.selectFrom('organisations').select('name').where('id', '=', input.organisationId).executeTakeFirstOrThrow(),
      trx.selectFrom('people').select(['name', 'email']).where('id', '=', input.personId).executeTakeFirstOrThrow(),
      trx.selectFrom('people').select('locale').where('email', '=', email).executeTakeFirst(),
    ]);
    const locale = invitee?.locale ?? input.locale;
    const invitation = await trx
      .insertInto('invitations')
      .values({
        organisation_id: input.organisationId,
        email,
        token_hash: hash(placeholder),
        invited_by: input.personId,
        locale,
        expires_at: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await enqueueMail(trx, {
      to: email,
      locale,
      template: 'organisation-invitation',
      payload: { organisationName: organisation.name, inviterName: inviter.name || inviter.email, link: { kind: 'invitation', id: invitation.id, base: input.publicUrl } satisfies MailLink, days: INVITATION_DAYS },
      dedupeKey: `invitation:${invitation.id}`,
    });
    return { invitationId: invitation.id };
  });
}

/**
 * Makes the invitation's token now, as its mail is sent: earlier links stop working, and an
 * open invitation is valid for INVITATION_DAYS from sending.
 */
export async function mintInvitationLink(db: Executor, invitationId: number, base: string, now: Date = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.updateTable('invitations').set({ token_hash: hash(token) }).where('id', '=', invitationId).execute();
  await db
    .updateTable('invitations')
    .set({ expires_at: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString() })
    .where('id', '=', invitationId)
    .where('accepted_at', 'is', null)
    .execute();
  return `${base}/invitations/${token}`;
}

async function findUsable(db: DB, token: string, now: Date) {
  const row = await db
    .selectFrom('invitations')
    .innerJoin('organisations', 'organisations.id', 'invitations.organisation_id')
    .select(['invitations.id', 'invitations.email', 'invitations.locale', 'invitations.expires_at', 'invitations.accepted_at', 'invitations.organisation_id', 'organisations.name as organisation_name'])
    .where('invitations.token_hash', '=', hash(token))
    .executeTakeFirst();
  if (!row) throw new NotFoundError('registration:errors.invitationInvalid');
  if (row.accepted_at) throw new ConflictError('registration:errors.invitationUsed');
  if (row.expires_at <= now.toISOString()) throw new ConflictError('registration:errors.invitationExpired');
  return row;
}

/** What the invitation page shows before the invitee accepts (a GET never uses the token). */
export async function getInvitation(db: DB, token: string, now: Date = new Date()) {
  const row = await findUsable(db, token, now);
  return { email: row.email, organisationName: row.organisation_name, organisationId: row.organisation_id };
}

/** Accepts once: the person (created if new) becomes a contact person of the organisation. */
export async function acceptInvitation(db: DB, token: string, now: Date = new Date()): Promise<{ person: Person; organisationId: number }> {
  return db.transaction().execute(async (trx) => {
    const row = await findUsable(trx, token, now);
    let person = await trx.selectFrom('people').selectAll().where('email', '=', row.email).executeTakeFirst();
    person ??= await trx.insertInto('people').values({ email: row.email, name: '', locale: row.locale, role: 'member' }).returningAll().executeTakeFirstOrThrow();
    await trx
      .insertInto('memberships')
      .values({ person_id: person.id, organisation_id: row.organisation_id, role: 'member' })
      .onConflict((oc) => oc.columns(['person_id', 'organisation_id']).doNothing())
      .execute();
    const used = await trx
      .updateTable('invitations')
      .set({ accepted_at: now.toISOString(), accepted_by: person.id })
      .where('id', '=', row.id)
      .where('accepted_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw new ConflictError('registration:errors.invitationUsed');
    return { person, organisationId: row.organisation_id };
  });
}
