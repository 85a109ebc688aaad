/**
 * A process that watches its errors into the log of <data dir>, then dies of the kind of
 * error given: `throw` (an uncaught exception) or `reject` (an unhandled rejection).
 */
import { createCoreLog } from '../../electron/core/log/core-log';
import { watchProcessErrors } from '../../electron/core/log/process-errors';

const [dataDir, kind] = process.argv.slice(2) as [string, string];
const log = createCoreLog(dataDir);
watchProcessErrors(log);
const error = Object.assign(new Error(`core fell over (${kind})`), { token: 'tok-secret-123' });
setTimeout(() => {
  if (kind === 'reject') void Promise.reject(error);
  else throw error;
}, 0);
