import os from 'node:os';
import sharp from 'sharp';
import type { ToolVersions } from './reference-tools';

export function machineLines(tools: ToolVersions): string[] {
  const cpus = os.cpus();
  return [
    `cores: ${os.availableParallelism()} (${cpus[0]?.model.trim() ?? 'unknown CPU'})`,
    `memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.release()} ${os.arch()}`,
    `node ${process.version}, sharp ${sharp.versions.sharp ?? '?'} (libvips ${sharp.versions.vips})`,
    `exiftool ${tools.exiftool ?? 'not installed'}, ` +
      `vipsthumbnail ${tools.vipsthumbnail ?? 'not installed'}`,
    // Timings on a shared machine mean little without it.
    loadLine('at start'),
  ];
}

export function loadLine(when: string): string {
  return `load average ${when}: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;
}
