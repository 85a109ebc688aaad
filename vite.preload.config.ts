/**
 * The preload bundle, merged into Forge's defaults (one CommonJS file,
 * .vite/build/preload.cjs). A sandboxed preload may require nothing but electron,
 * so everything else it imports is bundled in: keep those imports tiny.
 */
import { defineConfig } from 'vite';

export default defineConfig({});
