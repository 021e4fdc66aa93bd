import { requireEditionManager } from '~/http/office.server';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { OfficeEditionNav, SitePlanSvg } from '~/components/schedule';
import { planImagesOf } from '~/domain/places/plan-image.server';
import { planBackground } from '~/lib/site-plan';
import { acceptSuggestionsSchema, assignSchema, unassignSchema } from '~/domain/schedule/item.schema';
import { acceptSuggestions, assignPitch, getSitePlan, suggestPitches, unassignPitch } from '~/domain/siteplan/pitches.server';
import { db } from '~/server/db.server';
import { parseWithZod } from '@conform-to/zod/v4';
import type { SubmissionResult } from '@conform-to/react';
import type { z } from 'zod';
import { encodeFieldError, fieldErrorsOf, keyErrorMap } from '~/lib/form-keys';
import { translator } from '~/lib/i18n';
import { pickText } from '~/lib/i18n-text';
import { localeOf } from '~/http/locale.server';
import { attempt, replyOf } from '~/http/errors.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEditionManager(request, params.slug);
  const locale = await localeOf(request);
  const plan = await getSitePlan(db(), edition.id);
  // A suggestion is only computed and shown (a GET changes nothing); accepting it is a POST.
  const suggestion = new URL(request.url).searchParams.has('suggest') ? await suggestPitches(db(), edition.id) : null;
  const images = await planImagesOf(db(), edition.id);
  const pictures = Object.fromEntries(plan.areas.map((a) => [a.id, planBackground(edition.slug, a.id, images.get(a.id))]));
  return json({ title: translator(locale)('schedule:pitches.title', { edition: pickText(edition.title, locale).text }), edition, plan, suggestion, pictures });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

type Reply = { intent: string; result: SubmissionResult<string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { edition } = await requireEditionManager(request, params.slug);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const here = `/office/editions/${edition.slug}/site-plan`;
  // one zod schema per form of the table, told apart by intent; a refusal comes back over the plan
  const run = async <S extends z.ZodType, T>(schema: S, call: (value: z.output<S>) => Promise<T>, then: (value: z.output<S>, result: T) => string) => {
    const submission = parseWithZod(form, { schema, error: keyErrorMap });
    if (submission.status !== 'success') return json<Reply>({ intent, result: submission.reply() }, { status: 400 });
    const value = submission.value as z.output<S>;
    const outcome = await attempt(() => call(value));
    return outcome.ok ? redirect(then(value, outcome.value)) : json<Reply>({ intent, result: replyOf(submission, outcome) }, { status: outcome.status });
  };
  if (intent === 'assign') {
    return run(assignSchema, (v) => assignPitch(db(), edition.id, v.pitch_id, v.registration_id), (v) => `${here}?assigned=${v.pitch_id}#pitch-${v.pitch_id}`);
  }
  if (intent === 'unassign') {
    return run(unassignSchema, (v) => unassignPitch(db(), edition.id, v.pitch_id), (v) => `${here}?released=${v.pitch_id}#pitch-${v.pitch_id}`);
  }
  if (intent === 'accept') {
    return run(acceptSuggestionsSchema, (v) => acceptSuggestions(db(), edition.id, v.pairs), (_v, accepted) => `${here}?accepted=${accepted}`);
  }
  const result: SubmissionResult<string[]> = { status: 'error', initialValue: null, error: { '': [encodeFieldError({ key: 'schedule:errors.invalid' })] } };
  return json<Reply>({ intent, result }, { status: 400 });
}

