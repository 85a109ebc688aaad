/** What the outbox panel shows, computed from the API's records (pure, tested). */
import type { DestinationView, OutboxJobView } from '../../electron/contract/outbox';
import { DEFAULT_PORTS, isWordPress } from '../../common/outbox/destination-kinds';
import { formatFileSize } from '../i18n/format';
import type { Lang } from '../i18n/languages';
import type { Messages } from '../i18n/vi';

export type JobState = OutboxJobView['state'];
export type OutboxErrorCode = NonNullable<OutboxJobView['lastError']>['code'];
export type DestinationKind = DestinationView['kind'];

const PENDING: ReadonlySet<JobState> = new Set([
  'queued',
  'running',
  'waiting-offline',
  'retrying',
]);

export const isPending = (job: Pick<OutboxJobView, 'state'>): boolean => PENDING.has(job.state);

export const pendingCount = (jobs: readonly Pick<OutboxJobView, 'state'>[]): number =>
  jobs.filter(isPending).length;

const STATE_KEY = {
  queued: 'stateQueued',
  running: 'stateRunning',
  'waiting-offline': 'stateWaitingOffline',
  retrying: 'stateRetrying',
  done: 'stateDone',
  'already-there': 'stateAlreadyThere',
  failed: 'stateFailed',
  cancelled: 'stateCancelled',
} as const satisfies Record<JobState, keyof Messages>;

const ERROR_KEY = {
  'auth-failed': 'errAuthFailed',
  'host-key-unknown': 'errHostKeyUnknown',
  'host-key-changed': 'errHostKeyChanged',
  'connection-refused': 'errConnectionRefused',
  'host-not-found': 'errHostNotFound',
  timeout: 'errTimeout',
  'connection-lost': 'errConnectionLost',
  'disk-full': 'errDiskFull',
  'permission-denied': 'errPermissionDenied',
  'package-unreadable': 'errPackageUnreadable',
  'verify-failed': 'errVerifyFailed',
  'missing-secret': 'errMissingSecret',
  'server-error': 'errServerError',
  'api-disabled': 'errApiDisabled',
  'too-large': 'errTooLarge',
  'post-published': 'errPostPublished',
} as const satisfies Record<OutboxErrorCode, keyof Messages>;

export const stateLabel = (m: Messages, state: JobState): string => m[STATE_KEY[state]];
export const errorText = (m: Messages, code: OutboxErrorCode): string => m[ERROR_KEY[code]];

export type Tone = 'active' | 'ok' | 'warn' | 'error' | 'muted';

export interface JobDisplay {
  id: string;
  title: string;
  state: JobState;
  stateLabel: string;
  tone: Tone;
  /** Bytes for the progress bar; max is at least 1. */
  value: number;
  max: number;
  bytes: string;
  speed: string | null;
  eta: string | null;
  attempts: string | null;
  nextAttempt: string | null;
  /** The plain-words error, and the core's own message as detail. */
  error: { code: OutboxErrorCode; text: string; detail: string } | null;
  /** First contact: the key to check with the desk and accept or refuse. */
  hostKey: { kind: 'unknown' | 'changed'; fingerprint: string } | null;
  canCancel: boolean;
  canRetry: boolean;
  /** Where the package landed (the WordPress draft), once it is there. */
  remoteUrl: string | null;
  /** Another CaptionDesk (the CLI, another window) is sending this job now: its pid. */
  heldBy: string | null;
}

function toneOf(state: JobState): Tone {
  if (state === 'done' || state === 'already-there') return 'ok';
  if (state === 'failed') return 'error';
  if (state === 'cancelled') return 'muted';
  if (state === 'retrying' || state === 'waiting-offline') return 'warn';
  return 'active';
}

/** 75 → "1 phút 15 giây" / "1 min 15 s"; under a minute in seconds. */
export function formatEta(lang: Lang, seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const min = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const [hu, mu, su] = lang === 'vi' ? ['giờ', 'phút', 'giây'] : ['h', 'min', 's'];
  if (h > 0) return `${h} ${hu} ${min} ${mu}`;
  if (min > 0) return sec ? `${min} ${mu} ${sec} ${su}` : `${min} ${mu}`;
  return `${sec} ${su}`;
}

