// Frozen in time: never import application code here.
// Sign-in and invitation links used to be stored in clear in outbox.payload. Links are now
// minted when a message is sent (docs/decisions/091); the clear ones of messages already
// handled (sent or failed) are cut off here, so the database and its backups hold none.
// Messages still waiting keep theirs until they are sent.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    update outbox
    set payload = json_set(payload, '$.url', rtrim(substr(json_extract(payload, '$.url'), 1, instr(json_extract(payload, '$.url'), '?token=') + 6), '?token=') || '…')
    where template = 'sign-in-link' and status in ('sent', 'failed') and instr(json_extract(payload, '$.url'), '?token=') > 0
  `.execute(db);
  await sql`
    update outbox
    set payload = json_set(payload, '$.url', substr(json_extract(payload, '$.url'), 1, instr(json_extract(payload, '$.url'), '/invitations/') + 13) || '…')
    where template = 'organisation-invitation' and status in ('sent', 'failed') and instr(json_extract(payload, '$.url'), '/invitations/') > 0
  `.execute(db);
}

export async function down(): Promise<void> {
  // the links are gone for good
}
