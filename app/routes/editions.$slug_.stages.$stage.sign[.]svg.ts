import type { LoaderFunctionArgs } from '@remix-run/node';
import { publicStage } from '~/domain/festival-day/now-next.server';
import { withReadableRefusals } from '~/http/http.server';
import { orRespond } from '~/http/errors.server';
import { localeOf } from '~/http/locale.server';
import { directionOf, LOCALES, translator } from '~/lib/i18n';
import { pickText } from '~/lib/i18n-text';
import { signSvg, SIGN_SIZES, type SignSize } from '~/lib/sign-svg';
import { db } from '~/server/db.server';
import { env } from '~/server/env.server';

/** A printable sign for one stage (`?size=a4|a3`, `?lang=`): its name and a QR code to its program (docs/decisions/113). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return withReadableRefusals(request, async () => {
    const locale = await localeOf(request);
    const stage = await orRespond(() => publicStage(db(), params.slug ?? '', params.stage ?? ''));
    const raw = new URL(request.url).searchParams.get('size');
    const size: SignSize = raw && Object.hasOwn(SIGN_SIZES, raw) ? (raw as SignSize) : 'a4';
    const svg = signSvg({
      size,
      name: pickText(stage.name, locale).text,
      eyebrow: pickText(stage.edition_title, locale).text,
      callToAction: LOCALES.map((l) => ({ text: translator(l)('festival-day:sign.stageProgram'), lang: l, dir: directionOf(l) })),
      url: `${env().PUBLIC_URL}/program?edition=${stage.edition_slug}&stage=${stage.edition_slug}/${stage.slug}`,
    });
    return new Response(svg, {
      headers: {
        'Content-Type': 'image/svg+xml; charset=utf-8',
        'Content-Disposition': `inline; filename="${stage.edition_slug}-${stage.slug}-${size}.svg"`,
        'Cache-Control': 'public, max-age=300',
      },
    });
  });
}
