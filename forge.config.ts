/**
 * Electron Forge: `npm start` (Vite dev server + main/preload bundles in .vite/) and
 * the production compile. Installers are electron-builder's job (electron-builder.yml),
 * because Forge's Vite plugin packages only .vite/, without native modules like sharp.
 */
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

const config: ForgeConfig = {
  packagerConfig: {
    name: 'CaptionDesk',
    executableName: 'captiondesk',
    appBundleId: 'vn.captiondesk.app',
    asar: true,
    // main.ts reads these from process.resourcesPath when packaged.
    extraResource: ['assets/sample-event', 'assets/icon.png'],
  },
  rebuildConfig: {},
  makers: [],
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'electron/shell/main.ts', config: 'vite.main.config.ts', target: 'main' },
        // The core's own process (utilityProcess), beside main.cjs.
        {
          entry: 'electron/core/process/core-child.ts',
          config: 'vite.main.config.ts',
          target: 'main',
        },
        { entry: 'electron/shell/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
      ],
      // The name sets MAIN_WINDOW_VITE_* in main.ts and the output .vite/renderer/main_window.
      renderer: [{ name: 'main_window', config: 'vite.config.ts' }],
    }),
    // Mirrored in electron-builder.yml's electronFuses: keep the two in step.
    new FusesPlugin({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      // The UI comes from app://, never file://, so file pages need no extra powers.
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    }),
  ],
};

export default config;
