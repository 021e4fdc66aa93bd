import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from '@remix-run/node';
import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Field } from '~/components/forms';
import { useI18n } from '~/components/i18n';
import { PitchPlanEditor } from '~/components/pitch-plan';
import { SetupPageHeader } from '~/components/places-forms';
import { Checkbox, Select } from '~/components/registration';
import { SchemaFormErrors, useSchemaForm } from '~/components/schema-forms';
import { areaPositionsSchema, pitchBlockSchema, PLAN_IMAGE_MAX_BYTES, planPictureSchema } from '~/domain/places/places.schema';
import { generatePitchBlock, listPitchAreas, placePitches } from '~/domain/places/pitches.server';
import { planImagesOf, reencodePlanImage, removePlanImage, savePlanImage } from '~/domain/places/plan-image.server';
import { requireEditionSetup } from '~/http/edition-setup.server';
import { localeOf } from '~/http/locale.server';
import { encodeFieldError, keyErrorMap } from '~/lib/form-keys';
import { translator } from '~/lib/i18n';
import { planBackground } from '~/lib/site-plan';
import { db } from '~/server/db.server';
import { attempt, replyOf, replyOnFailure, respondWith } from '~/http/errors.server';

const MAX_MB = PLAN_IMAGE_MAX_BYTES / 1024 / 1024;

/**
 * An edition's pitches per area: generate a block, place them on the plan (number fields;
 * dragging with JavaScript), edit or remove one, and a picture of the grounds under the plan.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEditionSetup(request, params.slug);
  const locale = await localeOf(request);
  const [areas, images] = await Promise.all([listPitchAreas(db(), edition.id), planImagesOf(db(), edition.id)]);
  return json({
    title: translator(locale)('places:pitches.title'),
    edition: { slug: edition.slug, title: edition.title },
    areas: areas.map((a) => ({ ...a, picture: planBackground(edition.slug, a.id, images.get(a.id)) })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

type Reply = { intent: 'positions' | 'picture' | 'generate'; areaId: number; result: SubmissionResult<string[]>; notice?: string; generated?: number };

export async function action({ request, params }: ActionFunctionArgs) {
  const { person, edition } = await requireEditionSetup(request, params.slug);
  if ((request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) return uploadPicture(request, person.id, edition.id);
  const form = await request.formData();
  const intent = form.get('intent');

  if (intent === 'positions') {
    const areaId = Number(form.get('areaId'));
    const area = (await listPitchAreas(db(), edition.id)).find((a) => a.id === areaId);
    if (!area) throw json({ message: 'places:errors.area' }, { status: 404 });
    const submission = parseWithZod(form, { schema: areaPositionsSchema(area.pitches.map((p) => p.id)), error: keyErrorMap });
    if (submission.status !== 'success') return json({ intent: 'positions', areaId, result: submission.reply() } satisfies Reply, { status: 400 });
    const values = submission.value as Record<string, number>;
    const positions = new Map(area.pitches.map((p) => [p.id, { x: values[`x_${p.id}`]!, y: values[`y_${p.id}`]! }]));
    const outcome = await replyOnFailure(submission, () => placePitches(db(), person.id, edition.id, areaId, positions));
    if (!outcome.ok) return json({ intent: 'positions', areaId, result: ((await outcome.response.json()) as { result: SubmissionResult<string[]> }).result } satisfies Reply, { status: outcome.response.status });
    return json({ intent: 'positions', areaId, result: submission.reply(), notice: 'places:pitches.positionsSaved' } satisfies Reply);
  }

  if (intent === 'removePicture') {
    const areaId = Number(form.get('areaId'));
    const removed = await attempt(() => removePlanImage(db(), person.id, edition.id, areaId));
    if (!removed.ok) {
      if (removed.status === 404 || removed.status === 403) respondWith(removed);
      // the reason over the area's picture form
      const result: SubmissionResult<string[]> = { status: 'error', initialValue: null, error: { '': [encodeFieldError(removed.formError)] } };
      return json({ intent: 'picture', areaId, result } satisfies Reply, { status: removed.status });
    }
    return json({ intent: 'picture', areaId, result: { status: 'success' } as SubmissionResult<string[]>, notice: 'places:pitches.pictureRemoved' } satisfies Reply);
  }

  const submission = parseWithZod(form, { schema: pitchBlockSchema, error: keyErrorMap });
  if (submission.status !== 'success') return json({ intent: 'generate', areaId: 0, result: submission.reply() } satisfies Reply, { status: 400 });
  const block = submission.value;
  const generated = await attempt(() => generatePitchBlock(db(), person.id, edition.id, block));
  if (!generated.ok) {
    if (generated.status === 404 || generated.status === 403) respondWith(generated);
    return json({ intent: 'generate', areaId: 0, result: replyOf(submission, generated) } satisfies Reply, { status: generated.status });
  }
  // done: the form starts again from its defaults, with how many were made
  return json({ intent: 'generate', areaId: 0, result: submission.reply({ resetForm: true }), generated: generated.value } satisfies Reply);
}

/**
 * The picture form (multipart): read into memory with a limit per part, so a 40 MB file is
 * refused while it arrives, then decoded and re-encoded by sharp; the message is shown next
 * to the file field, the width kept, nothing saved.
 */
