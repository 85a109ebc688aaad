/**
 * Photo Mechanic style `{variables}` in captions. The stored caption keeps them;
 * display and export render them, so fixing the city in the template fixes every
 * caption that says `{city}`. A field's variable comes from the field catalog.
 */
import {
  FIELDS,
  type FieldKind,
  type FieldVariableName,
  type VariableFieldKey,
  type VariableHintKey,
} from '../fields/catalog';

export type VariableContext = {
  /** Event-level values (the template), used when the photo has none of its own; ISO for {date}. */
  [K in FieldVariableName]?: string | null;
} & {
  event?: string | null;
  /** Per photo. */
  filename: string;
  capturedAt?: string | null;
  seqn?: number | null;
};

/** The fields' variables, from the field catalog: each with the field it shows. */
export const FIELD_VARIABLES = FIELDS.flatMap((f) =>
  'variable' in f
    ? [{ key: f.key as VariableFieldKey, kind: f.kind, place: 'place' in f, ...f.variable }]
    : [],
) as readonly {
  key: VariableFieldKey;
  kind: FieldKind;
  place: boolean;
  name: FieldVariableName;
  aliases?: readonly string[];
  hintKey: VariableHintKey;
}[];

/** Variables of the event and the file rather than of a field. */
const OTHER_VARIABLES = ['event', 'filename', 'fbas', 'filenamebase', 'seqn'] as const;

export const VARIABLE_NAMES: readonly string[] = [
  ...FIELD_VARIABLES.flatMap((v) => [v.name, ...(v.aliases ?? [])]),
  ...OTHER_VARIABLES,
];

const FIELD_VARIABLE = new Map(
  FIELD_VARIABLES.flatMap((v) => [v.name, ...(v.aliases ?? [])].map((n) => [n, v] as const)),
);

/** The field variable a name (or an alias of it) stands for. */
export function fieldVariable(name: string) {
  return FIELD_VARIABLE.get(name);
}

/** dd/mm/yyyy, the Vietnamese newsroom form; from an ISO date or date-time. */
export function formatVnDate(iso: string | null | undefined): string | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : null;
}

/** A file name without its extension ({fbas}). */
export function baseOf(file: string): string {
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}

function value(name: string, ctx: VariableContext): string | null {
  const field = FIELD_VARIABLE.get(name);
  if (field) {
    const v = ctx[field.name];
    return field.kind === 'date' ? formatVnDate(v ?? ctx.capturedAt) : (v ?? null);
  }
  switch (name) {
    case 'event':
      return ctx.event ?? null;
    case 'filename':
      return ctx.filename;
    case 'fbas':
    case 'filenamebase':
      return baseOf(ctx.filename);
    case 'seqn':
      return ctx.seqn == null ? null : String(ctx.seqn).padStart(3, '0');
    default:
      return null;
  }
}

/**
 * Render `{name}` variables. An unknown variable, or one with no value yet, stays
 * visible as typed, so the reporter sees what still needs filling in.
 */
export function renderVariables(text: string, ctx: VariableContext): string {
  return text.replace(
    /\{([a-z]+)\}/gi,
    (whole, name: string) => value(name.toLowerCase(), ctx) ?? whole,
  );
}

export function usesVariables(text: string): boolean {
  return /\{[a-z]+\}/i.test(text);
}

export function unresolvedVariables(rendered: string): string[] {
  return [...rendered.matchAll(/\{([a-z]+)\}/gi)].map((m) => m[1]!);
}
