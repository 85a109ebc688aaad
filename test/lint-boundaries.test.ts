/**
 * The process boundaries live in eslint.config.js. This plants a wrong import in each
 * room (the file need not exist: ESLint applies the config by path) and expects lint to
 * refuse it, and the same room's allowed imports to pass, so a loosened rule fails here.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code + '\nvoid x;\n', { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId?.endsWith('no-restricted-imports'))
    .map((m) => m.message);
}

const planted: [room: string, file: string, code: string][] = [
  ['core → electron', 'electron/core/planted.ts', "import { app as x } from 'electron';"],
  ['core → shell', 'electron/core/folders/planted.ts', "import x from '../../shell/ipc';"],
  ['core → web', 'electron/core/planted.ts', "import x from '../web/server';"],
  ['core → renderer', 'electron/core/planted.ts', "import x from '../../renderer/app/App';"],
  ['contract → core', 'electron/contract/planted.ts', "import x from '../core/app-core';"],
  [
    'contract → electron',
    'electron/contract/planted.ts',
    "import { ipcMain as x } from 'electron';",
  ],
  ['cli → shell', 'electron/cli/planted.ts', "import x from '../shell/main';"],
  ['web → electron', 'electron/web/planted.ts', "import { app as x } from 'electron';"],
  ['shell → renderer', 'electron/shell/planted.ts', "import x from '../../renderer/main';"],
  [
    'renderer → core',
    'renderer/grid/planted.ts',
    "import type x from '../../electron/core/app-core';",
  ],
  [
    'renderer → contract value',
    'renderer/grid/planted.ts',
    "import { contract as x } from '../../electron/contract/api';",
  ],
  ['renderer → node', 'renderer/grid/planted.ts', "import x from 'node:fs';"],
  ['common → node', 'common/text/planted.ts', "import x from 'node:path';"],
  ['common → renderer', 'common/text/planted.ts', "import x from '../../renderer/i18n/vi';"],
  ['common → contract', 'common/text/planted.ts', "import x from '../../electron/contract/api';"],
];

const allowed: [room: string, file: string, code: string][] = [
  ['core → contract', 'electron/core/planted.ts', "import x from '../contract/api';"],
  ['core → common', 'electron/core/planted.ts', "import x from '../../common/camera-key';"],
  ['contract → common', 'electron/contract/planted.ts', "import x from '../../common/camera-key';"],
  ['web → core', 'electron/web/planted.ts', "import x from '../core/app-core';"],
  ['shell → core', 'electron/shell/planted.ts', "import x from '../core/app-core';"],
  [
    'renderer → contract types',
    'renderer/grid/planted.ts',
    "import type x from '../../electron/contract/api';",
  ],
  ['renderer → common', 'renderer/grid/planted.ts', "import x from '../../common/camera-key';"],
];

describe('lint holds the process boundaries', () => {
  it.each(planted)('refuses %s', async (_room, file, code) => {
    expect(await boundaryErrors(file, code)).not.toEqual([]);
  });
  it.each(allowed)('allows %s', async (_room, file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});