async function uploadPicture(request: Request, actorId: number, editionId: number) {
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: PLAN_IMAGE_MAX_BYTES }));
  } catch (error) {
    if (!(error instanceof MaxPartSizeExceededError)) throw error;
    const areaId = Number(new URL(request.url).searchParams.get('area'));
    const result: SubmissionResult<string[]> = {
      status: 'error',
      initialValue: null,
      error: { picture: [`places:errors.pictureTooBig|${JSON.stringify({ max: MAX_MB })}`] },
    };
    return json({ intent: 'picture', areaId, result } satisfies Reply, { status: 413 });
  }
  const submission = parseWithZod(form, { schema: planPictureSchema, error: keyErrorMap });
  const areaId = Number(form.get('areaId'));
  if (submission.status !== 'success') return json({ intent: 'picture', areaId, result: submission.reply() } satisfies Reply, { status: 400 });
  const file = form.get('picture');
  const bytes = file instanceof Blob ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
  const outcome = await replyOnFailure(submission, async () => savePlanImage(db(), actorId, editionId, submission.value.areaId, await reencodePlanImage(bytes), submission.value.widthM));
  if (!outcome.ok) return json({ intent: 'picture', areaId, result: ((await outcome.response.json()) as { result: SubmissionResult<string[]> }).result } satisfies Reply, { status: outcome.response.status });
  return json({ intent: 'picture', areaId, result: submission.reply({ resetForm: true }), notice: 'places:pitches.pictureSaved' } satisfies Reply);
}

const LABELS = ['stage_id', 'rows', 'columns', 'prefix', 'first_number', 'x', 'y', 'gap', 'width', 'height', 'power_available'] as const;
const KEY: Record<string, string> = { stage_id: 'area', first_number: 'firstNumber', power_available: 'power' };

type Area = ReturnType<typeof useLoaderData<typeof loader>>['areas'][number];

