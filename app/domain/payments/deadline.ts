/**
 * The payment deadline and the reminder stages (docs/decisions/051).
 *
 * Rule: an approved association pays by the edition's close of registration, but always
 * gets at least 14 days from its approval (late approvals from the waiting list). Without a
 * close of registration it is 14 days from approval.
 *
 * Reminders: stage 1 the day after the deadline has passed, stage 2 seven days later;
 * after that the organiser decides (the office lists the stand as overdue).
 */
import { DateTime } from 'luxon';

export const MIN_DAYS_TO_PAY = 14;
export const REMINDER_STAGES = [
  { stage: 1, daysAfterDeadline: 0 },
  { stage: 2, daysAfterDeadline: 7 },
] as const;
export type ReminderStage = (typeof REMINDER_STAGES)[number]['stage'];

const ZONE = 'Europe/Berlin';

/** The instant (UTC ISO) by which the fee should be paid: the end of a Berlin day. */
export function paymentDeadline(approvedAt: string, registrationClosesAt: string | null): string {
  const earliest = DateTime.fromISO(approvedAt, { zone: 'utc' }).setZone(ZONE).plus({ days: MIN_DAYS_TO_PAY }).endOf('day');
  const closes = registrationClosesAt ? DateTime.fromISO(registrationClosesAt, { zone: 'utc' }) : null;
  const deadline = closes && closes > earliest ? closes : earliest;
  return deadline.toUTC().toISO()!;
}

/** The highest reminder stage that is due at `now`, or null before the deadline has passed. */
export function dueReminderStage(deadline: string, now: Date): ReminderStage | null {
  const passed = DateTime.fromJSDate(now) > DateTime.fromISO(deadline);
  if (!passed) return null;
  let due: ReminderStage | null = null;
  for (const s of REMINDER_STAGES) {
    if (DateTime.fromJSDate(now) > DateTime.fromISO(deadline).plus({ days: s.daysAfterDeadline })) due = s.stage;
  }
  return due;
}
