import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { readJson, writeJson } from './json-file';
import type { Destination } from './types';

/** Saved destinations, one JSON file in the app data dir (no secrets in it). */
export class DestinationStore {
  private readonly file: string;
  constructor(private readonly dir: string) {
    this.file = join(dir, 'destinations.json');
  }

  async list(): Promise<Destination[]> {
    return readJson<Destination[]>(this.file, []);
  }

  async get(id: string): Promise<Destination | undefined> {
    return (await this.list()).find((d) => d.id === id);
  }

  async put(d: Destination): Promise<void> {
    const all = (await this.list()).filter((x) => x.id !== d.id);
    await mkdir(this.dir, { recursive: true });
    await writeJson(this.file, [...all, d]);
  }

  async remove(id: string): Promise<boolean> {
    const all = await this.list();
    const rest = all.filter((x) => x.id !== id);
    if (rest.length === all.length) return false;
    await writeJson(this.file, rest);
    return true;
  }
}
