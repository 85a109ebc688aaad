/**
 * The main-process bundle, merged into Forge's defaults (CommonJS, node conditions,
 * electron and Node built-ins external, output .vite/build/main.cjs).
 */
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    rolldownOptions: {
      // Native or dynamically loaded: required at run time from node_modules, which
      // electron-builder ships with sharp unpacked from the asar.
      external: [/^sharp(\/|$)/, /^@img\//, /^exifr(\/|$)/, /^ssh2(\/|$)/, /^basic-ftp(\/|$)/],
    },
  },
});
