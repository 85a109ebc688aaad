export interface Row {
  task: string;
  /** CaptionDesk's wall time in ms; null when not run. */
  ours: number | null;
  /** The reference tool as run, or '—' when there is none for this task. */
  reference: string;
  refMs: number | null;
}

const HEADER = [
  'task',
  'CaptionDesk',
  'ms/photo',
  'photos/s',
  'reference',
  'time',
  'ms/photo',
  'photos/s',
  'ratio',
];

function duration(ms: number | null): string {
  if (ms === null) return '—';
  return ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

function perPhoto(ms: number | null, n: number): string {
  return ms === null ? '—' : (ms / n).toFixed(ms / n < 10 ? 2 : 1);
}

function rate(ms: number | null, n: number): string {
  if (ms === null) return '—';
  const perSecond = (n * 1000) / Math.max(ms, 0.001);
  return perSecond < 100 ? perSecond.toFixed(1) : perSecond.toFixed(0);
}

/** Reference time over ours: above 1 means CaptionDesk is faster. */
function ratio(row: Row): string {
  if (row.ours === null || row.refMs === null) return '—';
  return `${(row.refMs / Math.max(row.ours, 0.001)).toFixed(2)}x`;
}

function cells(row: Row, n: number): string[] {
  return [
    row.task,
    duration(row.ours),
    perPhoto(row.ours, n),
    rate(row.ours, n),
    row.reference,
    duration(row.refMs),
    perPhoto(row.refMs, n),
    rate(row.refMs, n),
    ratio(row),
  ];
}

export function textTable(rows: readonly Row[], n: number): string {
  const body = rows.map((r) => cells(r, n));
  const widths = HEADER.map((h, i) => Math.max(h.length, ...body.map((c) => c[i]?.length ?? 0)));
  // Names left, numbers right, so the columns read down.
  const line = (c: string[]) =>
    c
      .map((v, i) => (i === 0 || i === 4 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!)))
      .join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(HEADER), rule, ...body.map(line)].join('\n');
}

export function markdownTable(rows: readonly Row[], n: number): string {
  const line = (c: string[]) => `| ${c.join(' | ')} |`;
  const align = HEADER.map((_, i) => (i === 0 || i === 4 ? '---' : '---:'));
  return [line(HEADER), line(align), ...rows.map((r) => line(cells(r, n)))].join('\n');
}
