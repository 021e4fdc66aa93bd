/**
 * The edition form of the office: title and description in six languages, the days, and
 * the registration window in Berlin wall-clock time. The date rules live in
 * `editionDateErrors` so the form (in the browser and on the server) and the domain
 * function check the same things.
 */
import { z } from 'zod';
import type { EditionStatus } from '../../../db/schema';
import { daysBetween } from '../../lib/time';
import { berlinWallClockToUtc } from '../../lib/berlin-clock';
import { DESCRIPTION_MAX, localizedFields, slugField, TITLE_MAX } from '../series/series.schema';

export const MAX_EDITION_DAYS = 31;

/**
 * Which way an edition may move (the settings page draws one button per step). Here, not in
 * manage.server.ts: the page renders in the browser too, where a .server module is empty.
 */
export const STATUS_CHANGES: Record<EditionStatus, EditionStatus[]> = {
  draft: ['published'],
  published: ['archived'],
  archived: ['published'],
};
const day = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'setup:errors.day');
const wallClock = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}$/, 'setup:errors.dateTime');

export interface EditionDates {
  startsOn: string;
  endsOn?: string;
  opensAt?: string;
  closesAt?: string;
}

/** Field -> translation key for every date rule the input breaks (empty: all fine). */
export function editionDateErrors(input: EditionDates): Record<string, string> {
  const errors: Record<string, string> = {};
  const endsOn = input.endsOn ?? input.startsOn;
  if (endsOn < input.startsOn) errors.endsOn = 'setup:errors.endsBeforeStarts';
  else if (daysBetween(input.startsOn, endsOn).length > MAX_EDITION_DAYS) errors.endsOn = 'setup:errors.tooManyDays';
  const opens = input.opensAt ? berlinWallClockToUtc(input.opensAt) : undefined;
  const closes = input.closesAt ? berlinWallClockToUtc(input.closesAt) : undefined;
  if (opens === null) errors.opensAt = 'setup:errors.timeDoesNotExist';
  if (closes === null) errors.closesAt = 'setup:errors.timeDoesNotExist';
  if (input.opensAt && !input.closesAt) errors.closesAt = 'setup:errors.windowBoth';
  if (input.closesAt && !input.opensAt) errors.opensAt = 'setup:errors.windowBoth';
  if (opens && closes && !errors.closesAt) {
    if (closes <= opens) errors.closesAt = 'setup:errors.closesBeforeOpens';
    // registration closes by the end of the festival's last day (Berlin wall clock) at the latest
    else if (!errors.endsOn && input.closesAt!.slice(0, 10) > endsOn) errors.closesAt = 'setup:errors.closesAfterEdition';
  }
  return errors;
}

const editionFields = {
  ...localizedFields('title', TITLE_MAX, true),
  ...localizedFields('description', DESCRIPTION_MAX, false),
  slug: slugField,
  startsOn: day,
  endsOn: day.optional(),
  opensAt: wallClock.optional(),
  closesAt: wallClock.optional(),
};

function checkDates(value: EditionDates, ctx: z.RefinementCtx) {
  for (const [field, message] of Object.entries(editionDateErrors(value))) ctx.addIssue({ code: 'custom', path: [field], message });
}

export const editionSchema = z.object({ ...editionFields, seriesId: z.coerce.number().int().positive().optional() }).superRefine(checkDates);
export type EditionInput = z.output<typeof editionSchema>;
