import type { IngestFile } from '../../contract/ingest';
import type { PhotoRead } from '../metadata/read-photo';
import type { SourceFile } from './list-sources';

/** One card file on its way in, and what will be reported about it. */
export interface Item {
  file: SourceFile;
  out: IngestFile;
  /** Already in each destination (file name there), found by content. */
  inPrimary: string | null;
  inBackup: string | null;
}

/** The names a group of files (a RAW+JPEG pair, say) lands under. */
export interface Plan {
  /** A new base name (a new photo: it gets the sidecar), or one reused from a member already in. */
  fresh: boolean;
  seqn: number;
  meta: PhotoRead | null;
  names: Map<Item, string>;
  /** The backup mirrors the primary's names; it differs only where the backup has that name already. */
  backupNames: Map<Item, string>;
}

export function stemOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
