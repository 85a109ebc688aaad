import { formatDecimal } from '../i18n/format';
import type { Lang } from '../i18n/languages';
import type { Messages } from '../i18n/vi';
import { tileColor, type CullingChange, type CullingCommand, type TileColor } from './culling-keys';

/** What a culling key did, in words, for the status line and the undo stack. */
export function describeCulling(
  m: Messages,
  lang: Lang,
  command: CullingCommand,
  count: number,
  /** The change the current photo got: a colour key may take the colour off. */
  change: CullingChange,
): string {
  const n = formatDecimal(lang, count, 0);
  switch (command.kind) {
    case 'rating':
      return m.culledRating(command.stars, n);
    case 'color': {
      const color =
        change.label === null && change.colorClass === null
          ? null
          : tileColor({ label: change.label ?? null, colorClass: command.colorClass });
      return color ? m.culledColor(colorName(m, color), n) : m.culledColorOff(n);
    }
    case 'pick':
      return m.culledPick(n);
    case 'reject':
      return m.culledReject(n);
    case 'unflag':
      return m.culledUnflag(n);
  }
}

export function colorName(m: Messages, color: TileColor): string {
  const names: Record<TileColor, string> = {
    red: m.colorRed,
    yellow: m.colorYellow,
    green: m.colorGreen,
    blue: m.colorBlue,
    purple: m.colorPurple,
    other: m.colorOther,
  };
  return names[color];
}
