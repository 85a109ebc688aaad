type Block = Record<string | number, unknown> | undefined;

export function text(...candidates: unknown[]): string | null {
  for (const v of candidates) {
    if (typeof v === 'string') {
      const s = v.replace(/\0+$/, '');
      if (s.trim() !== '') return s.normalize('NFC');
    }
  }
  return null;
}

export function num(...candidates: unknown[]): number | null {
  for (const v of candidates) {
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (Array.isArray(v) && typeof v[0] === 'number') return v[0];
  }
  return null;
}

export function tag(block: Block, id: number): unknown {
  return block?.[id];
}

/** "2024:12:26 14:03:11" + "+07:00" → "2024-12-26T14:03:11+07:00"; null when not a date. */
export function exifDateToIso(value: unknown, offset: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!m || m[1] === '0000') return null;
  const base = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
  const off =
    typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset.trim()) ? offset.trim() : '';
  return base + off;
}

/** 0,0 is "null island", a GPS that never got a fix; empty GPS blocks are no location either. */
export function gpsFrom(block: Block): { lat: number; lon: number } | null {
  const lat = block?.latitude;
  const lon = block?.longitude;
  if (
    typeof lat !== 'number' ||
    typeof lon !== 'number' ||
    !Number.isFinite(lat) ||
    !Number.isFinite(lon)
  )
    return null;
  if (lat === 0 && lon === 0) return null;
  return { lat, lon };
}
