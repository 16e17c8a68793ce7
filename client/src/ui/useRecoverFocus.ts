import { type RefObject, useEffect } from 'react';

/**
 * When an action removed the control that had focus (accepting a request
 * removes its row), focus would fall back to <body> and keyboard users would
 * start over from the top. After each change of `signal` (the action's
 * status message), this moves focus to `target` (give it tabIndex={-1}) if
 * focus was lost meanwhile.
 */
export function useRecoverFocus(target: RefObject<HTMLElement | null>, signal: unknown): void {
  useEffect(() => {
    if (signal === undefined || signal === '') return;
    const active = document.activeElement;
    if (!active || active === document.body) target.current?.focus();
  }, [signal, target]);
}
