/**
 * Every migration, by name. The app is bundled by the Remix compiler, so migrations are
 * listed here instead of read from the folder at run time (see docs/decisions/002).
 * Add a new file with a later date prefix and one line below.
 */
import type { Migration } from 'kysely';
import * as core from './2026-11-25T1800_core';
import * as signIn from './2026-11-25T1810_sign_in';
import * as registration from './2026-11-25T1840_registration';
import * as personalFeeds from './2026-11-25T1900_personal_feeds';
import * as seriesSubscriptions from './2026-11-25T1901_series_subscriptions';
import * as scheduleAndPitches from './2026-11-25T1930_schedule_and_pitches';
import * as payments from './2026-11-25T2000_payments';
import * as office from './2026-11-25T2030_office';
import * as sessions from './2026-12-01T1700_sessions';
import * as scrubMailLinks from './2026-12-01T1701_scrub_mail_links';
import * as places from './2026-12-01T1230_places';
import * as goingLive from './2026-12-01T1200_going_live';
import * as mailPreferences from './2026-12-02T0000_mail_preferences';
import * as sitePlanImageScale from './2026-12-02T0100_site_plan_image_scale';
import * as publicDataVersion from './2026-12-02T0200_public_data_version';
import * as paymentReminderStage from './2026-12-02T0300_payment_reminder_stage';
import * as standPasses from './2026-12-03T0100_stand_passes';
import * as volunteers from './2026-12-03T0200_volunteers';

export const migrations: Record<string, Migration> = {
  '2026-11-25T1800_core': core,
  '2026-11-25T1810_sign_in': signIn,
  '2026-11-25T1840_registration': registration,
  '2026-11-25T1900_personal_feeds': personalFeeds,
  '2026-11-25T1901_series_subscriptions': seriesSubscriptions,
  '2026-11-25T1930_schedule_and_pitches': scheduleAndPitches,
  '2026-11-25T2000_payments': payments,
  '2026-11-25T2030_office': office,
  '2026-12-01T1700_sessions': sessions,
  '2026-12-01T1701_scrub_mail_links': scrubMailLinks,
  '2026-12-01T1230_places': places,
  '2026-12-01T1200_going_live': goingLive,
  '2026-12-02T0000_mail_preferences': mailPreferences,
  '2026-12-02T0100_site_plan_image_scale': sitePlanImageScale,
  '2026-12-02T0200_public_data_version': publicDataVersion,
  '2026-12-02T0300_payment_reminder_stage': paymentReminderStage,
  '2026-12-03T0100_stand_passes': standPasses,
  '2026-12-03T0200_volunteers': volunteers,
};
