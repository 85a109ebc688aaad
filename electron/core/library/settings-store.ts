import { join } from 'node:path';
import { settingsSchema, type Settings } from '../../contract/api';
import { readJson, writeJson } from './json-file';

export class SettingsStore {
  private cached: Settings | null = null;
  constructor(private readonly dataDir: string) {}

  private get path(): string {
    return join(this.dataDir, 'settings.json');
  }

  async get(): Promise<Settings> {
    this.cached ??= await readJson(this.path, settingsSchema, () => ({
      sidecarNaming: 'base' as const,
    }));
    return this.cached;
  }

  async save(settings: Settings): Promise<Settings> {
    await writeJson(this.path, settings);
    this.cached = settings;
    return settings;
  }
}
