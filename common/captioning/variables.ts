/**
 * Photo Mechanic style `{variables}` in captions. The stored caption keeps them;
 * display and export render them, so fixing the city in the template fixes every
 * caption that says `{city}`.
 */
export interface VariableContext {
  /** Event-level values (the template), used when the photo has none of its own. */
  date?: string | null; // ISO date (yyyy-mm-dd…) of the event
  city?: string | null;
  province?: string | null;
  country?: string | null;
  byline?: string | null;
  headline?: string | null;
  event?: string | null;
  location?: string | null;
  credit?: string | null;
  /** Per photo. */
  filename: string;
  capturedAt?: string | null;
  seqn?: number | null;
}

export const VARIABLE_NAMES = [
  'date',
  'city',
  'province',
  'state',
  'country',
  'location',
  'byline',
  'credit',
  'headline',
  'event',
  'filename',
  'fbas',
  'filenamebase',
  'seqn',
] as const;

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
  switch (name) {
    case 'date':
      return formatVnDate(ctx.date ?? ctx.capturedAt);
    case 'city':
      return ctx.city ?? null;
    case 'province':
    case 'state':
      return ctx.province ?? null;
    case 'country':
      return ctx.country ?? null;
    case 'location':
      return ctx.location ?? null;
    case 'byline':
      return ctx.byline ?? null;
    case 'credit':
      return ctx.credit ?? null;
    case 'headline':
      return ctx.headline ?? null;
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
