/**
 * The schedule and site plan forms, one zod schema each (parsed by Conform's parseWithZod
 * on the server and in the browser). Messages are translation keys of the `schedule` namespace.
 */
import { z } from 'zod';
import { ACCESSIBILITY_FLAGS, PROGRAM_CATEGORIES } from '../organisations/categories';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'schedule:errors.day');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'schedule:errors.time');
const id = z.coerce.number({ error: 'schedule:errors.required' }).int().positive('schedule:errors.required');
const optionalId = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) {
      ctx.addIssue({ code: 'custom', message: 'schedule:errors.invalid' });
      return z.NEVER;
    }
    return n;
  });
/** Repeated fields (checkboxes) arrive as one string, several, or none. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item));
const text = (max: number) => z.string().trim().max(max, 'schedule:errors.tooLong').optional().default('');
const optionalText = (max: number) => z.string().trim().max(max, 'schedule:errors.tooLong').optional();

export const placeSchema = z.object({
  uid: z.string().min(1),
  stage_id: id,
  day,
  start: time,
});

export const resizeSchema = z.object({ uid: z.string().min(1), end: time });

export const itemSchema = z
  .object({
    title_de: z.string().trim().min(1, 'schedule:errors.titleRequired').max(200, 'schedule:errors.tooLong'),
    title_en: text(200),
    // the other content languages: absent (a caller that does not know them) keeps what is stored
    title_tr: optionalText(200),
    title_ar: optionalText(200),
    title_ro: optionalText(200),
    title_bg: optionalText(200),
    description_de: text(2000),
    description_en: text(2000),
    description_tr: optionalText(2000),
    description_ar: optionalText(2000),
    description_ro: optionalText(2000),
    description_bg: optionalText(2000),
    stage_id: id,
    day,
    start: time,
    end: time,
    category: z.enum(PROGRAM_CATEGORIES, 'schedule:errors.category'),
    languages: z
      .string()
      .optional()
      .default('')
      .transform((v) => v.split(/[\s,;]+/).map((l) => l.trim().toLowerCase()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^[a-z]{2,3}$/, 'schedule:errors.languages')).max(12, 'schedule:errors.languages')),
    accessibility: list(z.enum(ACCESSIBILITY_FLAGS, 'schedule:errors.invalid')),
    host_organisation_id: optionalId,
    registration_id: optionalId,
    repeat: z.enum(['none', 'daily'], 'schedule:errors.invalid').default('none'),
    repeat_until: z.union([day, z.literal('')]).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.repeat === 'daily' && !v.repeat_until) ctx.addIssue({ code: 'custom', path: ['repeat_until'], message: 'schedule:errors.repeatUntil' });
  });
export type ItemForm = z.infer<typeof itemSchema>;

export const assignSchema = z.object({ pitch_id: id, registration_id: id });
export const unassignSchema = z.object({ pitch_id: id });
export const acceptSuggestionsSchema = z.object({
  pairs: list(z.string().regex(/^\d+:\d*$/, 'schedule:errors.invalid'))
    .transform((list) =>
      list
        .map((p) => p.split(':').map((n) => (n ? Number(n) : null)) as [number, number | null])
        .filter((p): p is [number, number] => p[1] !== null)
        .map(([registrationId, pitchId]) => ({ registrationId, pitchId })),
    ),
});
