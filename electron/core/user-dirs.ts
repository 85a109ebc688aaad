import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where browser mode and the CLI keep app data and the thumbnail cache. Electron
 * passes its own (app.getPath) instead. Env vars let tests and scripts isolate runs.
 */
export function userDirs(env: NodeJS.ProcessEnv = process.env): {
  dataDir: string;
  cacheDir: string;
} {
  const home = homedir();
  const platform = process.platform;
  const data =
    env.CAPTIONDESK_DATA_DIR ??
    (platform === 'win32'
      ? join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'CaptionDesk')
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support', 'CaptionDesk')
        : join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'captiondesk'));
  const cache =
    env.CAPTIONDESK_CACHE_DIR ??
    (platform === 'win32'
      ? join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'CaptionDesk', 'Cache')
      : platform === 'darwin'
        ? join(home, 'Library', 'Caches', 'CaptionDesk')
        : join(env.XDG_CACHE_HOME ?? join(home, '.cache'), 'captiondesk'));
  return { dataDir: data, cacheDir: cache };
}
