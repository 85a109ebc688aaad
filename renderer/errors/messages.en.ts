import type { ErrorTexts, ZipRefusalTexts } from './error-texts';
import type { errorsVi } from './messages.vi';

const zipEn: ZipRefusalTexts = {
  'not-a-zip': 'it is not a zip file',
  unsupported: 'the zip uses a form we do not support (ZIP64, encryption, links…)',
  'too-big': 'the zip is over the safe size limits',
  'too-many-entries': 'the zip has too many entries',
  'unsafe-name': 'the zip holds an unsafe file name',
  'duplicate-name': 'the zip has two entries with the same name',
  damaged: 'the zip is damaged',
};

const errorTextsEn: ErrorTexts = {
  'invalid-args': () => 'The request is not valid.',
  'not-found': () => 'What was asked for was not found.',
  forbidden: () => 'This action is not allowed.',
  io: () => 'The operation failed.',
  conflict: () => 'The data was changed elsewhere.',
  'unknown-method': (p) => `The app does not know the action “${p.method}”.`,
  unknown: () => 'Something went wrong.',
  'core-crashed': () =>
    "CaptionDesk's engine stopped unexpectedly and restarted itself. Everything saved is still there; try that again.",

  'folder-not-found': (p) => `The folder ${p.path} does not exist.`,
  'not-a-folder': (p) => `${p.path} is not a folder.`,
  'folder-not-open': (p) => `The folder ${p.path} is not open.`,
  'file-not-found': (p) => `The file ${p.path} does not exist.`,
  'disk-full': (p) => `The disk is full: ${p.path} could not be written.`,
  'permission-denied': (p) => `No permission to access ${p.path}.`,
  'read-only': (p) => `${p.path} cannot be written: the disk or folder is read-only.`,
  'file-busy': (p) => `${p.path} is in use by another program.`,
  'settings-damaged': (p) => `The settings file ${p.path} is damaged.`,

  'photo-not-in-folder': (p) => `${p.file} is not in the folder ${p.folder}.`,
  'photo-unreadable': (p) => `The photo ${p.file} cannot be read.`,
  'photo-empty': (p) => `The photo file ${p.file} is empty.`,
  'photo-format-unknown': (p) => `${p.file} is not a supported photo format.`,
  'jpeg-broken': (p) => `The JPEG ${p.file} is damaged.`,
  'photo-quarantined': (p) =>
    `${p.file} crashed the image engine twice, so CaptionDesk no longer opens it. The other photos work as usual.`,
  'raw-no-preview': (p) => `The RAW file ${p.file} has no embedded preview.`,
  'heic-not-decodable': (p) =>
    `The HEIC photo ${p.file} cannot be decoded here; convert it to JPEG.`,

  'caption-conflict': (p) => `The caption of ${p.file} was just changed elsewhere.`,
  'sidecar-damaged': (p) => `The XMP sidecar of ${p.file} is damaged.`,
  'template-not-found': (p) => `There is no template named “${p.name}”.`,
  'code-list-not-found': (p) => `There is no code list named “${p.name}”.`,
  'code-list-invalid': (p) => `“${p.name}” has no codes (each line needs code<TAB>replacement).`,
  'find-pattern-invalid': () => 'The search pattern is not valid.',

  'article-not-found': (p) => `This folder has no article ${p.id}.`,
  'article-id-invalid': (p) => `“${p.id}” is not a valid article id.`,
  'article-damaged': (p) => `The file of article ${p.id} is damaged.`,
  'structure-invalid': () => 'The article JSON does not have the expected structure.',
  'preset-name-missing': () => 'An export preset needs a name.',

  'package-photo-missing': (p) => `The article uses ${p.file}, which is not in the folder.`,
  'package-export-failed': (p) => `The photo ${p.file} could not be exported.`,
  'package-cancelled': () => 'Packaging was cancelled.',
  'pem-invalid': (p) => `The PEM file's ${p.what} could not be read.`,
  'signing-key-mismatch': () => "The private key does not belong to the signer's certificate.",
  'signing-certificate-unusable': (p) =>
    `This certificate cannot sign Content Credentials: ${p.reason}.`,
  'signing-identity-missing': () =>
    'No signing identity: add a certificate and private key in Settings › Content Credentials.',
  'signing-key-locked': () =>
    "The signing key is in the desktop app's keychain, which the command line cannot open. Set CAPTIONDESK_SIGNING_KEY to a PEM key file.",
  'signing-failed': (p) => `Photo ${p.file} could not be signed.`,
  'package-busy': () => 'This article is already being packaged.',
  'package-invalid': (p) => `The package ${p.file} is not valid.`,
  'package-member-unexpected': (p) => `The package holds an unexpected file: ${p.member}.`,
  'package-member-missing': (p) => `The package lacks ${p.member}, which its manifest lists.`,
  'package-member-corrupt': (p) =>
    `${p.member} in the package does not match its manifest (damaged or altered).`,
  'package-changed': (p) => `${p.member} in the package changed while it was being opened.`,
  'zip-refused': (p) =>
    p.entry
      ? `The package was refused: ${zipEn[p.reason] ?? zipEn.damaged} (${p.entry}).`
      : `The package was refused: ${zipEn[p.reason] ?? zipEn.damaged}.`,
  'version-exists': (p) => `${p.path} already exists; a version is never overwritten.`,
  'review-edit-invalid': () => 'The review is not valid yet.',
  'review-newer-imported': (p) =>
    `Version ${p.version} of article ${p.id} was already imported; this package is older.`,
  'outlet-missing': () => 'Set the outlet in the export preset or the package dialog.',
  'cli-only': () => 'Only the command line offers this.',

  'job-running': () => 'This job is already running.',
  'ingest-locked': (p) => `Another ingest is writing to ${p.path}.`,
  'ingest-backup-same': () => 'The backup folder must differ from the destination.',
  'ingest-source-unreadable': (p) => `${p.path} cannot be read from the card (card removed?).`,
  'rename-pattern-invalid': (p) => `The rename pattern has unknown variables: ${p.variables}.`,
  'copy-mismatch': (p) => `The copy of ${p.file} does not match the card.`,
  'ingest-cancelled': (p) => `Cancelled before ${p.file} was copied.`,

  'outbox-failed': () => 'The package could not be sent.',
  'destination-invalid': () => 'The destination address is not valid.',
  'destination-not-found': (p) => `There is no saved destination “${p.id}”.`,
  'outbox-job-not-found': (p) => `There is no outbox job “${p.id}”.`,
};

export const errorsEn: typeof errorsVi = {
  errorTexts: errorTextsEn,
  errorDetailLabel: 'Technical detail (English)',
};
