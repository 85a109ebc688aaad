import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { writeZip } from '../../../electron/core/zip';

/**
 * An article package shaped like a real one (photos, article.html, newsml.xml,
 * manifest.json) with photos of any size: the outbox only moves bytes, so noise will do.
 */
export async function makePackage(
  dir: string,
  name: string,
  photoBytes: number[],
): Promise<{ path: string; members: Map<string, Buffer> }> {
  const members = new Map<string, Buffer>();
  photoBytes.forEach((n, i) =>
    members.set(`${name}-${String(i + 1).padStart(2, '0')}.jpg`, randomBytes(n)),
  );
  members.set('article.html', Buffer.from(`<html><body><h1>${name}</h1></body></html>\n`));
  members.set('newsml.xml', Buffer.from(`<?xml version="1.0"?><newsMessage/>\n`));
  members.set(
    'manifest.json',
    Buffer.from(JSON.stringify({ package: name, photos: photoBytes.length }) + '\n'),
  );
  const path = join(dir, `${name}.zip`);
  await writeZip(
    [...members].map(([p, data]) => ({ path: p, data, compress: !p.endsWith('.jpg') })),
    path,
  );
  return { path, members };
}
