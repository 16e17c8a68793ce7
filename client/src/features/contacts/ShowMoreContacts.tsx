/** What "Show more" needs of a contact search (useContactSearch). */
interface Paged {
  hasMore: boolean;
  loadingMore: boolean;
  moreFailed: boolean;
  more(): Promise<void>;
}

/**
 * The next page of a contact search: an alert when it could not be loaded,
 * and one button throughout (aria-disabled while loading, "Try again" after a
 * failure), so keyboard focus stays on it.
 */
export function ShowMoreContacts({ search, className }: { search: Paged; className: string }) {
  return (
    <>
      {search.moreFailed ? (
        <p role="alert" className="status status-error">
          More contacts could not be loaded.
        </p>
      ) : null}
      {search.hasMore ? (
        <button
          type="button"
          className={className}
          aria-disabled={search.loadingMore}
          onClick={() => void search.more()}
        >
          {search.loadingMore ? 'Loading…' : search.moreFailed ? 'Try again' : 'Show more contacts'}
        </button>
      ) : null}
    </>
  );
}
