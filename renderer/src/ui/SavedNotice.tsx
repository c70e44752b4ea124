import { useOpenSaved } from '../features/files/queries';
import { ErrorMessage } from './ErrorMessage';
import { text } from './text';

/**
 * Where something was saved, with "Mở tệp" and "Mở thư mục" (a folder of templates: only the latter),
 * so an export does not end in a path the clerk must go and find.
 */
export function SavedNotice({
  path,
  message,
  folderOnly = false,
}: {
  path: string;
  message?: string;
  folderOnly?: boolean;
}) {
  const open = useOpenSaved();
  return (
    <div className="notice notice-ok saved-notice">
      <span role="status">{message ?? text.saved(path)}</span>
      {!folderOnly && (
        <button type="button" onClick={() => open.mutate({ path, show: 'file' })}>
          {text.openFile}
        </button>
      )}
      <button type="button" onClick={() => open.mutate({ path, show: 'folder' })}>
        {text.openFolder}
      </button>
      <ErrorMessage error={open.error} />
    </div>
  );
}
