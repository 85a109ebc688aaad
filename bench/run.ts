/**
 * npm run bench -- [--n 200] [--size 6000x4000] [--keep] [--only scan,thumbs,exiftool,vips]
 *
 * Times CaptionDesk's scan and thumbnail cache against exiftool and vipsthumbnail over the
 * same folder of camera-sized JPEGs. A benchmark, not a test: it prints, it never fails on time.
 */
import os from 'node:os';
import { parseBenchArgs, USAGE, type BenchArgs } from './args';
import { timeCaptionDesk } from './captiondesk';
import { ensureBenchFolder, removeBenchFolder } from './generate';
import { machineLines } from './machine';
import { exifSummary, timeExiftool, timeVipsthumbnail, toolVersions } from './reference-tools';
import { markdownTable, textTable, type Row } from './table';

/** The size a photo desk script would pass to vipsthumbnail. */
const VIPS_SIZE = 400;

function parse(): BenchArgs {
  try {
    return parseBenchArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    process.exit(1);
  }
}

async function main() {
  const args = parse();
  const { n, width, height, only } = args;
  const tools = await toolVersions();
  const notes: string[] = [];

  // Taken once, so both tables report the load the timings started under.
  const machine = machineLines(tools);
  console.log(`CaptionDesk benchmark: N=${n} JPEGs of ${width}x${height}`);
  for (const line of machine) console.log(`  ${line}`);

  const folder = await ensureBenchFolder(n, width, height, tools.exiftool !== null);
  console.log(
    `  folder: ${folder.dir} (${folder.reused ? 'reused' : 'generated'} in ` +
      `${folder.seconds.toFixed(1)} s; ${(folder.bytes / 2 ** 20).toFixed(0)} MB, ` +
      `${(folder.bytes / n / 2 ** 20).toFixed(2)} MB a photo)`,
  );
  notes.push(...folder.notes);
  const first = folder.files[0];
  if (tools.exiftool && first) console.log(`  ${await exifSummary(first)}`);
  console.log('');

  const ours = await timeCaptionDesk(folder.dir, n, {
    scan: only.has('scan'),
    open: only.has('open'),
    thumbs: only.has('thumbs'),
  });
  notes.push(...ours.notes);

  let exiftoolMs: number | null = null;
  if (only.has('exiftool')) {
    if (tools.exiftool) exiftoolMs = await timeExiftool(folder.files);
    else notes.push('exiftool is not installed: its timing was skipped');
  }

  // 400 px is what a desk script would ask for; the core's own size is the fair match,
  // because libvips decodes a JPEG at 1/8 only when shrinking 16x or more.
  const processes = os.availableParallelism();
  const vipsSizes = [...new Set([VIPS_SIZE, ours.thumbSize ?? VIPS_SIZE])];
  const vipsMs = new Map<number, number>();
  if (only.has('vips')) {
    if (tools.vipsthumbnail) {
      for (const size of vipsSizes) {
        vipsMs.set(size, await timeVipsthumbnail(folder.files, processes, size));
      }
    } else notes.push('vipsthumbnail is not installed: its timing was skipped');
  }

  const rows: Row[] = [
    {
      task: 'scan (metadata)',
      ours: ours.scanMs,
      reference: 'exiftool -fast2 -j (1 process)',
      refMs: exiftoolMs,
    },
    { task: 'open folder (index + tiles)', ours: ours.openMs, reference: '—', refMs: null },
    { task: 'open: first screen', ours: ours.openFirstColdMs, reference: '—', refMs: null },
    { task: 'open: all read', ours: ours.openAllColdMs, reference: '—', refMs: null },
    { task: 're-open: first screen', ours: ours.openFirstWarmMs, reference: '—', refMs: null },
    { task: 're-open: all (index cache)', ours: ours.openAllWarmMs, reference: '—', refMs: null },
    ...vipsSizes.map((size) => ({
      task: `thumbnails, cold cache${ours.thumbSize ? ` (${ours.thumbSize} px)` : ''}`,
      ours: ours.thumbsColdMs,
      reference: `vipsthumbnail --size ${size}x${size} (${processes} processes)`,
      refMs: vipsMs.get(size) ?? null,
    })),
    { task: 'thumbnails, warm cache', ours: ours.thumbsWarmMs, reference: '—', refMs: null },
  ].filter((r) => r.ours !== null || r.refMs !== null);

  console.log(textTable(rows, n));
  console.log('');
  console.log('ratio = reference time / CaptionDesk time (above 1: CaptionDesk is faster)');
  if (ours.loadMs !== null) {
    console.log(
      `CaptionDesk runs in-process (core modules loaded in ${ours.loadMs.toFixed(0)} ms, ` +
        'not counted); exiftool and vipsthumbnail are spawned, start-up included.',
    );
  }
  console.log(
    `vipsthumbnail: ${processes} processes at once, each over an equal slice of the list ` +
      '(one per core). Every tool reads the same files, already in the OS page cache. ' +
      'One run each.',
  );
  if (ours.peakRssMiB !== null)
    console.log(
      `Peak RSS of this process with the folder open: ${ours.peakRssMiB.toFixed(0)} MiB.`,
    );
  for (const note of notes) console.log(`NOTE: ${note}`);

  console.log('\nMarkdown:\n');
  console.log(
    `N=${n}, ${width}x${height}, ${(folder.bytes / n / 2 ** 20).toFixed(1)} MB a photo; ` +
      machine.join('; '),
  );
  console.log('');
  console.log(markdownTable(rows, n));

  if (args.keep)
    console.log(`\nKept ${folder.dir} (reused by the next run with the same N and size).`);
  else await removeBenchFolder(folder.dir);
}

await main();
