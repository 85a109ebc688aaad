import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-write';
import { ApiError } from '../../contract/errors';

/** A small JSON file validated on read: a damaged file is reported by name, not trusted. */
export async function readJson<S extends z.ZodType>(
  path: string,
  schema: S,
  fallback: () => z.output<S>,
): Promise<z.output<S>> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    return fallback();
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (err) {
    throw new ApiError(`${path} is not valid JSON: ${(err as Error).message}`, 'settings-damaged', {
      path,
    });
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success)
    throw new ApiError(
      `${path} is damaged: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      'settings-damaged',
      { path },
    );
  return parsed.data;
}

export async function writeJson(path: string, data: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, JSON.stringify(data, null, 2) + '\n');
}
