/**
 * What the coordinator looks at: the coverage board (each shift with filled / needed, gaps
 * first, by day and place; which languages are covered when), the people of one shift, the
 * day's list for checking in (with no-shows), and the CSV for the city's volunteer insurance.
 */
import type { DB } from '../../../db/connection';
import { translator, type Locale } from '../../lib/i18n';
import { parseList, pickText } from '../../lib/i18n-text';
import { berlinDay, berlinStamp } from '../../lib/time';
import { recordAudit } from '../audit/audit.server';
import { toCsv } from '../../lib/csv';
import { assertCanManageEdition, type Actor } from '../people/authorise.server';

export interface BoardShift {
  id: number;
  day: string;
  startsAt: string;
  endsAt: string;
  roleId: number;
  roleName: string;
  stageId: number | null;
  placeName: string | null;
  needed: number;
  filled: number;
  waiting: number;
  cancelled: boolean;
  /** languages the role asks for */
  asked: string[];
  /** languages spoken by the people confirmed on it */
  spoken: string[];
}

export async function boardShifts(db: DB, editionId: number): Promise<BoardShift[]> {
  const [shifts, signups] = await Promise.all([
    db
      .selectFrom('volunteer_shifts as sh')
      .innerJoin('volunteer_roles as r', 'r.id', 'sh.role_id')
      .leftJoin('stages as st', 'st.id', 'sh.stage_id')
      .select(['sh.id', 'sh.starts_at', 'sh.ends_at', 'sh.needed', 'sh.cancelled_at', 'sh.role_id', 'sh.stage_id', 'r.name as role_name', 'r.languages', 'st.name as place_name', 'st.sort_order'])
      .where('sh.edition_id', '=', editionId)
      .orderBy('sh.starts_at')
      .orderBy('sh.id')
      .execute(),
    db.selectFrom('volunteer_signups').select(['shift_id', 'status', 'languages']).where('edition_id', '=', editionId).where('status', '!=', 'cancelled').execute(),
  ]);
  const byShift = new Map<number, { filled: number; waiting: number; spoken: Set<string> }>();
  for (const s of signups) {
    const entry = byShift.get(s.shift_id) ?? { filled: 0, waiting: 0, spoken: new Set<string>() };
    if (s.status === 'confirmed') {
      entry.filled++;
      for (const l of parseList(s.languages)) entry.spoken.add(l);
    } else entry.waiting++;
    byShift.set(s.shift_id, entry);
  }
  return shifts.map((s) => {
    const counts = byShift.get(s.id);
    return {
      id: s.id,
      day: berlinDay(s.starts_at),
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      roleId: s.role_id,
      roleName: s.role_name,
      stageId: s.stage_id,
      placeName: s.place_name,
      needed: s.needed,
      filled: counts?.filled ?? 0,
      waiting: counts?.waiting ?? 0,
      cancelled: s.cancelled_at !== null,
      asked: parseList(s.languages),
      spoken: [...(counts?.spoken ?? [])].sort(),
    };
  });
}

export interface CoverageDay {
  day: string;
  places: { stageId: number | null; placeName: string | null; shifts: BoardShift[] }[];
  /** per language asked that day: the time ranges someone speaking it is on a shift, and the ranges asked but not covered */
  languages: { code: string; covered: { from: string; to: string }[]; gaps: { from: string; to: string }[] }[];
  filled: number;
  needed: number;
}

function merge(ranges: { from: string; to: string }[]): { from: string; to: string }[] {
  const sorted = [...ranges].sort((a, b) => a.from.localeCompare(b.from));
  const out: { from: string; to: string }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to) last.to = r.to > last.to ? r.to : last.to;
    else out.push({ ...r });
  }
  return out;
}

/** The board by day and place, gaps first within each place (then by time); cancelled shifts last. */
export function coverageByDay(shifts: BoardShift[]): CoverageDay[] {
  const days = new Map<string, BoardShift[]>();
  for (const s of shifts) days.set(s.day, [...(days.get(s.day) ?? []), s]);
  return [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, list]) => {
      const places = new Map<string, { stageId: number | null; placeName: string | null; shifts: BoardShift[] }>();
      for (const s of list) {
        const key = String(s.stageId ?? 'grounds');
        const place = places.get(key) ?? { stageId: s.stageId, placeName: s.placeName, shifts: [] };
        place.shifts.push(s);
        places.set(key, place);
      }
      const gap = (s: BoardShift) => (s.cancelled ? 2 : s.filled < s.needed ? 0 : 1);
      for (const p of places.values()) p.shifts.sort((a, b) => gap(a) - gap(b) || a.startsAt.localeCompare(b.startsAt) || a.id - b.id);
      const live = list.filter((s) => !s.cancelled);
      const asked = [...new Set(live.flatMap((s) => s.asked))].sort();
      const languages = asked.map((code) => {
        const covered = merge(live.filter((s) => s.spoken.includes(code)).map((s) => ({ from: s.startsAt, to: s.endsAt })));
        const gaps = merge(live.filter((s) => s.asked.includes(code) && !s.spoken.includes(code)).map((s) => ({ from: s.startsAt, to: s.endsAt })));
        return { code, covered, gaps };
      });
      return {
        day,
        places: [...places.values()],
        languages,
        filled: live.reduce((n, s) => n + Math.min(s.filled, s.needed), 0),
        needed: live.reduce((n, s) => n + s.needed, 0),
      };
    });
}

