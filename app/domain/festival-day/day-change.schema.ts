/** The day-change form: delay by minutes, move to another stage or time, or cancel (docs/decisions/114). */
import { z } from 'zod';

export const DELAY_CHOICES = [5, 10, 15, 30] as const;

export const dayChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('delay'), minutes: z.coerce.number().int().min(-240).max(240) }),
  z.object({
    kind: z.literal('move'),
    stage_id: z.coerce.number().int().positive(),
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'schedule:errors.day'),
    start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'forms:errors.invalid'),
  }),
  z.object({ kind: z.literal('cancel') }),
]);

export type DayChangeForm = z.infer<typeof dayChangeSchema>;
