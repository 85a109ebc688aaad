/**
 * Culling from the keyboard, as in Photo Mechanic and Lightroom: 0–5 stars, 6–9 colour
 * labels, P pick, X reject, U clear the flag. A reject is stored as rating −1 (Lightroom's
 * and xmp:Rating's convention) with pick false.
 */
export interface CullState {
  rating: number | null;
  label: string | null;
  colorClass: number | null;
  pick: boolean | null;
}

export type CullingChange = Partial<CullState>;

export type CullingCommand =
  | { kind: 'rating'; stars: number }
  | { kind: 'color'; colorClass: number }
  | { kind: 'pick' }
  | { kind: 'reject' }
  | { kind: 'unflag' };

/** Lightroom's label names for keys 6–9, which Photo Mechanic's colour classes 1–4 mirror. */
export const COLOR_LABELS = ['Red', 'Yellow', 'Green', 'Blue'] as const;

export function cullingCommand(key: string): CullingCommand | null {
  if (/^[0-5]$/.test(key)) return { kind: 'rating', stars: Number(key) };
  if (/^[6-9]$/.test(key)) return { kind: 'color', colorClass: Number(key) - 5 };
  switch (key.toLowerCase()) {
    case 'p':
      return { kind: 'pick' };
    case 'x':
      return { kind: 'reject' };
    case 'u':
      return { kind: 'unflag' };
    default:
      return null;
  }
}

/**
 * What one photo of the selection gets. A colour key on a photo that already has that
 * colour takes it off again; the current photo decides, so the whole selection moves together.
 */
export function cullingChange(
  command: CullingCommand,
  current: CullState,
  photo: CullState,
): CullingChange {
  const rejected = photo.rating !== null && photo.rating < 0;
  switch (command.kind) {
    case 'rating':
      return command.stars === 0 && rejected
        ? { rating: 0, pick: null }
        : { rating: command.stars };
    case 'color': {
      const label = COLOR_LABELS[command.colorClass - 1] ?? null;
      const has =
        current.colorClass === command.colorClass || (label !== null && current.label === label);
      return has ? { label: null, colorClass: null } : { label, colorClass: command.colorClass };
    }
    case 'pick':
      return rejected ? { pick: true, rating: null } : { pick: true };
    case 'reject':
      return { rating: -1, pick: false };
    case 'unflag':
      return rejected ? { pick: null, rating: null } : { pick: null };
  }
}

/** Photos that get the same change go to the core together, in one call. */
export function groupChanges<T extends CullState & { file: string }>(
  command: CullingCommand,
  current: CullState,
  photos: readonly T[],
): { files: string[]; change: CullingChange }[] {
  const groups = new Map<string, { files: string[]; change: CullingChange }>();
  for (const p of photos) {
    const change = cullingChange(command, current, p);
    const key = JSON.stringify(change);
    const group = groups.get(key) ?? { files: [], change };
    group.files.push(p.file);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export type TileColor = 'red' | 'yellow' | 'green' | 'blue' | 'purple' | 'other';

/** The stripe a tile shows: the label when it names a colour, else the colour class. */
export function tileColor(photo: Pick<CullState, 'label' | 'colorClass'>): TileColor | null {
  const byLabel: Record<string, TileColor> = {
    red: 'red',
    yellow: 'yellow',
    green: 'green',
    blue: 'blue',
    purple: 'purple',
  };
  const fromLabel = photo.label ? byLabel[photo.label.trim().toLowerCase()] : undefined;
  if (fromLabel) return fromLabel;
  const cc = photo.colorClass ?? 0;
  if (cc >= 1 && cc <= 4) return (['red', 'yellow', 'green', 'blue'] as const)[cc - 1]!;
  if (cc === 5) return 'purple';
  if (cc > 5 || photo.label) return 'other';
  return null;
}
