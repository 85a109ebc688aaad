/** A package diff as text for a terminal: git's word-diff notation, one change per line. */
import type { ManifestDiff } from './diff-manifests';
import { printableName } from '../../../common/naming/zip-member-names';
import { renderInline } from './word-diff';

export interface DiffSides {
  a: { path: string; version: number };
  b: { path: string; version: number };
}

export function formatDiff(d: ManifestDiff & DiffSides): string {
  const lines = [`--- ${d.a.path} (v${d.a.version})`, `+++ ${d.b.path} (v${d.b.version})`];
  if (d.headline) lines.push(`Headline: ${renderInline(d.headline)}`);
  if (d.sapo) lines.push(`Sapo: ${renderInline(d.sapo)}`);
  for (const p of d.paragraphs)
    lines.push(`Paragraph ${p.blockId} (${p.status}): ${renderInline(p.diff)}`);
  for (const g of d.galleryCaptions)
    lines.push(`Gallery ${g.blockId} caption (${g.status}): ${renderInline(g.diff)}`);
  for (const c of d.captions)
    lines.push(`Caption ${c.photoId} (${c.sourceFile}): ${renderInline(c.diff)}`);
  for (const p of d.photos.added) lines.push(`Photo added: ${p.id} (${p.sourceFile})`);
  for (const p of d.photos.removed) lines.push(`Photo removed: ${p.id} (${p.sourceFile})`);
  if (d.photos.reordered)
    lines.push(`Photos reordered: ${d.photos.before.join(', ')} → ${d.photos.after.join(', ')}`);
  for (const h of d.history)
    lines.push(
      `History v${h.version}: ${h.decision} by ${h.by} (${h.role})${h.note ? `: ${h.note}` : ''}`,
    );
  for (const c of d.comments) lines.push(`Comment on ${c.target} by ${c.by}: ${c.text}`);
  if (lines.length === 2) lines.push('No changes.');
  // Text from a package is data: a control character in a caption must not drive the terminal.
  return lines.map(printableName).join('\n');
}
