/** A person's own settings: the name the organisers and other contact people see, and the language of their email. */
import type { DB } from '../../../db/connection';
import type { Locale } from '../../lib/i18n';

export async function updatePersonSettings(db: DB, personId: number, input: { name: string; locale: Locale }): Promise<void> {
  await db.updateTable('people').set({ name: input.name, locale: input.locale }).where('id', '=', personId).execute();
}
