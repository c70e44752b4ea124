import { ApiError } from '../api/client';

/** Shows an error from main as the office user should read it: the message, then each place. */
export function ErrorMessage({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error);
  const details = error instanceof ApiError ? error.details : [];
  return (
    <div className="notice notice-error" role="alert">
      <div>{message}</div>
      {details.length > 1 && (
        <ul>
          {details.slice(0, 50).map((d, i) => (
            <li key={i}>
              {d.where ? <strong>{d.where}: </strong> : null}
              {d.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
