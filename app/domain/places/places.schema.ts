/**
 * The forms that set up an edition's places: venues, stages and areas with their opening
 * hours, stand types, pitches. One zod schema each; messages are keys of the `places`
 * namespace (or the shared `forms:` ones), shown next to the field.
 */
import { z } from 'zod';
import { localizedShape } from '../../lib/localized-fields';

/** Accessibility facts a venue can have (the public edition page lists them). */
export const VENUE_ACCESS = ['step_free', 'accessible_toilet', 'quiet_room', 'induction_loop', 'seating', 'sign_language'] as const;
/** What a stand type includes (the keys registration:equipment.* name). */
export const STAND_EQUIPMENT = ['gazebo', 'table', 'bench', 'power'] as const;

const list = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim().replace(',', '.') : v);
const int = (min: number, max: number, message: string) =>
  z.preprocess(blankToUndefined, z.coerce.number({ error: message }).int(message).min(min, message).max(max, message));
const decimal = (min: number, max: number, message: string) =>
  z.preprocess(blankToUndefined, z.coerce.number({ error: message }).min(min, message).max(max, message));
const optionalDecimal = (min: number, max: number, message: string) =>
  z.preprocess(blankToUndefined, z.coerce.number({ error: message }).min(min, message).max(max, message).optional());
export const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const venueSchema = z
  .object({
    ...localizedShape('name', 120, 'places:errors.nameRequired'),
    address: z.string({ error: 'places:errors.addressRequired' }).trim().min(1, 'places:errors.addressRequired').max(200, 'places:errors.tooLong'),
    lat: optionalDecimal(-90, 90, 'places:errors.latitude'),
    lng: optionalDecimal(-180, 180, 'places:errors.longitude'),
    accessibility: z.preprocess(list, z.array(z.enum(VENUE_ACCESS, 'forms:errors.choose'))),
    ...localizedShape('accessibility_note', 500, null),
    sort_order: int(0, 999, 'places:errors.order').default(0),
  })
  .superRefine((v, ctx) => {
    if ((v.lat === undefined) !== (v.lng === undefined)) {
      ctx.addIssue({ code: 'custom', path: [v.lat === undefined ? 'lat' : 'lng'], message: 'places:errors.coordinatesBoth' });
    }
  });
export type VenueForm = z.output<typeof venueSchema>;

/** A stage or area; its opening hours come as `opens_<day>` / `closes_<day>` for each day of the edition. */
export function stageSchema(days: readonly string[]) {
  const hours: Record<string, z.ZodType<string, string | undefined>> = {};
  for (const day of days) {
    hours[`opens_${day}`] = z.union([z.literal(''), z.string().regex(TIME, 'places:errors.time')]).optional().default('') as z.ZodType<string, string | undefined>;
    hours[`closes_${day}`] = z.union([z.literal(''), z.string().regex(TIME, 'places:errors.time')]).optional().default('') as z.ZodType<string, string | undefined>;
  }
  return z
    .object({
      ...localizedShape('name', 120, 'places:errors.nameRequired'),
      venue_id: z.coerce.number({ error: 'places:errors.venue' }).int().positive('places:errors.venue'),
      kind: z.enum(['stage', 'area'], 'forms:errors.choose'),
      sort_order: int(0, 999, 'places:errors.order').default(0),
      changeover_minutes: int(0, 240, 'places:errors.changeover').default(0),
      ...hours,
    })
    .superRefine((v, ctx) => {
      const values = v as Record<string, unknown>;
      for (const day of days) {
        const opens = values[`opens_${day}`] as string;
        const closes = values[`closes_${day}`] as string;
        if (Boolean(opens) !== Boolean(closes)) ctx.addIssue({ code: 'custom', path: [opens ? `closes_${day}` : `opens_${day}`], message: 'places:errors.hoursBoth' });
        else if (opens && opens === closes) ctx.addIssue({ code: 'custom', path: [`closes_${day}`], message: 'places:errors.hoursEmpty' });
      }
    });
}
export type StageForm = z.output<ReturnType<typeof stageSchema>>;

export const standTypeSchema = z.object({
  ...localizedShape('name', 120, 'places:errors.nameRequired'),
  ...localizedShape('description', 1000, null),
  fee: z.preprocess(blankToUndefined, z.coerce.number({ error: 'places:errors.fee' }).min(0, 'places:errors.fee').max(100_000, 'places:errors.fee')),
  capacity: int(0, 10_000, 'places:errors.capacity'),
  width_m: decimal(0.5, 100, 'places:errors.size'),
  depth_m: decimal(0.5, 100, 'places:errors.size'),
  equipment: z.preprocess(list, z.array(z.enum(STAND_EQUIPMENT, 'forms:errors.choose'))),
});
export type StandTypeForm = z.output<typeof standTypeSchema>;

const pitchFacts = {
  width: decimal(0.5, 100, 'places:errors.size'),
  height: decimal(0.5, 100, 'places:errors.size'),
  power_available: int(0, 100_000, 'places:errors.power').default(0),
  water: z.preprocess((v) => v === 'on' || v === '1' || v === 'true', z.boolean()),
};

export const pitchBlockSchema = z.object({
  stage_id: z.coerce.number({ error: 'places:errors.area' }).int().positive('places:errors.area'),
  rows: int(1, 50, 'places:errors.rows'),
  columns: int(1, 50, 'places:errors.columns'),
  prefix: z.string().trim().max(10, 'places:errors.tooLong').regex(/^[\p{L}\p{N}-]*$/u, 'places:errors.prefix').default(''),
  first_number: int(1, 9999, 'places:errors.firstNumber').default(1),
  x: decimal(0, 1000, 'places:errors.position'),
  y: decimal(0, 1000, 'places:errors.position'),
  gap: decimal(0, 20, 'places:errors.gap').default(0.5),
  ...pitchFacts,
});
export type PitchBlockForm = z.output<typeof pitchBlockSchema>;

export const pitchSchema = z.object({
  label: z.string({ error: 'places:errors.labelRequired' }).trim().min(1, 'places:errors.labelRequired').max(20, 'places:errors.tooLong'),
  x: decimal(0, 1000, 'places:errors.position'),
  y: decimal(0, 1000, 'places:errors.position'),
  ...pitchFacts,
});
export type PitchForm = z.output<typeof pitchSchema>;

/** Positions of several pitches at once: `x_<id>` and `y_<id>` (the number fields under the plan). */
export function positionsSchema(ids: readonly number[]) {
  const shape: Record<string, z.ZodType<number, unknown>> = {};
  for (const id of ids) {
    shape[`x_${id}`] = decimal(0, 1000, 'places:errors.position') as z.ZodType<number, unknown>;
    shape[`y_${id}`] = decimal(0, 1000, 'places:errors.position') as z.ZodType<number, unknown>;
  }
  return z.object(shape);
}

/** The positions form under one area's plan: its id and `x_<id>`, `y_<id>` of each of its pitches. */
export function areaPositionsSchema(ids: readonly number[]) {
  return positionsSchema(ids).extend({ intent: z.literal('positions'), areaId: z.coerce.number().int().positive() });
}

/** A background picture of the grounds: at most this many bytes. */
export const PLAN_IMAGE_MAX_BYTES = 8 * 1024 * 1024;

/** The picture form's fields besides the file (which sharp checks on the server). */
export const planPictureSchema = z.object({
  intent: z.literal('picture'),
  areaId: z.coerce.number().int().positive(),
  widthM: decimal(1, 1000, 'places:errors.pictureWidth'),
});
