import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError, templateSchema, type Template } from '../../contract/api';
import { readJson, writeJson } from './json-file';

/** Named templates, reusable across events, kept in the app's data folder. */
export class TemplateLibrary {
  constructor(private readonly dir: string) {}

  private path(name: string): string {
    return join(this.dir, `${encodeURIComponent(name.normalize('NFC'))}.json`);
  }

  async list(): Promise<string[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    return names
      .filter((n) => n.endsWith('.json'))
      .map((n) => decodeURIComponent(n.slice(0, -5)))
      .sort((a, b) => a.localeCompare(b, 'vi'));
  }

  async save(name: string, template: Template): Promise<void> {
    await writeJson(this.path(name), template);
  }

  async load(name: string): Promise<Template> {
    const t = await readJson(this.path(name), templateSchema.nullable(), () => null);
    if (!t) throw new ApiError(`No template named "${name}"`, 'template-not-found', { name });
    return t;
  }

  async remove(name: string): Promise<void> {
    await rm(this.path(name), { force: true });
  }
}
