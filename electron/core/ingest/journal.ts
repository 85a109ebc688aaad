import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

export interface JournalEntry {
  sha256: string;
  size: number;
  /** Relative to the destination folder. */
  dest: string;
  /** The {seqn} the file was named with, so the next ingest continues the count. */
  seqn?: number;
}

export function journalPath(folder: string): string {
  return join(folder, '.captiondesk', 'ingest-journal.jsonl');
}

/**
 * What was ingested into a folder, by content: JSON lines appended and fsynced one
 * file at a time, so a crash loses at most the line being written. A torn last line
 * is ignored on reading, and the next append starts on a fresh line.
 */
export class IngestJournal {
  private fh: FileHandle | null = null;
  private chain: Promise<void> = Promise.resolve();

  private constructor(
    readonly path: string,
    readonly entries: JournalEntry[],
    private needsNewline: boolean,
  ) {}

  static async open(folder: string): Promise<IngestJournal> {
    const path = journalPath(folder);
    let text = '';
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    return new IngestJournal(path, parseJournal(text), text.length > 0 && !text.endsWith('\n'));
  }

  append(e: JournalEntry): Promise<void> {
    const run = this.chain.then(async () => {
      if (!this.fh) {
        await mkdir(join(this.path, '..'), { recursive: true });
        this.fh = await open(this.path, 'a', 0o644);
      }
      const line = (this.needsNewline ? '\n' : '') + JSON.stringify(e) + '\n';
      this.needsNewline = false;
      await this.fh.write(line);
      await this.fh.sync();
      this.entries.push(e);
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.chain;
    await this.fh?.close();
    this.fh = null;
  }
}

export function parseJournal(text: string): JournalEntry[] {
  const out: JournalEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const e = JSON.parse(line) as Partial<JournalEntry>;
      if (typeof e.sha256 === 'string' && typeof e.size === 'number' && typeof e.dest === 'string')
        out.push({
          sha256: e.sha256,
          size: e.size,
          dest: e.dest,
          ...(typeof e.seqn === 'number' ? { seqn: e.seqn } : {}),
        });
    } catch {
      /* a torn line from a crash mid-append: that file will be hashed again */
    }
  }
  return out;
}
