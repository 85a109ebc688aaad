/**
 * Folders made from the generated photos by hard links, so 10,000 photos cost no more
 * disk than 1,000 and the same bytes sit in the page cache for every tool.
 */
import { link, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

export interface LinkedFolder {
  dir: string;
  files: string[];
  reused: boolean;
}

const linkedName = (i: number) => `DSC_${String(i + 1).padStart(5, '0')}.JPG`;

/** Links every source `copies` times under distinct names: DSC_00001.JPG, DSC_00002.JPG… */
async function linkAll(dir: string, sources: readonly string[], copies: number): Promise<string[]> {
  const files: string[] = [];
  for (let c = 0; c < copies; c++) {
    for (const [s, source] of sources.entries()) {
      files.push(path.join(dir, linkedName(c * sources.length + s)));
      await link(source, files.at(-1)!);
    }
  }
  return files;
}

/** Reused when it holds exactly the expected names and nothing else (no sidecar from a past run). */
async function sameNames(dir: string, expected: readonly string[]): Promise<boolean> {
  try {
    const names = (await readdir(dir)).sort();
    const want = expected.map((f) => path.basename(f)).sort();
    return names.length === want.length && names.every((n, i) => n === want[i]);
  } catch {
    return false;
  }
}

/** `<bench folder>-x<copies>`, beside the generated one. */
export async function ensureLinkedFolder(
  benchDir: string,
  sources: readonly string[],
  copies: number,
): Promise<LinkedFolder> {
  const dir = `${benchDir}-x${copies}`;
  const files = Array.from({ length: sources.length * copies }, (_, i) =>
    path.join(dir, linkedName(i)),
  );
  if (await sameNames(dir, files)) return { dir, files, reused: true };
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await linkAll(dir, sources, copies);
  return { dir, files, reused: false };
}

/**
 * A memory card as a camera writes it, `DCIM/100CANON/…`, made of links to the generated
 * files: the card and the folder share inodes, so nothing can be written to a "card" file
 * without the benchmark's own folder changing too (ingest only reads it).
 */
export async function makeCard(parent: string, sources: readonly string[]): Promise<string> {
  const card = path.join(parent, 'card');
  const dcim = path.join(card, 'DCIM', '100CANON');
  await mkdir(dcim, { recursive: true });
  for (const source of sources) await link(source, path.join(dcim, path.basename(source)));
  return card;
}

export async function removeLinkedFolder(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
