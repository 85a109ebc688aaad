import type { ByteSource } from './byte-source';

/** What we need from HEIF and Canon CR3 files: size, rotation, metadata blocks, preview. */
export interface IsoInfo {
  width: number | null;
  height: number | null;
  /** HEIF `irot`: rotation anticlockwise in degrees. */
  rotation: number;
  /** Canon CR3: raw TIFF blocks (CMT1 = IFD0, CMT2 = EXIF, CMT4 = GPS) and the XMP packet. */
  tiffBlocks: { name: string; data: Buffer }[];
  xmp: string | null;
  /** Largest embedded JPEG preview (CR3 PRVW), as a byte range. */
  preview: { offset: number; length: number; width: number; height: number } | null;
  /** A C2PA manifest store (Content Credentials) is in the file. */
  c2pa: boolean;
}

const CONTAINERS = new Set([
  'moov',
  'meta',
  'iprp',
  'ipco',
  'trak',
  'mdia',
  'minf',
  'stbl',
  'dinf',
]);
const CANON_UUID = '85c0b687820f11e08111f4ce462b6a48';
const CANON_PREVIEW_UUID = 'eaf42b5e1c984b88b9fbb7dc406e4d16';
const XMP_UUID = 'be7acfcb97a942e89c71999491e3afac';
/** The box C2PA keeps its manifest store in (C2PA 2.1, A.5). */
const C2PA_UUID = 'd8fec3d61b0e483c92975828877ec481';

export async function readIsoInfo(src: ByteSource): Promise<IsoInfo> {
  const info: IsoInfo = {
    width: null,
    height: null,
    rotation: 0,
    tiffBlocks: [],
    xmp: null,
    preview: null,
    c2pa: false,
  };
  await walk(src, 0, src.size, info, 0);
  return info;
}

async function walk(
  src: ByteSource,
  start: number,
  end: number,
  info: IsoInfo,
  depth: number,
): Promise<void> {
  let pos = start;
  while (pos + 8 <= end && depth < 8) {
    const hdr = await src.read(pos, 16);
    if (hdr.length < 8) return;
    let size = hdr.readUInt32BE(0);
    const type = hdr.toString('latin1', 4, 8);
    let headerLen = 8;
    if (size === 1) {
      size = Number(hdr.readBigUInt64BE(8));
      headerLen = 16;
    } else if (size === 0) {
      size = end - pos;
    }
    if (size < headerLen) return;
    const boxEnd = Math.min(end, pos + size);
    const body = pos + headerLen;
    if (type === 'meta') {
      await walk(src, body + 4, boxEnd, info, depth + 1); // full box: version + flags
    } else if (CONTAINERS.has(type)) {
      await walk(src, body, boxEnd, info, depth + 1);
    } else if (type === 'uuid') {
      const uuid = (await src.read(body, 16)).toString('hex');
      if (uuid === CANON_UUID) await walk(src, body + 16, boxEnd, info, depth + 1);
      else if (uuid === CANON_PREVIEW_UUID) await walk(src, body + 16 + 8, boxEnd, info, depth + 1);
      else if (uuid === C2PA_UUID) info.c2pa = true;
      else if (uuid === XMP_UUID)
        info.xmp = (await src.read(body + 16, boxEnd - body - 16)).toString('utf8');
    } else if (type === 'ispe') {
      const b = await src.read(body, 12);
      const w = b.readUInt32BE(4);
      const h = b.readUInt32BE(8);
      // HEIF lists an ispe per tile and thumbnail too; the primary image is the largest.
      if (w * h > (info.width ?? 0) * (info.height ?? 0)) {
        info.width = w;
        info.height = h;
      }
    } else if (type === 'irot') {
      const b = await src.read(body, 1);
      info.rotation = ((b[0] ?? 0) & 3) * 90;
    } else if (/^CMT[1-4]$/.test(type)) {
      info.tiffBlocks.push({ name: type, data: Buffer.from(await src.read(body, boxEnd - body)) });
    } else if (type === 'PRVW') {
      const b = await src.read(body, 16);
      const width = b.readUInt16BE(6);
      const height = b.readUInt16BE(8);
      const length = b.readUInt32BE(12);
      const offset = body + 16;
      if (offset + length <= src.size && (!info.preview || width > info.preview.width)) {
        info.preview = { offset, length, width, height };
      }
    }
    pos = pos + size;
  }
}
