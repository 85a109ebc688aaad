/**
 * Where keyboard focus goes in the article editor. Blocks and header fields are found by
 * data attributes, so the checks list, the preview and the keyboard can all point at them.
 */
import shared from './workspace.module.css';

export type Caret = 'start' | 'end' | number;

export type HeaderField =
  'headline' | 'sapo' | 'byline' | 'initials' | 'category' | 'place' | 'date';

export const blockSelector = (id: string) => `[data-block-id="${CSS.escape(id)}"]`;

function placeCaret(el: HTMLElement, caret: Caret): void {
  if (!(el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement)) return;
  if (el.type === 'date' || el.type === 'number' || el.type === 'checkbox') return;
  const n = el.value.length;
  const at = caret === 'start' ? 0 : caret === 'end' ? n : Math.max(0, Math.min(n, caret));
  el.setSelectionRange(at, at);
}

/** Into view: centred when jumped to (a check, the preview), else just enough. */
function reveal(el: HTMLElement, scroll: boolean): void {
  el.scrollIntoView({ block: scroll ? 'center' : 'nearest', behavior: 'auto' });
}

/** Focus a block's text (paragraph text, photo caption, gallery caption) or the block. */
export function focusBlock(root: ParentNode | null, id: string, caret: Caret, scroll = false) {
  const block = root?.querySelector<HTMLElement>(blockSelector(id));
  if (!block) return false;
  const target = block.querySelector<HTMLElement>('[data-focus-target]') ?? block;
  target.focus({ preventScroll: true });
  placeCaret(target, caret);
  reveal(block, scroll);
  return true;
}

export function focusField(root: ParentNode | null, field: HeaderField, scroll = true): boolean {
  const el = root?.querySelector<HTMLElement>(`[data-field="${field}"]`);
  if (!el) return false;
  el.focus({ preventScroll: true });
  placeCaret(el, 'end');
  reveal(el, scroll);
  return true;
}

/** A short highlight on the place a check pointed at. */
export function flash(el: Element | null | undefined): void {
  const name = shared.aFlash;
  if (!el || !name) return;
  el.classList.remove(name);
  // Restart the animation when the same place is pointed at twice.
  void (el as HTMLElement).offsetWidth;
  el.classList.add(name);
  setTimeout(() => el.classList.remove(name), 1200);
}
