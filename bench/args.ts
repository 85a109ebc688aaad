import { parseArgs } from 'node:util';

/**
 * scan/exiftool and thumbs/vips are CaptionDesk against its reference; index is the core's
 * progressive open in-process (first screen, all read, re-open from the index cache); open, scroll,
 * caption and rss run in Chromium; ingest/cp is the card copy against `cp` + `sha256sum`;
 * credentials signs the photos as a C2PA camera would and validates them, against `sha256sum`.
 */
export const TASKS = [
  'scan',
  'index',
  'thumbs',
  'exiftool',
  'vips',
  'open',
  'scroll',
  'caption',
  'rss',
  'ingest',
  'cp',
  'credentials',
] as const;
export type Task = (typeof TASKS)[number];

/** The tasks that need browser mode on the linked (large) folder. */
export const LINKED_TASKS: readonly Task[] = ['open', 'scroll', 'caption', 'rss'];

export interface BenchArgs {
  n: number;
  width: number;
  height: number;
  keep: boolean;
  /** Names per generated file in the hard-linked large folder (10: 1,000 photos make 10,000). */
  links: number;
  only: ReadonlySet<Task>;
}

export const USAGE =
  'Usage: npm run bench -- [--n 200] [--size 6000x4000] [--keep] [--links 10] ' +
  `[--only ${TASKS.join(',')}]`;

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      n: { type: 'string', default: '200' },
      size: { type: 'string', default: '6000x4000' },
      keep: { type: 'boolean', default: false },
      links: { type: 'string', default: '10' },
      only: { type: 'string', default: TASKS.join(',') },
    },
  });

  const n = Number(values.n);
  if (!Number.isInteger(n) || n < 1 || n > 9999) {
    // Names are DSC-0001…DSC-9999, like a camera counter.
    throw new Error(`--n must be a whole number from 1 to 9999, not "${values.n}"`);
  }

  const size = /^(\d+)x(\d+)$/.exec(values.size);
  const width = Number(size?.[1]);
  const height = Number(size?.[2]);
  if (!size || width < 16 || height < 16 || width > 16384 || height > 16384) {
    throw new Error(
      `--size must look like 6000x4000 (16 to 16384 px a side), not "${values.size}"`,
    );
  }

  const links = Number(values.links);
  if (!Number.isInteger(links) || links < 1 || links > 100 || n * links > 99999) {
    // The linked names are DSC_00001…DSC_99999.
    throw new Error(
      `--links must be a whole number from 1 to 100 with N × links ≤ 99999, not "${values.links}"`,
    );
  }

  const only = new Set<Task>();
  for (const word of values.only.split(',').map((w) => w.trim())) {
    if (!word) continue;
    if (!(TASKS as readonly string[]).includes(word)) {
      throw new Error(`--only: unknown task "${word}"; choose from ${TASKS.join(', ')}`);
    }
    only.add(word as Task);
  }
  if (only.size === 0) throw new Error('--only names no task');

  return { n, width, height, keep: values.keep, links, only };
}
