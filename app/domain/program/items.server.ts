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
