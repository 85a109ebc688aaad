/** Keyboard entry into the editor continues the caption, so the caret goes to its end. */
export function focusAtEnd(field: HTMLTextAreaElement | null): void {
  if (!field) return;
  field.focus();
  const end = field.value.length;
  field.setSelectionRange(end, end);
}
