import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ErrorSummary } from '~/components/forms';
import { useSchemaForm } from '~/components/schema-forms';
import { Localized, useI18n } from '~/components/i18n';
import { listCampaigns, previewCampaign, sendCampaign, type CampaignTexts } from '~/domain/office/campaigns.server';
import { CAMPAIGN_STATES } from '~/domain/office/constants';
import { officeProviders } from '~/domain/office/providers.server';
import { manageableEdition } from '~/domain/people/authorise.server';
import { db } from '~/server/db.server';
import { env } from '~/server/env.server';
import { renderEmail } from '../../emails/index';
import { keyErrorMap } from '~/lib/form-keys';
import { LOCALES, localeInfo, translator, type Locale } from '~/lib/i18n';
import { pickText } from '~/lib/i18n-text';
import { localeOf } from '~/http/locale.server';
import { requireOfficePerson } from '~/http/session.server';
import { formatDateTime } from '~/lib/time';
import { attempt, orRespond, replyOf, respondWith } from '~/http/errors.server';
import { requireEditionManager } from '~/http/office.server';

/** Bulk mail to an edition's exhibitors: choose who, write per language, preview, send. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const person = await requireOfficePerson(request);
  const locale = await localeOf(request);
  const edition = await orRespond(() => manageableEdition(db(), person, params.slug ?? ''));
  const [standTypes, areas, campaigns] = await Promise.all([
    db().selectFrom('stand_types').select(['id', 'name']).where('edition_id', '=', edition.id).orderBy('id').execute(),
    officeProviders.registrationsByArea
      ? db().selectFrom('stages').select(['id', 'name']).where('edition_id', '=', edition.id).where('kind', '=', 'area').orderBy('sort_order').execute()
      : Promise.resolve([]),
    listCampaigns(db(), person, edition.id),
  ]);
  return json({
    title: translator(locale)('admin:mail.title'),
    edition: { slug: edition.slug, title: edition.title },
    standTypes,
    areas,
    campaigns: campaigns.map((c) => ({ ...c, subject: pickText(c.subject, locale).text })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item));
const optionalText = (max: number) => z.string().trim().max(max).optional();
const schema = z.object({
  intent: z.enum(['preview', 'send']),
  states: list(z.enum(CAMPAIGN_STATES as [string, ...string[]])),
  standTypeIds: list(z.coerce.number().int().positive()),
  areaIds: list(z.coerce.number().int().positive()),
  previewPerson: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional()),
  ...Object.fromEntries(LOCALES.flatMap((l) => [[`subject_${l}`, optionalText(200)], [`body_${l}`, optionalText(20_000)]])),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { person, edition } = await requireEditionManager(request, params.slug);
  const form = await request.formData();
  const submission = parseWithZod(form, { schema, error: keyErrorMap });
  if (submission.status !== 'success') return json({ result: submission.reply(), preview: null }, { status: 400 });
  const data = submission.value as z.infer<typeof schema> & Record<string, string | undefined>;
  const texts: CampaignTexts = { subject: {}, body: {} };
  for (const l of LOCALES) {
    if (data[`subject_${l}`]) texts.subject[l] = data[`subject_${l}`];
    if (data[`body_${l}`]) texts.body[l] = data[`body_${l}`];
  }
  const filters = { states: data.states as (typeof CAMPAIGN_STATES)[number][], standTypeIds: data.standTypeIds, areaIds: data.areaIds };
  // A refusal of the texts (400) goes back to the form, next to the field; any other domain
  // error (not allowed, not found) becomes its status page with the translated reason.
  const outcome = await attempt(async () =>
    data.intent === 'preview'
      ? { kind: 'preview' as const, preview: await previewCampaign(db(), person, edition.id, filters, texts, data.previewPerson) }
      : { kind: 'sent' as const, sent: await sendCampaign(db(), person, edition.id, filters, texts, env().PUBLIC_URL) },
  );
  if (!outcome.ok) {
    if (outcome.status !== 400) respondWith(outcome);
    return json({ result: replyOf(submission, outcome), preview: null }, { status: 400 });
  }
  if (outcome.value.kind === 'preview') {
    const found = outcome.value.preview;
    const mail = found.sample ? renderEmail('campaign', found.sample.payload, found.sample.locale) : null;
    const sample = found.sample && mail ? { locale: found.sample.locale, organisation: found.sample.organisation, subject: mail.subject, text: mail.text } : null;
    // the form stays filled in under the preview, to send or change
    return json({ result: submission.reply(), preview: { ...found, sample } });
  }
  return redirect(`/office/editions/${edition.slug}/mail?sent=${outcome.value.sent.count}`);
}

export default function BulkMail() {
  const { edition, standTypes, areas, campaigns } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t, locale } = useI18n();
  const sent = search.get('sent');
  const setup = useSchemaForm(schema, data?.result);
  const checked = (field: 'states' | 'standTypeIds' | 'areaIds', value: string) => setup.values(field).includes(value);
  const labels: Record<string, string> = { form: t('admin:mail.title') };
  for (const l of LOCALES) {
    labels[`subject_${l}`] = `${t('admin:mail.subject')} (${localeInfo[l].name})`;
    labels[`body_${l}`] = `${t('admin:mail.body')} (${localeInfo[l].name})`;
  }
  const preview = data?.preview;
  return (
    <>
      <p>
        <Link to={`/office/editions/${edition.slug}`}>
          <Localized value={edition.title} />
        </Link>
      </p>
      <h1>{t('admin:mail.title')}</h1>
      {sent ? (
        <p role="status" className="notice">
          {t('admin:mail.sent', { count: Number(sent) })}
        </p>
      ) : null}
      <p className="lead">{t('admin:mail.intro')}</p>
      <ErrorSummary errors={setup.formError ? { form: setup.formError, ...setup.fieldErrors } : setup.fieldErrors} labels={labels} />
      <Form method="post" {...getFormProps(setup.form)} noValidate>
        <fieldset>
          <legend>{t('admin:mail.states')}</legend>
          <p className="hint">{t('admin:mail.statesHint')}</p>
          {CAMPAIGN_STATES.map((s) => (
            <div className="checkbox" key={s}>
              <input type="checkbox" id={`state-${s}`} name="states" value={s} defaultChecked={checked('states', s)} />
              <label htmlFor={`state-${s}`}>{t(`admin:states.${s}`)}</label>
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('admin:mail.standTypes')}</legend>
          <p className="hint">{t('admin:mail.standTypesHint')}</p>
          {standTypes.map((st) => (
            <div className="checkbox" key={st.id}>
              <input type="checkbox" id={`st-${st.id}`} name="standTypeIds" value={st.id} defaultChecked={checked('standTypeIds', String(st.id))} />
              <label htmlFor={`st-${st.id}`}>
                <Localized value={st.name} />
              </label>
            </div>
          ))}
        </fieldset>
        {areas.length > 0 ? (
          <fieldset>
            <legend>{t('admin:mail.areas')}</legend>
            {areas.map((a) => (
              <div className="checkbox" key={a.id}>
                <input type="checkbox" id={`area-${a.id}`} name="areaIds" value={a.id} defaultChecked={checked('areaIds', String(a.id))} />
                <label htmlFor={`area-${a.id}`}>
                  <Localized value={a.name} />
                </label>
              </div>
            ))}
          </fieldset>
        ) : null}
        {LOCALES.map((l: Locale) => {
          const subjectError = setup.error(`subject_${l}`);
          const bodyError = setup.error(`body_${l}`);
          return (
            <fieldset key={l}>
              <legend>
                <span lang={l}>{localeInfo[l].name}</span>
                {l === 'de' ? ` (${t('admin:mail.required')})` : ` (${t('admin:mail.optional')})`}
              </legend>
              <div className="field">
                <label htmlFor={`field-subject_${l}`}>{t('admin:mail.subject')}</label>
                <input
                  id={`field-subject_${l}`}
                  name={`subject_${l}`}
                  lang={l}
                  dir={localeInfo[l].dir}
                  defaultValue={setup.value(`subject_${l}`)}
                  maxLength={200}
                  aria-invalid={subjectError ? true : undefined}
                  aria-describedby={subjectError ? `field-subject_${l}-error` : undefined}
                />
                {subjectError ? (
                  <p className="field-error" id={`field-subject_${l}-error`}>
                    {t(subjectError.key, subjectError.values ?? {})}
                  </p>
                ) : null}
              </div>
              <div className="field">
                <label htmlFor={`field-body_${l}`}>{t('admin:mail.body')}</label>
                <textarea
                  id={`field-body_${l}`}
                  name={`body_${l}`}
                  lang={l}
                  dir={localeInfo[l].dir}
                  rows={l === 'de' ? 8 : 4}
                  defaultValue={setup.value(`body_${l}`)}
                  aria-invalid={bodyError ? true : undefined}
                  aria-describedby={bodyError ? `field-body_${l}-error` : undefined}
                />
                {bodyError ? (
                  <p className="field-error" id={`field-body_${l}-error`}>
                    {t(bodyError.key, bodyError.values ?? {})}
                  </p>
                ) : null}
              </div>
            </fieldset>
          );
        })}
        {preview && preview.choices.length > 1 ? (
          <div className="field">
            <label htmlFor="field-previewPerson">{t('admin:mail.previewAs')}</label>
            <select id="field-previewPerson" name="previewPerson" defaultValue={setup.value('previewPerson')}>
              {preview.choices.map((c) => (
                <option key={c.personId} value={c.personId}>
                  {c.organisation} ({localeInfo[c.locale as Locale]?.name ?? c.locale})
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <p className="button-row">
          <button type="submit" name="intent" value="preview" className={preview ? 'secondary' : undefined}>
            {t('admin:mail.preview')}
          </button>
          {preview && preview.count > 0 ? (
            <button type="submit" name="intent" value="send">
              {t('admin:mail.send', { count: preview.count })}
            </button>
          ) : null}
        </p>
      </Form>
      {preview ? (
        <section aria-labelledby="preview-title" className="mail-preview">
          <h2 id="preview-title">{t('admin:mail.previewTitle')}</h2>
          <p role="status">{t('admin:mail.recipients', { count: preview.count })}</p>
          <ul>
            {Object.entries(preview.byLanguage).map(([lang, n]) => (
              <li key={lang}>
                {localeInfo[lang as Locale]?.name ?? lang}: {n}
              </li>
            ))}
          </ul>
          {preview.sample ? (
            <article className="mail-preview__message" lang={preview.sample.locale} dir={localeInfo[preview.sample.locale].dir}>
              <p className="muted" lang={locale} dir={localeInfo[locale].dir}>
                {t('admin:mail.previewFor', { organisation: preview.sample.organisation, language: localeInfo[preview.sample.locale].name })}
              </p>
              <h3>{preview.sample.subject}</h3>
              <pre className="mail-preview__text">{preview.sample.text}</pre>
            </article>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="campaigns-title">
        <h2 id="campaigns-title">{t('admin:mail.history')}</h2>
        {campaigns.length === 0 ? (
          <p>{t('admin:mail.none')}</p>
        ) : (
          <ul>
            {campaigns.map((c) => (
              <li key={c.id}>
                {formatDateTime(c.created_at, locale)}: {c.subject} – {t('admin:mail.recipients', { count: c.recipient_count })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
