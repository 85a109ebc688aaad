import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write';
import { photoMetricsSchema, type PhotoMetrics } from './photo-metrics';

/** Bumped when a measurement changes, so old numbers are not mixed with new ones. */
const METRICS_VERSION = 1;

/**
 * Keyed by the thumbnail key (path, size and mtime of the original): an edited or
 * replaced photo is measured again, an unchanged one never.
 */
export function metricsPath(cacheDir: string, thumbKey: string): string {
  return join(cacheDir, `analysis-v${METRICS_VERSION}`, thumbKey.slice(0, 2), `${thumbKey}.json`);
}

/** Null when missing or unreadable: a damaged cache entry is just measured again. */
export async function readCachedMetrics(
  cacheDir: string,
  thumbKey: string,
): Promise<PhotoMetrics | null> {
  try {
    const parsed = photoMetricsSchema.safeParse(
      JSON.parse(await readFile(metricsPath(cacheDir, thumbKey), 'utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function writeCachedMetrics(
  cacheDir: string,
  thumbKey: string,
  metrics: PhotoMetrics,
): Promise<void> {
  const path = metricsPath(cacheDir, thumbKey);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFileAtomic(path, JSON.stringify(metrics));
}
