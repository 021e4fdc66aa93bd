import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { mintInvitationLink } from '../organisations/invitations.server';
import { mintSignInLink } from '../people/sign-in.server';
import { mailLinkOf } from './links';

/** The payload the template renders: with a freshly minted link where the message has one. */
export async function payloadToSend(db: Kysely<Database>, payload: Record<string, unknown>, now: Date = new Date()): Promise<Record<string, unknown>> {
  const link = mailLinkOf(payload);
  if (!link) return payload;
  const url = link.kind === 'sign-in' ? await mintSignInLink(db, link.id, link.base, now) : await mintInvitationLink(db, link.id, link.base, now);
  const { link: _, ...rest } = payload;
  return { ...rest, url };
}
