/** The outbox's part of the contract (issue: send packages to the newsroom). */
import { z } from 'zod';
import { DESTINATION_KINDS } from '../../common/outbox/destination-kinds';
import { folderPath, method, reads } from './kit';

const fingerprint = z
  .string()
  .regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'a fingerprint looks like SHA256: and 43 base64 characters');

export const destinationSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(DESTINATION_KINDS),
  host: z.string(),
  port: z.number(),
  user: z.string(),
  remoteDir: z.string(),
  identityFile: z.string().nullable(),
  fingerprint: z.string().nullable(),
  trustNewHostKey: z.boolean(),
  limitKBps: z.number().nullable(),
  /** sftp://user@host:port/dir etc., never with a password. */
  url: z.string(),
  /** Whether the secret store holds a password for it (the password itself never leaves the core). */
  hasPassword: z.boolean(),
});
export type DestinationView = z.infer<typeof destinationSchema>;

export const outboxErrorCodes = [
  'auth-failed',
  'host-key-unknown',
  'host-key-changed',
  'connection-refused',
  'host-not-found',
  'timeout',
  'connection-lost',
  'disk-full',
  'permission-denied',
  'package-unreadable',
  'verify-failed',
  'missing-secret',
  'server-error',
  /** WordPress: the site answers, but not its REST API (a plugin or the server blocks it). */
  'api-disabled',
  /** WordPress: a photo is over the site's upload size limit. */
  'too-large',
  /** WordPress: the desk already published the post; a package never changes a live article. */
  'post-published',
] as const;

export const outboxJobSchema = z.object({
  id: z.string(),
  packagePath: z.string(),
  packageName: z.string(),
  sha256: z.string(),
  destinationId: z.string(),
  state: z.enum([
    'queued',
    'running',
    'waiting-offline',
    'retrying',
    'done',
    'already-there',
    'failed',
    'cancelled',
  ]),
  files: z.array(
    z.object({ name: z.string(), bytes: z.number(), sha256: z.string(), done: z.boolean() }),
  ),
  bytesTotal: z.number(),
  bytesDone: z.number(),
  bytesSent: z.number(),
  resumes: z.array(z.object({ file: z.string(), offset: z.number() })),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastError: z
    .object({
      code: z.enum(outboxErrorCodes),
      message: z.string(),
      fingerprint: z.string().optional(),
    })
    .nullable(),
  /** Where the package landed, when the destination tells: the WordPress draft's edit page. */
  remoteUrl: z.string().nullable().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  bytesPerSecond: z.number(),
  etaSeconds: z.number().nullable(),
  /** The pid of another CaptionDesk (the app, a CLI run) sending this job right now. */
  heldBy: z.number().nullable().optional(),
});
export type OutboxJobView = z.infer<typeof outboxJobSchema>;

const jobId = z.object({ id: z.string().min(1).max(64) });
const wait = z
  .boolean()
  .default(false)
  .describe('resolve only when the job is done, already there, failed or cancelled');

export const outboxContract = {
  listDestinations: method(
    z.object({}),
    z.array(destinationSchema),
    'The saved upload destinations (no secrets).',
    reads,
  ),
  saveDestination: method(
    z.object({
      /** Omitted: derived from the URL, so the same URL keeps its pinned key. */
      id: z.string().min(1).max(64).optional(),
      name: z.string().max(200).optional(),
      url: z.string().min(1).max(2048),
      identityFile: folderPath.nullable().optional(),
      fingerprint: fingerprint.nullable().optional(),
      trustNewHostKey: z.boolean().optional(),
      limitKBps: z.number().int().positive().nullable().optional(),
      /** Goes to the secret store; never written to a plain file, never returned. */
      password: z.string().max(1024).optional(),
      passphrase: z.string().max(1024).optional(),
    }),
    destinationSchema,
    'Add or change an upload destination: sftp://user@host:port/dir, ftp://, ftps:// (explicit TLS), file:///dir, or wordpress+https://user@site/ (the password is a WordPress Application Password).',
    { writes: 'destinations' },
  ),
  deleteDestination: method(
    z.object({ id: z.string().min(1) }),
    z.object({ deleted: z.boolean() }),
    'Forget a destination and its stored password.',
    { writes: 'destinations' },
  ),
  acceptHostKey: method(
    z.object({ destination: z.string().min(1), fingerprint }),
    destinationSchema,
    "Pin the server's key fingerprint (after the user checked it with the desk).",
    { writes: 'destinations' },
  ),
  outboxList: method(
    z.object({}),
    z.array(outboxJobSchema),
    'The outbox: each job with its state, bytes, speed, ETA and last error.',
    reads,
  ),
  outboxEnqueue: method(
    z.object({ packagePath: folderPath, destination: z.string().min(1), wait }),
    outboxJobSchema,
    'Send a package to a destination (a package already there is not sent twice).',
    { writes: 'outbox', queued: false },
  ),
  outboxRetry: method(
    jobId.extend({ wait }),
    outboxJobSchema,
    'Try a failed or waiting job again now.',
    { writes: 'outbox', queued: false },
  ),
  outboxCancel: method(jobId, outboxJobSchema, 'Stop a job; its files stay on this computer.', {
    writes: 'outbox',
    queued: false,
  }),
} as const;
