import { useSyncExternalStore } from 'react';

/** Whether the CSS media query `query` matches now; re-renders when that changes. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
  );
}

/** The width at and below which one pane shows at a time (styles.css has the same breakpoint). */
export const NARROW = '(max-width: 720px)';