export default function SitePlan() {
  const { edition, plan, suggestion, pictures } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t, text } = useI18n();
  const error = data ? Object.values(fieldErrorsOf(data.result.error))[0] : undefined;
  const submitted = (name: string) => {
    const v = data?.result.initialValue?.[name];
    return typeof v === 'string' ? v : undefined;
  };
  const errorPitch = submitted('pitch_id');
  const allPitches = plan.areas.flatMap((a) => a.pitches);
  const label = (id: number | null | undefined) => allPitches.find((p) => p.id === id)?.label ?? '';
  const assigned = allPitches.find((p) => String(p.id) === search.get('assigned'));
  return (
    <>
      <OfficeEditionNav slug={edition.slug} />
      <h1>
        {t('schedule:nav.sitePlan')}: <Localized value={edition.title} />
      </h1>
      <p className="lead">{t('schedule:pitches.intro')}</p>
      {assigned ? (
        <p className="notice notice--success" role="status">
          {t('schedule:pitches.assigned', { name: assigned.organisation_name ?? '', pitch: assigned.label })}
        </p>
      ) : null}
      {search.get('released') ? (
        <p className="notice notice--success" role="status">
          {t('schedule:pitches.released', { pitch: label(Number(search.get('released'))) })}
        </p>
      ) : null}
      {search.get('accepted') ? (
        <p className="notice notice--success" role="status">
          {t('schedule:pitches.accepted', { count: Number(search.get('accepted')) })}
        </p>
      ) : null}
      {error ? (
        <p className="notice notice--warning" role="alert">
          {t(error.key, error.values ?? {})}
        </p>
      ) : null}

      {plan.areas.map((area) => (
        <section key={area.id} aria-labelledby={`area-${area.id}`}>
          <h2 id={`area-${area.id}`}>
            <Localized value={area.name} />
          </h2>
          {area.pitches.length > 0 ? (
            <>
              <SitePlanSvg
                background={pictures[area.id]}
                label={t('schedule:pitches.planOf', { area: text(area.name).text })}
                pitches={area.pitches.map((p) => ({ ...p, name: p.organisation_name, taken: p.registration_id !== null }))}
              />
              <div className="table-scroll" role="region" aria-labelledby={`pitches-${area.id}`} tabIndex={0}>
                <table>
                  <caption id={`pitches-${area.id}`}>
                    {t('schedule:pitches.planSummary', { count: area.pitches.length, taken: area.pitches.filter((p) => p.registration_id).length })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('schedule:pitches.pitch')}</th>
                      <th scope="col">{t('schedule:pitches.size')}</th>
                      <th scope="col">{t('schedule:pitches.power')}</th>
                      <th scope="col">{t('schedule:pitches.water')}</th>
                      <th scope="col">{t('schedule:pitches.stand')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {area.pitches.map((p) => (
                      <tr key={p.id} id={`pitch-${p.id}`}>
                        <th scope="row">{p.label}</th>
                        <td>{t('schedule:pitches.metres', { w: p.width, h: p.height })}</td>
                        <td>{t('schedule:pitches.watts', { watts: p.power_available })}</td>
                        <td>{p.water ? t('schedule:pitches.yes') : t('schedule:pitches.no')}</td>
                        <td>
                          {p.registration_id ? (
                            <Form method="post" className="inline-form">
                              <span>
                                {p.organisation_name} ({t(`registration:states.${p.state}`)})
                              </span>{' '}
                              <input type="hidden" name="intent" value="unassign" />
                              <input type="hidden" name="pitch_id" value={p.id} />
                              <button type="submit" className="secondary">
                                {t('schedule:pitches.unassign')}
                              </button>
                            </Form>
                          ) : plan.unplaced.length > 0 ? (
                            <Form method="post" className="inline-form">
                              <input type="hidden" name="intent" value="assign" />
                              <input type="hidden" name="pitch_id" value={p.id} />
                              <label htmlFor={`assign-${p.id}`} className="visually-hidden">
                                {t('schedule:pitches.choose')} ({t('schedule:pitches.pitch')} {p.label})
                              </label>
                              <select id={`assign-${p.id}`} name="registration_id" defaultValue={errorPitch === String(p.id) ? submitted('registration_id') : ''}>
                                <option value="">{t('schedule:pitches.choose')}</option>
                                {plan.unplaced.map((r) => (
                                  <option key={r.id} value={r.id}>
                                    {r.name} ({r.width_m} × {r.depth_m} m{r.power_watts ? `, ${r.power_watts} W` : ''}
                                    {r.water ? `, ${t('schedule:pitches.water')}` : ''})
                                  </option>
                                ))}
                              </select>{' '}
                              <button type="submit">{t('schedule:pitches.assign')}</button>
                            </Form>
                          ) : (
                            <span className="muted">{t('schedule:pitches.free')}</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
        </section>
      ))}

      <section aria-labelledby="unplaced-title">
        <h2 id="unplaced-title">{t('schedule:pitches.unplaced')}</h2>
        {plan.unplaced.length === 0 ? (
          <p>{t('schedule:pitches.unplacedNone')}</p>
        ) : (
          <>
            <ul>
              {plan.unplaced.map((r) => (
                <li key={r.id}>
                  {r.name} ({t(`registration:states.${r.state}`)}): {t('schedule:pitches.needs')} {r.width_m} × {r.depth_m} m, {r.power_watts} W
                  {r.water ? `, ${t('schedule:pitches.water')}` : ''}
                </li>
              ))}
            </ul>
            <p>
              <Link className="button button--secondary" to="?suggest=1#suggestion-title">
                {t('schedule:pitches.suggest')}
              </Link>
            </p>
          </>
        )}
      </section>

      {suggestion && suggestion.length > 0 ? (
        <section aria-labelledby="suggestion-title">
          <h2 id="suggestion-title">{t('schedule:pitches.suggestionTitle')}</h2>
          <p>{t('schedule:pitches.suggestionIntro')}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="accept" />
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('schedule:pitches.stand')}</th>
                  <th scope="col">{t('schedule:pitches.pitch')}</th>
                </tr>
              </thead>
              <tbody>
                {suggestion.map((s) => (
                  <tr key={s.registrationId}>
                    <th scope="row">
                      <label htmlFor={`suggest-${s.registrationId}`}>{s.registration.name}</label>
                    </th>
                    <td>
                      <select id={`suggest-${s.registrationId}`} name="pairs" defaultValue={`${s.registrationId}:${s.pitchId ?? ''}`}>
                        <option value={`${s.registrationId}:`}>{t('schedule:pitches.noFit')}</option>
                        {allPitches
                          .filter((p) => p.registration_id === null)
                          .map((p) => (
                            <option key={p.id} value={`${s.registrationId}:${p.id}`}>
                              {t('schedule:pitches.pitch')} {p.label} ({p.width} × {p.height} m, {p.power_available} W{p.water ? `, ${t('schedule:pitches.water')}` : ''})
                            </option>
                          ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p>
              <button type="submit">{t('schedule:pitches.accept')}</button>
            </p>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
