/**
 * What changed between the published program (program_items) and the editor's drafts:
 * the changelog of a schedule release. Pure, shared by the publish use case and the
 * editor's "not yet published" preview.
 */
export type ChangeKind = 'added' | 'moved' | 'changed' | 'cancelled' | 'restored';

export interface ItemState {
  uid: string;
  stage_id: number | null;
  title: string;
  description: string;
  starts_at: string;
  ends_at: string;
  category: string;
  languages: string;
  accessibility: string;
  host_organisation_id: number | null;
  status: string;
}

export interface ReleaseChange {
  uid: string;
  change: ChangeKind;
  /** the item's title (JSON by locale) as published in this release */
  title?: string;
  stage_id?: number | null;
  starts_at?: string;
  ends_at?: string;
  /** where and when it was before, for moved items */
  previous?: { stage_id: number | null; starts_at: string; ends_at: string };
}

const collator = new Intl.Collator();
const PLACE = ['stage_id', 'starts_at', 'ends_at'] as const;
const DETAILS = ['title', 'description', 'category', 'languages', 'accessibility', 'host_organisation_id'] as const;

/** One change per item that differs; items never published and cancelled are left out. */
export function diffSchedule(published: ItemState[], drafts: ItemState[]): ReleaseChange[] {
  const before = new Map(published.map((p) => [p.uid, p]));
  const changes: ReleaseChange[] = [];
  for (const draft of [...drafts].sort((a, b) => (a.starts_at < b.starts_at ? -1 : a.starts_at > b.starts_at ? 1 : collator.compare(a.uid, b.uid)))) {
    const old = before.get(draft.uid);
    const now = { title: draft.title, stage_id: draft.stage_id, starts_at: draft.starts_at, ends_at: draft.ends_at };
    if (!old) {
      if (draft.status === 'scheduled') changes.push({ uid: draft.uid, change: 'added', ...now });
      continue;
    }
    const moved = PLACE.some((k) => old[k] !== draft[k]);
    const previous = moved ? { stage_id: old.stage_id, starts_at: old.starts_at, ends_at: old.ends_at } : undefined;
    if (old.status !== draft.status) {
      changes.push({ uid: draft.uid, change: draft.status === 'cancelled' ? 'cancelled' : 'restored', ...now, ...(previous ? { previous } : {}) });
    } else if (moved) {
      changes.push({ uid: draft.uid, change: 'moved', ...now, previous });
    } else if (DETAILS.some((k) => old[k] !== draft[k])) {
      changes.push({ uid: draft.uid, change: 'changed', ...now });
    }
  }
  return changes;
}

export function parseChanges(json: string): ReleaseChange[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as ReleaseChange[]).filter((c) => c && typeof c.uid === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * What a person is told about a change: a "moved" item whose start and stage stayed and
 * whose end moved got longer or shorter; one that only changed stage went to another stage.
 * Works on releases stored before this distinction (they keep `previous`).
 */
export type AnnouncedChange = ChangeKind | 'longer' | 'shorter' | 'otherStage';
export function announcedChange(c: {
  change: ChangeKind;
  stage_id?: number | null;
  starts_at?: string | null;
  ends_at?: string | null;
  previous?: ReleaseChange['previous'];
}): AnnouncedChange {
  if (c.change !== 'moved' || !c.previous || c.starts_at == null || c.ends_at == null) return c.change;
  const sameStage = c.previous.stage_id === c.stage_id;
  const sameStart = c.previous.starts_at === c.starts_at;
  const sameEnd = c.previous.ends_at === c.ends_at;
  if (sameStage && sameStart && !sameEnd) return c.ends_at > c.previous.ends_at ? 'longer' : 'shorter';
  if (!sameStage && sameStart && sameEnd) return 'otherStage';
  return 'moved';
}

/** The translation key of an announced change's label (the refined kinds live in the newcomer namespace). */
export function changeLabelKey(kind: AnnouncedChange, base: 'schedule:changes.kinds' | 'feeds:mail.update.change'): string {
  return kind === 'longer' || kind === 'shorter' || kind === 'otherStage' ? `newcomer:changes.${kind}` : `${base}.${kind}`;
}
