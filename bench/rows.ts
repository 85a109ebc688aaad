/** Every measurement as a table row, with issue 9's goal and whether it was met. */
import type { BrowserTimings } from './browser-speed';
import type { OurTimings } from './captiondesk';
import { credentialsRows } from './credentials-rows';
import type { CredentialsTimings } from './credentials-speed';
import type { IngestTimings } from './ingest-speed';
import type { VipsTiming } from './reference-tools';
import { duration, ratioOf, type Goal, type Row } from './table';

const OPEN_GOAL_MS = 500;
const SCAN_GOAL = 20;
const THUMBS_GOAL = 1.0;
const INGEST_GOAL = 0.8;
const FRAME_GOAL_MS = 50;
const KEYSTROKE_GOAL_MS = 1000;
const RSS_GOAL_MB = 400;

function atMost(value: number | null, limit: number, text: string): Goal {
  return { text, met: value === null ? null : value <= limit };
}

function ratioAtLeast(row: Pick<Row, 'ours' | 'refMs'>, least: number): Goal {
  const ratio = ratioOf(row);
  return { text: `≥ ${least.toFixed(1)}x`, met: ratio === null ? null : ratio >= least };
}

const mb = (bytes: number) => bytes / 2 ** 20;

export interface RowInputs {
  n: number;
  linked: number;
  ours: OurTimings;
  exiftoolMs: number | null;
  vips: VipsTiming | null;
  processes: number;
  ingest: IngestTimings | null;
  browser: BrowserTimings | null;
  credentials: { timings: CredentialsTimings; signedReused: boolean } | null;
}