function clock(iso: string): string | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function jobDisplay(
  job: OutboxJobView,
  destinations: readonly Pick<DestinationView, 'id' | 'name'>[],
  m: Messages,
  lang: Lang,
): JobDisplay {
  const dest = destinations.find((d) => d.id === job.destinationId)?.name;
  const running = job.state === 'running';
  const finished = job.state === 'done' || job.state === 'already-there';
  const total = job.bytesTotal;
  const done = finished ? total : Math.min(job.bytesDone, total);
  const code = job.lastError?.code;
  const fp = job.lastError?.fingerprint;
  const waiting = job.state === 'retrying' || job.state === 'waiting-offline';
  const next = waiting && job.nextAttemptAt ? clock(job.nextAttemptAt) : null;
  return {
    id: job.id,
    title: m.outboxJobTo(job.packageName, dest ?? m.outboxUnknownDestination),
    state: job.state,
    stateLabel: stateLabel(m, job.state),
    tone: toneOf(job.state),
    value: done,
    max: Math.max(1, total),
    bytes: m.outboxBytes(formatFileSize(lang, done), formatFileSize(lang, total)),
    speed:
      running && job.bytesPerSecond > 0
        ? m.outboxSpeed(formatFileSize(lang, job.bytesPerSecond))
        : null,
    eta: running && job.etaSeconds !== null ? m.outboxEta(formatEta(lang, job.etaSeconds)) : null,
    attempts: job.attempts > 0 && !finished ? m.outboxAttempts(job.attempts) : null,
    nextAttempt: next ? m.outboxNextAttempt(next) : null,
    error:
      job.lastError && code && !finished
        ? { code, text: errorText(m, code), detail: job.lastError.message }
        : null,
    hostKey:
      job.state === 'failed' && fp && (code === 'host-key-unknown' || code === 'host-key-changed')
        ? { kind: code === 'host-key-unknown' ? 'unknown' : 'changed', fingerprint: fp }
        : null,
    canCancel: PENDING.has(job.state),
    canRetry: job.state === 'failed' || job.state === 'cancelled' || waiting,
    remoteUrl: finished ? (job.remoteUrl ?? null) : null,
    heldBy: !finished && job.heldBy ? m.outboxHeldBy(job.heldBy) : null,
  };
}

/** Newest first; jobs still moving before finished ones. */
export function sortJobs<T extends Pick<OutboxJobView, 'state' | 'createdAt'>>(jobs: T[]): T[] {
  return [...jobs].sort(
    (a, b) => Number(isPending(b)) - Number(isPending(a)) || b.createdAt.localeCompare(a.createdAt),
  );
}

// ---- Destination form ----

export interface DestinationForm {
  id: string | null;
  name: string;
  kind: DestinationKind;
  host: string;
  port: string;
  user: string;
  remoteDir: string;
  identityFile: string;
  password: string;
  limitKBps: string;
  trustNewHostKey: boolean;
}

export function emptyForm(): DestinationForm {
  return {
    id: null,
    name: '',
    kind: 'sftp',
    host: '',
    port: '22',
    user: '',
    remoteDir: '',
    identityFile: '',
    password: '',
    limitKBps: '',
    trustNewHostKey: false,
  };
}

export function formOf(d: DestinationView): DestinationForm {
  return {
    id: d.id,
    name: d.name,
    kind: d.kind,
    host: d.host,
    port: d.kind === 'file' ? '' : String(d.port),
    user: d.user,
    remoteDir: d.remoteDir,
    identityFile: d.identityFile ?? '',
    password: '',
    limitKBps: d.limitKBps === null ? '' : String(d.limitKBps),
    trustNewHostKey: d.trustNewHostKey,
  };
}

/** Characters that would end a URL's path early are escaped; the core decodes them back. */
const pathPart = (p: string) => p.replace(/%/g, '%25').replace(/#/g, '%23').replace(/\?/g, '%3F');

export interface SaveArgs {
  id?: string;
  name?: string;
  url: string;
  identityFile: string | null;
  trustNewHostKey: boolean;
  limitKBps: number | null;
  password?: string;
}

export type FormProblem =
  'destNeedHost' | 'destNeedUser' | 'destNeedDir' | 'destBadPort' | 'destBadLimit';

/** The saveDestination arguments, or what is missing. The password goes only when typed. */
export function saveArgsOf(f: DestinationForm): SaveArgs | { problem: FormProblem } {
  // A WordPress site usually lives at the root of its host.
  const dir = f.remoteDir.trim() || (isWordPress(f.kind) ? '/' : '');
  if (!dir.startsWith('/')) return { problem: 'destNeedDir' };
  const limit = f.limitKBps.trim();
  if (limit && !/^[1-9]\d{0,8}$/.test(limit)) return { problem: 'destBadLimit' };
  let url: string;
  if (f.kind === 'file') {
    url = `file://${pathPart(dir)}`;
  } else {
    const host = f.host.trim();
    const user = f.user.trim();
    if (!host) return { problem: 'destNeedHost' };
    if (!user) return { problem: 'destNeedUser' };
    const portText = f.port.trim() || String(DEFAULT_PORTS[f.kind]);
    const port = Number(portText);
    if (!/^\d{1,5}$/.test(portText) || port < 1 || port > 65535) return { problem: 'destBadPort' };
    const h = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
    url = `${f.kind}://${encodeURIComponent(user)}@${h}:${port}${pathPart(dir)}`;
  }
  const args: SaveArgs = {
    url,
    identityFile: f.kind === 'sftp' && f.identityFile.trim() ? f.identityFile.trim() : null,
    trustNewHostKey: f.kind !== 'file' && !isWordPress(f.kind) && f.trustNewHostKey,
    limitKBps: limit ? Number(limit) : null,
  };
  if (f.id) args.id = f.id;
  if (f.name.trim()) args.name = f.name.trim();
  if (f.kind !== 'file' && f.password) args.password = f.password;
  return args;
}
