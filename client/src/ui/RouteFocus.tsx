import { useEffect } from 'react';
import { useLocation } from 'react-router';

/** The path focus was last placed for; module-level so it spans layouts (sign-in → shell). */
let placedFor: string | undefined;

/** How long a page may take to render its heading (e.g. a conversation loading) before we stop waiting. */
const HEADING_WAIT_MS = 10_000;

/**
 * Moves focus to the new page's heading after a client-side navigation (not
 * on the first load), so keyboard and screen-reader users land on the new
 * content instead of on the body or the link they activated. Headings are
 * rendered with tabIndex=-1 (PageHeading; the sidebar's list heading).
 *
 * A page that is still loading has no heading yet: focus waits on the main
 * pane and moves to the heading when it renders, unless the user moved focus
 * elsewhere meanwhile.
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
    const heading = () => visible(document.querySelector<HTMLElement>('main h1'));
    const main = visible(document.querySelector<HTMLElement>('main'));
    const target =
      heading() ?? (main ? null : visible(document.querySelector<HTMLElement>('[data-route-focus]')));
    if (target || !main) {
      (target ?? document.querySelector<HTMLElement>('main'))?.focus();
      return;
    }
    main.focus();
    const path = pathname;
    const observer = new MutationObserver(() => {
      if (placedFor !== path) return observer.disconnect();
      const h = heading();
      if (!h) return;
      observer.disconnect();
      if (document.activeElement === main || document.activeElement === document.body) h.focus();
    });
    observer.observe(main, { childList: true, subtree: true });
    setTimeout(() => observer.disconnect(), HEADING_WAIT_MS);
  }, [pathname]);
  return null;
}
