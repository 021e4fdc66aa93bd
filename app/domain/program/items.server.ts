import type { DB } from '../../../db/connection';
import { NotFoundError } from '../errors';
import { emptyFilter } from './program-filter';
import { findPublicProgramItems } from './public-program.server';

/** One program item of a public edition, with where it happens and who hosts it. */
export async function getPublicProgramItem(db: DB, uid: string) {
  const [item] = await findPublicProgramItems(db, emptyFilter(), { uids: [uid] });
  if (!item) throw new NotFoundError('errors.itemNotFound');
  return item;
}

/**
 * When a published release moved the item, where it was first announced to start (the
 * `previous` of its earliest "moved" change); null for an item never moved.
 */
export async function firstAnnouncedStart(db: DB, editionId: number, uid: string): Promise<string | null> {
  const releases = await db.selectFrom('schedule_releases').select('changes').where('edition_id', '=', editionId).orderBy('version').execute();
  for (const release of releases) {
    let changes: unknown;
    try {
      changes = JSON.parse(release.changes);
    } catch {
      continue;
    }
    if (!Array.isArray(changes)) continue;
    const moved = changes.find((c: { uid?: string; change?: string; previous?: { starts_at?: string } }) => c?.uid === uid && c.change === 'moved' && c.previous?.starts_at);
    if (moved) return (moved as { previous: { starts_at: string } }).previous.starts_at;
  }
  return null;
}
