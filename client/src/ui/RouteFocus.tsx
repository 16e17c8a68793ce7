import { useEffect } from 'react';
import { useLocation } from 'react-router';

/** The path focus was last placed for; module-level so it spans layouts (sign-in → shell). */
let placedFor: string | undefined;

/**
 * Moves focus to the new page's heading after a client-side navigation (not
 * on the first load), so keyboard and screen-reader users land on the new
 * content instead of on the body or the link they activated. Headings are
 * rendered with tabIndex=-1 (PageHeading; the sidebar's list heading).
 */
export function RouteFocus() {
  const { pathname } = useLocation();
  useEffect(() => {
    if (placedFor === pathname) return;
    const firstLoad = placedFor === undefined;
    placedFor = pathname;
    if (firstLoad) return;
    // On narrow screens the main pane may be hidden: then the visible pane's marked heading.
    const visible = (el: HTMLElement | null) => (el && el.offsetParent !== null ? el : null);
    const target =
      visible(document.querySelector<HTMLElement>('main h1')) ??
      visible(document.querySelector<HTMLElement>('[data-route-focus]')) ??
      document.querySelector<HTMLElement>('main');
    target?.focus();
  }, [pathname]);
  return null;
}
