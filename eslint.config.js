// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The process boundaries, held by lint (eslint.boundaries.test.ts plants a wrong import
 * in each room and expects an error). Imports are matched by the folder names, which are
 * unique in the tree: core, contract, shell, web, cli, renderer.
 */
const noElectronImport = 'electron';

/** The glob patterns for an import that reaches into one of these rooms. */
function forbid(rooms) {
  return rooms.map((room) => [`**/${room}/**`, `**/${room}`]);
}

function boundary(files, message, groups) {
  const paths = groups.includes(noElectronImport) ? [{ name: 'electron', message }] : [];
  const patterns = groups.filter((g) => Array.isArray(g)).map((group) => ({ group, message }));
  return [
    {
      files: Array.isArray(files) ? files : [files],
      rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
    },
  ];
}

export default tseslint.config(
  { ignores: ['node_modules', '.vite', 'dist', 'out', 'assets', 'bin'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // noUncheckedIndexedAccess makes every index a maybe; after a check, `!` is the honest spelling.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  ...boundary(
    'electron/core/**',
    'The core runs in plain Node and knows no front: it may use contract/ and common/.',
    [noElectronImport, ...forbid(['shell', 'web', 'cli', 'renderer'])],
  ),
  ...boundary(
    'electron/contract/**',
    'The contract is what every front and the core agree on: it may use only common/.',
    [noElectronImport, ...forbid(['core', 'shell', 'web', 'cli', 'renderer'])],
  ),
  ...boundary(
    ['electron/web/**', 'electron/cli/**'],
    'Browser mode and the CLI run in plain Node: no Electron, no renderer code.',
    [noElectronImport, ...forbid(['shell', 'renderer'])],
  ),
  ...boundary(
    'electron/shell/**',
    'The desktop shell hosts the core; it never reaches into the renderer or the other fronts.',
    [...forbid(['web', 'cli', 'renderer'])],
  ),
  ...boundary('common/**', 'common/ is pure: both the core and the renderer load it.', [
    noElectronImport,
    ['node:*', 'fs', 'path', 'os', 'crypto', 'electron/*'],
    ...forbid(['electron', 'renderer']),
  ]),
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer has no Node or Electron.' }],
          patterns: [
            {
              group: ['**/electron/contract/**'],
              allowTypeImports: true,
              message: 'The renderer may import only types from the contract.',
            },
            {
              group: [
                '**/electron/core/**',
                '**/electron/shell/**',
                '**/electron/web/**',
                '**/electron/cli/**',
              ],
              message: 'The renderer talks to the core through the contract only.',
            },
            {
              group: ['node:*', 'fs', 'path', 'os', 'crypto'],
              message: 'The renderer has no Node.',
            },
          ],
        },
      ],
    },
  },
);
