import { FeeNotice } from '~/components/payments';
import { feeSummary } from '~/domain/payments/overview.server';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { FormAlert, StateBadge, TextArea } from '~/components/registration';
import { formatMoney } from '~/lib/money';
import { statusActionSchema } from '~/domain/registrations/application.schema';
import { getApplicationForMember, reopenApplication, withdrawApplication } from '~/domain/registrations/applications.server';
import { setupWindowOf } from '~/domain/registrations/setup-time.server';
import { getPitchForRegistration } from '~/domain/siteplan/pitches.server';
import { standPassOf } from '~/domain/festival-day/passes.server';
import { formatPassCode, passUrl } from '~/domain/festival-day/pass-code';
import { qrDataUri } from '~/http/qr.server';
import { db } from '~/server/db.server';
import { env } from '~/server/env.server';
import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { useSchemaForm } from '~/components/schema-forms';
import { encodeFieldError, firstError, keyErrorMap, toConformErrors } from '~/lib/form-keys';
import { translator } from '~/lib/i18n';
import { pickText, type PickedText } from '~/lib/i18n-text';
import { localeOf } from '~/http/locale.server';
import { requirePerson } from '~/http/session.server';
import { berlinDay, formatDateTime, formatDay, formatDayRange, formatTime } from '~/lib/time';
import { attempt, orRespond } from '~/http/errors.server';

function registrationId(param: string | undefined): number {
  const id = Number(param);
  if (!Number.isSafeInteger(id) || id <= 0) throw json({ message: 'not found' }, { status: 404 });
  return id;
}

