import {
  baseOf,
  FIELD_VARIABLES,
  renderVariables,
  VARIABLE_NAMES,
  type VariableContext,
} from '../captioning/variables';
import type { VariableFieldKey } from '../fields/catalog';
import { foldDiacritics } from '../text/normalize';

/**
 * Names for photos on their way in from a card. The pattern takes the caption
 * variables the template fills ({city}, {event}…) plus the per-file ones below.
 * Unlike house names for export, case is kept (IMG_0001 stays IMG_0001): these are
 * the reporter's working files, and the camera's name is what they recognise.
 */
export interface IngestNameContext {
  /** The card's file name, e.g. IMG_0001.CR3. */
  file: string;
  /** 1-based counter over the photos of this destination. */
  seqn: number;
  serial: string | null;
  model: string | null;
  make: string | null;
  /** ISO capture time (DateTimeOriginal), or null. */
  capturedAt: string | null;
  /** Event-level values from the template ({city}, {event}…). */
  event: Omit<VariableContext, 'filename' | 'capturedAt' | 'seqn'>;
}

/** {seqn} is zero-padded to 4 digits (0001…9999, then 10000…), as cameras number frames. */
export const SEQN_DIGITS = 4;

/** Variables only file names have; the caption ones come from common/captioning/variables. */
export const INGEST_VARIABLES = [
  'fbas',
  'filenamebase',
  'seqn',
  'camserial',
  'model',
  'make',
  'date',
  'time',
] as const;
/** The caption variables a name may use; {filename} would carry the extension twice. */
const CAPTION_VARIABLES = VARIABLE_NAMES.filter((n) => n !== 'filename');

/** Variables in a rename pattern that mean nothing: said before any file is copied. */
export function unknownIngestVariables(pattern: string): string[] {
  const known = new Set<string>([...INGEST_VARIABLES, ...CAPTION_VARIABLES]);
  return [...pattern.matchAll(/\{([a-z]+)\}/gi)]
    .map((m) => m[1]!.toLowerCase())
    .filter((n) => !known.has(n));
}

/**
 * A safe file-name stem: NFC, marks folded and đ→d, only ASCII letters, digits, `.`,
 * `_` and `-`; anything else becomes `-`, runs collapse, and no leading dot (hidden).
 */
export function safeStem(s: string): string {
  return foldDiacritics(s.normalize('NFC'))
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/_{2,}/g, '_')
    .replace(/^[-._]+|[-._]+$/g, '')
    .slice(0, 180);
}

/** The new base name (no extension) for one photo; a missing value renders empty. */
export function renderIngestStem(pattern: string, ctx: IngestNameContext): string {
  const d = ctx.capturedAt
    ? /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?/.exec(ctx.capturedAt)
    : null;
  const own: Record<string, string> = {
    fbas: baseOf(ctx.file),
    filenamebase: baseOf(ctx.file),
    seqn: String(ctx.seqn).padStart(SEQN_DIGITS, '0'),
    camserial: ctx.serial ?? '',
    model: ctx.model ?? '',
    make: ctx.make ?? '',
    date: d ? `${d[1]}${d[2]}${d[3]}` : '',
    time: d?.[4] ? `${d[4]}${d[5]}${d[6]}` : '',
  };
  const mine = pattern.replace(/\{([a-z]+)\}/gi, (whole, name: string) => {
    const v = own[name.toLowerCase()];
    return v === undefined ? whole : v;
  });
  // The caption variables render as in captions; any still unresolved render empty.
  const rendered = renderVariables(mine, { ...ctx.event, filename: ctx.file }).replace(
    /\{[a-z]+\}/gi,
    '',
  );
  return safeStem(rendered) || safeStem(baseOf(ctx.file)) || 'photo';
}

type TemplateField = { value: string } | undefined;
/** The part of an event template file names can use (structural: common/ imports no contract). */
export type NamingTemplate = { event: string } & { [K in VariableFieldKey]?: TemplateField };

/** The event's values for {city}, {event} … in names: the core's plan and the dialog's preview. */
export function templateNameValues(
  t: NamingTemplate | null | undefined,
): Omit<VariableContext, 'filename' | 'capturedAt' | 'seqn'> {
  const v = (f: TemplateField) => f?.value.trim() || null;
  return {
    ...Object.fromEntries(FIELD_VARIABLES.map((f) => [f.name, v(t?.[f.key])])),
    event: t?.event.trim() || null,
  };
}
