export const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** How the command key is written on this platform. */
export const MOD = isMac ? '⌘' : 'Ctrl';

/** Typing in a field must never trigger a one-letter shortcut. */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(
      target.type,
    );
  return false;
}
