import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { ChoiceGroup, Select } from '~/components/registration';
import { LocalizedFields, localizedLabels, SchemaFormErrors, useSchemaForm } from '~/components/schema-forms';
import { VolunteerNav } from '~/components/volunteer-forms';
import type { CampaignTexts } from '~/domain/office/campaigns.server';
import { boardShifts } from '~/domain/volunteers/board.server';
import { previewVolunteerMail, sendVolunteerMail } from '~/domain/volunteers/mail.server';
import { listRoles } from '~/domain/volunteers/roles.server';
import { volunteerMailSchema, type VolunteerMailForm } from '~/domain/volunteers/volunteers.schema';
import { replyOnFailure } from '~/http/errors.server';
import { requireEditionSetup } from '~/http/edition-setup.server';
import { localeOf } from '~/http/locale.server';
import { keyErrorMap } from '~/lib/form-keys';
import { languageName, LOCALES, translator } from '~/lib/i18n';
import { pickText } from '~/lib/i18n-text';
import { formatDay, formatTime } from '~/lib/time';
import { db } from '~/server/db.server';
import { env } from '~/server/env.server';

/** Writing to the volunteers of the edition, of one role or of one shift, in each one's language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEditionSetup(request, params.slug);
  const locale = await localeOf(request);
  const [roles, shifts] = await Promise.all([listRoles(db(), edition.id), boardShifts(db(), edition.id)]);
  const search = new URL(request.url).searchParams;
  const shift = search.get('shift') ?? '';
  const role = search.get('role') ?? '';
  return json({
    title: translator(locale)('volunteers:write.title'),
    edition: { slug: edition.slug, title: edition.title },
    roles: roles.map((r) => ({ value: String(r.id), label: pickText(r.name, locale).text })),
    shifts: shifts
      .filter((s) => !s.cancelled)
      .map((s) => ({ value: String(s.id), label: `${formatDay(s.day, locale, 'short')} ${formatTime(s.startsAt, locale)}–${formatTime(s.endsAt, locale)} · ${pickText(s.roleName, locale).text} (${s.filled})` })),
    defaults: { audience: shift ? 'shift' : role ? 'role' : 'edition', shift_id: shift, role_id: role },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

function textsOf(v: VolunteerMailForm): CampaignTexts {
  const texts: CampaignTexts = { subject: {}, body: {} };
  const values = v as unknown as Record<string, string>;
  for (const l of LOCALES) {
    if (values[`subject_${l}`]) texts.subject[l] = values[`subject_${l}`];
    if (values[`body_${l}`]) texts.body[l] = values[`body_${l}`];
  }
  return texts;
}

type Reply = { result: SubmissionResult<string[]>; preview?: { count: number; byLanguage: Record<string, number> }; sent?: number };

export async function action({ request, params }: ActionFunctionArgs) {
  const { person, edition } = await requireEditionSetup(request, params.slug);
  const submission = parseWithZod(await request.formData(), { schema: volunteerMailSchema, error: keyErrorMap });
  if (submission.status !== 'success') return json({ result: submission.reply() } as Reply, { status: 400 });
  const v = submission.value;
  const audience = v.audience === 'role' ? { roleId: v.role_id } : v.audience === 'shift' ? { shiftId: v.shift_id } : {};
  if (v.intent === 'preview') {
    const outcome = await replyOnFailure(submission, () => previewVolunteerMail(db(), person, edition.id, audience, textsOf(v)));
    if (!outcome.ok) return outcome.response;
    return json({ result: submission.reply(), preview: outcome.value } as Reply);
  }
  const outcome = await replyOnFailure(submission, () => sendVolunteerMail(db(), person, edition.id, audience, textsOf(v), env().PUBLIC_URL));
  if (!outcome.ok) return outcome.response;
  return json({ result: submission.reply({ resetForm: true }), sent: outcome.value.count } as Reply);
}

export default function WriteToVolunteers() {
  const { edition, roles, shifts, defaults } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as Reply | undefined;
  const { t, locale } = useI18n();
  const setup = useSchemaForm(volunteerMailSchema, data?.result, defaults);
  const subjectLabel = (language: string) => t('volunteers:write.subjectIn', { language });
  const bodyLabel = (language: string) => t('volunteers:write.bodyIn', { language });
  const labels = { ...localizedLabels('subject', subjectLabel), ...localizedLabels('body', bodyLabel), audience: t('volunteers:write.audience'), role_id: t('volunteers:shift.role'), shift_id: t('volunteers:write.shift') };
  return (
    <>
      <VolunteerNav slug={edition.slug} />
      <p className="eyebrow">
        <Localized value={edition.title} />
      </p>
      <h1>{t('volunteers:write.title')}</h1>
      <p className="lead">{t('volunteers:write.intro')}</p>
      {data?.sent !== undefined ? (
        <p role="status" className="notice">
          {t('volunteers:write.sent', { count: data.sent })}
        </p>
      ) : null}
      {data?.preview ? (
        <p role="status" className="notice">
          {t('volunteers:write.preview', { count: data.preview.count, languages: Object.entries(data.preview.byLanguage).map(([l, n]) => `${languageName(l, locale)} ${n}`).join(', ') || '–' })}
        </p>
      ) : null}
      <SchemaFormErrors setup={setup} labels={labels} />
      <Form method="post" {...getFormProps(setup.form)} noValidate>
        <ChoiceGroup
          name="audience"
          type="radio"
          legend={labels.audience}
          options={[
            { value: 'edition', label: t('volunteers:write.audiences.edition') },
            { value: 'role', label: t('volunteers:write.audiences.role') },
            { value: 'shift', label: t('volunteers:write.audiences.shift') },
          ]}
          selected={[setup.value('audience') ?? 'edition']}
          error={setup.error('audience')}
        />
        <Select name="role_id" label={labels.role_id} defaultValue={setup.value('role_id') ?? ''} error={setup.error('role_id')} options={[{ value: '', label: '–' }, ...roles]} />
        <Select name="shift_id" label={labels.shift_id} defaultValue={setup.value('shift_id') ?? ''} error={setup.error('shift_id')} options={[{ value: '', label: '–' }, ...shifts]} />
        <LocalizedFields setup={setup} prefix="subject" label={subjectLabel} germanRequired maxLength={200} more={t('volunteers:write.moreSubjects')} />
        <LocalizedFields setup={setup} prefix="body" label={bodyLabel} multiline germanRequired maxLength={20_000} more={t('volunteers:write.moreBodies')} />
        <p>
          <button type="submit" name="intent" value="preview" className="secondary">
            {t('volunteers:write.previewButton')}
          </button>{' '}
          <button type="submit" name="intent" value="send">
            {t('volunteers:write.send')}
          </button>
        </p>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
