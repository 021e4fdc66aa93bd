import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ErrorSummary, Field } from '~/components/forms';
import { useI18n } from '~/components/i18n';
import { FormAlert, SetupPageHeader } from '~/components/places-forms';
import { Checkbox, Select } from '~/components/registration';
import { pitchBlockSchema } from '~/domain/places/places.schema';
import { generatePitchBlock, listPitchAreas } from '~/domain/places/pitches.server';
import { formAttempt } from '~/http/domain-form.server';
import { requireEditionSetup } from '~/http/edition-setup.server';
import { localeOf } from '~/http/locale.server';
import { formValues, parseForm } from '~/lib/forms';
import { translator } from '~/lib/i18n';
import { db } from '~/server/db.server';

/** An edition's pitches per area, and a form that generates a block of them. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEditionSetup(request, params.slug);
  const locale = await localeOf(request);
  return json({ title: translator(locale)('places:pitches.title'), edition: { slug: edition.slug, title: edition.title }, areas: await listPitchAreas(db(), edition.id) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export async function action({ request, params }: ActionFunctionArgs) {
  const { person, edition } = await requireEditionSetup(request, params.slug);
  const form = await request.formData();
  const parsed = parseForm(pitchBlockSchema, form);
  if (!parsed.success) return json({ intent: 'generate', errors: parsed.errors, values: parsed.values, generated: 0 }, { status: 400 });
  const result = await formAttempt(() => generatePitchBlock(db(), person.id, edition.id, parsed.data), { intent: 'generate', values: formValues(form) });
  if (!result.ok) return result.response;
  return json({ intent: 'generated', errors: undefined, values: undefined, generated: result.value });
}

const LABELS = ['stage_id', 'rows', 'columns', 'prefix', 'first_number', 'x', 'y', 'gap', 'width', 'height', 'power_available'] as const;
const KEY: Record<string, string> = { stage_id: 'area', first_number: 'firstNumber', power_available: 'power' };

export default function Pitches() {
  const { edition, areas } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, text } = useI18n();
  const busy = useNavigation().state === 'submitting';
  const v: Record<string, string> = { rows: '2', columns: '3', prefix: '', first_number: '1', x: '0', y: '0', gap: '0.5', width: '3', height: '3', power_available: '0', ...(data && 'values' in data && data.values ? data.values : {}) };
  const errors = data && 'errors' in data ? data.errors : undefined;
  const label = (name: string) => t(`places:pitches.${KEY[name] ?? name}`);
  return (
    <>
      <SetupPageHeader edition={edition} title={t('places:pitches.title')} />
      {areas.length === 0 ? (
        <p>{t('places:pitches.noAreas')}</p>
      ) : (
        <section aria-labelledby="generate">
          <h2 id="generate">{t('places:pitches.generate')}</h2>
          <p className="hint">{t('places:pitches.generateHint')}</p>
          {data && 'generated' in data && data.intent === 'generated' ? <p role="status">{t('places:pitches.generated', { count: data.generated })}</p> : null}
          <ErrorSummary errors={errors && !('form' in errors) ? errors : undefined} labels={Object.fromEntries(LABELS.map((n) => [n, label(n)]))} />
          <FormAlert message={errors?.form} />
          <Form method="post" noValidate key={JSON.stringify(v)}>
            <Select name="stage_id" label={label('stage_id')} defaultValue={v.stage_id} error={errors?.stage_id} options={areas.map((a) => ({ value: String(a.id), label: text(a.name).text }))} />
            <div className="field-row">
              <Field name="rows" type="number" min={1} max={50} label={label('rows')} defaultValue={v.rows} error={errors?.rows} />
              <Field name="columns" type="number" min={1} max={50} label={label('columns')} defaultValue={v.columns} error={errors?.columns} />
            </div>
            <div className="field-row">
              <Field name="prefix" type="text" maxLength={10} label={label('prefix')} hint={t('places:pitches.prefixHint')} defaultValue={v.prefix} error={errors?.prefix} />
              <Field name="first_number" type="number" min={1} label={label('first_number')} defaultValue={v.first_number} error={errors?.first_number} />
            </div>
            <div className="field-row">
              <Field name="width" type="text" inputMode="decimal" label={label('width')} defaultValue={v.width} error={errors?.width} />
              <Field name="height" type="text" inputMode="decimal" label={label('height')} defaultValue={v.height} error={errors?.height} />
            </div>
            <div className="field-row">
              <Field name="x" type="text" inputMode="decimal" label={label('x')} defaultValue={v.x} error={errors?.x} />
              <Field name="y" type="text" inputMode="decimal" label={label('y')} defaultValue={v.y} error={errors?.y} />
              <Field name="gap" type="text" inputMode="decimal" label={label('gap')} defaultValue={v.gap} error={errors?.gap} />
            </div>
            <Field name="power_available" type="number" min={0} label={label('power_available')} defaultValue={v.power_available} error={errors?.power_available} />
            <Checkbox name="water" label={t('places:pitches.water')} defaultChecked={v.water === 'on'} />
            <p>
              <button type="submit" disabled={busy}>
                {t('places:pitches.generate')}
              </button>
            </p>
          </Form>
        </section>
      )}
      {areas.map((a) => (
        <section key={a.id} aria-labelledby={`area-${a.id}`}>
          <h2 id={`area-${a.id}`}>{t('places:pitches.list', { area: text(a.name).text })}</h2>
          {a.pitches.length === 0 ? (
            <p>{t('places:pitches.none')}</p>
          ) : (
            <ul>
              {a.pitches.map((p) => (
                <li key={p.id}>
                  {p.label}: {p.width} × {p.height} m ({p.x}, {p.y}){p.registration_id ? ` · ${t('places:pitches.stand')}` : ` · ${t('places:pitches.free')}`}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
