import { Tiff, TiffWriter } from './tiff';

/**
 * MPF (CIPA DC-007) APP2 segments locate the extra images after EOI by offsets relative to
 * the MPF header itself. Rewriting the header segments moves the MPF header and the images
 * by different amounts, so the offsets are shifted to keep pointing at the same images.
 *
 * @param payload the APP2 payload, "MPF\0" included (not modified)
 * @param mapOld maps an offset in the old file to the new file, for offsets after SOS
 */
export function patchMpf(
  payload: Buffer,
  oldHeaderAt: number,
  newHeaderAt: number,
  mapOld: (at: number) => number,
): Buffer {
  const out = Buffer.from(payload);
  const header = out.subarray(4);
  let tiff: Tiff;
  try {
    tiff = new Tiff(header);
    const index = tiff.readIfd(tiff.ifd0);
    const entry = index.entries.find((e) => e.tag === 0xb002);
    if (!entry || entry.valueAt + entry.size > header.length) return out;
    const w = new TiffWriter(header, tiff.le);
    for (let p = entry.valueAt; p + 16 <= entry.valueAt + entry.size; p += 16) {
      const offset = tiff.u32(p + 8);
      // Offset 0 is the first image, the JPEG itself.
      if (offset !== 0) w.u32(p + 8, mapOld(oldHeaderAt + offset) - newHeaderAt);
    }
  } catch {
    // An MPF we cannot read is kept as it was: it was already no use to readers.
  }
  return out;
}
