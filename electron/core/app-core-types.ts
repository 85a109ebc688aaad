import type { Api, ApiEvent } from '../contract/api';
import type { OutboxOptions, SecretStore } from './outbox';
import type { CoreLog } from './log/core-log';

export interface CoreOptions {
  /** App data: state for read-only folders, the working copy of the sample event. */
  dataDir: string;
  /** Thumbnail cache. */
  cacheDir: string;
  /** The sample event shipped in assets/ (read-only: it is copied before use). */
  sampleDir: string;
  mode: 'electron' | 'web' | 'cli';
  startFolder?: string | null;
  version: string;
  /** Whether a folder takes sidecars; tests inject it, since root can write anywhere. */
  isWritable?: (folder: string) => Promise<boolean>;
  /** Upload passwords and key passphrases (Electron: safeStorage). Default: memory only. */
  secrets?: SecretStore;
  /** Outbox tuning; tests inject the network check and short retry delays. */
  outbox?: OutboxOptions;
}

export type MediaResponse =
  { path: string; contentType: string } | { data: Buffer; contentType: string };

export interface Core {
  api: Api;
  /** Subscribe to events (progress, thumbnailReady, photosChanged, …). Returns an unsubscribe. */
  on(listener: (event: ApiEvent) => void): () => void;
  /**
   * Resolve a media path (`media/<kind>/<folderKey>/<file>`, see `mediaPath` in api.ts)
   * to bytes or a file. Null when it is not under an opened folder or does not exist.
   */
  resolveMedia(mediaPath: string): Promise<MediaResponse | null>;
  /** The log the core writes; a front adds what only it sees (an uncaught error in its process). */
  log: CoreLog;
  close(): Promise<void>;
}
