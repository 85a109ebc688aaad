/**
 * Constants Forge's Vite plugin defines in the main bundle for the renderer named
 * `main_window` in forge.config.ts. The dev server URL exists only during
 * `electron-forge start`; a packaged build gets `undefined`.
 */
declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;
declare const MAIN_WINDOW_VITE_NAME: string;
