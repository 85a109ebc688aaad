import type { ByteSource } from './byte-source';

export interface JpegSegment {
  marker: number;
  /** Offset of the 0xFF of the marker. */
  offset: number;
  /** Offset of the payload (after the length field). */
  dataOffset: number;
  dataLength: number;
}

export interface JpegLayout {
  segments: JpegSegment[];
  width: number | null;
  height: number | null;
  components: number | null;
  progressive: boolean;
  /** Offset of the SOS marker, where entropy-coded data begins. */
  sosOffset: number | null;
  warnings: string[];
}

const SOF_MARKERS = new Set([
  0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf,
]);

/**
 * Walk the marker segments from SOI to SOS. Tolerates stray bytes between segments
 * (Photoshop writes some) with a warning, as libjpeg does, instead of giving up.
 */
export async function readJpegLayout(src: ByteSource): Promise<JpegLayout> {
  const layout: JpegLayout = {
    segments: [],
    width: null,
    height: null,
    components: null,
    progressive: false,
    sosOffset: null,
    warnings: [],
  };
  const soi = await src.read(0, 2);
  if (soi[0] !== 0xff || soi[1] !== 0xd8) throw new Error('not a JPEG (no start-of-image marker)');
  let pos = 2;
  while (pos < src.size) {
    let hdr = await src.read(pos, 4);
    if (hdr.length < 2) break;
    if (hdr[0] !== 0xff) {
      const skipped = await skipToMarker(src, pos);
      layout.warnings.push(`${skipped - pos} stray bytes before a marker at offset ${skipped}`);
      pos = skipped;
      hdr = await src.read(pos, 4);
      if (hdr.length < 2) break;
    }
    const marker = hdr[1]!;
    if (marker === 0xff) {
      pos += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      pos += 2;
      continue;
    }
    if (marker === 0xd9) break;
    if (hdr.length < 4)
      throw new Error(`file ends inside the header of marker 0x${marker.toString(16)}`);
    const length = hdr.readUInt16BE(2);
    if (length < 2) throw new Error(`bad segment length ${length} at offset ${pos}`);
    const seg: JpegSegment = { marker, offset: pos, dataOffset: pos + 4, dataLength: length - 2 };
    if (seg.dataOffset + seg.dataLength > src.size)
      throw new Error(
        `segment 0x${marker.toString(16)} at offset ${pos} runs past the end of the file`,
      );
    layout.segments.push(seg);
    if (SOF_MARKERS.has(marker) && layout.width === null) {
      const sof = await src.read(seg.dataOffset, 6);
      layout.height = sof.readUInt16BE(1);
      layout.width = sof.readUInt16BE(3);
      layout.components = sof[5] ?? null;
      layout.progressive = marker === 0xc2 || marker === 0xc6 || marker === 0xca || marker === 0xce;
    }
    if (marker === 0xda) {
      layout.sosOffset = pos;
      break;
    }
    pos = seg.dataOffset + seg.dataLength;
  }
  return layout;
}

async function skipToMarker(src: ByteSource, from: number): Promise<number> {
  for (let pos = from; pos < src.size; pos += 4096) {
    const chunk = await src.read(pos, 4096);
    for (let i = 0; i < chunk.length - 1; i++) {
      if (chunk[i] === 0xff && chunk[i + 1] !== 0x00 && chunk[i + 1] !== 0xff) return pos + i;
    }
  }
  return src.size;
}

/**
 * After SOS, 0xFF 0xD9 can only be the end-of-image marker (entropy data stuffs 0xFF),
 * so a tail without it means the file was cut short, as cards and transfers sometimes do.
 */
export async function isTruncated(src: ByteSource, sosOffset: number): Promise<boolean> {
  // EOI is almost always in the last bytes; a padded file gets the longer look.
  for (const span of [4 * 1024, 64 * 1024]) {
    const tailStart = Math.max(sosOffset, src.size - span);
    const tail = await src.read(tailStart, src.size - tailStart);
    for (let i = tail.length - 2; i >= 0; i--) {
      if (tail[i] === 0xff && tail[i + 1] === 0xd9) return false;
    }
    if (tailStart === sosOffset) break;
  }
  return true;
}

export function segmentName(seg: JpegSegment, payloadHead: Buffer): string {
  if (seg.marker >= 0xe0 && seg.marker <= 0xef) {
    const zero = payloadHead.indexOf(0);
    return `APP${seg.marker - 0xe0}:${payloadHead.subarray(0, zero < 0 ? 30 : zero).toString('latin1')}`;
  }
  return `0x${seg.marker.toString(16)}`;
}
