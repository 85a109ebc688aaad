import type { ApiEvent } from '../../contract/api';
import type { ForegroundGate } from '../util/foreground-gate';
import type { CoreOptions } from '../app-core-types';
import type { FolderRegistry } from '../folders/folder-registry';
import type { SettingsStore } from '../library/settings-store';
import type { TemplateLibrary } from '../library/template-library';
import type { CodeListStore } from '../library/code-list-store';
import type { PresetStore } from '../library/preset-store';
import type { CoreLog } from '../log/core-log';
import type { CredentialsCache } from '../credentials/credentials-cache';
import type { SigningIdentityStore } from '../credentials/signing-identity';
import type { TrustListStore } from '../credentials/trust-list';

/** What every group of API methods shares. */
export interface CoreContext {
  /** Pictures a person waits for go first; background jobs wait on `foreground.idle()`. */
  foreground: ForegroundGate;
  opts: CoreOptions;
  emit(event: ApiEvent): void;
  folders: FolderRegistry;
  settings: SettingsStore;
  templates: TemplateLibrary;
  codeLists: CodeListStore;
  presets: PresetStore;
  /** Long jobs besides packaging (an ingest), by id, so cancelJob can stop them. */
  jobs: Map<string, AbortController>;
  /** Errors and job outcomes, to `<dataDir>/logs/captiondesk.log` (secrets redacted). */
  log: CoreLog;
  /** Content Credentials: the trust list, the signing identity, validated photos. */
  credentials: { trust: TrustListStore; identity: SigningIdentityStore; cache: CredentialsCache };
  /** Work to finish when the core closes (the outbox stops its transfers cleanly). */
  onClose(fn: () => Promise<void>): void;
}
