import { useEffect, useEffectEvent } from 'react';

/**
 * A key handler on the whole window (toolbar shortcuts that work wherever the focus is),
 * always seeing the component's latest state, registered once.
 */
export function useWindowKeydown(handler: (event: KeyboardEvent) => void): void {
  const onKey = useEffectEvent(handler);
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
