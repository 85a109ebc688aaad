import type { Fields } from '../../contract/api';
import { EXTRA_SLOTS, XMP_SLOTS } from './field-map';
import type { XmpChange } from './xmp-write';
import type { Culling, ListField, TextField } from './photo-fields';

/** Turn field edits into XMP property changes. An empty value removes the property. */
export function fieldChanges(fields: Fields): XmpChange[] {
  const out: XmpChange[] = [];
  for (const [field, value] of Object.entries(fields) as [
    TextField | ListField,
    string | string[] | undefined,
  ][]) {
    if (value === undefined || field === 'caption') continue;
    const slot = XMP_SLOTS[field];
    if (slot.kind === 'seq' || slot.kind === 'bag') {
      const list = (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter(Boolean);
      out.push({
        prefix: slot.prefix,
        name: slot.name,
        kind: slot.kind,
        value: list.length ? list : null,
      });
    } else {
      const v = (Array.isArray(value) ? value.join('; ') : value).trim();
      out.push({ prefix: slot.prefix, name: slot.name, kind: slot.kind, value: v || null });
    }
  }
  return out;
}

export function cullingChanges(c: Culling): XmpChange[] {
  const out: XmpChange[] = [];
  const text = (slot: { prefix: XmpChange['prefix']; name: string }, v: string | null) =>
    out.push({ prefix: slot.prefix, name: slot.name, kind: 'text', value: v });
  if (c.rating !== undefined) text(EXTRA_SLOTS.rating, c.rating === null ? null : String(c.rating));
  if (c.label !== undefined) text(EXTRA_SLOTS.label, c.label || null);
  if (c.colorClass !== undefined)
    text(
      EXTRA_SLOTS.colorClass,
      c.colorClass === null || c.colorClass === 0 ? null : String(c.colorClass),
    );
  if (c.pick !== undefined)
    text(EXTRA_SLOTS.pick, c.pick === null ? null : c.pick ? 'True' : 'False');
  return out;
}

/** The typed text, the rendered dc:description, and the rendering we wrote, kept together. */
export function captionChanges(own: string, rendered: string | null): XmpChange[] {
  return [
    { prefix: 'dc', name: 'description', kind: 'alt', value: rendered ?? '' },
    {
      prefix: EXTRA_SLOTS.captionTemplate.prefix,
      name: EXTRA_SLOTS.captionTemplate.name,
      kind: 'text',
      value: own,
    },
    {
      prefix: EXTRA_SLOTS.captionRendered.prefix,
      name: EXTRA_SLOTS.captionRendered.name,
      kind: 'text',
      value: rendered ?? '',
    },
  ];
}

export function linkChange(linked: boolean): XmpChange {
  return {
    prefix: EXTRA_SLOTS.eventLinked.prefix,
    name: EXTRA_SLOTS.eventLinked.name,
    kind: 'text',
    value: linked ? 'True' : null,
  };
}
