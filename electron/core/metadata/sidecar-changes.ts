import { EXTRA_SLOTS } from './field-map';
import type { XmpChange } from './xmp-write';
import type { Culling } from './photo-fields';

/** Field edits become XMP changes in one place for the sidecar and the export writer. */
export { fieldChanges } from './field-changes';

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
