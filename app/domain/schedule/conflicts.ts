/**
 * Conflict rules of the schedule editor (docs/decisions/032). Pure: the editor and the
 * publish use case load the rows and ask. Hard conflicts block publishing; warnings are
 * shown but do not.
 */
import { DateTime } from 'luxon';
import { TIME_ZONE } from '../../lib/i18n';


export type ConflictKind =
  | 'stage_overlap'
  | 'outside_opening_hours'
  | 'stage_closed'
  | 'outside_edition'
  | 'stage_act_refused'
  | 'host_double_booked'
  | 'stage_act_not_approved';
export type Severity = 'hard' | 'warning';

export const SEVERITY: Record<ConflictKind, Severity> = {
  stage_overlap: 'hard',
  outside_opening_hours: 'hard',
  stage_closed: 'hard',
  outside_edition: 'hard',
  stage_act_refused: 'hard',
  host_double_booked: 'warning',
  stage_act_not_approved: 'warning',
};

export interface Conflict {
  kind: ConflictKind;
  severity: Severity;
  /** the items concerned: one, or the two that clash */
  uids: string[];
  stageId?: number | null;
  /** the registration's state, for stage-act conflicts */
  registrationState?: string;
  changeoverMinutes?: number;
}

export interface ScheduledItem {
  uid: string;
  stage_id: number | null;
  starts_at: string;
  ends_at: string;
  host_organisation_id: number | null;
  registration_id: number | null;
  status: string;
}
export interface StageRules {
  id: number;
  changeover_minutes: number;
}
export interface OpeningHours {
  stage_id: number;
  opens_at: string;
  closes_at: string;
}
export interface ApplicationState {
  id: number;
  state: string;
}

const ACCEPTED = new Set(['approved', 'confirmed']);
const REFUSED = new Set(['rejected', 'withdrawn', 'cancelled']);

const collator = new Intl.Collator();

function groupInto(map: Map<number, Timed[]>, key: number, t: Timed) {
  const list = map.get(key);
  if (list) list.push(t);
  else map.set(key, [t]);
}

interface Timed {
  /** place in start order: conflicts come out in the order of the pairwise check they replace */
  index: number;
  item: ScheduledItem;
  start: number;
  end: number;
}

/**
 * Items are sorted by start once, their instants parsed once. Pairs are only looked for
 * among items sharing a stage or a host, and the sweep over a group stops at the first
 * item that starts after the current one ends (plus the changeover): the items are
 * sorted, so none after it can overlap. Linear in the items plus the clashes found.
 */
export function findConflicts(input: {
  edition: { starts_on: string; ends_on: string };
  stages: StageRules[];
  openingHours: OpeningHours[];
  registrations: ApplicationState[];
  items: ScheduledItem[];
}): Conflict[] {
  const items: Timed[] = input.items
    .filter((i) => i.status === 'scheduled')
    .map((item) => ({ index: 0, item, start: Date.parse(item.starts_at), end: Date.parse(item.ends_at) }))
    .sort((a, b) => a.start - b.start || collator.compare(a.item.uid, b.item.uid));
  items.forEach((t, i) => (t.index = i));
  const changeover = new Map(input.stages.map((s) => [s.id, s.changeover_minutes]));
  const hours = new Map<number, { opens: number; closes: number }[]>();
  for (const h of input.openingHours) {
    const list = hours.get(h.stage_id) ?? [];
    list.push({ opens: Date.parse(h.opens_at), closes: Date.parse(h.closes_at) });
    hours.set(h.stage_id, list);
  }
  const registrations = new Map(input.registrations.map((r) => [r.id, r]));
  // The edition runs from the first day 00:00 to the last day 24:00 in Berlin; an item may
  // start on the last day and run past midnight (its stage's opening hours decide how long).
  const editionStart = DateTime.fromISO(input.edition.starts_on, { zone: TIME_ZONE }).toMillis();
  const editionLastStart = DateTime.fromISO(input.edition.ends_on, { zone: TIME_ZONE }).plus({ days: 1 }).toMillis();

  // Pairs found for each item (as the earlier of the two), with the later one's place.
  const pairs: { with: number; conflict: Conflict }[][] = items.map(() => []);
  const byStage = new Map<number, Timed[]>();
  const byHost = new Map<number, Timed[]>();
  for (const t of items) {
    if (t.item.stage_id !== null) groupInto(byStage, t.item.stage_id, t);
    if (t.item.host_organisation_id !== null) groupInto(byHost, t.item.host_organisation_id, t);
  }
  for (const [stageId, group] of byStage) {
    const minutes = changeover.get(stageId) ?? 0;
    const gap = minutes * 60_000;
    for (let i = 0; i < group.length; i++) {
      const a = group[i]!;
      for (let j = i + 1; j < group.length; j++) {
        const b = group[j]!;
        if (b.start >= a.end + gap) break;
        if (a.start < b.end + gap) {
          pairs[a.index]!.push({ with: b.index, conflict: { kind: 'stage_overlap', severity: SEVERITY.stage_overlap, uids: [a.item.uid, b.item.uid], stageId, changeoverMinutes: minutes } });
        }
      }
    }
  }
  for (const group of byHost.values()) {
    for (let i = 0; i < group.length; i++) {
      const a = group[i]!;
      for (let j = i + 1; j < group.length; j++) {
        const b = group[j]!;
        if (b.start >= a.end) break;
        // Two items on one stage are the stage's conflict, not the host's.
        if (a.item.stage_id !== null && a.item.stage_id === b.item.stage_id) continue;
        if (a.start < b.end) pairs[a.index]!.push({ with: b.index, conflict: { kind: 'host_double_booked', severity: SEVERITY.host_double_booked, uids: [a.item.uid, b.item.uid] } });
      }
    }
  }

  const conflicts: Conflict[] = [];
  for (const t of items) {
    const a = t.item;
    const mine = pairs[t.index]!;
    if (mine.length > 1) mine.sort((x, y) => x.with - y.with);
    for (const p of mine) conflicts.push(p.conflict);

    if (t.start < editionStart || t.start >= editionLastStart) {
      conflicts.push({ kind: 'outside_edition', severity: SEVERITY.outside_edition, uids: [a.uid] });
    }

    if (a.stage_id !== null) {
      const open = hours.get(a.stage_id) ?? [];
      // A stage without any opening hours has none configured yet: nothing to check against.
      if (open.length > 0 && !open.some((h) => h.opens <= t.start && t.end <= h.closes)) {
        const touches = open.some((h) => h.opens < t.end && t.start < h.closes);
        const kind = touches ? 'outside_opening_hours' : 'stage_closed';
        conflicts.push({ kind, severity: SEVERITY[kind], uids: [a.uid], stageId: a.stage_id });
      }
    }

    if (a.registration_id !== null) {
      const registration = registrations.get(a.registration_id);
      if (registration && !ACCEPTED.has(registration.state)) {
        const kind = REFUSED.has(registration.state) ? 'stage_act_refused' : 'stage_act_not_approved';
        conflicts.push({ kind, severity: SEVERITY[kind], uids: [a.uid], registrationState: registration.state });
      }
    }
  }
  return conflicts.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'hard' ? -1 : 1));
}

/** Conflicts per item uid, for showing them next to the item. */
export function conflictsByUid(conflicts: Conflict[]): Record<string, Conflict[]> {
  const map: Record<string, Conflict[]> = {};
  for (const c of conflicts) for (const uid of c.uids) (map[uid] ??= []).push(c);
  return map;
}
