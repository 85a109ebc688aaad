import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

/**
 * Bundles the CLI into one Node ESM file for the `captiondesk` bin, so an installed
 * copy needs no TypeScript loader. Runtime dependencies stay external.
 */
export default defineConfig({
  build: {
    ssr: 'electron/cli/main.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      external: [
        ...builtinModules,
        ...builtinModules.map((m) => `node:${m}`),
        ...Object.keys(pkg.dependencies),
      ],
      output: { entryFileNames: 'captiondesk.mjs', format: 'es' },
    },
  },
  logLevel: 'warn',
});
