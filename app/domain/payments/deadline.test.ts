import { describe, expect, it } from 'vitest';
import { dueReminderStage, paymentDeadline } from './deadline';

describe('payment deadline', () => {
  it('is the close of registration, but at least 14 days after approval', () => {
    // approved in November, registration closes in August: pay by the close
    expect(paymentDeadline('2026-11-18T09:00:00.000Z', '2027-08-14T21:59:59.999Z')).toBe('2027-08-14T21:59:59.999Z');
    // approved from the waiting list a week before the close: 14 days, to the end of that Berlin day
    expect(paymentDeadline('2027-08-07T09:00:00.000Z', '2027-08-14T21:59:59.999Z')).toBe('2027-08-21T21:59:59.999Z');
    // no close of registration: 14 days (across the October clock change: CET at the end)
    expect(paymentDeadline('2027-10-20T09:00:00.000Z', null)).toBe('2027-11-03T22:59:59.999Z');
  });

  it('reminds once the deadline has passed, and again a week later', () => {
    const deadline = '2027-08-14T21:59:59.999Z';
    expect(dueReminderStage(deadline, new Date('2027-08-14T21:00:00.000Z'))).toBeNull();
    expect(dueReminderStage(deadline, new Date('2027-08-15T06:00:00.000Z'))).toBe(1);
    expect(dueReminderStage(deadline, new Date('2027-08-21T21:59:59.000Z'))).toBe(1);
    expect(dueReminderStage(deadline, new Date('2027-08-22T06:00:00.000Z'))).toBe(2);
  });
});
