/**
 * "Now and next" at one stage, for a screen beside it: the item on now and the next two,
 * from the published program only. Cancelled items stay in the list, marked; an item whose
 * last published change moved it says from when and where (docs/decisions/112).
 */
import type { DB } from '../../../db/connection';
import { NotFoundError } from '../errors';
import { parseChanges } from '../schedule/changes';

const PUBLIC_STATUSES = ['published', 'archived'] as const;
export const NEXT_COUNT = 2;

export interface StageItem {
  uid: string;
  /** JSON by locale */
  title: string;
  starts_at: string;
  ends_at: string;
  status: 'scheduled' | 'cancelled';
  host: string | null;
  /** JSON array of language codes */
  languages: string;
  /** where and when it was before its last published move, if it was moved */
  movedFrom: { starts_at: string; stage_id: number | null; stage_name: string | null } | null;
}

/** The edition and stage named in the URL (a published edition only). */
export async function publicStage(db: DB, editionSlug: string, stageSlug: string) {
  const stage = await db
    .selectFrom('stages')
    .innerJoin('editions', 'editions.id', 'stages.edition_id')
    .innerJoin('venues', 'venues.id', 'stages.venue_id')
    .select(['stages.id', 'stages.slug', 'stages.name', 'stages.kind', 'venues.name as venue_name', 'editions.id as edition_id', 'editions.slug as edition_slug', 'editions.title as edition_title'])
    .where('editions.slug', '=', editionSlug)
    .where('editions.status', 'in', PUBLIC_STATUSES)
    .where('stages.slug', '=', stageSlug)
    .executeTakeFirst();
  if (!stage) throw new NotFoundError('festival-day:errors.unknownStage');
  return stage;
}

export async function stageNowAndNext(db: DB, editionSlug: string, stageSlug: string, at: Date = new Date()) {
  const stage = await publicStage(db, editionSlug, stageSlug);
  const instant = at.toISOString();
  const [rows, releases, stages] = await Promise.all([
    db
      .selectFrom('program_items')
      .leftJoin('organisations', 'organisations.id', 'program_items.host_organisation_id')
      .select([
        'program_items.uid',
        'program_items.title',
        'program_items.starts_at',
        'program_items.ends_at',
        'program_items.status',
        'program_items.languages',
        'organisations.name as host',
      ])
      .where('program_items.stage_id', '=', stage.id)
      .where('program_items.ends_at', '>', instant)
      .orderBy('program_items.starts_at')
      .orderBy('program_items.uid')
      .limit(50)
      .execute(),
    db.selectFrom('schedule_releases').select(['changes']).where('edition_id', '=', stage.edition_id).orderBy('version').execute(),
    db.selectFrom('stages').select(['id', 'name']).where('edition_id', '=', stage.edition_id).execute(),
  ]);
  // the last published change of each item decides whether it shows as moved
  const lastChange = new Map<string, ReturnType<typeof parseChanges>[number]>();
  for (const r of releases) for (const c of parseChanges(r.changes)) lastChange.set(c.uid, c);
  const stageNames = new Map(stages.map((s) => [s.id, s.name]));
  const items: StageItem[] = rows.map((r) => {
    const change = lastChange.get(r.uid);
    const moved = change && change.change === 'moved' && change.previous ? change.previous : null;
    return {
      ...r,
      movedFrom: moved ? { starts_at: moved.starts_at, stage_id: moved.stage_id, stage_name: moved.stage_id !== stage.id && moved.stage_id !== null ? (stageNames.get(moved.stage_id) ?? null) : null } : null,
    };
  });
  const now = items.find((i) => i.status === 'scheduled' && i.starts_at <= instant) ?? null;
  // a cancelled item in the slot of now is shown too, marked, so nobody waits for it
  const cancelledNow = items.filter((i) => i.status === 'cancelled' && i.starts_at <= instant);
  const next = items.filter((i) => i.starts_at > instant).slice(0, NEXT_COUNT);
  return { stage, at: instant, now, cancelledNow, next };
}

/** A published edition's title and its stages (not areas), for the grounds sign and the list of screens. */
export async function publicEditionStages(db: DB, editionSlug: string) {
  const edition = await db
    .selectFrom('editions')
    .select(['id', 'slug', 'title'])
    .where('slug', '=', editionSlug)
    .where('status', 'in', PUBLIC_STATUSES)
    .executeTakeFirst();
  if (!edition) throw new NotFoundError('errors.editionNotFound');
  const stages = await db.selectFrom('stages').select(['slug', 'name']).where('edition_id', '=', edition.id).where('kind', '=', 'stage').orderBy('sort_order').orderBy('id').execute();
  return { edition, stages };
}
