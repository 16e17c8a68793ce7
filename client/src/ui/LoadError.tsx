/**
 * What a page shows when its query failed: what could not be loaded, and a
 * way to try again. An alert, so screen readers announce it.
 */
export function LoadError({ what, retry }: { what: string; retry: () => unknown }) {
  return (
    <div role="alert" className="alert">
      <p>{what} could not be loaded.</p>
      <button type="button" className="button" onClick={() => void retry()}>
        Try again
      </button>
    </div>
  );
}
