import { describe, expect, it } from 'vitest';
import { backupsToKeep, dailyBackupName, isoWeek } from './backup';

describe('rotation of the daily backups', () => {
  it('keeps the 7 newest days and the newest of each of the 4 newest weeks', () => {
    const days = Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2026, 11, 1) - i * 86_400_000).toISOString().slice(0, 10));
    const kept = [...backupsToKeep([...days.map(dailyBackupName), 'notes.txt'])].sort();
    expect(kept).toEqual(
      ['2026-11-15', '2026-11-22', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01'].map(dailyBackupName),
    );
    expect(isoWeek('2026-12-01')).toBe('2026-W49');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
  });
});