export default function Pitches() {
  const { edition, areas } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, text } = useI18n();
  const busy = useNavigation().state === 'submitting';
  const reply = data && 'result' in data ? (data as Reply) : undefined;
  const generate = reply?.intent === 'generate' ? reply : undefined;
  const block = useSchemaForm(pitchBlockSchema, generate?.result, { rows: '2', columns: '3', prefix: '', first_number: '1', x: '0', y: '0', gap: '0.5', width: '3', height: '3', power_available: '0' });
  const v = (name: string) => block.value(name);
  const label = (name: string) => t(`places:pitches.${KEY[name] ?? name}`);
  return (
    <>
      <SetupPageHeader edition={edition} title={t('places:pitches.title')} />
      <p>
        <Link to={`/office/editions/${edition.slug}/site-plan`}>{t('places:pitches.assignLink')}</Link>
      </p>
      {areas.length === 0 ? (
        <p>{t('places:pitches.noAreas')}</p>
      ) : (
        <section aria-labelledby="generate">
          <h2 id="generate">{t('places:pitches.generate')}</h2>
          <p className="hint">{t('places:pitches.generateHint')}</p>
          {generate?.generated !== undefined ? <p role="status">{t('places:pitches.generated', { count: generate.generated })}</p> : null}
          <SchemaFormErrors setup={block} labels={Object.fromEntries(LABELS.map((n) => [n, label(n)]))} />
          <Form method="post" {...getFormProps(block.form)} noValidate>
            <Select name="stage_id" label={label('stage_id')} defaultValue={v('stage_id')} error={block.error('stage_id')} options={areas.map((a) => ({ value: String(a.id), label: text(a.name).text }))} />
            <div className="field-row">
              <Field name="rows" type="number" min={1} max={50} label={label('rows')} defaultValue={v('rows')} error={block.error('rows')} />
              <Field name="columns" type="number" min={1} max={50} label={label('columns')} defaultValue={v('columns')} error={block.error('columns')} />
            </div>
            <div className="field-row">
              <Field name="prefix" type="text" maxLength={10} label={label('prefix')} hint={t('places:pitches.prefixHint')} defaultValue={v('prefix')} error={block.error('prefix')} />
              <Field name="first_number" type="number" min={1} label={label('first_number')} defaultValue={v('first_number')} error={block.error('first_number')} />
            </div>
            <div className="field-row">
              <Field name="width" type="text" inputMode="decimal" label={label('width')} defaultValue={v('width')} error={block.error('width')} />
              <Field name="height" type="text" inputMode="decimal" label={label('height')} defaultValue={v('height')} error={block.error('height')} />
            </div>
            <div className="field-row">
              <Field name="x" type="text" inputMode="decimal" label={label('x')} defaultValue={v('x')} error={block.error('x')} />
              <Field name="y" type="text" inputMode="decimal" label={label('y')} defaultValue={v('y')} error={block.error('y')} />
              <Field name="gap" type="text" inputMode="decimal" label={label('gap')} defaultValue={v('gap')} error={block.error('gap')} />
            </div>
            <Field name="power_available" type="number" min={0} label={label('power_available')} defaultValue={v('power_available')} error={block.error('power_available')} />
            <Checkbox name="water" label={t('places:pitches.water')} defaultChecked={v('water') === 'on'} />
            <p>
              <button type="submit" disabled={busy}>
                {t('places:pitches.generate')}
              </button>
            </p>
          </Form>
        </section>
      )}
      {areas.map((a) => (
        <AreaPlan key={`${a.id}-${a.pitches.map((p) => `${p.id}:${p.x}:${p.y}`).join(',')}-${a.picture?.href ?? ''}`} area={a} slug={edition.slug} reply={reply?.areaId === a.id ? reply : undefined} />
      ))}
    </>
  );
}

