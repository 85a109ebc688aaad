import type { TileColor } from './culling-keys';
import labels from './labels.module.css';

/** The swatch class for a colour-class label. */
export function labelClass(color: TileColor): string | undefined {
  return labels[color];
}
