import type { ApiEvent, ClientApi } from '../../electron/contract/api';

export type EventListener = (event: ApiEvent) => void;

/** What the UI sees of the back end, whichever transport carries it. */
export interface Transport {
  mode: 'desktop' | 'browser';
  api: ClientApi;
  onEvent(listener: EventListener): () => void;
  /** Turns a media path from the API (`media/thumb/…`) into a URL an <img> can load. */
  mediaUrl(path: string): string;
  /** Only the desktop has a native folder dialog. */
  pickFolder?: () => Promise<string | null>;
  /** The desktop menu, or a second launch with a folder, asks the UI to open one. */
  onOpenFolderRequest?: (listener: (path: string) => void) => () => void;
  /** Desktop only: the native "open package" dialog (editor review). */
  pickPackage?: () => Promise<string | null>;
  /** Desktop only: the OS opened a package with CaptionDesk. */
  onOpenPackageRequest?: (listener: (path: string) => void) => () => void;
  /** Desktop only: the path of a file dropped onto the window ('' when none). */
  pathForFile?: (file: File) => string;
  /** Desktop only: the native menus and dialogs follow the UI's language. */
  setLanguage?: (lang: 'vi' | 'en') => Promise<void>;
}
