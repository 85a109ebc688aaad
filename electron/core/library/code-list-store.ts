import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ApiError } from '../../contract/api';
import {
  formatCodeList,
  mergeCodeLists,
  parseCodeList,
  type CodeEntry,
} from '../../../common/captioning/code-replacements';
import { writeFileAtomic } from '../fs/atomic-write';
import { readJson, writeJson } from './json-file';

const orderSchema = z.array(z.string());

/**
 * Code replacement lists in Photo Mechanic's format, in load order: the last loaded
 * wins where two define a code. On first use the shipped example list is loaded.
 */
export class CodeListStore {
  constructor(
    private readonly dir: string,
    private readonly example: string | null,
  ) {}

  private file(name: string): string {
    return join(this.dir, `${encodeURIComponent(name.normalize('NFC'))}.txt`);
  }

  private async order(): Promise<string[]> {
    const path = join(this.dir, 'order.json');
    const existing = await readJson(path, orderSchema.nullable(), () => null);
    if (existing) return existing;
    if (!this.example) return [];
    const text = await readFile(this.example, 'utf8').catch(() => null);
    if (text === null) return [];
    await writeFileAtomic(await this.ensure(this.file('Báo Lào Cai (mẫu)')), text);
    await writeJson(path, ['Báo Lào Cai (mẫu)']);
    return ['Báo Lào Cai (mẫu)'];
  }

  private async ensure(path: string): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    return path;
  }

  async lists(): Promise<{ name: string; entries: CodeEntry[] }[]> {
    const out: { name: string; entries: CodeEntry[] }[] = [];
    for (const name of await this.order()) {
      const text = await readFile(this.file(name), 'utf8').catch(() => null);
      if (text !== null) out.push({ name, entries: parseCodeList(text).entries });
    }
    return out;
  }

  async merged(): Promise<Map<string, CodeEntry>> {
    return mergeCodeLists((await this.lists()).map((l) => l.entries));
  }

  async import(name: string, text: string) {
    const parsed = parseCodeList(text);
    if (!parsed.entries.length)
      throw new ApiError(
        `"${name}" has no code replacements (expected code<TAB>replacement lines)`,
        'code-list-invalid',
        { name },
      );
    const order = (await this.order()).filter((n) => n !== name);
    await writeFileAtomic(await this.ensure(this.file(name)), formatCodeList(parsed.entries));
    await writeJson(join(this.dir, 'order.json'), [...order, name]);
    return { name, count: parsed.entries.length, skipped: parsed.skipped };
  }

  async export(name: string): Promise<string> {
    const list = (await this.lists()).find((l) => l.name === name);
    if (!list)
      throw new ApiError(`No code replacement list named "${name}"`, 'code-list-not-found', {
        name,
      });
    return formatCodeList(list.entries);
  }

  async remove(name: string): Promise<void> {
    const order = (await this.order()).filter((n) => n !== name);
    await writeJson(join(this.dir, 'order.json'), order);
    await rm(this.file(name), { force: true });
  }
}
