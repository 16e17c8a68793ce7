import { useEffect, useRef, useState } from 'react';

/**
 * The `what` of each LoadError whose retry is under way. A page that shows
 * "Loading…" while its query refetches unmounts the alert meanwhile, and
 * mounts a new one when the query fails again: finding its `what` here, that
 * one knows it follows a failed retry.
 */
const retrying = new Set<string>();

/**
 * What a page shows when its query failed: what could not be loaded, and a
 * way to try again. An alert, so screen readers announce it.
 *
 * `retry` may return a promise, such as a query's `refetch`, which rejects
 * when the query fails again. That is handled here, so callers pass
 * `refetch` as it is: the alert says the retry failed too, and keeps its
 * button (focused again when the page had swapped the alert out meanwhile).
 */
export function LoadError({ what, retry }: { what: string; retry: () => unknown }) {
  const [attempt, setAttempt] = useState<'none' | 'running' | 'failed'>(() =>
    retrying.has(what) ? 'failed' : 'none',
  );
  const mounted = useRef(false);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    mounted.current = true;
    // Back after a failed retry: the button that was clicked went with the old alert.
    if (retrying.delete(what) && (!document.activeElement || document.activeElement === document.body))
      button.current?.focus();
    return () => {
      mounted.current = false;
    };
  }, [what]);

  async function onRetry() {
    retrying.add(what);
    setAttempt('running');
    try {
      await retry();
      retrying.delete(what);
      // Usually the page now shows what it loaded instead of this alert.
      setAttempt('none');
    } catch {
      // Swapped out meanwhile: the alert mounted for the new failure (now or soon) takes the entry.
      if (!mounted.current) return;
      retrying.delete(what);
      setAttempt('failed');
    }
  }

  return (
    <div role="alert" className="alert">
      <p>{what} could not be loaded.</p>
      {attempt === 'running' ? <p>Trying again…</p> : null}
      {attempt === 'failed' ? <p>Trying again did not work either.</p> : null}
      <button ref={button} type="button" className="button" onClick={() => void onRetry()}>
        Try again
      </button>
    </div>
  );
}
