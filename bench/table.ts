export interface Goal {
  /** As the issue states it, e.g. "≤ 0.5 s" or "≥ 20×". */
  text: string;
  /** null when the row could not be measured. */
  met: boolean | null;
}

export interface Row {
  task: string;
  /** How many photos this row measured. */
  photos: number;
  /** CaptionDesk's wall time in ms; null when not run. */
  ours: number | null;
  /** Shown instead of `ours` as a duration: frame times, memory, "not available: …". */
  oursText?: string;
  /** Whether photos/s means anything for this row (a throughput, not a latency). */
  throughput: boolean;
  /** The reference tool as run, or '—' when there is none for this task. */
  reference: string;
  refMs: number | null;
  goal?: Goal;
}

const HEADER = [
  'task',
  'photos',
  'CaptionDesk',
  'photos/s',
  'reference',
  'time',
  'photos/s',
  'ratio',
  'goal',
  'result',
];
/** Columns of words, left aligned; the rest are numbers. */
const TEXT_COLUMNS = new Set([0, 4, 8, 9]);

export function duration(ms: number | null): string {
  if (ms === null) return '—';
  return ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

function rate(ms: number | null, n: number, throughput: boolean): string {
  if (ms === null || !throughput) return '—';
  const perSecond = (n * 1000) / Math.max(ms, 0.001);
  return perSecond < 100 ? perSecond.toFixed(1) : perSecond.toFixed(0);
}

/** Reference time over ours: above 1 means CaptionDesk is faster. */
export function ratioOf(row: Pick<Row, 'ours' | 'refMs'>): number | null {
  if (row.ours === null || row.refMs === null) return null;
  return row.refMs / Math.max(row.ours, 0.001);
}

function cells(row: Row): string[] {
  const ratio = ratioOf(row);
  return [
    row.task,
    String(row.photos),
    row.oursText ?? duration(row.ours),
    rate(row.ours, row.photos, row.throughput),
    row.reference,
    duration(row.refMs),
    rate(row.refMs, row.photos, row.throughput),
    ratio === null ? '—' : `${ratio.toFixed(2)}x`,
    row.goal?.text ?? '—',
    row.goal ? (row.goal.met === null ? 'n/a' : row.goal.met ? 'pass' : 'MISS') : '—',
  ];
}

export function textTable(rows: readonly Row[]): string {
  const body = rows.map(cells);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...body.map((c) => c[i]?.length ?? 0)));
  // Names left, numbers right, so the columns read down.
  const line = (c: string[]) =>
    c
      .map((v, i) => (TEXT_COLUMNS.has(i) ? v.padEnd(widths[i]!) : v.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(HEADER), rule, ...body.map(line)].join('\n');
}

export function markdownTable(rows: readonly Row[]): string {
  const escape = (v: string) => v.replaceAll('|', '\\|');
  const line = (c: string[]) => `| ${c.map(escape).join(' | ')} |`;
  const align = HEADER.map((_, i) => (TEXT_COLUMNS.has(i) ? '---' : '---:'));
  return [line(HEADER), line(align), ...rows.map((r) => line(cells(r)))].join('\n');
}
