import { cameraKey } from '../../common/analysis/camera-key';

export interface CameraSummary {
  key: string;
  photos: number;
  /** The earliest capture time on this body's own clock (ISO), for comparing bodies. */
  first: string | null;
}

/** The camera bodies in a folder, the busiest first: the rows of the clock-fix form. */
export function camerasOf(
  photos: readonly {
    capturedAt: string | null;
    make: string | null;
    model: string | null;
    serial: string | null;
  }[],
): CameraSummary[] {
  const byKey = new Map<string, CameraSummary>();
  for (const p of photos) {
    const key = cameraKey(p);
    const c = byKey.get(key) ?? { key, photos: 0, first: null };
    c.photos++;
    if (p.capturedAt && (!c.first || Date.parse(p.capturedAt) < Date.parse(c.first)))
      c.first = p.capturedAt;
    byKey.set(key, c);
  }
  return [...byKey.values()].sort((a, b) => b.photos - a.photos || a.key.localeCompare(b.key));
}
