import { describe, expect, it } from 'vitest';
import { announcedChange } from './changes';

const previous = { stage_id: 1, starts_at: '2027-09-11T10:00:00.000Z', ends_at: '2027-09-11T11:00:00.000Z' };

describe('announcedChange', () => {
  it('tells a longer, shorter, restaged and moved item apart', () => {
    expect(announcedChange({ change: 'moved', stage_id: 1, starts_at: previous.starts_at, ends_at: '2027-09-11T11:30:00.000Z', previous })).toBe('longer');
    expect(announcedChange({ change: 'moved', stage_id: 1, starts_at: previous.starts_at, ends_at: '2027-09-11T10:45:00.000Z', previous })).toBe('shorter');
    expect(announcedChange({ change: 'moved', stage_id: 2, starts_at: previous.starts_at, ends_at: previous.ends_at, previous })).toBe('otherStage');
    expect(announcedChange({ change: 'moved', stage_id: 1, starts_at: '2027-09-11T12:00:00.000Z', ends_at: '2027-09-11T13:00:00.000Z', previous })).toBe('moved');
    expect(announcedChange({ change: 'cancelled', stage_id: 1, starts_at: previous.starts_at, ends_at: previous.ends_at, previous })).toBe('cancelled');
  });
});
