/** What "Show more" needs of a paged list (useShowMore, or a contact search's `paging`). */
export interface Paging {
  hasMore: boolean;
  loading: boolean;
  failed: boolean;
  showMore(): Promise<void>;
}

/**
 * The next page of a list: an alert when it could not be loaded, and one
 * button throughout (aria-disabled while loading, "Try again" after a
 * failure), so keyboard focus stays on it.
 */
export function ShowMore(props: {
  paging: Paging;
  /** What the list holds, for the alert: "More contacts could not be loaded." */
  what: string;
  /** The button's text, e.g. "Show more contacts". */
  label: string;
  className?: string;
}) {
  const { paging } = props;
  if (!paging.hasMore) return null;
  return (
    <>
      {paging.failed ? (
        <p role="alert" className="status status-error">
          More {props.what} could not be loaded.
        </p>
      ) : null}
      <button
        type="button"
        className={props.className ?? 'button'}
        aria-disabled={paging.loading}
        onClick={() => void paging.showMore()}
      >
        {paging.loading ? 'Loading…' : paging.failed ? 'Try again' : props.label}
      </button>
    </>
  );
}
