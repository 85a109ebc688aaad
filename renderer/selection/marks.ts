/**
 * The multi-selection of the grid. The "current" photo (the one the editor and the
 * information panel show) is kept apart; the marks say which other photos a command
 * such as "apply to selection" also reaches. Files, not indexes, so a re-listing or
 * a filter keeps the marks on the same photos.
 */
export interface Marks {
  /** Where a Shift range starts: the last photo picked without Shift. */
  anchor: string | null;
  files: ReadonlySet<string>;
}

/** A plain click or arrow, Ctrl/Cmd+click, or Shift+click / Shift+arrow. */
export type PickHow = 'only' | 'toggle' | 'extend';

export const NO_MARKS: Marks = { anchor: null, files: new Set() };

export interface Picked {
  marks: Marks;
  /** The photo that becomes current. */
  current: string;
}

/** The selected files in grid order; the current photo is always one of them. */
export function selectedFiles(
  marks: Marks,
  order: readonly string[],
  current: string | null,
): string[] {
  if (current === null) return [];
  if (!marks.files.has(current)) return [current];
  return order.filter((f) => marks.files.has(f));
}

export function pick(
  marks: Marks,
  order: readonly string[],
  current: string | null,
  file: string,
  how: PickHow,
): Picked {
  if (how === 'only' || current === null) {
    return { marks: { anchor: file, files: new Set([file]) }, current: file };
  }
  const selected = new Set(selectedFiles(marks, order, current));
  if (how === 'toggle') {
    if (!selected.has(file)) {
      selected.add(file);
      return { marks: { anchor: file, files: selected }, current: file };
    }
    // The last selected photo cannot be unselected: something must stay current.
    if (selected.size === 1) return { marks: { anchor: file, files: selected }, current };
    selected.delete(file);
    const next = file === current ? nearest(order, file, selected) : current;
    return {
      marks: { anchor: marks.anchor === file ? next : marks.anchor, files: selected },
      current: next,
    };
  }
  const anchor = marks.anchor !== null && order.includes(marks.anchor) ? marks.anchor : current;
  const a = order.indexOf(anchor);
  const b = order.indexOf(file);
  if (a < 0 || b < 0) return { marks: { anchor: file, files: new Set([file]) }, current: file };
  const range = order.slice(Math.min(a, b), Math.max(a, b) + 1);
  return { marks: { anchor, files: new Set(range) }, current: file };
}

export function selectAll(order: readonly string[], current: string | null): Marks {
  return { anchor: current, files: new Set(order) };
}

/** After unselecting the current photo, the closest selected one after it, else before. */
function nearest(order: readonly string[], file: string, selected: ReadonlySet<string>): string {
  const at = order.indexOf(file);
  const after = order.slice(at + 1).find((f) => selected.has(f));
  if (after !== undefined) return after;
  const before = order
    .slice(0, Math.max(0, at))
    .reverse()
    .find((f) => selected.has(f));
  return before ?? [...selected][0]!;
}
