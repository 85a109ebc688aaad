/**
 * A Buffer-based JPEG marker walker for the writer. Unlike the reader's walker in
 * formats/jpeg-segments.ts it records where the untouchable part of the file begins,
 * and it measures the stray bytes it skips so the writer can drop them.
 */

export interface Segment {
  marker: number;
  /** Offset of the 0xFF of the marker. */
  start: number;
  /** Offset of the payload, after the two length bytes. */
  payloadStart: number;
  /** Offset just past the payload. */
  end: number;
}

export interface JpegParts {
  /** APPn and COM segments before the first other marker, in file order. */
  head: Segment[];
  /** Offset of the first other marker: from here on the file is copied unchanged. */
  bodyStart: number;
  /** Metadata segments found after bodyStart but before SOS: they must be cut out. */
  bodyMeta: Segment[];
  /** Offset of the SOS marker. */
  sosOffset: number;
  /** Garbage bytes skipped between head segments; dropped from the output. */
  strayHeadBytes: number;
}

export const XMP_SIGNATURE = 'http://ns.adobe.com/xap/1.0/\0';
export const XMP_EXTENSION_SIGNATURE = 'http://ns.adobe.com/xmp/extension/\0';
export const PHOTOSHOP_SIGNATURE = 'Photoshop 3.0\0';

const SOS = 0xda;
const COM = 0xfe;

export const isApp = (marker: number) => marker >= 0xe0 && marker <= 0xef;

export function payloadOf(jpeg: Buffer, seg: Segment): Buffer {
  return jpeg.subarray(seg.payloadStart, seg.end);
}

export function startsWith(jpeg: Buffer, seg: Segment, signature: string): boolean {
  const n = signature.length;
  return (
    seg.end - seg.payloadStart >= n &&
    jpeg.toString('latin1', seg.payloadStart, seg.payloadStart + n) === signature
  );
}

/** Segments a reader would take as EXIF, XMP or Photoshop IRB metadata. */
export function isMetadataSegment(jpeg: Buffer, seg: Segment): boolean {
  return (
    (seg.marker === 0xe1 &&
      (startsWith(jpeg, seg, 'Exif\0') ||
        startsWith(jpeg, seg, XMP_SIGNATURE) ||
        startsWith(jpeg, seg, XMP_EXTENSION_SIGNATURE))) ||
    (seg.marker === 0xed && startsWith(jpeg, seg, PHOTOSHOP_SIGNATURE))
  );
}

export function splitJpeg(jpeg: Buffer): JpegParts {
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8)
    throw new Error('not a JPEG (no start-of-image marker)');
  const parts: JpegParts = {
    head: [],
    bodyStart: -1,
    bodyMeta: [],
    sosOffset: -1,
    strayHeadBytes: 0,
  };
  let pos = 2;
  for (;;) {
    if (pos + 1 >= jpeg.length)
      throw new Error('the JPEG ends before its image data (no SOS marker)');
    if (jpeg[pos] !== 0xff) {
      const next = nextMarker(jpeg, pos);
      if (parts.bodyStart < 0) parts.strayHeadBytes += next - pos;
      pos = next;
      continue;
    }
    const marker = jpeg[pos + 1]!;
    if (marker === 0xff) {
      pos++; // fill byte
      continue;
    }
    if (marker === 0xd9) throw new Error('the JPEG ends before its image data (EOI before SOS)');
    if (marker === 0x01 || marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7)) {
      // Markers without a length have no business before SOS; leave them where they are.
      if (parts.bodyStart < 0) parts.bodyStart = pos;
      pos += 2;
      continue;
    }
    if (pos + 4 > jpeg.length)
      throw new Error(`the JPEG ends inside marker 0x${marker.toString(16)}`);
    const length = jpeg.readUInt16BE(pos + 2);
    const seg: Segment = { marker, start: pos, payloadStart: pos + 4, end: pos + 2 + length };
    if (length < 2)
      throw new Error(`bad length ${length} for marker 0x${marker.toString(16)} at offset ${pos}`);
    if (seg.end > jpeg.length)
      throw new Error(`the JPEG ends inside the 0x${marker.toString(16)} segment at offset ${pos}`);
    if (parts.bodyStart < 0 && (isApp(marker) || marker === COM)) parts.head.push(seg);
    else {
      if (parts.bodyStart < 0) parts.bodyStart = pos;
      if (marker === SOS) {
        parts.sosOffset = pos;
        return parts;
      }
      if (isMetadataSegment(jpeg, seg)) parts.bodyMeta.push(seg);
    }
    pos = seg.end;
  }
}

/** The next 0xFF that starts a marker (not a stuffed 0xFF00), as libjpeg resynchronises. */
function nextMarker(jpeg: Buffer, from: number): number {
  for (let i = from; i + 1 < jpeg.length; i++) {
    if (jpeg[i] === 0xff && jpeg[i + 1] !== 0x00) return i;
  }
  return jpeg.length;
}

/** One marker segment: FF, marker, length (which counts itself), payload. */
export function segmentBytes(marker: number, payload: Buffer): Buffer {
  if (payload.length > 65533)
    throw new Error(
      `a 0x${marker.toString(16)} segment cannot hold ${payload.length} bytes (64 KB limit)`,
    );
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}
