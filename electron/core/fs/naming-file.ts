/**
 * A failed write (ENOSPC above all) carries no path, and a failed open of a temp file
 * names that hidden file: either way the error of a save is made to name the file the
 * user knows, so the message and the code's `path` say what could not be saved.
 */
export function namingFile(err: unknown, path: string): unknown {
  const e = err as NodeJS.ErrnoException;
  if (!(e instanceof Error) || typeof e.code !== 'string') return err;
  e.path = path;
  const [head] = e.message.split(/, (?:open|write|fsync|rename|close) /);
  e.message = `${head}, writing '${path}'`;
  return e;
}