/** One area: its plan (with the picture under it), the number fields that place its pitches, its picture form. */
function AreaPlan({ area, slug, reply }: { area: Area; slug: string; reply?: Reply }) {
  const { t, text } = useI18n();
  const name = text(area.name).text;
  const ids = area.pitches.map((p) => p.id);
  const defaults: Record<string, string> = { intent: 'positions', areaId: String(area.id) };
  for (const p of area.pitches) {
    defaults[`x_${p.id}`] = String(p.x);
    defaults[`y_${p.id}`] = String(p.y);
  }
  const positions = useSchemaForm(areaPositionsSchema(ids), reply?.intent === 'positions' ? reply.result : undefined, defaults);
  const picture = useSchemaForm(planPictureSchema, reply?.intent === 'picture' ? reply.result : undefined, { intent: 'picture', areaId: String(area.id), widthM: area.picture ? String(area.picture.width) : '' });
  const positionLabels: Record<string, string> = {};
  for (const p of area.pitches) {
    positionLabels[`x_${p.id}`] = t('places:pitches.xOf', { label: p.label });
    positionLabels[`y_${p.id}`] = t('places:pitches.yOf', { label: p.label });
  }
  return (
    <section aria-labelledby={`area-${area.id}`}>
      <h2 id={`area-${area.id}`}>{t('places:pitches.list', { area: name })}</h2>
      {reply?.notice ? <p role="status">{t(reply.notice)}</p> : null}
      {area.pitches.length === 0 ? <p>{t('places:pitches.none')}</p> : null}
      {area.pitches.length > 0 || area.picture ? (
        <PitchPlanEditor
          formId={positions.form.id}
          label={t('places:pitches.planLabel', { area: name })}
          background={area.picture}
          pitches={area.pitches.map((p) => ({ id: p.id, label: p.label, x: p.x, y: p.y, width: p.width, height: p.height, name: null, taken: p.registration_id !== null }))}
        />
      ) : null}
      {area.pitches.length > 0 ? (
        <>
          <p className="hint">{t('places:pitches.positionsHint')}</p>
          <SchemaFormErrors setup={positions} labels={positionLabels} />
          <Form method="post" {...getFormProps(positions.form)} className="pitch-positions" noValidate>
            <input type="hidden" name="intent" value="positions" />
            <input type="hidden" name="areaId" value={area.id} />
            <div className="table-scroll">
              <table>
                <caption className="visually-hidden">{t('places:pitches.list', { area: name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('places:pitches.label')}</th>
                    <th scope="col">{t('places:pitches.x')}</th>
                    <th scope="col">{t('places:pitches.y')}</th>
                    <th scope="col">{t('places:standType.size')}</th>
                    <th scope="col">{t('places:pitches.stand')}</th>
                  </tr>
                </thead>
                <tbody>
                  {area.pitches.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">
                        <Link to={`/office/editions/${slug}/pitches/${p.id}`} aria-label={t('places:pitches.edit', { label: p.label })}>
                          {p.label}
                        </Link>
                      </th>
                      <td>
                        <Field name={`x_${p.id}`} type="text" inputMode="decimal" label={<span className="visually-hidden">{positionLabels[`x_${p.id}`]}</span>} defaultValue={positions.value(`x_${p.id}`)} error={positions.error(`x_${p.id}`)} />
                      </td>
                      <td>
                        <Field name={`y_${p.id}`} type="text" inputMode="decimal" label={<span className="visually-hidden">{positionLabels[`y_${p.id}`]}</span>} defaultValue={positions.value(`y_${p.id}`)} error={positions.error(`y_${p.id}`)} />
                      </td>
                      <td>{t('places:standType.sizeValue', { width: p.width, depth: p.height })}</td>
                      <td>{p.registration_id ? t('places:pitches.stand') : t('places:pitches.free')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p>
              <button type="submit">{t('places:pitches.savePositions')}</button>
            </p>
          </Form>
        </>
      ) : null}
      <h3>{t('places:pitches.picture')}</h3>
      <p className="hint">{t('places:pitches.pictureHint')}</p>
      <SchemaFormErrors setup={picture} labels={{ picture: t('places:pitches.pictureFile', { max: MAX_MB }), widthM: t('places:pitches.pictureWidth') }} />
      <Form method="post" action={`?area=${area.id}`} encType="multipart/form-data" {...getFormProps(picture.form)} noValidate>
        <input type="hidden" name="intent" value="picture" />
        <input type="hidden" name="areaId" value={area.id} />
        <Field id={`field-picture-${area.id}`} name="picture" type="file" accept="image/png,image/jpeg" label={t('places:pitches.pictureFile', { max: MAX_MB })} error={picture.error('picture')} />
        <Field id={`field-widthM-${area.id}`} name="widthM" type="text" inputMode="decimal" label={t('places:pitches.pictureWidth')} defaultValue={picture.value('widthM')} error={picture.error('widthM')} />
        <p>
          <button type="submit">{t('places:pitches.pictureUpload')}</button>
        </p>
      </Form>
      {area.picture ? (
        <Form method="post">
          <input type="hidden" name="intent" value="removePicture" />
          <input type="hidden" name="areaId" value={area.id} />
          <button type="submit" className="secondary">
            {t('places:pitches.pictureRemove')}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
