/**
 * Says whether a progress event should go out now: at most once per `ms`, except the
 * final one, which always does. A progress bar needs ten updates a second, not one per
 * file; each update re-renders the window and takes CPU from the work it reports on.
 */
export function progressGate(ms: number, now: () => number = () => performance.now()) {
  let last = -Infinity;
  return (final: boolean): boolean => {
    const t = now();
    if (!final && t - last < ms) return false;
    last = t;
    return true;
  };
}
