import type { CoreLog } from './core-log';

/**
 * Log an exception that escapes everything (an unhandled rejection included, which Node
 * raises as one) before the process ends. A monitor only watches: the process still
 * crashes as it would have, so nothing half-broken goes on running. Returns the undo.
 */
export function watchProcessErrors(log: CoreLog, proc: NodeJS.Process = process): () => void {
  const monitor = (error: Error, origin: string) =>
    log.errorNow('uncaught-exception', { origin, error });
  proc.on('uncaughtExceptionMonitor', monitor);
  return () => proc.off('uncaughtExceptionMonitor', monitor);
}
