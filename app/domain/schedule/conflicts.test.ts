import { describe, expect, it } from 'vitest';
import { findConflicts, type ScheduledItem } from './conflicts';

const edition = { starts_on: '2027-10-28', ends_on: '2027-10-31' };
const stages = [
  { id: 1, changeover_minutes: 15 },
  { id: 2, changeover_minutes: 0 },
];

function item(uid: string, start: string, end: string, more: Partial<ScheduledItem> = {}): ScheduledItem {
  return { uid, stage_id: 1, starts_at: `2027-10-29T${start}:00.000Z`, ends_at: `2027-10-29T${end}:00.000Z`, host_organisation_id: null, registration_id: null, status: 'scheduled', ...more };
}

const check = (items: ScheduledItem[]) => findConflicts({ edition, stages, openingHours: [], registrations: [], items });
const pairsOf = (items: ScheduledItem[]) => check(items).map((c) => `${c.kind}:${c.uids.join('+')}`);

describe('findConflicts', () => {
  it('counts the stage changeover between two items on one stage', () => {
    // 15 minutes changeover: ending 10:00 and starting 10:10 clashes, 10:15 does not.
    expect(pairsOf([item('a', '09:00', '10:00'), item('b', '10:10', '11:00')])).toEqual(['stage_overlap:a+b']);
    expect(pairsOf([item('a', '09:00', '10:00'), item('b', '10:15', '11:00')])).toEqual([]);
    expect(check([item('a', '09:00', '10:00'), item('b', '10:14', '11:00')])[0]).toMatchObject({ stageId: 1, changeoverMinutes: 15 });
  });

  it('back to back is fine on a stage without changeover, a minute of overlap is not', () => {
    expect(pairsOf([item('a', '09:00', '10:00', { stage_id: 2 }), item('b', '10:00', '11:00', { stage_id: 2 })])).toEqual([]);
    expect(pairsOf([item('a', '09:00', '10:01', { stage_id: 2 }), item('b', '10:00', '11:00', { stage_id: 2 })])).toEqual(['stage_overlap:a+b']);
  });

  it('finds a long item clashing with one that starts after shorter ones in between (the sweep does not stop too early)', () => {
    const items = [item('long', '09:00', '14:00', { stage_id: 2 }), item('x', '10:00', '10:30', { stage_id: 3 }), item('late', '13:00', '13:30', { stage_id: 2 })];
    expect(pairsOf(items)).toEqual(['stage_overlap:long+late']);
  });

  it('a changeover counts across items given in any order, and only on the same stage', () => {
    const items = [item('c', '10:20', '11:00'), item('a', '09:00', '10:00'), item('b', '10:05', '10:06', { stage_id: 2 })];
    expect(pairsOf(items)).toEqual([]);
    expect(pairsOf([...items, item('d', '10:10', '10:12')])).toEqual(['stage_overlap:a+d', 'stage_overlap:d+c']);
  });

  it('a host on two stages at once is a warning; on one stage it is the stage conflict only', () => {
    const host = { host_organisation_id: 7 };
    expect(check([item('a', '09:00', '10:00', { ...host }), item('b', '09:30', '10:30', { ...host, stage_id: 2 })]).map((c) => [c.kind, c.severity])).toEqual([['host_double_booked', 'warning']]);
    expect(pairsOf([item('a', '09:00', '10:00', host), item('b', '09:30', '10:30', host)])).toEqual(['stage_overlap:a+b']);
    expect(pairsOf([item('a', '09:00', '10:00', host), item('b', '10:00', '10:30', { ...host, stage_id: 2 })])).toEqual([]);
  });

  it('leaves cancelled items out and puts hard conflicts before warnings', () => {
    const items = [
      item('w1', '08:00', '09:00', { host_organisation_id: 1, stage_id: 2 }),
      item('w2', '08:30', '09:30', { host_organisation_id: 1 }),
      item('h1', '12:00', '13:00'),
      item('h2', '12:30', '13:30'),
      item('gone', '12:00', '13:00', { status: 'cancelled' }),
    ];
    expect(pairsOf(items)).toEqual(['stage_overlap:h1+h2', 'host_double_booked:w1+w2']);
  });

  it('stays linear: 4,000 items on 40 stages back to back find no clash', () => {
    const items: ScheduledItem[] = [];
    for (let i = 0; i < 4_000; i++) {
      const stage = (i % 40) + 1;
      const slot = Math.floor(i / 40);
      const start = Date.parse('2027-10-28T06:00:00.000Z') + slot * 60 * 60_000;
      items.push({ uid: `i${i}`, stage_id: stage, starts_at: new Date(start).toISOString(), ends_at: new Date(start + 45 * 60_000).toISOString(), host_organisation_id: i % 500, registration_id: null, status: 'scheduled' });
    }
    const found = findConflicts({ edition, stages: Array.from({ length: 40 }, (_, i) => ({ id: i + 1, changeover_minutes: 15 })), openingHours: [], registrations: [], items });
    expect(found.filter((c) => c.kind === 'stage_overlap')).toEqual([]);
  });
});
