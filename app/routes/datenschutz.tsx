import type { LoaderFunctionArgs } from '@remix-run/node';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { EditablePage, editablePageMeta } from '~/components/editable-page';
import { editablePageLoader } from '~/http/editable-page.server';

export async function loader(args: LoaderFunctionArgs) {
  return editablePageLoader('datenschutz')(args);
}
export const meta = editablePageMeta;
export default EditablePage;

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