export function benchRows(x: RowInputs): Row[] {
  const { n, ours } = x;
  const rows: Row[] = [];

  for (const open of x.browser?.opens ?? []) {
    for (const [when, ms] of [
      ['first open, fresh server', open.firstTileMs],
      ['again, new tab', open.reopenMs],
    ] as const) {
      rows.push({
        task: `open folder to first tile in Chromium (${when})`,
        photos: open.photos,
        ours: ms,
        throughput: false,
        reference: '—',
        refMs: null,
        goal: atMost(ms, OPEN_GOAL_MS, '≤ 0.5 s'),
      });
    }
  }

  const scan = { ours: ours.scanMs, refMs: x.exiftoolMs };
  if (scan.ours !== null || scan.refMs !== null) {
    rows.push({
      task: 'metadata scan',
      photos: n,
      ...scan,
      throughput: true,
      reference: 'exiftool -fast2 -j (1 process)',
      goal: ratioAtLeast(scan, SCAN_GOAL),
    });
  }
  for (const [what, ms] of [
    ['open in-process: first screen read (cold)', ours.openFirstColdMs],
    ['open in-process: every photo read (cold)', ours.openAllColdMs],
    ['re-open in-process: first screen (index cache)', ours.openFirstWarmMs],
    ['re-open in-process: every photo (index cache)', ours.openAllWarmMs],
  ] as const) {
    if (ms === null) continue;
    rows.push({
      task: what,
      photos: n,
      ours: ms,
      throughput: false,
      reference: '—',
      refMs: null,
      goal: what.includes('first screen') ? atMost(ms, OPEN_GOAL_MS, '≤ 0.5 s') : undefined,
    });
  }
  if (ours.openMs !== null) {
    rows.push({
      task: 'open folder in-process (index + tiles)',
      photos: n,
      ours: ours.openMs,
      throughput: true,
      reference: '—',
      refMs: null,
    });
  }
  const thumbs = { ours: ours.thumbsColdMs, refMs: x.vips?.ms ?? null };
  if (thumbs.ours !== null || thumbs.refMs !== null) {
    const size = ours.thumbSize ?? 320;
    rows.push({
      task: `${size}-px thumbnail cache, cold`,
      photos: n,
      ...thumbs,
      throughput: true,
      reference: `vipsthumbnail --size ${size}x${size} (${x.processes} processes)`,
      goal: ratioAtLeast(thumbs, THUMBS_GOAL),
    });
  }
  const cpu = { ours: ours.thumbsColdCpuMs, refMs: x.vips?.cpuMs ?? null };
  if (cpu.ours !== null && cpu.refMs !== null) {
    rows.push({
      task: 'thumbnail cache, cold: CPU time',
      photos: n,
      ...cpu,
      throughput: false,
      reference: 'vipsthumbnail, the same run (user + system)',
    });
  }
  if (ours.thumbsWarmMs !== null) {
    rows.push({
      task: 'thumbnail cache, warm',
      photos: n,
      ours: ours.thumbsWarmMs,
      throughput: true,
      reference: '—',
      refMs: null,
    });
  }

  if (x.ingest) {
    const i = x.ingest;
    const notAvailable = i.unavailable ? `not available: ${i.unavailable}` : undefined;
    for (const [task, oursMs, refMs, reference] of [
      ['ingest with sha256 verify', i.oursMs, i.cpMs, 'cp -r, then sha256sum of the copies'],
      [
        'ingest with sha256 verify, + backup',
        i.oursBackupMs,
        i.cpBackupMs,
        'cp -r twice, then sha256sum of both copies',
      ],
    ] as const) {
      const row = { ours: oursMs, refMs };
      rows.push({
        task,
        photos: n,
        ...row,
        oursText: oursMs === null ? notAvailable : undefined,
        throughput: true,
        reference,
        goal: ratioAtLeast(row, INGEST_GOAL),
      });
    }
  }

  const b = x.browser;
  if (b?.scroll) {
    const s = b.scroll;
    const long =
      s.longFrames === null
        ? 'no LoAF support'
        : `LoAF ${s.longFrames}, longest ${duration(s.longestFrameMs)}`;
    rows.push({
      task: `scroll the whole grid in ${s.seconds} s (Chromium)`,
      photos: x.linked,
      ours: s.maxFrameMs,
      oursText:
        `max ${duration(s.maxFrameMs)}, p95 ${duration(s.p95FrameMs)}, ` +
        `${s.frames} frames; ${long}; ${s.tilesInDom} tiles in DOM`,
      throughput: false,
      reference: '—',
      refMs: null,
      goal: atMost(
        Math.max(s.maxFrameMs, s.longestFrameMs ?? 0),
        FRAME_GOAL_MS,
        'no frame > 50 ms',
      ),
    });
  }
  if (b && (b.keystrokeMs !== null || b.notes.some((note) => note.startsWith('caption')))) {
    rows.push({
      task: 'caption keystroke to saved sidecar',
      photos: x.linked,
      ours: b.keystrokeMs,
      oursText: b.keystrokeMs === null ? 'failed (see NOTE)' : undefined,
      throughput: false,
      reference: '—',
      refMs: null,
      goal: atMost(b.keystrokeMs, KEYSTROKE_GOAL_MS, '≤ 1 s'),
    });
  }
  const peak = b?.memoryAfterUse ?? b?.memoryAfterOpen;
  if (peak) {
    const afterOpen = b?.memoryAfterOpen;
    rows.push({
      task: 'peak RSS of the core process (VmHWM)',
      photos: x.linked,
      ours: null,
      oursText:
        `${mb(peak.peakBytes).toFixed(0)} MB` +
        (afterOpen && b?.memoryAfterUse
          ? ` (${mb(afterOpen.peakBytes).toFixed(0)} MB after open; now ${mb(peak.nowBytes).toFixed(0)} MB)`
          : ''),
      throughput: false,
      reference: '—',
      refMs: null,
      goal: atMost(mb(peak.peakBytes), RSS_GOAL_MB, '≤ 400 MB'),
    });
  }
  if (x.credentials) {
    const c = x.credentials;
    rows.push(...credentialsRows(c.timings, n, x.processes, c.signedReused));
  }
  return rows;
}
