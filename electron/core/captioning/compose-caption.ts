import type { EventSettings } from '../../contract/api';
import {
  FIELD_VARIABLES,
  renderVariables,
  type VariableContext,
} from '../../../common/captioning/variables';
import { mergedValue, type MergedView } from '../metadata/merge';
import type { XmpFields } from '../metadata/xmp-read';

export interface ComposedCaption {
  /** The photo's own text as typed. */
  own: string | null;
  /** What goes into files: own text and shared caption joined, variables rendered. */
  rendered: string | null;
}

/**
 * Our sidecar keeps the typed text (with {variables}) beside the rendered
 * dc:description. If another program changed dc:description since, its edit wins.
 */
export function ownCaption(merged: MergedView, sidecar: XmpFields | null): string | null {
  if (
    sidecar?.captionTemplate !== undefined &&
    (sidecar.caption ?? '') === (sidecar.captionRendered ?? '')
  ) {
    return sidecar.captionTemplate || null;
  }
  return merged.text.caption;
}

export function variableContext(
  merged: MergedView,
  event: EventSettings,
  file: string,
  capturedAt: string | null,
  seqn: number,
): VariableContext {
  const t = event.template;
  const values = Object.fromEntries(
    FIELD_VARIABLES.map((v) => {
      const own = mergedValue(merged, v.key);
      const shared = t[v.key].value;
      // A list shows its first item; the template types it as one line.
      if (Array.isArray(own)) return [v.name, own[0] ?? (shared.trim() || null)];
      return [v.name, own ?? (shared.trim() ? shared : null)];
    }),
  );
  return { ...values, event: t.event.trim() || null, filename: file, capturedAt, seqn };
}

export function composeCaption(
  own: string | null,
  linked: boolean,
  event: EventSettings,
  ctx: VariableContext,
): ComposedCaption {
  const shared = linked && event.template.caption.apply ? event.template.caption.value.trim() : '';
  const mine = (own ?? '').trim();
  const full = !shared
    ? mine
    : !mine
      ? shared
      : event.ownTextPosition === 'before'
        ? `${mine} ${shared}`
        : `${shared} ${mine}`;
  return { own, rendered: full ? renderVariables(full, ctx).normalize('NFC') : null };
}
