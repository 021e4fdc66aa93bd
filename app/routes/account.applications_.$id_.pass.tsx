/**
 * /account/applications/:id/pass — the stand pass for the festival day: a QR code and the short
 * code, the pitch and the setup time, phone-sized and printable (docs/decisions/110).
 * Only members of the organisation see it, and only once the stand is confirmed.
 */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { formatPassCode, passUrl } from '~/domain/festival-day/pass-code';
import { standPassOf } from '~/domain/festival-day/passes.server';
import { getApplicationForMember } from '~/domain/registrations/applications.server';
import { setupWindowOf } from '~/domain/registrations/setup-time.server';
import { orRespond } from '~/http/errors.server';
import { localeOf } from '~/http/locale.server';
import { qrDataUri } from '~/http/qr.server';
import { requirePerson } from '~/http/session.server';
import { translator } from '~/lib/i18n';
import { berlinDay, formatDay, formatDayRange, formatTime } from '~/lib/time';
import { db } from '~/server/db.server';
import { env } from '~/server/env.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const person = await requirePerson(request);
  const locale = await localeOf(request);
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0) throw json({ message: 'not found' }, { status: 404 });
  const application = await orRespond(() => getApplicationForMember(db(), { personId: person.id, registrationId: id }));
  const [pass, setup] = await Promise.all([standPassOf(db(), application.id), setupWindowOf(db(), application.edition_id)]);
  if (!pass) throw json({ message: 'registration:errors.notFound' }, { status: 404 });
  return json({
    title: `${translator(locale)('festival-day:pass.title')} · ${application.organisation_name}`,
    application: { id: application.id, organisation: application.organisation_name, edition_title: application.edition_title, starts_on: application.starts_on, ends_on: application.ends_on },
    code: formatPassCode(pass.code),
    qr: await qrDataUri(passUrl(env().PUBLIC_URL, application.edition_slug, pass.code)),
    pitch: pass.pitch,
    setup,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export default function StandPass() {
  const { application: a, code, qr, pitch, setup } = useLoaderData<typeof loader>();
  const { t, locale, text } = useI18n();
  return (
    <>
      <p className="eyebrow no-print">
        <Link to={`/account/applications/${a.id}`}>{t('festival-day:pass.back')}</Link>
      </p>
      <article className="stand-pass" aria-labelledby="pass-title">
        <h1 id="pass-title">{t('festival-day:pass.title')}</h1>
        <p className="stand-pass__edition">
          <Localized value={a.edition_title} /> · {formatDayRange(a.starts_on, a.ends_on, locale)}
        </p>
        <p className="stand-pass__organisation">{a.organisation}</p>
        <img className="stand-pass__qr" src={qr} width={240} height={240} alt={t('festival-day:pass.qrAlt', { code })} />
        <p className="stand-pass__code" dir="ltr" data-pass-code>
          {code}
        </p>
        <p>{pitch ? `${t('festival-day:pitch', { label: pitch.label })} · ${text(pitch.area).text}` : t('festival-day:pass.pitchLater')}</p>
        {setup ? (
          <p>
            {t('registration:emails.setupTime', { day: formatDay(berlinDay(setup.startsAt), locale), from: formatTime(setup.startsAt, locale), to: formatTime(setup.endsAt, locale) })}
          </p>
        ) : null}
        <p className="hint">{t('festival-day:pass.howTo')}</p>
      </article>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
