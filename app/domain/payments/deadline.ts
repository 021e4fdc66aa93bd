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
import { TIME_ZONE } from '../../lib/i18n';

export const MIN_DAYS_TO_PAY = 14;
export const REMINDER_STAGES = [
  { stage: 1, daysAfterDeadline: 0 },
  { stage: 2, daysAfterDeadline: 7 },
] as const;
export type ReminderStage = (typeof REMINDER_STAGES)[number]['stage'];


/**
 * Luxon's zone arithmetic is kept for correctness across the daylight-saving switch, but
 * asked once per distinct value: an overview of 5,000 stands has a few dozen distinct
 * approval days and deadlines (docs/decisions/100).
 */
function memo<T>(fn: (key: string) => T, max = 2_000): (key: string) => T {
  const seen = new Map<string, T>();
  return (key) => {
    let value = seen.get(key);
    if (value === undefined) {
      if (seen.size >= max) seen.clear();
      value = fn(key);
      seen.set(key, value);
    }
    return value;
  };
}

const berlinDayFormat = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
/** The end of the Berlin day MIN_DAYS_TO_PAY days after the Berlin day "MM/DD/YYYY". */
const earliestForDay = memo((usDay) => {
  const day = `${usDay.slice(6, 10)}-${usDay.slice(0, 2)}-${usDay.slice(3, 5)}`;
  return DateTime.fromISO(day, { zone: TIME_ZONE }).plus({ days: MIN_DAYS_TO_PAY }).endOf('day').toMillis();
});
const reminderThresholds = memo((deadline) => REMINDER_STAGES.map((s) => DateTime.fromISO(deadline).plus({ days: s.daysAfterDeadline }).toMillis()));

/** The instant (UTC ISO) by which the fee should be paid: the end of a Berlin day. */
export function paymentDeadline(approvedAt: string, registrationClosesAt: string | null): string {
  const earliest = earliestForDay(berlinDayFormat.format(Date.parse(approvedAt)));
  const closes = registrationClosesAt ? Date.parse(registrationClosesAt) : null;
  return new Date(closes !== null && closes > earliest ? closes : earliest).toISOString();
}

/** The highest reminder stage that is due at `now`, or null before the deadline has passed. */
export function dueReminderStage(deadline: string, now: Date): ReminderStage | null {
  const at = now.getTime();
  const thresholds = reminderThresholds(deadline);
  if (!(at > Date.parse(deadline))) return null;
  let due: ReminderStage | null = null;
  REMINDER_STAGES.forEach((s, i) => {
    if (at > thresholds[i]!) due = s.stage;
  });
  return due;
}
