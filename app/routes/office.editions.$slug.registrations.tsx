import { sitePathname } from '~/lib/local-path';
import { requireEditionManager } from '~/http/office.server';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Field } from '~/components/forms';
import { pageLink, Paging, pagingInfo } from '~/components/paging';
import { Localized, useI18n } from '~/components/i18n';
import { FormAlert, Select, StateBadge } from '~/components/registration';
import { useSchemaForm } from '~/components/schema-forms';
import { ORGANISATION_CATEGORIES } from '~/domain/organisations/categories';
import { decisionSchema, type Decision } from '~/domain/registrations/application.schema';
import { decideRegistration, getReviewQueue } from '~/domain/registrations/review.server';
import { QUEUE_STATES } from '~/domain/registrations/transitions';
import { db } from '~/server/db.server';
import { env } from '~/server/env.server';
import { encodeFieldError, firstError, keyErrorMap, toConformErrors } from '~/lib/form-keys';
import { translator } from '~/lib/i18n';
import { parseList, pickText } from '~/lib/i18n-text';
import { localeOf } from '~/http/locale.server';
import { formatDateTime, formatDayRange } from '~/lib/time';
import { attempt, orRespond } from '~/http/errors.server';

const blank = (v: unknown) => (v === '' ? undefined : v);
const filterSchema = z.object({
  state: z.preprocess(blank, z.enum(QUEUE_STATES).optional()),
  standType: z.preprocess(blank, z.string().max(80).optional()),
  category: z.preprocess(blank, z.enum(ORGANISATION_CATEGORIES).optional()),
  q: z.preprocess(blank, z.string().max(200).optional()),
  // a broken or missing page number is the first page, one past the end the last (as on the public lists)
  page: z.preprocess((v) => (/^\d{1,6}$/.test(String(v ?? '')) ? Number(v) : undefined), z.number().int().optional()),
});