/** Where an application stands, what it asked for, its history, the setup time and (later) the pitch. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const person = await requirePerson(request);
  const locale = await localeOf(request);
  const application = await orRespond(() => getApplicationForMember(db(), { personId: person.id, registrationId: registrationId(params.id) }));
  const [setup, fee, placed, standPass] = await Promise.all([
    setupWindowOf(db(), application.edition_id),
    feeSummary(db(), application.id),
    // the pitch on the site plan (app/domain/siteplan), once the organisers placed the stand
    getPitchForRegistration(db(), application.id),
    // the festival day's pass, once the stand is confirmed (docs/decisions/110)
    standPassOf(db(), application.id),
  ]);
  const pitch = placed ? { label: placed.label, area: pickText(placed.area_name, locale), width: placed.width, height: placed.height } : null;
  return json({
    title: `${translator(locale)('registration:status.title')} · ${pickText(application.edition_title, locale).text}`,
    application,
    setup,
    pitch,
    fee,
    pass: standPass ? { code: formatPassCode(standPass.code), qr: await qrDataUri(passUrl(env().PUBLIC_URL, application.edition_slug, standPass.code)) } : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export async function action({ request, params }: ActionFunctionArgs) {
  const person = await requirePerson(request);
  const id = registrationId(params.id);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: statusActionSchema, error: keyErrorMap });
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 });
  const move = submission.value;
  const context = { personId: person.id, registrationId: id, publicUrl: env().PUBLIC_URL };
  const outcome = await attempt(() => (move.intent === 'withdraw' ? withdrawApplication(db(), { ...context, reason: move.reason }) : reopenApplication(db(), context)));
  if (!outcome.ok) {
    if (outcome.status === 404) throw json({ message: 'not found' }, { status: 404 });
    // the reason over the page, and next to the field it names
    const result = submission.reply({ formErrors: [encodeFieldError(outcome.formError)], fieldErrors: toConformErrors(outcome.fieldErrors) });
    return json({ result }, { status: outcome.status });
  }
  return redirect(`/account/applications/${id}`);
}

export default function ApplicationStatus() {
  const { application: a, setup, pitch, fee, pass } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const withdraw = useSchemaForm(statusActionSchema, data?.result, { intent: 'withdraw' });
  const yes = (v: number) => (v ? t('registration:yes') : t('registration:no'));
  return (
    <>
      <p className="eyebrow">
        <Link to="/account">{t('auth:account.title')}</Link> · <Localized value={a.edition_title} />
      </p>
      <h1>{t('registration:status.heading', { organisation: a.organisation_name })}</h1>

      <section className="status-box" aria-labelledby="state-title">
        <h2 id="state-title" className="visually-hidden">
          {t('registration:status.state')}
        </h2>
        <p className="status-box__state">
          {t('registration:status.state')}: <StateBadge state={a.state} />
        </p>
        <p>{t(`registration:status.explain.${a.state}`)}</p>
        <FormAlert message={firstError(data?.result.error?.[''] ?? undefined)} />
        <div className="button-row">
          {a.editable ? (
            <Link className="button" to={`/editions/${a.edition_slug}/apply?org=${a.organisation_id}`}>
              {a.state === 'draft' ? t('registration:status.continue') : t('registration:status.edit')}
            </Link>
          ) : null}
          {a.canReopen ? (
            <Form method="post">
              <input type="hidden" name="intent" value="reopen" />
              <button type="submit">{t('registration:status.reopen')}</button>
            </Form>
          ) : null}
        </div>
        {a.canWithdraw ? (
          <details className="withdraw" open={Boolean(withdraw.error('reason'))}>
            <summary>{t('registration:status.withdraw')}</summary>
            <Form method="post" {...getFormProps(withdraw.form)} noValidate>
              <input type="hidden" name="intent" value="withdraw" />
              <TextArea name="reason" rows={2} maxLength={1000} label={t('registration:status.withdrawReason')} defaultValue={withdraw.value('reason')} error={withdraw.error('reason')} />
              <p>
                <button type="submit" className="secondary">
                  {t('registration:status.withdrawConfirm')}
                </button>
              </p>
            </Form>
          </details>
        ) : null}
      </section>

      {fee ? <FeeNotice fee={fee} /> : null}

      <section aria-labelledby="setup-title">
        <h2 id="setup-title">{t('registration:status.setupTitle')}</h2>
        <p>{formatDayRange(a.starts_on, a.ends_on, locale)}</p>
        {setup ? (
          <p>
            {t('registration:emails.setupTime', {
              day: formatDay(berlinDay(setup.startsAt), locale),
              from: formatTime(setup.startsAt, locale),
              to: formatTime(setup.endsAt, locale),
            })}
            {setup.derived ? <span className="muted"> {t('registration:emails.setupDerived')}</span> : null}
          </p>
        ) : null}
        <Localized value={a.setup_info} as="p" />
      </section>

      <PitchSection pitch={pitch} />

      {pass ? <PassSection id={a.id} pass={pass} /> : null}

      <section aria-labelledby="asked-title">
        <h2 id="asked-title">{t('registration:status.askedTitle')}</h2>
        <dl className="facts-list facts-list--answers">
          <dt>{t('registration:apply.standType')}</dt>
          <dd>
            <Localized value={a.stand_type_name} /> ({a.fee_cents === 0 ? t('registration:apply.free') : formatMoney(a.fee_cents, locale)})
          </dd>
          <dt>{t('registration:apply.size')}</dt>
          <dd>{t('registration:apply.standTypeFacts', { width: a.width_m, depth: a.depth_m })}</dd>
          <dt>{t('registration:apply.power')}</dt>
          <dd>{a.power_watts ? `${a.power_watts} W` : t('registration:no')}</dd>
          <dt>{t('registration:apply.water')}</dt>
          <dd>{yes(a.water)}</dd>
          <dt>{t('registration:apply.tables')}</dt>
          <dd>{a.tables}</dd>
          <dt>{t('registration:apply.benches')}</dt>
          <dd>{a.benches}</dd>
          <dt>{t('registration:apply.ownGazebo')}</dt>
          <dd>{yes(a.own_gazebo)}</dd>
          <dt>{t('registration:apply.vehicleAccess')}</dt>
          <dd>{yes(a.vehicle_access)}</dd>
          <dt>{t('registration:apply.activities')}</dt>
          <dd className="prewrap">{a.activities || '–'}</dd>
          <dt>{t('registration:apply.stageAct')}</dt>
          <dd>
            {a.stage_act_title
              ? `${a.stage_act_title} (${t('registration:minutes', { count: a.stage_act_minutes ?? 0 })})${a.stage_act_needs ? ` – ${a.stage_act_needs}` : ''}`
              : '–'}
          </dd>
          <dt>{t('registration:apply.accessibility')}</dt>
          <dd>{a.accessibility || '–'}</dd>
          <dt>{t('registration:apply.publicConsent')}</dt>
          <dd>{yes(a.public_consent)}</dd>
        </dl>
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('registration:status.historyTitle')}</h2>
        <ol className="history">
          {a.events.map((e) => (
            <li key={e.id}>
              <p className="history__when">{formatDateTime(e.created_at, locale)}</p>
              <p>
                {e.from_state ? (
                  <>
                    <StateBadge state={e.from_state} /> → <StateBadge state={e.to_state} />
                  </>
                ) : (
                  t('registration:status.created')
                )}{' '}
                <span className="muted">
                  {e.actor === 'system'
                    ? e.from_state === 'waitlisted'
                      ? t('registration:status.byMovedUp')
                      : t('registration:status.bySystem')
                    : e.actor === 'organiser'
                      ? t('registration:status.byOrganisers')
                      : t('registration:status.byPerson', { name: e.actor_name || t('registration:status.someone') })}
                </span>
              </p>
              {e.reason ? <p className="history__reason">{t('registration:status.reason', { reason: e.reason })}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** The pitch on the site plan, or a note that it comes once the plan is done. */
function PitchSection({ pitch }: { pitch: { label: string; area: PickedText; width: number; height: number } | null }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="pitch-title">
      <h2 id="pitch-title">{t('registration:status.pitchTitle')}</h2>
      {pitch ? (
        <p>
          <strong>{t('schedule:pitches.public.pitchLabel', { label: pitch.label })}</strong>,{' '}
          <span lang={pitch.area.fallback ? pitch.area.lang : undefined}>{pitch.area.text}</span> ({t('schedule:pitches.metres', { w: pitch.width, h: pitch.height })})
        </p>
      ) : (
        <p>{t('registration:status.pitchLater')}</p>
      )}
    </section>
  );
}

/** The stand pass for the festival day: the QR code and short code, and the page to print or show. */
function PassSection({ id, pass }: { id: number; pass: { code: string; qr: string } }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="pass-title" className="stand-pass stand-pass--small">
      <h2 id="pass-title">{t('festival-day:pass.title')}</h2>
      <p>{t('festival-day:pass.intro')}</p>
      <img className="stand-pass__qr" src={pass.qr} width={160} height={160} alt={t('festival-day:pass.qrAlt', { code: pass.code })} />
      <p className="stand-pass__code" dir="ltr" data-pass-code>
        {pass.code}
      </p>
      <p>
        <Link to={`/account/applications/${id}/pass`}>{t('festival-day:pass.open')}</Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
