/**
 * Electron's fuses are flipped in two places, Forge's FusesPlugin (forge.config.ts)
 * and electron-builder's electronFuses (electron-builder.yml). Packaging cannot run
 * here, so this holds both configurations to the project's rules and to each other.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import forgeConfig from '../forge.config';
import { REPO } from './helpers/fixtures';

/** The rules (docs/security.md, item 19): what a packaged CaptionDesk must not be able to do. */
const REQUIRED: Record<string, boolean> = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};

const camel = (name: string) => name[0]!.toLowerCase() + name.slice(1);

function forgeFuses(): Record<string, boolean> {
  const plugin = (forgeConfig.plugins ?? []).find(
    (p) => (p as { name?: string }).name === 'fuses',
  ) as { fusesConfig?: Record<string, unknown> } | undefined;
  expect(plugin, 'forge.config.ts has a FusesPlugin').toBeDefined();
  const fuses: Record<string, boolean> = {};
  for (const [key, value] of Object.entries(plugin!.fusesConfig ?? {})) {
    if (key === 'version') continue;
    const name = FuseV1Options[Number(key)];
    expect(name, `fuse ${key}`).toBeDefined();
    fuses[camel(name!)] = value as boolean;
  }
  return fuses;
}

async function builderFuses(): Promise<Record<string, boolean>> {
  const yml = await readFile(path.join(REPO, 'electron-builder.yml'), 'utf8');
  const block = /^electronFuses:\n((?: {2}\w+: \w+\n)+)/m.exec(yml);
  expect(block, 'electron-builder.yml has an electronFuses block').not.toBeNull();
  return Object.fromEntries(
    block![1]!
      .trim()
      .split('\n')
      .map((line) => {
        const [key, value] = line.trim().split(': ');
        return [key!, value === 'true'];
      }),
  );
}

describe('Electron fuses of packaged builds', () => {
  it('Forge flips them as the rules say', () => {
    expect(forgeFuses()).toEqual(REQUIRED);
  });

  it('electron-builder flips the same ones the same way', async () => {
    expect(await builderFuses()).toEqual(REQUIRED);
  });
});
