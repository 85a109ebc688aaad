import type { Settings } from './app';
import type { Article } from './article';
import type { SigningIdentity, TrustList } from './credentials';
import type { EventSettings } from './captioning';
import type { PhotoAnalysis } from './cull';
import type { PackageEntry } from './package';
import type { Tile } from './photos';

/** Events reach the renderer the same way on every transport. */
export type ApiEvent =
  | { type: 'progress'; job: string; folder: string; done: number; total: number; label: string }
  | { type: 'thumbnailReady'; folder: string; file: string; thumb: string }
  /** The core changed or (re)read these photos: their new data, so nobody re-lists. */
  | { type: 'photosChanged'; folder: string; photos: Tile[]; removed: string[] }
  /** A package of this article was built or verified: the article's whole list, so nobody re-lists. */
  | { type: 'packagesChanged'; folder: string; articleId: string; packages: PackageEntry[] }
  /**
   * The core saved (or, with `article: null`, deleted) an article: its new text, for
   * every window and tab, the writer's own included, so nobody re-reads it.
   */
  | { type: 'articleChanged'; folder: string; id: string; article: Article | null }
  /** A folder's event template and settings as saved. */
  | { type: 'eventChanged'; folder: string; event: EventSettings }
  | { type: 'settingsChanged'; settings: Settings }
  /**
   * The trust list or the signing identity changed: every photo's credentials are judged
   * again (ask `credentials` anew), and the package dialog's signing option follows.
   */
  | { type: 'credentialsChanged'; trust: TrustList; identity: SigningIdentity | null }
  /** The names of the saved templates after one was saved or deleted. */
  | { type: 'templatesChanged'; names: string[] }
  /** The code replacement lists after one was loaded or removed (what codeReplacements answers). */
  | {
      type: 'codeListsChanged';
      lists: { name: string; count: number }[];
      entries: { code: string; columns: string[] }[];
    }
  /**
   * The core process died (a native crash, out of memory) and was started again with the
   * same folders open. `quarantined`: photos whose image work crashed it twice.
   */
  | { type: 'coreRestarted'; reason: string; restarts: number; quarantined: string[] }
  | { type: 'analysisReady'; folder: string; items: PhotoAnalysis[]; done: number; total: number }
  | {
      type: 'ingestProgress';
      job: string;
      to: string;
      filesDone: number;
      filesTotal: number;
      bytesDone: number;
      bytesTotal: number;
      bytesPerSecond: number;
      etaSeconds: number | null;
      current: string;
      failed: number;
      /** The last file to land in the destination (relative), for browse-while-copying. */
      landed: string | null;
    };
