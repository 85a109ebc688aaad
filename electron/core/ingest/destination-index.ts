import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { formatFromName } from '../formats/detect';
import { hashFile } from './copy-verify';
import { IngestJournal } from './journal';
import { stemOf } from './ingest-item';
import { landFile, NameTakenError } from './land-file';
import { reserveStem } from './name-plan';

/**
 * What a destination folder already holds, by content: the journal's hashes, plus
 * the photos put there some other way, hashed only when a card file has their size.
 * Also the names taken there, case-insensitively (exFAT and macOS disks fold case).
 */
export class DestinationIndex {
  private readonly sizes = new Map<string, number>();
  private readonly byHash = new Map<string, string>();
  private readonly unknownBySize = new Map<number, string[]>();
  private readonly taken = new Set<string>();
  private readonly knownSizes = new Set<number>();
  private readonly learning = new Map<string, Promise<void>>();
  maxSeqn = 0;

  private constructor(
    readonly folder: string,
    readonly journal: IngestJournal,
  ) {}

  static async open(folder: string): Promise<DestinationIndex> {
    await mkdir(folder, { recursive: true });
    const d = new DestinationIndex(folder, await IngestJournal.open(folder));
    for (const e of await readdir(folder, { withFileTypes: true })) {
      d.taken.add(e.name.normalize('NFC').toLowerCase());
      if (!e.isFile() || e.name.startsWith('.') || !formatFromName(e.name)) continue;
      const st = await stat(join(folder, e.name)).catch(() => null);
      if (st) d.sizes.set(e.name.normalize('NFC'), st.size);
    }
    const journaled = new Set<string>();
    for (const e of d.journal.entries) {
      d.maxSeqn = Math.max(d.maxSeqn, e.seqn ?? 0);
      // A journal line counts only while its file is still there with that size.
      if (d.sizes.get(e.dest) !== e.size) continue;
      d.byHash.set(key(e.sha256, e.size), e.dest);
      d.knownSizes.add(e.size);
      journaled.add(e.dest);
    }
    for (const [name, size] of d.sizes)
      if (!journaled.has(name))
        d.unknownBySize.set(size, [...(d.unknownBySize.get(size) ?? []), name]);
    return d;
  }

  /** True when a card file of this size might already be here: hash it before copying. */
  mayHold(size: number): boolean {
    return this.knownSizes.has(size) || !!this.unknownBySize.get(size)?.length;
  }

  /** The name of a file here with this content, hashing same-size strangers on the way. */
  async find(sha256: string, size: number, signal?: AbortSignal): Promise<string | null> {
    // Two card files of one size may ask at once: each stranger is hashed once, shared.
    for (const name of this.unknownBySize.get(size) ?? []) {
      let learning = this.learning.get(name);
      if (!learning) this.learning.set(name, (learning = this.learn(name, signal)));
      await learning;
    }
    return this.byHash.get(key(sha256, size)) ?? null;
  }

  private async learn(name: string, signal?: AbortSignal): Promise<void> {
    const h = await hashFile(join(this.folder, name), signal).catch(() => null);
    if (!h) return;
    this.byHash.set(key(h.sha256, h.size), name);
    this.knownSizes.add(h.size);
    // Recorded, so the next ingest does not hash it again.
    await this.journal.append({ sha256: h.sha256, size: h.size, dest: name });
  }

  isTaken(name: string): boolean {
    return this.taken.has(name.normalize('NFC').toLowerCase());
  }

  take(name: string): void {
    this.taken.add(name.normalize('NFC').toLowerCase());
  }

  async landed(name: string, sha256: string, size: number, seqn?: number): Promise<void> {
    this.take(name);
    this.sizes.set(name, size);
    this.byHash.set(key(sha256, size), name);
    this.knownSizes.add(size);
    await this.journal.append({ sha256, size, dest: name, ...(seqn ? { seqn } : {}) });
    if (seqn) this.maxSeqn = Math.max(this.maxSeqn, seqn);
  }

  /**
   * Give a verified `.part` its name here; if someone created that name since it was
   * planned, the next free suffix (`-2`, `-3`…). Returns the name it landed under.
   */
  async land(part: string, name: string): Promise<string> {
    for (let n = 2; ; n++) {
      try {
        await landFile(part, join(this.folder, name));
        return name;
      } catch (err) {
        if (!(err instanceof NameTakenError)) throw err;
        this.take(name);
        name = reserveStem(stemOf(name), [name], [this], n).files[0]!;
      }
    }
  }

  close(): Promise<void> {
    return this.journal.close();
  }
}

function key(sha256: string, size: number): string {
  return `${sha256}:${size}`;
}
