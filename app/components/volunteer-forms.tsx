/**
 * The office's volunteer forms (roles, one shift, shifts in blocks) on Conform, and the
 * navigation between the volunteer pages of an edition.
 */
import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { Form, NavLink } from '@remix-run/react';
import { Field } from './forms';
import { useI18n } from './i18n';
import { Checkbox, ChoiceGroup, Select } from './registration';
import { LocalizedFields, localizedLabels, SchemaFormErrors, useSchemaForm } from './schema-forms';
import { DESCRIPTION_MAX, generateSchema, NAME_MAX, NOTE_MAX, roleSchema, shiftSchema, VOLUNTEER_LANGUAGES } from '~/domain/volunteers/volunteers.schema';
import { languageName } from '~/lib/i18n';

type Result = SubmissionResult<string[]> | null | undefined;
type Values = Record<string, string | string[] | undefined>;

/** The volunteer pages of one edition. */
export function VolunteerNav({ slug }: { slug: string }) {
  const { t } = useI18n();
  const base = `/office/editions/${slug}/volunteers`;
  return (
    <nav aria-label={t('volunteers:office.navLabel')} className="office-nav">
      <ul>
        <li>
          <NavLink to={`/office/editions/${slug}`} end>
            {t('volunteers:office.dashboard')}
          </NavLink>
        </li>
        <li>
          <NavLink to={base} end>
            {t('volunteers:office.board')}
          </NavLink>
        </li>
        <li>
          <NavLink to={`${base}/roles`}>{t('volunteers:office.roles')}</NavLink>
        </li>
        <li>
          <NavLink to={`${base}/shifts`}>{t('volunteers:office.shifts')}</NavLink>
        </li>
        <li>
          <NavLink to={`${base}/day`}>{t('volunteers:office.day')}</NavLink>
        </li>
        <li>
          <NavLink to={`${base}/mail`}>{t('volunteers:write.nav')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}

function listOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' && value ? [value] : [];
}

export function RoleForm({ lastResult, defaultValue, submit }: { lastResult: Result; defaultValue?: Values; submit: string }) {
  const { t, locale } = useI18n();
  const setup = useSchemaForm(roleSchema, lastResult, defaultValue as Record<string, string | undefined>);
  const nameLabel = (language: string) => t('volunteers:role.nameIn', { language });
  const descriptionLabel = (language: string) => t('volunteers:role.descriptionIn', { language });
  const noteLabel = (language: string) => t('volunteers:role.noteIn', { language });
  const fields = setup.form.value as Record<string, unknown> | undefined;
  const languages = listOf(fields?.languages ?? defaultValue?.languages);
  const labels = {
    ...localizedLabels('name', nameLabel),
    ...localizedLabels('description', descriptionLabel),
    ...localizedLabels('note', noteLabel),
    languages: t('volunteers:role.languages'),
    min_age: t('volunteers:role.minAge'),
    allows_minors: t('volunteers:role.allowsMinors'),
    cancel_hours: t('volunteers:role.cancelHours'),
  };
  return (
    <>
      <SchemaFormErrors setup={setup} labels={labels} />
      <Form method="post" {...getFormProps(setup.form)} noValidate>
        <input type="hidden" name="intent" value="save" />
        <LocalizedFields setup={setup} prefix="name" label={nameLabel} germanRequired maxLength={NAME_MAX} more={t('volunteers:role.moreNames')} />
        <LocalizedFields setup={setup} prefix="description" label={descriptionLabel} multiline germanRequired={false} maxLength={DESCRIPTION_MAX} more={t('volunteers:role.moreDescriptions')} />
        <LocalizedFields setup={setup} prefix="note" label={noteLabel} germanRequired={false} maxLength={NOTE_MAX} hint={t('volunteers:role.noteHint')} more={t('volunteers:role.moreNotes')} />
        <ChoiceGroup
          name="languages"
          type="checkbox"
          legend={labels.languages}
          hint={t('volunteers:role.languagesHint')}
          options={VOLUNTEER_LANGUAGES.map((code) => ({ value: code, label: languageName(code, locale), lang: code }))}
          selected={languages}
          error={setup.error('languages')}
        />
        <Field name="min_age" type="number" inputMode="numeric" min={0} max={99} label={labels.min_age} hint={t('volunteers:role.minAgeHint')} defaultValue={setup.value('min_age') ?? '18'} error={setup.error('min_age')} />
        <Checkbox name="allows_minors" label={labels.allows_minors} hint={t('volunteers:role.allowsMinorsHint')} defaultChecked={setup.value('allows_minors') === 'on'} error={setup.error('allows_minors')} />
        <Field name="cancel_hours" type="number" inputMode="numeric" min={0} max={720} label={labels.cancel_hours} hint={t('volunteers:role.cancelHoursHint')} defaultValue={setup.value('cancel_hours') ?? '24'} error={setup.error('cancel_hours')} />
        <p>
          <button type="submit">{submit}</button>
        </p>
      </Form>
    </>
  );
}

interface Choice {
  value: string;
  label: string;
}

/** One shift typed by hand: role, place, start and end in Berlin time (the DST night's second hour on request), people needed. */
export function ShiftForm({ lastResult, defaultValue, submit, roles, places }: { lastResult: Result; defaultValue?: Values; submit: string; roles: Choice[]; places: Choice[] }) {
  const { t } = useI18n();
  const setup = useSchemaForm(shiftSchema, lastResult, defaultValue as Record<string, string | undefined>);
  const labels = {
    role_id: t('volunteers:shift.role'),
    stage_id: t('volunteers:shift.place'),
    starts_at: t('volunteers:shift.startsAt'),
    ends_at: t('volunteers:shift.endsAt'),
    needed: t('volunteers:shift.needed'),
  };
  return (
    <>
      <SchemaFormErrors setup={setup} labels={labels} />
      <Form method="post" {...getFormProps(setup.form)} noValidate>
        <input type="hidden" name="intent" value="shift" />
        <Select name="role_id" label={labels.role_id} defaultValue={setup.value('role_id')} error={setup.error('role_id')} options={roles} />
        <Select name="stage_id" label={labels.stage_id} defaultValue={setup.value('stage_id') ?? ''} error={setup.error('stage_id')} options={[{ value: '', label: t('volunteers:grounds') }, ...places]} />
        <Field name="starts_at" type="datetime-local" label={labels.starts_at} hint={t('volunteers:shift.berlinTime')} defaultValue={setup.value('starts_at')} error={setup.error('starts_at')} />
        <Field name="ends_at" type="datetime-local" label={labels.ends_at} defaultValue={setup.value('ends_at')} error={setup.error('ends_at')} />
        <details className="more-languages" open={setup.value('starts_second') === 'on' || setup.value('ends_second') === 'on'}>
          <summary>{t('volunteers:shift.dstNight')}</summary>
          <p className="hint">{t('volunteers:shift.dstHint')}</p>
          <Checkbox name="starts_second" label={t('volunteers:shift.startsSecond')} defaultChecked={setup.value('starts_second') === 'on'} />
          <Checkbox name="ends_second" label={t('volunteers:shift.endsSecond')} defaultChecked={setup.value('ends_second') === 'on'} />
        </details>
        <Field name="needed" type="number" inputMode="numeric" min={1} max={500} label={labels.needed} defaultValue={setup.value('needed') ?? '2'} error={setup.error('needed')} />
        <p>
          <button type="submit">{submit}</button>
        </p>
      </Form>
    </>
  );
}

/** Shifts in blocks of N minutes from a stage's opening hours, the setup window, or a window typed in. */
export function GenerateForm({ lastResult, roles, places, days }: { lastResult: Result; roles: Choice[]; places: Choice[]; days: Choice[] }) {
  const { t } = useI18n();
  const setup = useSchemaForm(generateSchema, lastResult, { source: 'hours', minutes: '120', needed: '2' });
  const labels = {
    role_id: t('volunteers:shift.role'),
    source: t('volunteers:generate.source'),
    stage_id: t('volunteers:generate.place'),
    day: t('volunteers:generate.day'),
    from: t('volunteers:generate.from'),
    to: t('volunteers:generate.to'),
    minutes: t('volunteers:generate.minutes'),
    needed: t('volunteers:shift.needed'),
  };
  return (
    <>
      <SchemaFormErrors setup={setup} labels={labels} />
      <Form method="post" {...getFormProps(setup.form)} noValidate>
        <input type="hidden" name="intent" value="generate" />
        <Select name="role_id" label={labels.role_id} defaultValue={setup.value('role_id')} error={setup.error('role_id')} options={roles} />
        <ChoiceGroup
          name="source"
          type="radio"
          legend={labels.source}
          options={[
            { value: 'hours', label: t('volunteers:generate.sources.hours') },
            { value: 'setup', label: t('volunteers:generate.sources.setup') },
            { value: 'window', label: t('volunteers:generate.sources.window') },
          ]}
          selected={[setup.value('source') ?? 'hours']}
          error={setup.error('source')}
        />
        <Select name="stage_id" label={labels.stage_id} defaultValue={setup.value('stage_id') ?? ''} error={setup.error('stage_id')} options={[{ value: '', label: t('volunteers:grounds') }, ...places]} />
        <Select name="day" label={labels.day} defaultValue={setup.value('day') ?? ''} error={setup.error('day')} options={[{ value: '', label: t('volunteers:generate.allDays') }, ...days]} />
        <Field name="from" type="datetime-local" label={labels.from} hint={t('volunteers:generate.windowHint')} defaultValue={setup.value('from')} error={setup.error('from')} />
        <Field name="to" type="datetime-local" label={labels.to} defaultValue={setup.value('to')} error={setup.error('to')} />
        <Field name="minutes" type="number" inputMode="numeric" min={15} max={720} label={labels.minutes} defaultValue={setup.value('minutes')} error={setup.error('minutes')} />
        <Field name="needed" type="number" inputMode="numeric" min={1} max={500} label={labels.needed} defaultValue={setup.value('needed')} error={setup.error('needed')} />
        <p>
          <button type="submit">{t('volunteers:generate.submit')}</button>
        </p>
      </Form>
    </>
  );
}