/** The review queue of one edition: filters are plain GET parameters, decisions plain POST forms. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireEditionManager(request, params.slug);
  const locale = await localeOf(request);
  const url = new URL(request.url);
  const filters = filterSchema.safeParse(Object.fromEntries(url.searchParams));
  if (!filters.success) throw json({ message: 'bad filter' }, { status: 400 });
  const { page, ...rest } = filters.data;
  const queue = await orRespond(() => getReviewQueue(db(), params.slug ?? '', rest, { page }));
  const path = sitePathname(url.pathname);
  return json({
    title: `${translator(locale)('registration:office.title')} · ${pickText(queue.edition.title, locale).text}`,
    filters: rest,
    ...queue,
    paging: pagingInfo({ page: queue.page, pages: queue.pages, total: queue.total, size: queue.pageSize, link: (n) => pageLink(new URL(`${path}${url.search}`, url.origin), n) }),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export async function action({ request, params }: ActionFunctionArgs) {
  const { person: organiser } = await requireEditionManager(request, params.slug);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: decisionSchema, error: keyErrorMap });
  const rowId = Number(formData.get('registrationId')) || null;
  if (submission.status !== 'success') return json({ rowId, result: submission.reply() }, { status: 400 });
  const decision = submission.value;
  const outcome = await attempt(() =>
    decideRegistration(db(), {
      organiserId: organiser.id,
      editionSlug: params.slug ?? '',
      registrationId: decision.registrationId,
      decision: decision.intent,
      reason: decision.reason,
      publicUrl: env().PUBLIC_URL,
    }),
  );
  if (!outcome.ok) {
    if (outcome.status === 404) throw json({ message: 'not found' }, { status: 404 });
    // the reason over the row's form (or over the list), and next to the field it names
    const result = submission.reply({ formErrors: [encodeFieldError(outcome.formError)], fieldErrors: toConformErrors(outcome.fieldErrors) });
    return json({ rowId, result }, { status: outcome.status });
  }
  // back to the same filtered list (post/redirect/get)
  const url = new URL(request.url);
  return redirect(`${sitePathname(url.pathname)}${url.search}#registration-${decision.registrationId}`);
}

export default function ReviewQueue() {
  const { edition, standTypes, registrations, filters, total, paging } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const message = firstError(data?.result.error?.[''] ?? undefined);
  const yes = (v: number, label: string) => (v ? <li className="tag">{label}</li> : null);
  return (
    <>
      <p className="eyebrow">
        <Link to="/office">{t('office:title')}</Link>
      </p>
      <h1>
        {t('registration:office.title')}: <Localized value={edition.title} />
      </h1>
      <p className="lead">{formatDayRange(edition.starts_on, edition.ends_on, locale)}</p>

      <section aria-labelledby="capacity-title">
        <h2 id="capacity-title">{t('registration:office.capacityTitle')}</h2>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('registration:apply.standType')}</th>
                <th scope="col">{t('registration:office.places')}</th>
                <th scope="col">{t('registration:states.waitlisted')}</th>
                <th scope="col">{t('registration:states.submitted')}</th>
              </tr>
            </thead>
            <tbody>
              {standTypes.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Localized value={s.name} />
                  </th>
                  <td>{t('registration:office.taken', { taken: s.taken, capacity: s.capacity })}</td>
                  <td>{s.waiting}</td>
                  <td>{s.open}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="queue-title">
        <h2 id="queue-title">{t('registration:office.queueTitle')}</h2>
        <Form method="get" className="queue-filters">
          <Select
            name="state"
            label={t('registration:office.filterState')}
            defaultValue={filters.state ?? ''}
            options={[{ value: '', label: t('registration:office.all') }, ...QUEUE_STATES.map((s) => ({ value: s, label: t(`registration:states.${s}`) }))]}
          />
          <Select
            name="standType"
            label={t('registration:apply.standType')}
            defaultValue={filters.standType ?? ''}
            options={[{ value: '', label: t('registration:office.all') }, ...standTypes.map((s) => ({ value: s.slug, label: pickText(s.name, locale).text }))]}
          />
          <Select
            name="category"
            label={t('registration:office.filterCategory')}
            defaultValue={filters.category ?? ''}
            options={[{ value: '', label: t('registration:office.all') }, ...ORGANISATION_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))]}
          />
          <Field id="queue-q" name="q" type="search" label={t('registration:office.search')} defaultValue={filters.q ?? ''} />
          <p>
            <button type="submit" className="secondary">
              {t('registration:office.filter')}
            </button>
          </p>
        </Form>
        {/* a refused move is explained at its row; a row without decisions (or gone from the filter) gets it here */}
        {message && !registrations.some((r) => r.id === data?.rowId && r.decisions.length > 0) ? <FormAlert message={message} /> : null}
        <p role="status">{t('registration:office.count', { count: total })}</p>

        <ol className="queue">
          {registrations.map((r) => {
            return (
              <li key={r.id} id={`registration-${r.id}`} className="queue-item">
                <h3 className="queue-item__title">
                  <Link to={`/organisations/${r.organisation_slug}`}>{r.organisation_name}</Link> <StateBadge state={r.state} />
                </h3>
                <p className="card__meta">
                  <Localized value={r.stand_type_name} />
                  {r.submitted_at ? ` · ${t('registration:office.submittedAt', { when: formatDateTime(r.submitted_at, locale) })}` : ''}
                  {parseList(r.categories).length ? ` · ${parseList(r.categories).map((c) => t(`categories.${c}`)).join(', ')}` : ''}
                </p>
                <ul className="facts" aria-label={t('registration:office.needs')}>
                  <li className="tag">{t('registration:apply.standTypeFacts', { width: r.width_m, depth: r.depth_m })}</li>
                  <li className="tag">{r.power_watts ? t('registration:office.power', { watts: r.power_watts }) : t('registration:office.noPower')}</li>
                  {yes(r.water, t('registration:apply.water'))}
                  <li className="tag">{t('registration:office.tables', { count: r.tables })}</li>
                  <li className="tag">{t('registration:office.benches', { count: r.benches })}</li>
                  {yes(r.own_gazebo, t('registration:apply.ownGazebo'))}
                  {yes(r.vehicle_access, t('registration:apply.vehicleAccess'))}
                  {r.stage_act_title ? (
                    <li className="tag tag--stage">
                      {t('registration:office.stageAct', { title: r.stage_act_title, minutes: r.stage_act_minutes ?? 0 })}
                    </li>
                  ) : null}
                </ul>
                <details>
                  <summary>{t('registration:office.details')}</summary>
                  <dl className="facts-list">
                    <dt>{t('registration:apply.activities')}</dt>
                    <dd className="prewrap">{r.activities || '–'}</dd>
                    {r.stage_act_needs ? (
                      <>
                        <dt>{t('registration:apply.stageActNeeds')}</dt>
                        <dd>{r.stage_act_needs}</dd>
                      </>
                    ) : null}
                    <dt>{t('registration:apply.accessibility')}</dt>
                    <dd>{r.accessibility || '–'}</dd>
                    <dt>{t('registration:apply.publicConsent')}</dt>
                    <dd>{r.public_consent ? t('registration:yes') : t('registration:no')}</dd>
                  </dl>
                </details>
                {r.decisions.length > 0 ? (
                  <DecisionForm registrationId={r.id} decisions={r.decisions} lastResult={data?.rowId === r.id ? data.result : undefined} />
                ) : null}
              </li>
            );
          })}
        </ol>
        <Paging paging={paging} of={t('registration:office.queueTitle')} />
      </section>
    </>
  );
}

/** One row's decision: a reason and a button per possible move, its own Conform form. */
function DecisionForm({ registrationId, decisions, lastResult }: { registrationId: number; decisions: Decision[]; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useI18n();
  const busy = useNavigation().state === 'submitting';
  const setup = useSchemaForm(decisionSchema, lastResult, { registrationId: String(registrationId) });
  const reasonError = setup.error('reason');
  return (
    <Form method="post" {...getFormProps(setup.form)} className="decision" noValidate>
      <input type="hidden" name="registrationId" value={registrationId} />
      <FormAlert message={reasonError ? null : setup.formError} />
      <Field
        id={`reason-${registrationId}`}
        name="reason"
        type="text"
        maxLength={1000}
        label={t('registration:office.reason')}
        hint={t('registration:office.reasonHint')}
        defaultValue={setup.value('reason')}
        error={reasonError}
      />
      <p className="button-row">
        {decisions.map((d) => (
          <button key={d} type="submit" name="intent" value={d} disabled={busy} className={d === 'approve' || d === 'confirm' ? undefined : 'secondary'}>
            {t(`registration:office.decisions.${d}`)}
          </button>
        ))}
      </p>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
