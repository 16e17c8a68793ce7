import { type ReactNode, useEffect } from 'react';

/**
 * The page's h1, focusable so route changes can move focus to it (see
 * RouteFocus), and the document title.
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Parley`;
  }, [title]);
  return (
    <h1 tabIndex={-1} className="page-heading">
      {children ?? title}
    </h1>
  );
}
