import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { redact } from './redact';
import { RotatingLog, type RotatingLogOptions } from './rotating-log';

export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

/** The app's log: errors and job outcomes, one JSON object a line, secrets redacted. */
export interface CoreLog {
  readonly path: string;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /**
   * Written before returning, for an error that is about to end the process, when a
   * queued line would never land. Never throws; a refused write is dropped.
   */
  errorNow(event: string, fields?: LogFields): void;
  /** Lines dropped because the disk refused them. */
  dropped(): number;
  tail(lines: number): Promise<string[]>;
  flush(): Promise<void>;
}

/** `<dataDir>/logs/captiondesk.log`: the same file for the app, browser mode and the CLI. */
export function logFilePath(dataDir: string): string {
  return join(dataDir, 'logs', 'captiondesk.log');
}

export function createCoreLog(dataDir: string, opts: RotatingLogOptions = {}): CoreLog {
  const file = new RotatingLog(logFilePath(dataDir), opts);
  let droppedNow = 0;
  const format = (level: LogLevel, event: string, fields: LogFields = {}): string => {
    try {
      // The fixed keys first for the eye, and last so that no field can overwrite them.
      const head = { time: new Date().toISOString(), level, event, pid: process.pid };
      return JSON.stringify(Object.assign({ ...head }, redact(fields) as LogFields, head));
    } catch {
      return JSON.stringify({ time: new Date().toISOString(), level, event, unloggable: true });
    }
  };
  const write = (level: LogLevel, event: string, fields?: LogFields) =>
    file.write(format(level, event, fields));
  return {
    path: file.path,
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
    errorNow(event, fields) {
      try {
        mkdirSync(dirname(file.path), { recursive: true });
        appendFileSync(file.path, `\n${format('error', event, fields)}\n`);
      } catch {
        droppedNow++;
      }
    },
    dropped: () => file.dropped + droppedNow,
    tail: (n) => file.tail(n),
    flush: () => file.flush(),
  };
}
