import { FIELDS, type FieldInput, type FieldSpec } from '../../../common/fields/catalog';
import { XMP_SLOTS } from './field-map';
import type { XmpChange } from './xmp-write';

export interface ChangeOptions {
  /** Trim values and drop blank list items (what people typed); the writer's input is exact. */
  trim: boolean;
  /** The order the properties are written in; the catalog's by default. */
  order?: readonly FieldSpec[];
}

/**
 * The XMP property changes for the fields that are set, for the sidecar and for an embedded
 * packet alike. A missing field is left alone; '' and [] remove the property.
 */
export function fieldChanges(
  fields: FieldInput,
  opts: ChangeOptions = { trim: true },
): XmpChange[] {
  const out: XmpChange[] = [];
  const values = fields as Partial<Record<string, string | string[]>>;
  for (const spec of opts.order ?? FIELDS) {
    const value = values[spec.key];
    if (value === undefined) continue;
    const slot = XMP_SLOTS[spec.key as keyof typeof XMP_SLOTS];
    if (slot.kind === 'seq' || slot.kind === 'bag') {
      const items = (Array.isArray(value) ? value : [value])
        .map((v) => (opts.trim ? v.trim() : v))
        .filter((v) => v !== '');
      out.push({ ...slot, kind: slot.kind, value: items.length ? items : null });
    } else {
      const text = Array.isArray(value) ? value.join('; ') : value;
      const v = opts.trim ? text.trim() : text;
      out.push({ ...slot, kind: slot.kind, value: v || null });
    }
  }
  return out;
}
