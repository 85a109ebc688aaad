/**
 * Imported first by every entry point. sharp runs its jobs on libuv's thread pool (four
 * threads unless told otherwise), the same pool file reads use: with a thumbnail job per
 * core running, the small reads that serve the pictures on screen would queue behind
 * them. The pool is made on first use, so this must run before anything reads a file.
 */
import { availableParallelism } from 'node:os';

process.env.UV_THREADPOOL_SIZE ??= String(Math.max(8, availableParallelism() * 4));
