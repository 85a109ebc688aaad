/**
 * The shape of `window.captiondesk`, which the preload exposes in Electron.
 * Types only: the renderer imports this with `import type`.
 */
import type { ApiEvent, ClientApi } from './api';

export interface DesktopBridge extends ClientApi {
  /** Core events (progress, thumbnailReady, photosChanged, …). Returns an unsubscribe. */
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** The native folder picker. Null when the user cancels. */
  pickFolder(): Promise<string | null>;
  /**
   * Main asks the UI to open a folder: the user chose "Mở thư mục…" in the menu, or
   * launched CaptionDesk again with a folder while it was running. Returns an unsubscribe.
   */
  onOpenFolderRequest(listener: (path: string) => void): () => void;
  /** The native "open package" dialog (editor review). Null when the user cancels. */
  pickPackage(): Promise<string | null>;
  /**
   * Main asks the UI to open a package: the OS opened a .zip/.cdpkg with CaptionDesk
   * (file association, "Open with", a second launch). Returns an unsubscribe.
   */
  onOpenPackageRequest(listener: (path: string) => void): () => void;
  /** The path of a file dropped onto the window (Electron's webUtils), or '' when it has none. */
  pathForFile(file: File): string;
  /** The UI's language, so the native menus and dialogs speak it (at start and on each switch). */
  setLanguage(lang: 'vi' | 'en'): Promise<void>;
  /** Prefix for the media paths the API returns (`mediaBase + tile.thumb`). */
  readonly mediaBase: 'app://media/';
}

/** What the preload's API functions resolve from: the main process never throws across IPC. */
export type WireResult =
  | { ok: true; value: unknown }
  | { ok: false; error: { message: string; code: string; params?: Record<string, unknown> } };
