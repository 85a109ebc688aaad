/**
 * Normalizes a text field to NFC in place, keeping the caret where the user was:
 * combining marks from Word or a macOS keyboard shorten the text when composed.
 */
export function normalizeField(field: HTMLTextAreaElement | HTMLInputElement): string {
  const raw = field.value;
  const nfc = raw.normalize('NFC');
  if (nfc === raw) return raw;
  const caret = raw.slice(0, field.selectionEnd ?? raw.length).normalize('NFC').length;
  field.value = nfc;
  field.setSelectionRange(caret, caret);
  return nfc;
}
