import type { ChangeEvent, CompositionEvent } from 'react';

type Field = HTMLInputElement | HTMLTextAreaElement;

/**
 * Normalizes a text field to NFC in place, keeping the caret where the user was:
 * combining marks from Word or a macOS keyboard shorten the text when composed.
 */
export function normalizeInPlace(field: Field): string {
  const raw = field.value;
  const nfc = raw.normalize('NFC');
  if (nfc === raw) return raw;
  const caret = raw.slice(0, field.selectionEnd ?? raw.length).normalize('NFC').length;
  field.value = nfc;
  try {
    field.setSelectionRange(caret, caret);
  } catch {
    // type="date" and similar fields have no caret.
  }
  return nfc;
}

/**
 * The text a change event carries: NFC, except while an input method (Telex, VNI) is
 * still composing a letter, which must not be disturbed; composition end normalizes it.
 */
export function changedText(event: ChangeEvent<Field>): string {
  const composing = (event.nativeEvent as InputEvent).isComposing === true;
  return composing ? event.currentTarget.value : normalizeInPlace(event.currentTarget);
}

export function composedText(event: CompositionEvent<Field>): string {
  return normalizeInPlace(event.currentTarget);
}

/** Whether the caret sits at the very start / end with nothing selected. */
export function caretAtStart(field: Field): boolean {
  return field.selectionStart === 0 && field.selectionEnd === 0;
}

export function caretAtEnd(field: Field): boolean {
  const n = field.value.length;
  return field.selectionStart === n && field.selectionEnd === n;
}
