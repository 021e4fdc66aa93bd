/**
 * Conflict rules of the schedule editor (docs/decisions/032). Pure: the editor and the
 * publish use case load the rows and ask. Hard conflicts block publishing; warnings are
 * shown but do not.
 */
import { DateTime } from 'luxon';

const ZONE = 'Europe/Berlin';

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
const ms = (iso: string) => Date.parse(iso);

export function findConflicts(input: {
  edition: { starts_on: string; ends_on: string };
  stages: StageRules[];
  openingHours: OpeningHours[];
  registrations: ApplicationState[];
  items: ScheduledItem[];
}): Conflict[] {
  const conflicts: Conflict[] = [];
  const items = input.items.filter((i) => i.status === 'scheduled').sort((a, b) => ms(a.starts_at) - ms(b.starts_at) || a.uid.localeCompare(b.uid));
  const stages = new Map(input.stages.map((s) => [s.id, s]));
  const hours = new Map<number, OpeningHours[]>();
  for (const h of input.openingHours) hours.set(h.stage_id, [...(hours.get(h.stage_id) ?? []), h]);
  const registrations = new Map(input.registrations.map((r) => [r.id, r]));
  // The edition runs from the first day 00:00 to the last day 24:00 in Berlin; an item may
  // start on the last day and run past midnight (its stage's opening hours decide how long).
  const editionStart = DateTime.fromISO(input.edition.starts_on, { zone: ZONE }).toMillis();
  const editionLastStart = DateTime.fromISO(input.edition.ends_on, { zone: ZONE }).plus({ days: 1 }).toMillis();

  for (const [i, a] of items.entries()) {
    // Two items on one stage, counting the stage's changeover gap.
    for (const b of items.slice(i + 1)) {
      if (a.stage_id !== null && a.stage_id === b.stage_id) {
        const gap = (stages.get(a.stage_id)?.changeover_minutes ?? 0) * 60_000;
        if (ms(b.starts_at) < ms(a.ends_at) + gap && ms(a.starts_at) < ms(b.ends_at) + gap) {
          conflicts.push({ kind: 'stage_overlap', severity: SEVERITY.stage_overlap, uids: [a.uid, b.uid], stageId: a.stage_id, changeoverMinutes: gap / 60_000 });
        }
      } else if (a.host_organisation_id !== null && a.host_organisation_id === b.host_organisation_id) {
        if (ms(b.starts_at) < ms(a.ends_at) && ms(a.starts_at) < ms(b.ends_at)) {
          conflicts.push({ kind: 'host_double_booked', severity: SEVERITY.host_double_booked, uids: [a.uid, b.uid] });
        }
      }
    }

    if (ms(a.starts_at) < editionStart || ms(a.starts_at) >= editionLastStart) {
      conflicts.push({ kind: 'outside_edition', severity: SEVERITY.outside_edition, uids: [a.uid] });
    }

    if (a.stage_id !== null) {
      const open = hours.get(a.stage_id) ?? [];
      // A stage without any opening hours has none configured yet: nothing to check against.
      if (open.length > 0 && !open.some((h) => ms(h.opens_at) <= ms(a.starts_at) && ms(a.ends_at) <= ms(h.closes_at))) {
        const touches = open.some((h) => ms(h.opens_at) < ms(a.ends_at) && ms(a.starts_at) < ms(h.closes_at));
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
