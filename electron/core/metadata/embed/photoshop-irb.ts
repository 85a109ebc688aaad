import { createHash } from 'node:crypto';

/**
 * Photoshop image resource blocks, as APP13 carries them: `8BIM`, id, a Pascal name
 * padded to even length, a 32-bit size, the data padded to even length.
 */

export interface Resource {
  id: number;
  /** The whole block, header and padding included, copied unchanged when kept. */
  raw: Buffer;
}

const SIGNATURES = new Set(['8BIM', 'PHUT', 'AgHg', 'DCSR', 'MeSa']);
export const IIM_RESOURCE = 0x0404;
export const IPTC_DIGEST_RESOURCE = 0x0425;

/** The resources in `data`, and how many trailing bytes were not resources (garbage). */
export function parseResources(data: Buffer): { resources: Resource[]; garbage: number } {
  const resources: Resource[] = [];
  let pos = 0;
  while (pos + 12 <= data.length && SIGNATURES.has(data.toString('latin1', pos, pos + 4))) {
    const id = data.readUInt16BE(pos + 4);
    const nameLen = data[pos + 6]!;
    const sizeAt = pos + 6 + ((1 + nameLen + 1) & ~1);
    if (sizeAt + 4 > data.length) break;
    const size = data.readUInt32BE(sizeAt);
    const end = sizeAt + 4 + size + (size & 1);
    if (sizeAt + 4 + size > data.length) break;
    resources.push({ id, raw: data.subarray(pos, Math.min(end, data.length)) });
    pos = Math.min(end, data.length);
  }
  return { resources, garbage: data.length - pos };
}

export function resource(id: number, data: Buffer): Buffer {
  const head = Buffer.alloc(12);
  head.write('8BIM', 0, 'latin1');
  head.writeUInt16BE(id, 4);
  // Bytes 6–7: an empty Pascal name and its pad byte.
  head.writeUInt32BE(data.length, 8);
  return Buffer.concat([head, data, Buffer.alloc(data.length & 1)]);
}

/**
 * The resources with new IIM: IIM first, because WordPress (PHP iptcparse) reads only
 * the first APP13 and expects IIM at its start; then its MD5 digest, so that readers
 * following the MWG see IIM and XMP as in sync; then the other resources unchanged.
 */
export function withIim(resources: Resource[], iim: Buffer | null): Buffer {
  const others = resources
    .filter((r) => r.id !== IIM_RESOURCE && r.id !== IPTC_DIGEST_RESOURCE)
    .map((r) => r.raw);
  if (!iim) return Buffer.concat(others);
  const digest = createHash('md5').update(iim).digest();
  return Buffer.concat([
    resource(IIM_RESOURCE, iim),
    resource(IPTC_DIGEST_RESOURCE, digest),
    ...others,
  ]);
}
