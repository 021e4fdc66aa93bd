import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { EmbedProgram } from '~/components/embed-program';
import { embedProgramData } from '~/http/embed.server';

/** /embed/program?<the filters of /program>: for an iframe on a partner's site (docs/decisions/098). */
export async function loader({ request }: LoaderFunctionArgs) {
  return embedProgramData(request);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · Festplatz` : 'Festplatz' }];
export const handle = { embed: true };

export default EmbedProgram;

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
