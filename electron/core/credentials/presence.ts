/**
 * Whether a file carries a C2PA manifest store, read from what the scan already has
 * open. Cheap on purpose: a folder of thousands is scanned for this, and only the
 * photos that carry one are validated (which hashes the whole file).
 */
import type { ByteSource } from '../formats/byte-source';
import type { JpegSegment } from '../formats/jpeg-segments';

/** The manifest store's JUMBF description UUID starts with the bytes "c2pa". */
const STORE_UUID_HEAD = Buffer.from('c2pa', 'latin1');

/**
 * APP11 holds JPEG XT boxes: "JP", a 2-byte instance, a 4-byte sequence number, then
 * the JUMBF superbox ("jumb") whose description box ("jumd") names the C2PA store.
 */
export async function jpegHasManifest(src: ByteSource, segments: JpegSegment[]): Promise<boolean> {
  for (const seg of segments) {
    if (seg.marker !== 0xeb || seg.dataLength < 28) continue;
    const d = await src.read(seg.dataOffset, 28);
    if (d.toString('latin1', 0, 2) !== 'JP') continue;
    if (d.toString('latin1', 12, 16) !== 'jumb' || d.toString('latin1', 20, 24) !== 'jumd')
      continue;
    if (d.subarray(24, 28).equals(STORE_UUID_HEAD)) return true;
  }
  return false;
}

/** A PNG's chunks are walked this far at most: a store sits near the start (C2PA 2.1, A.3.3). */
const PNG_CHUNK_LIMIT = 4096;

/** PNG keeps the store in a `caBX` chunk; only chunk headers are read. */
export async function pngHasManifest(src: ByteSource): Promise<boolean> {
  let pos = 8;
  for (let i = 0; i < PNG_CHUNK_LIMIT && pos + 8 <= src.size; i++) {
    const hdr = await src.read(pos, 8);
    const type = hdr.toString('latin1', 4, 8);
    if (type === 'caBX') return true;
    if (type === 'IEND') return false;
    pos += 12 + hdr.readUInt32BE(0);
  }
  return false;
}
