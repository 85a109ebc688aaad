/**
 * Native image work (libvips through sharp) on a user's file can crash the whole process
 * on a hostile or broken file, with no exception to catch. When the core runs in a process
 * of its own, every such piece of work is noted, synchronously, in a breadcrumb file before
 * it starts: after a crash the host reads which files were under work and gives each a
 * strike, and a file with two strikes is quarantined (refused with a clear error) so the
 * rest of the batch goes on. In-process cores (tests, the CLI) have no guard.
 */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ApiError } from '../../contract/errors';

export interface ImageWorkGuardOptions {
  breadcrumbFile: string;
  quarantined: readonly string[];
  struck: readonly string[];
  /** A file with a strike was worked on safely. */
  cleared(file: string): void;
}

let active: {
  opts: ImageWorkGuardOptions;
  quarantined: Set<string>;
  struck: Set<string>;
  inFlight: Map<string, number>;
} | null = null;

export function installImageWorkGuard(opts: ImageWorkGuardOptions): void {
  active = {
    opts,
    quarantined: new Set(opts.quarantined),
    struck: new Set(opts.struck),
    inFlight: new Map(),
  };
  writeBreadcrumbs();
}

function writeBreadcrumbs(): void {
  if (!active) return;
  // Synchronous on purpose: the crash this is for leaves no chance to finish an async write.
  writeFileSync(active.opts.breadcrumbFile, JSON.stringify([...active.inFlight.keys()]));
}

function change(file: string, by: number): void {
  if (!active) return;
  const n = (active.inFlight.get(file) ?? 0) + by;
  if (n > 0) active.inFlight.set(file, n);
  else active.inFlight.delete(file);
  writeBreadcrumbs();
}

/**
 * A test seam, standing in for a file that really crashes libvips (none can be shipped):
 * the core process kills itself, as a native crash would, when it starts work on a file
 * whose path contains this text.
 */
const CRASH_ON = process.env.CAPTIONDESK_TEST_CRASH_ON_IMAGE;

/** Runs native image work on `file` (the user's source file), watched. */
export async function imageWork<T>(file: string, work: () => Promise<T>): Promise<T> {
  if (!active) return work();
  if (active.quarantined.has(file))
    throw new ApiError(
      `${basename(file)} crashed the image engine twice; it is no longer opened`,
      'photo-quarantined',
      { file: basename(file) },
    );
  change(file, +1);
  if (CRASH_ON && file.includes(CRASH_ON)) process.kill(process.pid, 'SIGKILL');
  try {
    const result = await work();
    if (active.struck.delete(file)) active.opts.cleared(file);
    return result;
  } finally {
    change(file, -1);
  }
}
