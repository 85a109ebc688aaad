/**
 * Byte-limited text for IIM and EXIF. Limits are bytes, and a Vietnamese letter is
 * 2–3 bytes in UTF-8, so a cut must fall between whole characters: ExifTool cuts
 * mid-sequence and leaves invalid UTF-8. We cut between graphemes, so a letter that
 * arrived with a combining mark keeps it.
 */

export interface Truncation {
  field: string;
  dataset: string;
  limitBytes: number;
  originalBytes: number;
  keptBytes: number;
}

const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

export function cutUtf8(text: string, limitBytes: number): { bytes: Buffer; cut: boolean } {
  const all = Buffer.from(text, 'utf8');
  if (all.length <= limitBytes) return { bytes: all, cut: false };
  let kept = 0;
  for (const { segment } of graphemes.segment(text)) {
    const n = Buffer.byteLength(segment, 'utf8');
    if (kept + n > limitBytes) break;
    kept += n;
  }
  // The kept graphemes are a prefix of the text, so their bytes are a prefix of its bytes.
  return { bytes: all.subarray(0, kept), cut: true };
}

/** Encode, cut to the limit, and note the cut in `truncated`. */
export function limitedText(
  text: string,
  limitBytes: number,
  field: string,
  dataset: string,
  truncated: Truncation[],
): Buffer {
  const { bytes, cut } = cutUtf8(text, limitBytes);
  if (cut)
    truncated.push({
      field,
      dataset,
      limitBytes,
      originalBytes: Buffer.byteLength(text, 'utf8'),
      keptBytes: bytes.length,
    });
  return bytes;
}
