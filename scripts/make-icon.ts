/**
 * Draws the app icon: a rounded dark square with a "CD" monogram. The letters are
 * paths, not text, so the result does not depend on the fonts of the machine.
 * Run `npx tsx scripts/make-icon.ts` after changing it; the PNGs are committed.
 *   build/icon.png   512 px, electron-builder derives .ico / .icns from it
 *   assets/icon.png  256 px, the window icon on Windows and Linux
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

const root = path.resolve(import.meta.dirname, '..');

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#2a3142"/>
      <stop offset="1" stop-color="#161a23"/>
    </linearGradient>
  </defs>
  <rect x="16" y="16" width="480" height="480" rx="108" fill="url(#bg)"/>
  <g fill="none" stroke-width="44" stroke-linecap="round" stroke-linejoin="round" transform="translate(0 -8)">
    <path d="M 243.9 188.1 A 96 96 0 1 0 243.9 323.9" stroke="#f4f1ea"/>
    <path d="M 318 160 H 338 A 96 96 0 0 1 338 352 H 318 Z" stroke="#f2b441"/>
  </g>
  <rect x="120" y="392" width="272" height="20" rx="10" fill="#f2b441" opacity="0.85"/>
</svg>`;

async function write(size: number, file: string): Promise<void> {
  const out = path.join(root, file);
  await mkdir(path.dirname(out), { recursive: true });
  await sharp(Buffer.from(svg), { density: 72 * (size / 512) * 2 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toFile(out);
  console.log(`${file}: ${size}x${size}`);
}

await write(512, 'build/icon.png');
await write(256, 'assets/icon.png');
