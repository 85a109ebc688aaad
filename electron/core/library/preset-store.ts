import { join } from 'node:path';
import { z } from 'zod';
import { presetSchema, type Preset } from '../../contract/api';
import { readJson, writeJson } from './json-file';

/**
 * The default is what desks ask for on the web: 2048 px long edge, quality 85,
 * sRGB, orientation applied, GPS removed to protect sources, never upscaled.
 */
export const DEFAULT_PRESET: Preset = {
  name: 'Web 2048',
  longEdge: 2048,
  quality: 85,
  stripGps: true,
  naming: '{outlet}-{initials}_{fbas}',
  outlet: '',
  initials: '',
  maxNameLength: 80,
};

export class PresetStore {
  constructor(private readonly dataDir: string) {}

  private get path(): string {
    return join(this.dataDir, 'export-presets.json');
  }

  async list(): Promise<Preset[]> {
    const saved = await readJson(this.path, z.array(presetSchema), () => []);
    return [
      saved.find((p) => p.name === DEFAULT_PRESET.name) ?? DEFAULT_PRESET,
      ...saved.filter((p) => p.name !== DEFAULT_PRESET.name),
    ];
  }

  async save(preset: Preset): Promise<Preset[]> {
    const saved = (await readJson(this.path, z.array(presetSchema), () => [])).filter(
      (p) => p.name !== preset.name,
    );
    await writeJson(this.path, [...saved, preset]);
    return this.list();
  }

  async get(name?: string): Promise<Preset> {
    const all = await this.list();
    return (name ? all.find((p) => p.name === name) : all[0]) ?? DEFAULT_PRESET;
  }
}
