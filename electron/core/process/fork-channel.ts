/**
 * A core process as a Node child (browser mode): the same script the desktop app starts
 * as a utilityProcess. Under tsx the child inherits the loader through execArgv.
 */
import { fork } from 'node:child_process';
import type { CoreChannel, FromCore, ToCore } from './core-protocol';

export function forkCore(
  script: string,
  env: NodeJS.ProcessEnv = process.env,
  /** How Node runs the script: under tsx the parent's own flags carry its loader. */
  execArgv: string[] = process.execArgv,
): CoreChannel {
  const child = fork(script, [], {
    execArgv,
    env,
    // Buffers (pictures served from memory) cross as bytes, not as JSON arrays.
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    send(message: ToCore) {
      if (child.connected) child.send(message);
    },
    onMessage(listener: (m: FromCore) => void) {
      child.on('message', (m) => listener(m as FromCore));
    },
    onExit(listener: (reason: string) => void) {
      child.once('exit', (code, signal) =>
        listener(signal ? `signal ${signal}` : `exit code ${code}`),
      );
    },
    get pid() {
      return child.pid;
    },
    kill() {
      child.kill('SIGKILL');
    },
  };
}
