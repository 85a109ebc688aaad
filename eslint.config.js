// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noElectron = {
  name: 'electron',
  message: 'Core, contract, web and CLI run in plain Node: pass desktop things in as parameters.',
};

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
  {
    // The Electron-free zone: everything except the thin shell files may not touch electron.
    files: [
      'electron/core/**',
      'electron/api.ts',
      'electron/api-*.ts',
      'electron/web/**',
      'electron/cli/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron], patterns: [{ group: ['electron/*'], message: noElectron.message }] },
      ],
    },
  },
  {
    // Shared by the core and the renderer: pure functions, no Node, no Electron, no DOM.
    files: ['common/**'],
    ignores: ['common/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              group: [
                'node:*',
                'fs',
                'path',
                'os',
                'crypto',
                'electron/*',
                '**/electron/**',
                '**/renderer/**',
              ],
              message: 'common/ is pure: both the core and the renderer load it.',
            },
          ],
        },
      ],
    },
  },
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
              group: ['**/electron/**', '../electron/*', '../../electron/*'],
              allowTypeImports: true,
              message: 'The renderer may import only types from electron/.',
            },
          ],
        },
      ],
    },
  },
);
