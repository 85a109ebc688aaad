/**
 * The catalog of errors the user can meet. Each code names its parameters; the core
 * throws with a code, the wire carries it, and the UI says it in the user's language
 * (renderer/errors/messages.*.ts, typed from this table so a missing text fails to
 * compile). The English message travels too, for the CLI and the logs.
 */

/** The coarse class of an error: HTTP status, CLI exit code and retry logic depend on it. */
export type ErrorKind =
  'invalid-args' | 'not-found' | 'forbidden' | 'io' | 'unknown-method' | 'conflict';

/** Why a zip was refused, in words the UI can translate. */
export const zipRefusals = [
  'not-a-zip',
  'unsupported',
  'too-big',
  'too-many-entries',
  'unsafe-name',
  'duplicate-name',
  'damaged',
] as const;
export type ZipRefusal = (typeof zipRefusals)[number];

type File = { file: string };
type Path = { path: string };
type None = Record<string, never>;

export interface ErrorParams {
  // The old coarse codes, for throws with nothing finer to say: the UI shows a
  // generic sentence and the English detail on a second line.
  'invalid-args': None;
  'not-found': None;
  forbidden: None;
  io: None;
  conflict: None;
  'unknown-method': { method: string };
  unknown: None;
  /** The core process died (a native crash, out of memory) during this call; it was restarted. */
  'core-crashed': { method: string };

  // Files and folders, whatever the operation.
  'folder-not-found': Path;
  'not-a-folder': Path;
  'folder-not-open': Path;
  'file-not-found': Path;
  'disk-full': Path;
  'permission-denied': Path;
  'read-only': Path;
  'file-busy': Path;
  'settings-damaged': Path;

  // Photos.
  'photo-not-in-folder': File & { folder: string };
  'photo-unreadable': File;
  'photo-empty': File;
  'photo-format-unknown': File;
  'jpeg-broken': File;
  'raw-no-preview': File;
  'heic-not-decodable': File;
  /** Image work on this file crashed the core twice: it is no longer tried. */
  'photo-quarantined': File;

  // Captions, fields, templates, code lists.
  'caption-conflict': File;
  'sidecar-damaged': File;
  'template-not-found': { name: string };
  'code-list-not-found': { name: string };
  'code-list-invalid': { name: string };
  'find-pattern-invalid': None;

  // Articles.
  'article-not-found': { id: string };
  'article-id-invalid': { id: string };
  'article-damaged': { id: string };
  'structure-invalid': None;
  'preset-name-missing': None;

  // Packages and reviews.
  'package-photo-missing': File;
  'package-export-failed': File;
  'package-cancelled': None;
  'package-busy': None;
  'package-invalid': File;
  'package-member-unexpected': { member: string };
  'package-member-missing': { member: string };
  'package-member-corrupt': { member: string };
  'package-changed': { member: string };
  'zip-refused': { reason: ZipRefusal; entry?: string };
  'version-exists': Path;
  'review-edit-invalid': None;
  'review-newer-imported': { id: string; version: number };
  'outlet-missing': None;
  'cli-only': None;

  // Ingest.
  'job-running': None;
  'ingest-locked': Path;
  'ingest-backup-same': None;
  'ingest-source-unreadable': Path;
  'rename-pattern-invalid': { variables: string };
  'copy-mismatch': File;
  'ingest-cancelled': File;

  // Content Credentials.
  /** A PEM bundle or block that does not parse; `what` names the block ("certificate 2"). */
  'pem-invalid': { what: string };
  /** The private key does not belong to the signer's certificate. */
  'signing-key-mismatch': None;
  /** The certificate cannot sign Content Credentials (a CA, no digitalSignature use, an unsupported key). */
  'signing-certificate-unusable': { reason: string };
  'signing-identity-missing': None;
  /** The key is in the desktop app's keychain, which this front (the CLI) cannot open. */
  'signing-key-locked': None;
  'signing-failed': File;

  // Sending.
  /** `reason` is the outbox's own code (auth-failed, disk-full …), said by the outbox's texts. */
  'outbox-failed': { reason: string };
  'destination-invalid': None;
  'destination-not-found': { id: string };
  'outbox-job-not-found': { id: string };
}

