import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Field } from '~/components/forms';
import { Localized, useI18n } from '~/components/i18n';
import { FormAlert, RemoveForm } from '~/components/places-forms';
import { Checkbox } from '~/components/registration';
import { OfficeEditionNav } from '~/components/schedule';
import { SchemaFormErrors, useSchemaForm } from '~/components/schema-forms';
import { pitchSchema } from '~/domain/places/places.schema';
import { getPitch, removePitch, updatePitch } from '~/domain/places/pitches.server';
import { idParam, requireEditionSetup } from '~/http/edition-setup.server';
import { localeOf } from '~/http/locale.server';
import { keyErrorMap } from '~/lib/form-keys';
import type { FieldError } from '~/lib/forms';
import { translator } from '~/lib/i18n';
import { db } from '~/server/db.server';
import { attempt, orRespond, replyOnFailure } from '~/http/errors.server';

/** One pitch: its number, size, place on the plan and what is at hand; or remove it. Neither while a stand is on it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEditionSetup(request, params.slug);
  const locale = await localeOf(request);
  const pitch = await orRespond(() => getPitch(db(), edition.id, idParam(params.pitchId)));
  return json({ title: translator(locale)('places:pitches.editTitle'), edition: { slug: edition.slug, title: edition.title }, pitch });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export async function action({ request, params }: ActionFunctionArgs) {
  const { person, edition } = await requireEditionSetup(request, params.slug);
  const pitchId = idParam(params.pitchId);
  const back = `/office/editions/${edition.slug}/pitches`;
  const form = await request.formData();
  if (form.get('intent') === 'remove') {
    const outcome = await attempt(() => removePitch(db(), person.id, edition.id, pitchId));
    if (!outcome.ok) {
      if (outcome.status === 404) throw json({ message: outcome.formError.key }, { status: 404 });
      return json({ removal: outcome.formError as FieldError, result: null }, { status: outcome.status });
    }
    return redirect(back);
  }
  const submission = parseWithZod(form, { schema: pitchSchema, error: keyErrorMap });
  if (submission.status !== 'success') return json({ result: submission.reply(), removal: null }, { status: 400 });
  const outcome = await replyOnFailure(submission, () => updatePitch(db(), person.id, edition.id, pitchId, submission.value));
  if (!outcome.ok) return outcome.response;
  return redirect(back);
}

export default function PitchPage() {
  const { edition, pitch } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useI18n();
  const setup = useSchemaForm(pitchSchema, data && 'result' in data ? data.result : undefined, {
    label: pitch.label,
    x: String(pitch.x),
    y: String(pitch.y),
    width: String(pitch.width),
    height: String(pitch.height),
    power_available: String(pitch.power_available),
    water: pitch.water ? 'on' : undefined,
  });
  const labels = {
    label: t('places:pitches.label'),
    x: t('places:pitches.x'),
    y: t('places:pitches.y'),
    width: t('places:pitches.width'),
    height: t('places:pitches.height'),
    power_available: t('places:pitches.power'),
  };
  const assigned = pitch.registration_id !== null;
  return (
    <>
      <OfficeEditionNav slug={edition.slug} />
      <p className="eyebrow">
        <Localized value={edition.title} /> · <Localized value={pitch.area_name} />
      </p>
      <h1>{t('places:pitches.edit', { label: pitch.label })}</h1>
      <p>
        <Link to={`/office/editions/${edition.slug}/pitches`}>{t('places:pitches.back')}</Link>
      </p>
      {assigned ? <p className="notice">{t('places:errors.pitchAssigned')}</p> : null}
      <SchemaFormErrors setup={setup} labels={labels} />
      <Form method="post" {...getFormProps(setup.form)} noValidate>
        <Field name="label" type="text" maxLength={20} label={labels.label} defaultValue={setup.value('label')} error={setup.error('label')} required />
        <div className="field-row">
          <Field name="x" type="text" inputMode="decimal" label={labels.x} defaultValue={setup.value('x')} error={setup.error('x')} />
          <Field name="y" type="text" inputMode="decimal" label={labels.y} defaultValue={setup.value('y')} error={setup.error('y')} />
        </div>
        <div className="field-row">
          <Field name="width" type="text" inputMode="decimal" label={labels.width} defaultValue={setup.value('width')} error={setup.error('width')} />
          <Field name="height" type="text" inputMode="decimal" label={labels.height} defaultValue={setup.value('height')} error={setup.error('height')} />
        </div>
        <Field name="power_available" type="number" min={0} label={labels.power_available} defaultValue={setup.value('power_available')} error={setup.error('power_available')} />
        <Checkbox name="water" label={t('places:pitches.water')} defaultChecked={setup.value('water') === 'on'} />
        <p>
          <button type="submit">{t('places:save')}</button>
        </p>
      </Form>
      <section aria-labelledby="remove-pitch">
        <h2 id="remove-pitch">{t('places:pitches.remove')}</h2>
        <FormAlert message={data && 'removal' in data ? data.removal : undefined} />
        <RemoveForm label={t('places:pitches.remove')} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
