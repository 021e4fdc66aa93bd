import type { ActionFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { checkInStand } from '~/domain/festival-day/check-in.server';
import { scanSchema } from '~/domain/festival-day/check-in.schema';
import { attempt } from '~/http/errors.server';
import { localeOf } from '~/http/locale.server';
import { requireEditionManager } from '~/http/office.server';
import { translator } from '~/lib/i18n';
import { formatTime } from '~/lib/time';
import { db } from '~/server/db.server';

/**
 * Where the phone sends a scan (the camera, a photo, or one kept while offline and sent on
 * reconnect): a form body in, a translated sentence out. A duplicate is answered 200 with
 * who checked the stand in first; a forged or foreign code is a 4xx with the reason.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { person, edition } = await requireEditionManager(request, params.slug);
  const t = translator(await localeOf(request));
  const parsed = scanSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json({ ok: false, status: 'refused', message: t('festival-day:errors.codeFormat') }, { status: 400 });
  const { code, method, scannedAt } = parsed.data;
  const outcome = await attempt(() => checkInStand(db(), { editionId: edition.id, personId: person.id, code, method, scannedAt }));
  if (!outcome.ok) return json({ ok: false, status: 'refused', message: t(outcome.formError.key, outcome.formError.values ?? {}) }, { status: outcome.status });
  const o = outcome.value;
  const locale = await localeOf(request);
  const pitch = o.pitch ? t('festival-day:pitch', { label: o.pitch }) : t('festival-day:noPitch');
  const message =
    o.status === 'already'
      ? t('festival-day:checkIn.already', { organisation: o.organisation, time: formatTime(o.at, locale), by: o.by })
      : t('festival-day:checkIn.done', { organisation: o.organisation, pitch, time: formatTime(o.at, locale) });
  return json({ ok: true, status: o.status, message, registrationId: o.registrationId });
}