export type ErrorCode = keyof ErrorParams;

/** Every code and its kind: the runtime list, checked against ErrorParams both ways. */
export const errorKinds: { readonly [C in ErrorCode]: ErrorKind } = {
  'invalid-args': 'invalid-args',
  'not-found': 'not-found',
  forbidden: 'forbidden',
  io: 'io',
  conflict: 'conflict',
  'unknown-method': 'unknown-method',
  unknown: 'io',
  'core-crashed': 'io',
  'folder-not-found': 'not-found',
  'not-a-folder': 'invalid-args',
  'folder-not-open': 'forbidden',
  'file-not-found': 'not-found',
  'disk-full': 'io',
  'permission-denied': 'forbidden',
  'read-only': 'forbidden',
  'file-busy': 'io',
  'settings-damaged': 'io',
  'photo-not-in-folder': 'not-found',
  'photo-unreadable': 'io',
  'photo-empty': 'io',
  'photo-format-unknown': 'io',
  'jpeg-broken': 'io',
  'photo-quarantined': 'io',
  'raw-no-preview': 'io',
  'heic-not-decodable': 'io',
  'caption-conflict': 'conflict',
  'sidecar-damaged': 'io',
  'template-not-found': 'not-found',
  'code-list-not-found': 'not-found',
  'code-list-invalid': 'invalid-args',
  'find-pattern-invalid': 'invalid-args',
  'article-not-found': 'not-found',
  'article-id-invalid': 'invalid-args',
  'article-damaged': 'io',
  'structure-invalid': 'invalid-args',
  'preset-name-missing': 'invalid-args',
  'package-photo-missing': 'not-found',
  'package-export-failed': 'io',
  'package-cancelled': 'io',
  'package-busy': 'conflict',
  // 'io' as before the codes: the CLI's verify and review exit 2 on a bad package.
  'package-invalid': 'io',
  'package-member-unexpected': 'io',
  'package-member-missing': 'io',
  'package-member-corrupt': 'io',
  'package-changed': 'io',
  'zip-refused': 'io',
  'version-exists': 'conflict',
  'review-edit-invalid': 'invalid-args',
  'review-newer-imported': 'conflict',
  'outlet-missing': 'invalid-args',
  'cli-only': 'forbidden',
  'job-running': 'conflict',
  'ingest-locked': 'conflict',
  'ingest-backup-same': 'invalid-args',
  'ingest-source-unreadable': 'io',
  'rename-pattern-invalid': 'invalid-args',
  'copy-mismatch': 'io',
  'ingest-cancelled': 'io',
  'pem-invalid': 'invalid-args',
  'signing-key-mismatch': 'invalid-args',
  'signing-certificate-unusable': 'invalid-args',
  'signing-identity-missing': 'invalid-args',
  'signing-key-locked': 'forbidden',
  'signing-failed': 'io',
  'outbox-failed': 'io',
  'destination-invalid': 'invalid-args',
  'destination-not-found': 'not-found',
  'outbox-job-not-found': 'not-found',
};

export const errorCodes = Object.keys(errorKinds) as ErrorCode[];

/**
 * Codes whose sentence is general (the old coarse ones, or a check with many possible
 * findings): the UI adds the English detail on a line of its own below the sentence.
 */
export const codesWithDetail: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'invalid-args',
  'not-found',
  'forbidden',
  'io',
  'conflict',
  'unknown',
  'structure-invalid',
  'review-edit-invalid',
  'destination-invalid',
  'find-pattern-invalid',
  'settings-damaged',
  'package-invalid',
]);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorKinds, value);
}

/** The kind of any code, including ones from a newer core this build does not know. */
export function kindOf(code: string): ErrorKind {
  if (isErrorCode(code)) return errorKinds[code];
  return 'io';
}

/** A per-file failure in a result: the English text stays, the code says it in any language. */
export interface CodedFailure<C extends ErrorCode = ErrorCode> {
  code: C;
  params: ErrorParams[C];
}
