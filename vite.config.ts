import react from '@vitejs/plugin-react';
import { defineConfig, type ConfigEnv, type Plugin } from 'vite';

/**
 * The dev server injects an inline React Refresh preamble and <style> tags, which the
 * strict CSP of index.html forbids; only the dev server relaxes it. Builds keep it strict.
 */
function devCsp(): Plugin {
  return {
    name: 'captiondesk:dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  };
}

export default defineConfig((env: ConfigEnv) => ({
  root: 'renderer',
  base: './',
  plugins: [react(), devCsp()],
  build: {
    // Electron Forge passes its own env (forgeConfigSelf) and packages only .vite/, so
    // under Forge its output directory is kept; `vite build` writes dist/renderer.
    ...('forgeConfigSelf' in env ? {} : { outDir: '../dist/renderer', emptyOutDir: true }),
  },
}));
