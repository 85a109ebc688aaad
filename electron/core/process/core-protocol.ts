/**
 * The messages between the process that shows the UI (Electron's main, or browser mode's
 * HTTP server) and the core process that does the work. The core runs apart so that a
 * native crash or an out-of-memory on one bad file takes down only the core, which is
 * started again; the UI and what it holds live on.
 */
import type { ApiEvent } from '../../contract/api';
import type { WireError } from '../../contract/dispatch';
import type { MediaResponse } from '../app-core-types';

/** What the child needs to make its core: the options that are plain data. */
export interface CoreInit {
  dataDir: string;
  cacheDir: string;
  sampleDir: string;
  mode: 'electron' | 'web';
  startFolder: string | null;
  version: string;
  /** Files no image work is tried on any more (they crashed the core twice). */
  quarantined: string[];
  /** Files in flight at an earlier crash: a success clears them. */
  struck: string[];
  /** Where the child notes the files under native image work, for the host to read after a crash. */
  breadcrumbFile: string;
}

export type ToCore =
  | { t: 'init'; init: CoreInit }
  | { t: 'call'; id: number; method: string; args: unknown }
  | { t: 'media'; id: number; path: string }
  | { t: 'secret-reply'; id: number; value: string | null; error?: string }
  | { t: 'close' };

export type FromCore =
  | { t: 'ready' }
  | { t: 'result'; id: number; ok: true; value: unknown }
  | { t: 'result'; id: number; ok: false; error: WireError }
  | { t: 'media-result'; id: number; value: MediaResponse | null }
  | { t: 'event'; event: ApiEvent }
  | { t: 'secret'; id: number; op: 'get' | 'set' | 'delete'; key: string; value?: string }
  /** Image work on a file that had a strike succeeded: it is innocent. */
  | { t: 'cleared'; file: string }
  | { t: 'closed' }
  /**
   * What the core sent within one turn of its event loop, in order: a folder's open sends
   * thousands of events, and one message each would queue the answers behind them.
   */
  | { t: 'batch'; messages: FromCore[] };

/** A two-way message pipe to a core process: child_process.fork, or Electron's utilityProcess. */
export interface CoreChannel {
  send(message: ToCore): void;
  onMessage(listener: (message: FromCore) => void): void;
  /** The process ended: `reason` says how (an exit code or a signal). */
  onExit(listener: (reason: string) => void): void;
  /** The core's process id, for tests that kill it. */
  readonly pid: number | undefined;
  kill(): void;
}
