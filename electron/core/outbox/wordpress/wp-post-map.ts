import { readJson, writeJson } from '../json-file';

/**
 * Which WordPress post each article package became, per destination: so a package sent
 * again, or its next version after a review, updates the same draft. The site itself is
 * the other half of the answer (a photo already uploaded points at its post).
 */
export class WpPostMap {
  private writing: Promise<void> = Promise.resolve();
  constructor(private readonly file: string) {}

  async get(destinationId: string, packageId: string): Promise<number | null> {
    const all = await readJson<Record<string, number>>(this.file, {});
    return all[`${destinationId}|${packageId}`] ?? null;
  }

  /** Writes are chained so two jobs finishing together do not drop each other's record. */
  set(destinationId: string, packageId: string, postId: number): Promise<void> {
    this.writing = this.writing.then(async () => {
      const all = await readJson<Record<string, number>>(this.file, {});
      all[`${destinationId}|${packageId}`] = postId;
      await writeJson(this.file, all);
    });
    return this.writing;
  }
}