/** Everyone on one shift: confirmed, then the waiting list in its order, then who cancelled. */
export async function peopleOnShift(db: DB, editionId: number, shiftId: number) {
  return db
    .selectFrom('volunteer_signups as s')
    .leftJoin('people as p', 'p.id', 's.person_id')
    .leftJoin('volunteer_groups as g', 'g.id', 's.group_id')
    .leftJoin('organisations as o', 'o.id', 'g.organisation_id')
    .leftJoin('people as c', 'c.id', 'g.contact_person_id')
    .select(['s.id', 's.name', 's.status', 's.languages', 's.guardian_name', 's.checked_in_at', 's.group_id', 's.created_at', 'p.email', 'o.name as organisation', 'c.email as contact_email'])
    .where('s.shift_id', '=', shiftId)
    .where('s.edition_id', '=', editionId)
    .orderBy((eb) => eb.case().when('s.status', '=', 'confirmed').then(0).when('s.status', '=', 'waiting').then(1).else(2).end())
    .orderBy('s.id')
    .execute();
}

/** The days an edition has shifts on. */
export async function shiftDays(db: DB, editionId: number): Promise<string[]> {
  const rows = await db.selectFrom('volunteer_shifts').select('starts_at').where('edition_id', '=', editionId).where('cancelled_at', 'is', null).execute();
  return [...new Set(rows.map((r) => berlinDay(r.starts_at)))].sort();
}

/** A no-show: a confirmed volunteer not checked in this long after the shift began. */
export const NO_SHOW_AFTER_MINUTES = 15;

/**
 * The day page: every confirmed volunteer of the day's shifts (search by name, role or
 * place), checked in or not, and those who did not come.
 */
export async function dayList(db: DB, editionId: number, day: string, search: string, locale: Locale, now: Date = new Date()) {
  const rows = await db
    .selectFrom('volunteer_signups as s')
    .innerJoin('volunteer_shifts as sh', 'sh.id', 's.shift_id')
    .innerJoin('volunteer_roles as r', 'r.id', 'sh.role_id')
    .leftJoin('stages as st', 'st.id', 'sh.stage_id')
    .leftJoin('volunteer_groups as g', 'g.id', 's.group_id')
    .leftJoin('organisations as o', 'o.id', 'g.organisation_id')
    .select(['s.id', 's.name', 's.checked_in_at', 'sh.id as shift_id', 'sh.starts_at', 'sh.ends_at', 'r.name as role_name', 'st.name as place_name', 'o.name as organisation'])
    .where('s.edition_id', '=', editionId)
    .where('s.status', '=', 'confirmed')
    .where('sh.cancelled_at', 'is', null)
    .orderBy('sh.starts_at')
    .orderBy('s.name')
    .execute();
  const needle = search.trim().toLocaleLowerCase();
  const list = rows
    .filter((r) => berlinDay(r.starts_at) === day)
    .map((r) => {
      const late = r.checked_in_at === null && Date.parse(r.starts_at) + NO_SHOW_AFTER_MINUTES * 60_000 <= now.getTime();
      return { ...r, role: pickText(r.role_name, locale).text, place: r.place_name ? pickText(r.place_name, locale).text : null, noShow: late };
    })
    .filter((r) => !needle || [r.name, r.role, r.place ?? '', r.organisation ?? ''].some((v) => v.toLocaleLowerCase().includes(needle)));
  return { list, noShows: list.filter((r) => r.noShow), checkedIn: list.filter((r) => r.checked_in_at !== null).length };
}

/** The volunteer list for the city's insurance: name, contact, shifts; personal data, so confirmed and logged. */
export async function exportVolunteers(db: DB, actor: Actor, editionId: number, locale: Locale): Promise<{ filename: string; csv: string; rows: number }> {
  const edition = await assertCanManageEdition(db, actor, editionId);
  const t = translator(locale);
  return db.transaction().execute(async (trx) => {
    const data = await trx
      .selectFrom('volunteer_signups as s')
      .innerJoin('volunteer_shifts as sh', 'sh.id', 's.shift_id')
      .innerJoin('volunteer_roles as r', 'r.id', 'sh.role_id')
      .leftJoin('stages as st', 'st.id', 'sh.stage_id')
      .leftJoin('people as p', (join) => join.onRef('p.id', '=', 's.person_id').on('p.erased_at', 'is', null))
      .leftJoin('volunteer_groups as g', 'g.id', 's.group_id')
      .leftJoin('organisations as o', 'o.id', 'g.organisation_id')
      .leftJoin('people as c', (join) => join.onRef('c.id', '=', 'g.contact_person_id').on('c.erased_at', 'is', null))
      .select(['s.name', 's.guardian_name', 's.checked_in_at', 'p.email', 'o.name as organisation', 'c.email as contact_email', 'sh.starts_at', 'sh.ends_at', 'r.name as role_name', 'st.name as place_name'])
      .where('s.edition_id', '=', editionId)
      .where('s.status', '=', 'confirmed')
      .where('sh.cancelled_at', 'is', null)
      .orderBy('s.name')
      .orderBy('sh.starts_at')
      .execute();
    const header = ['name', 'contact', 'organisation', 'guardian', 'role', 'place', 'starts', 'ends', 'checkedIn'].map((k) => t(`volunteers:export.columns.${k}`));
    const rows = data.map((r) => [
      r.name,
      r.email ?? r.contact_email ?? '',
      r.organisation ?? '',
      r.guardian_name ?? '',
      pickText(r.role_name, locale).text,
      r.place_name ? pickText(r.place_name, locale).text : t('volunteers:grounds'),
      berlinStamp(r.starts_at),
      berlinStamp(r.ends_at),
      r.checked_in_at ? berlinStamp(r.checked_in_at) : '',
    ]);
    await recordAudit(trx, { actorId: actor.id, action: 'export.volunteers', subjectType: 'edition', subjectId: editionId, details: { edition: edition.slug, rows: rows.length } });
    return { filename: `${edition.slug}-volunteers.csv`, csv: toCsv([header, ...rows]), rows: rows.length };
  });
}
