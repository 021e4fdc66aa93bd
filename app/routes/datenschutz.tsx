import { GeneralErrorBoundary } from '~/components/error-boundary';
import { EditablePage, editablePageMeta } from '~/components/editable-page';
import { editablePageLoader } from '~/utils/editable-page.server';

export const loader = editablePageLoader('datenschutz');
export const meta = editablePageMeta;
export default EditablePage;

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
