/** The outbox's records: where packages go, and each package-to-destination job. */
import type { DestinationKind } from '../../../common/outbox/destination-kinds';
import type { outboxErrorCodes } from '../../contract/outbox';

export type { DestinationKind };

/** A saved destination. Secrets (password, key passphrase) live in the SecretStore, never here. */
export interface Destination {
  id: string;
  name: string;
  kind: DestinationKind;
  host: string;
  port: number;
  user: string;
  /** Absolute folder on the server (or on disk for file://); for WordPress, the site's path. */
  remoteDir: string;
  /** SFTP: private key file; the key stays where the user keeps it. */
  identityFile: string | null;
  /** SHA256:… of the SSH host key (SFTP) or TLS certificate (FTPS), pinned. */
  fingerprint: string | null;
  /** Accept and pin the key seen on first contact instead of asking. */
  trustNewHostKey: boolean;
  /** Upload bandwidth cap in KiB/s (3G), null for none. */
  limitKBps: number | null;
}

/** The codes are the contract's, so the UI, the CLI and the core cannot drift apart. */
export type OutboxErrorCode = (typeof outboxErrorCodes)[number];

export interface OutboxProblem {
  code: OutboxErrorCode;
  message: string;
  /** The key the server showed, for host-key-unknown / host-key-changed. */
  fingerprint?: string;
}

export type JobState =
  | 'queued'
  | 'running'
  | 'waiting-offline'
  | 'retrying'
  | 'done'
  | 'already-there'
  | 'failed'
  | 'cancelled';

export interface JobFile {
  /** Path inside the package folder on the server (photos/x.jpg, manifest.json, READY). */
  name: string;
  bytes: number;
  sha256: string;
  done: boolean;
}

export interface OutboxJob {
  id: string;
  packagePath: string;
  /** The package's folder name on the server (zip name without .zip). */
  packageName: string;
  sha256: string;
  destinationId: string;
  state: JobState;
  files: JobFile[];
  bytesTotal: number;
  bytesDone: number;
  /** Bytes actually put on the wire over all attempts: resumes keep it near bytesTotal. */
  bytesSent: number;
  /** Where each (re)start of a file began: the evidence that resumes do not start over. */
  resumes: { file: string; offset: number }[];
  attempts: number;
  nextAttemptAt: string | null;
  lastError: OutboxProblem | null;
  /** Where the package landed, when the destination tells: the WordPress draft's edit page. */
  remoteUrl?: string | null;
  createdAt: string;
  updatedAt: string;
}

export const TERMINAL: ReadonlySet<JobState> = new Set([
  'done',
  'already-there',
  'failed',
  'cancelled',
]);
