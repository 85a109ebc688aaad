import type { Readable } from 'node:stream';
import type { Destination } from '../types';

/** What the job runner needs from a server; each protocol implements it. */
export interface Transport {
  /** Size of a remote file, or null when it does not exist. */
  size(path: string): Promise<number | null>;
  mkdirp(dir: string): Promise<void>;
  /** Write `data` into `path` starting at byte `offset` (0 creates or truncates it). */
  write(path: string, offset: number, data: Readable): Promise<void>;
  /** Rename, replacing any existing target. */
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  /** Whole remote file; used for the small READY marker. */
  read(path: string): Promise<Buffer>;
  /** sha256 of a remote file read back, where reading back is cheap enough to do. */
  hash?(path: string): Promise<string>;
  close(): Promise<void>;
}

export interface ConnectInput {
  destination: Destination;
  password: string | null;
  passphrase: string | null;
  /** Called with the fingerprint the server showed; throws to refuse it. */
  checkFingerprint(fingerprint: string): void;
}
