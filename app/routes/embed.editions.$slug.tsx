import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { EmbedProgram } from '~/components/embed-program';
import { getPublicEdition } from '~/domain/editions/editions.server';
import { embedProgramData } from '~/http/embed.server';
import { db } from '~/server/db.server';
import { orRespond } from '~/http/errors.server';

/** /embed/editions/<slug>?day=…&stage=…: one edition's program, for an iframe (docs/decisions/098). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await orRespond(() => getPublicEdition(db(), params.slug ?? ''));
  return embedProgramData(request, { edition: [edition.slug], series: [] });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · Festplatz` : 'Festplatz' }];
export const handle = { embed: true };

export default EmbedProgram;

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
