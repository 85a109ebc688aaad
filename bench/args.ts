import { parseArgs } from 'node:util';

export const TASKS = ['scan', 'open', 'thumbs', 'exiftool', 'vips'] as const;
export type Task = (typeof TASKS)[number];

export interface BenchArgs {
  n: number;
  width: number;
  height: number;
  keep: boolean;
  only: ReadonlySet<Task>;
}

export const USAGE =
  'Usage: npm run bench -- [--n 200] [--size 6000x4000] [--keep] [--only scan,open,thumbs,exiftool,vips]';

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      n: { type: 'string', default: '200' },
      size: { type: 'string', default: '6000x4000' },
      keep: { type: 'boolean', default: false },
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

  const only = new Set<Task>();
  for (const word of values.only.split(',').map((w) => w.trim())) {
    if (!word) continue;
    if (!(TASKS as readonly string[]).includes(word)) {
      throw new Error(`--only: unknown task "${word}"; choose from ${TASKS.join(', ')}`);
    }
    only.add(word as Task);
  }
  if (only.size === 0) throw new Error('--only names no task');

  return { n, width, height, keep: values.keep, only };
}
