import type { ByteSource } from '../formats/byte-source';
import type { JpegLayout, JpegSegment } from '../formats/jpeg-segments';
import { XMP_EXTENSION_SIGNATURE, XMP_SIGNATURE } from './embed/segments';
import { tooBig, XMP_LIMITS } from './xmp-guard';

const APP1 = 0xe1;
const APP11 = 0xeb;
/** GUID (32), full length (4) and offset (4) after the extension's signature. */
const EXT_HEADER = XMP_EXTENSION_SIGNATURE.length + 40;

export interface JpegMetadataHead {
  /** SOI, every segment but the XMP ones, and SOS: all exifr needs, bounded by the file's non-XMP header. */
  exifrHead: Buffer;
  /** The standard packet, then the reassembled Extended XMP when it is whole. */
  xmpPackets: string[];
  /** Why the XMP was not read (its size), or null. */
  xmpRefused: string | null;
}

/**
 * Take the XMP out of a JPEG's header ourselves instead of through exifr, which joins every
 * XMP segment into one string whatever their number, GUID or order: the standard packet
 * is one segment (at most 64 KB); Extended XMP is measured from the segment lengths and
 * refused over the limit before a byte of it is read.
 */
export async function jpegMetadataHead(
  src: ByteSource,
  layout: JpegLayout,
): Promise<JpegMetadataHead> {
  const kept: Buffer[] = [Buffer.from([0xff, 0xd8])];
  let standard: string | null = null;
  const extensions: JpegSegment[] = [];
  for (const seg of layout.segments) {
    if (seg.marker === APP1) {
      const sig = (await src.read(seg.dataOffset, XMP_EXTENSION_SIGNATURE.length)).toString(
        'latin1',
      );
      if (sig.startsWith(XMP_SIGNATURE)) {
        if (standard === null) {
          const payload = await src.read(seg.dataOffset, seg.dataLength);
          standard = payload.toString('utf8', XMP_SIGNATURE.length);
        }
        continue;
      }
      if (sig === XMP_EXTENSION_SIGNATURE) {
        extensions.push(seg);
        continue;
      }
    }
    // APP11 holds JPEG XT/JUMBF boxes (a C2PA manifest store, tens of KB): nothing exifr reads.
    if (seg.marker === APP11) continue;
    kept.push(await src.read(seg.offset, seg.dataOffset + seg.dataLength - seg.offset));
  }
  const out: JpegMetadataHead = {
    exifrHead: Buffer.concat(kept),
    xmpPackets: standard === null ? [] : [standard],
    xmpRefused: null,
  };
  if (standard === null || extensions.length === 0) return out;
  const total = extensions.reduce((n, s) => n + s.dataLength, 0);
  if (total > XMP_LIMITS.bytes) {
    out.xmpRefused = `Extended XMP: ${tooBig(total)}`;
    return out;
  }
  const guid = /HasExtendedXMP(?:\s*=\s*["']|>)\s*([0-9A-Fa-f]{32})/.exec(standard)?.[1];
  if (!guid) return out;
  const chunks: Buffer[] = [];
  for (const seg of extensions) {
    if (seg.dataLength < EXT_HEADER) continue;
    const payload = await src.read(seg.dataOffset, seg.dataLength);
    if (
      payload.toString(
        'latin1',
        XMP_EXTENSION_SIGNATURE.length,
        XMP_EXTENSION_SIGNATURE.length + 32,
      ) === guid
    )
      chunks.push(payload);
  }
  const whole = reassemble(chunks);
  if (whole === 'too big') out.xmpRefused = `Extended XMP: ${tooBig(statedLength(chunks[0]!))}`;
  else if (whole !== null) out.xmpPackets.push(whole);
  return out;
}

function statedLength(payload: Buffer): number {
  return payload.readUInt32BE(XMP_EXTENSION_SIGNATURE.length + 32);
}

/** The extension's text when its chunks cover it exactly, as Part 3 lays them out by offset. */
function reassemble(chunks: Buffer[]): string | 'too big' | null {
  if (!chunks.length) return null;
  const full = statedLength(chunks[0]!);
  if (full > XMP_LIMITS.bytes) return 'too big';
  const whole = Buffer.alloc(full);
  let got = 0;
  for (const p of chunks) {
    if (statedLength(p) !== full) return null;
    const offset = p.readUInt32BE(XMP_EXTENSION_SIGNATURE.length + 36);
    const data = p.subarray(EXT_HEADER);
    if (offset + data.length > full) return null;
    data.copy(whole, offset);
    got += data.length;
  }
  return got === full ? whole.toString('utf8') : null;
}
