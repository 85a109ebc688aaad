/** Photo formats we list. Detection is by content; the extension only pre-filters the folder. */
export type PhotoFormat =
  | 'JPEG'
  | 'PNG'
  | 'TIFF'
  | 'HEIC'
  | 'CR3'
  | 'CR2'
  | 'NEF'
  | 'ARW'
  | 'DNG'
  | 'RAF'
  | 'ORF'
  | 'RW2'
  | 'PEF'
  | 'SRW';

const byExtension: Record<string, PhotoFormat> = {
  jpg: 'JPEG',
  jpeg: 'JPEG',
  jpe: 'JPEG',
  png: 'PNG',
  tif: 'TIFF',
  tiff: 'TIFF',
  heic: 'HEIC',
  heif: 'HEIC',
  hif: 'HEIC',
  cr3: 'CR3',
  cr2: 'CR2',
  nef: 'NEF',
  nrw: 'NEF',
  arw: 'ARW',
  dng: 'DNG',
  raf: 'RAF',
  orf: 'ORF',
  rw2: 'RW2',
  pef: 'PEF',
  srw: 'SRW',
};

export const RAW_FORMATS: ReadonlySet<PhotoFormat> = new Set([
  'CR3',
  'CR2',
  'NEF',
  'ARW',
  'DNG',
  'RAF',
  'ORF',
  'RW2',
  'PEF',
  'SRW',
]);

export function formatFromName(name: string): PhotoFormat | null {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return null;
  return byExtension[name.slice(dot + 1).toLowerCase()] ?? null;
}

/** What the bytes say, when they say something clear; null leaves the extension's word. */
export function formatFromBytes(head: Uint8Array): PhotoFormat | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'JPEG';
  if (
    head.length >= 8 &&
    head[0] === 0x89 &&
    head[1] === 0x50 &&
    head[2] === 0x4e &&
    head[3] === 0x47
  )
    return 'PNG';
  if (head.length >= 12) {
    const box = String.fromCharCode(...head.subarray(4, 12));
    if (box === 'ftypcrx ') return 'CR3';
    if (/^ftyp(heic|heix|hevc|heim|heis|mif1|msf1)/.test(box)) return 'HEIC';
  }
  return null;
}
