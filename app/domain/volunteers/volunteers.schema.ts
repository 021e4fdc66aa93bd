/**
 * The volunteer forms, one zod schema each (Conform in the browser, parseWithZod on the
 * server). Messages are keys of the `volunteers` namespace or the shared `forms:` ones.
 */
import { z } from 'zod';
import { localizedShape } from '../../lib/localized-fields';
import { STAND_LANGUAGES } from '../organisations/languages';

/** Languages a role may ask for: the ones stands may speak (Romani included). */
export const VOLUNTEER_LANGUAGES = STAND_LANGUAGES;
export const NAME_MAX = 120;
export const DESCRIPTION_MAX = 1000;
export const NOTE_MAX = 300;
/** The most people one group sign-up names. */
export const GROUP_MAX = 50;
/** Raise when the wording of the volunteer consent (volunteers:signup.consent) changes. */
export const VOLUNTEER_CONSENT_VERSION = 'volunteer@2026-12-03';

const list = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const int = (min: number, max: number, message: string) => z.preprocess(blank, z.coerce.number({ error: message }).int(message).min(min, message).max(max, message));
const flag = z.preprocess((v) => v === 'on' || v === '1' || v === 'true', z.boolean());
const id = (message: string) => z.preprocess(blank, z.coerce.number({ error: message }).int(message).positive(message));
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const local = (message: string) => z.string({ error: message }).trim().regex(LOCAL, message);

export const roleSchema = z.object({
  ...localizedShape('name', NAME_MAX, 'volunteers:errors.nameRequired'),
  ...localizedShape('description', DESCRIPTION_MAX, null),
  ...localizedShape('note', NOTE_MAX, null),
  languages: z.preprocess(list, z.array(z.enum(VOLUNTEER_LANGUAGES, 'forms:errors.choose'))),
  min_age: int(0, 99, 'volunteers:errors.minAge').default(18),
  allows_minors: flag,
  cancel_hours: int(0, 720, 'volunteers:errors.cancelHours').default(24),
});
export type RoleForm = z.output<typeof roleSchema>;

/** One shift typed by hand; times in Berlin wall-clock time (see shift-times.ts for the DST night). */
export const shiftSchema = z.object({
  role_id: id('volunteers:errors.role'),
  /** a stage's or area's id, or "" for the grounds */
  stage_id: z.preprocess(blank, z.coerce.number().int().positive().optional()),
  starts_at: local('volunteers:errors.time'),
  ends_at: local('volunteers:errors.time'),
  starts_second: flag,
  ends_second: flag,
  needed: int(1, 500, 'volunteers:errors.needed'),
});
export type ShiftForm = z.output<typeof shiftSchema>;

export const GENERATE_SOURCES = ['hours', 'setup', 'window'] as const;
/** Shifts in blocks: from a stage's opening hours (one day or all), the edition's setup window, or a window typed in. */
export const generateSchema = z
  .object({
    role_id: id('volunteers:errors.role'),
    source: z.enum(GENERATE_SOURCES, 'forms:errors.choose'),
    stage_id: z.preprocess(blank, z.coerce.number().int().positive().optional()),
    day: z.preprocess(blank, z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional()),
    from: z.preprocess(blank, local('volunteers:errors.time').optional()),
    to: z.preprocess(blank, local('volunteers:errors.time').optional()),
    minutes: int(15, 720, 'volunteers:errors.blockMinutes'),
    needed: int(1, 500, 'volunteers:errors.needed'),
  })
  .superRefine((v, ctx) => {
    if (v.source === 'hours' && !v.stage_id) ctx.addIssue({ code: 'custom', path: ['stage_id'], message: 'volunteers:errors.stageForHours' });
    if (v.source === 'window' && !v.from) ctx.addIssue({ code: 'custom', path: ['from'], message: 'volunteers:errors.time' });
    if (v.source === 'window' && !v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'volunteers:errors.time' });
  });
export type GenerateForm = z.output<typeof generateSchema>;

/** A resident signs up for one shift (or for its waiting list). */
export const signupSchema = z.object({
  shiftId: id('volunteers:errors.shiftNotFound'),
  name: z.string({ error: 'volunteers:errors.yourName' }).trim().min(1, 'volunteers:errors.yourName').max(NAME_MAX, 'forms:errors.tooLong'),
  languages: z.preprocess(list, z.array(z.enum(VOLUNTEER_LANGUAGES, 'forms:errors.choose'))),
  age_confirmed: flag,
  under_18: flag,
  guardian_name: z.preprocess(blank, z.string().trim().max(NAME_MAX, 'forms:errors.tooLong').optional()),
  consent: flag,
  waitlist: flag,
});
export type SignupForm = z.output<typeof signupSchema>;

/** An association signs up several of its members for one shift: one name a line, the person signing is the contact. */
export const groupSignupSchema = z.object({
  shiftId: id('volunteers:errors.shiftNotFound'),
  organisation_id: id('volunteers:errors.organisation'),
  names: z
    .string({ error: 'volunteers:errors.groupNames' })
    .max(GROUP_MAX * (NAME_MAX + 2), 'forms:errors.tooLong')
    .transform((s) => s.split(/\r?\n/).map((n) => n.trim()).filter(Boolean))
    .pipe(z.array(z.string().max(NAME_MAX, 'forms:errors.tooLong')).min(1, 'volunteers:errors.groupNames').max(GROUP_MAX, 'volunteers:errors.groupTooLarge')),
  age_confirmed: flag,
  consent: flag,
});
export type GroupSignupForm = z.output<typeof groupSignupSchema>;

export const MAIL_AUDIENCES = ['edition', 'role', 'shift'] as const;
/** Writing to volunteers: who (the edition's, one role's, one shift's), subject and text (German required). */
export const volunteerMailSchema = z
  .object({
    intent: z.enum(['preview', 'send'], 'forms:errors.choose'),
    audience: z.enum(MAIL_AUDIENCES, 'forms:errors.choose'),
    role_id: z.preprocess(blank, z.coerce.number().int().positive().optional()),
    shift_id: z.preprocess(blank, z.coerce.number().int().positive().optional()),
    ...localizedShape('subject', 200, 'forms:errors.required'),
    ...localizedShape('body', 20_000, 'forms:errors.required'),
  })
  .superRefine((v, ctx) => {
    if (v.audience === 'role' && !v.role_id) ctx.addIssue({ code: 'custom', path: ['role_id'], message: 'volunteers:errors.role' });
    if (v.audience === 'shift' && !v.shift_id) ctx.addIssue({ code: 'custom', path: ['shift_id'], message: 'volunteers:errors.shiftNotFound' });
  });
export type VolunteerMailForm = z.output<typeof volunteerMailSchema>;
