/**
 * The desktop app's core process: an Electron utilityProcess (a Node process without
 * Chromium, on its own MessagePort to main). A libvips crash or an out-of-memory on one
 * bad file ends it, not the window; core-host.ts starts it again.
 */
import { utilityProcess } from 'electron';
import type { CoreChannel, FromCore, ToCore } from '../core/process/core-protocol';

export function utilityCore(script: string): CoreChannel {
  const child = utilityProcess.fork(script, [], {
    serviceName: 'CaptionDesk core',
    stdio: 'inherit',
  });
  return {
    send: (message: ToCore) => child.postMessage(message),
    onMessage: (listener) => child.on('message', (m: unknown) => listener(m as FromCore)),
    onExit: (listener) => child.once('exit', (code) => listener(`exit code ${code}`)),
    get pid() {
      return child.pid;
    },
    kill: () => void child.kill(),
  };
}
