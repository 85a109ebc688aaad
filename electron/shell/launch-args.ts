/**
 * The folder given on the command line (`captiondesk D:\Ảnh\2024-12-26`), for the
 * first launch and for a second launch handed over by the single-instance lock.
 * No Electron import: tested in Node.
 */
import path from 'node:path';

export interface LaunchArgsOptions {
  /**
   * True when Electron runs an unpackaged app (`process.defaultApp`): then the first
   * positional argument is the app itself (`electron .`), not the user's.
   */
  isDefaultApp: boolean;
  /** Relative paths are taken from here: the launching shell's directory. */
  cwd: string;
  isDirectory: (candidate: string) => boolean;
}

/**
 * The first positional argument that is an existing directory, or null. Switches
 * (`--no-sandbox`, Chromium's `--original-process-start-time=…`, macOS's `-psn_…`)
 * are skipped, as is anything after them that is not a folder, such as a file.
 */
export function folderFromArgv(argv: readonly string[], opts: LaunchArgsOptions): string | null {
  let positional = argv.slice(1).filter((arg) => arg !== '' && !arg.startsWith('-'));
  if (opts.isDefaultApp) positional = positional.slice(1);
  for (const arg of positional) {
    const candidate = path.resolve(opts.cwd, arg);
    if (opts.isDirectory(candidate)) return candidate;
  }
  return null;
}

/** Package files the OS hands us (file association, "Open with", a drag onto the app icon). */
export const PACKAGE_EXTENSIONS = ['.zip', '.cdpkg'];

/** The first positional argument that is an existing package file, or null. */
export function packageFromArgv(
  argv: readonly string[],
  opts: LaunchArgsOptions & { isFile: (candidate: string) => boolean },
): string | null {
  let positional = argv.slice(1).filter((arg) => arg !== '' && !arg.startsWith('-'));
  if (opts.isDefaultApp) positional = positional.slice(1);
  for (const arg of positional) {
    const candidate = path.resolve(opts.cwd, arg);
    if (
      PACKAGE_EXTENSIONS.includes(path.extname(candidate).toLowerCase()) &&
      opts.isFile(candidate)
    )
      return candidate;
  }
  return null;
}
