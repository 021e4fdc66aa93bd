/**
 * The forms of stand registration, one zod schema each. Messages that are not zod's own
 * are translation keys ("registration:errors.…"), shown next to their field.
 */
import { z } from 'zod';

/** '' → undefined (so "required" reads right), "2,5" → 2.5 (German decimal comma). */
const toNumber = (v: unknown) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim().replace(',', '.'))) : v);
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === '1', z.boolean());
const id = z.coerce.number().int().positive();
const count = (max: number) => z.preprocess(toNumber, z.number().int().min(0).max(max).default(0));

export const APPLICATION_LIMITS = {
  sizeMin: 0.5,
  sizeMax: 20,
  powerMax: 16000,
  tablesMax: 10,
  benchesMax: 20,
  activitiesMax: 2000,
  accessibilityMax: 1000,
  stageActTitleMax: 120,
  stageActMinutesMin: 5,
  stageActMinutesMax: 90,
  stageActNeedsMax: 500,
} as const;
const L = APPLICATION_LIMITS;

export const applicationSchema = z
  .object({
    intent: z.enum(['draft', 'submit']),
    registrationId: id.optional(),
    organisationId: id,
    standTypeId: z.coerce.number({ message: 'registration:errors.chooseStandType' }).int().positive('registration:errors.chooseStandType'),
    // empty: the chosen stand type's size (a browser without JavaScript can't refill the fields)
    widthM: z.preprocess(toNumber, z.number().min(L.sizeMin).max(L.sizeMax).optional()),
    depthM: z.preprocess(toNumber, z.number().min(L.sizeMin).max(L.sizeMax).optional()),
    powerWatts: count(L.powerMax),
    water: checkbox,
    tables: count(L.tablesMax),
    benches: count(L.benchesMax),
    ownGazebo: checkbox,
    vehicleAccess: checkbox,
    activities: z.string().trim().max(L.activitiesMax).default(''),
    stageActTitle: z.string().trim().max(L.stageActTitleMax).default(''),
    stageActMinutes: z.preprocess(toNumber, z.number().int().min(L.stageActMinutesMin).max(L.stageActMinutesMax).optional()),
    stageActNeeds: z.string().trim().max(L.stageActNeedsMax).default(''),
    accessibility: z.string().trim().max(L.accessibilityMax).default(''),
    publicConsent: checkbox,
  })
  .superRefine(
    (v, ctx) => {
      for (const [field, key] of Object.entries(applicationRuleErrors(v))) ctx.addIssue({ code: 'custom', path: [field], message: key });
    },
    // also when a single field is already wrong (zod skips refinements then), so the association sees every problem at once
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

export type ApplicationForm = z.output<typeof applicationSchema>;

/** The rules across fields, on raw or parsed values alike. */
function applicationRuleErrors(v: { intent?: unknown; activities?: unknown; stageActTitle?: unknown; stageActMinutes?: unknown; stageActNeeds?: unknown }) {
  const filled = (x: unknown) => x !== undefined && x !== null && String(x).trim() !== '';
  const errors: Record<string, string> = {};
  if (v.intent === 'submit' && !filled(v.activities)) errors.activities = 'registration:errors.activitiesRequired';
  const stageAct = filled(v.stageActTitle) || filled(v.stageActMinutes) || filled(v.stageActNeeds);
  if (stageAct && !filled(v.stageActTitle)) errors.stageActTitle = 'registration:errors.stageActTitleRequired';
  if (stageAct && !filled(v.stageActMinutes)) errors.stageActMinutes = 'registration:errors.stageActMinutesRequired';
  return errors;
}

/**
 * Whether a wished stand size fits the stand type's area (turned by 90° too): a
 * 3 × 3 m wish does not fit an information table of 2 × 1 m.
 */
export function sizeFitsStandType(wish: { widthM: number; depthM: number }, type: { width_m: number; depth_m: number }): boolean {
  const within = (w: number, d: number) => w <= type.width_m + 1e-9 && d <= type.depth_m + 1e-9;
  return within(wish.widthM, wish.depthM) || within(wish.depthM, wish.widthM);
}

/** What an application asks for, as the domain takes it. */
export interface ApplicationInput {
  standTypeId: number;
  /** null: the stand type's own size */
  widthM: number | null;
  depthM: number | null;
  powerWatts: number;
  water: boolean;
  tables: number;
  benches: number;
  ownGazebo: boolean;
  vehicleAccess: boolean;
  activities: string;
  stageAct: { title: string; minutes: number; needs: string } | null;
  accessibility: string;
  publicConsent: boolean;
}

export function applicationInput(form: ApplicationForm): ApplicationInput {
  return {
    standTypeId: form.standTypeId,
    widthM: form.widthM ?? null,
    depthM: form.depthM ?? null,
    powerWatts: form.powerWatts,
    water: form.water,
    tables: form.tables,
    benches: form.benches,
    ownGazebo: form.ownGazebo,
    vehicleAccess: form.vehicleAccess,
    activities: form.activities,
    stageAct: form.stageActTitle && form.stageActMinutes !== undefined ? { title: form.stageActTitle, minutes: form.stageActMinutes, needs: form.stageActNeeds } : null,
    accessibility: form.accessibility,
    publicConsent: form.publicConsent,
  };
}

/** On an application's status page: withdraw it, or reopen a withdrawn one. */
export const statusActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('withdraw'), reason: z.string().trim().max(1000).default('') }),
  z.object({ intent: z.literal('reopen') }),
]);

/** "Apply again": copy last year's application into this edition. */
export const applyAgainSchema = z
  .object({
    intent: z.enum(['copy-draft', 'copy-submit']),
    organisationId: id,
    editionSlug: z.string().min(1).max(100),
    confirm: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.intent === 'copy-submit' && !v.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'registration:errors.confirmCopy' });
  });

/** The organisers' decision on one application in the review queue. */
export const DECISIONS = { approve: 'approved', waitlist: 'waitlisted', reject: 'rejected', confirm: 'confirmed', cancel: 'cancelled' } as const;
export type Decision = keyof typeof DECISIONS;
export const decisionSchema = z.object({
  intent: z.enum(Object.keys(DECISIONS) as [Decision, ...Decision[]]),
  registrationId: id,
  reason: z.string().trim().max(1000).default(''),
});
