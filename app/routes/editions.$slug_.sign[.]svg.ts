import type { LoaderFunctionArgs } from '@remix-run/node';
import { publicEditionStages } from '~/domain/festival-day/now-next.server';
import { withReadableRefusals } from '~/http/http.server';
import { orRespond } from '~/http/errors.server';
import { localeOf } from '~/http/locale.server';
import { directionOf, LOCALES, translator } from '~/lib/i18n';
import { pickText } from '~/lib/i18n-text';
import { signSvg, SIGN_SIZES, type SignSize } from '~/lib/sign-svg';
import { db } from '~/server/db.server';
import { env } from '~/server/env.server';

/** A printable sign for the grounds (`?size=a4|a3`, `?lang=`): the edition and a QR code to its program (docs/decisions/113). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return withReadableRefusals(request, async () => {
    const locale = await localeOf(request);
    const { edition } = await orRespond(() => publicEditionStages(db(), params.slug ?? ''));
    const raw = new URL(request.url).searchParams.get('size');
    const size: SignSize = raw && Object.hasOwn(SIGN_SIZES, raw) ? (raw as SignSize) : 'a4';
    const svg = signSvg({
      size,
      name: pickText(edition.title, locale).text,
      eyebrow: 'Festplatz',
      callToAction: LOCALES.map((l) => ({ text: translator(l)('festival-day:sign.editionProgram'), lang: l, dir: directionOf(l) })),
      url: `${env().PUBLIC_URL}/editions/${edition.slug}`,
    });
    return new Response(svg, {
      headers: {
        'Content-Type': 'image/svg+xml; charset=utf-8',
        'Content-Disposition': `inline; filename="${edition.slug}-${size}.svg"`,
        'Cache-Control': 'public, max-age=300',
      },
    });
  });
}
