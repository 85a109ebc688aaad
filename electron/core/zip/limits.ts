/**
 * How much a package may make us do before we call it hostile. Every value is far
 * above what a real article package needs (a few dozen photos, one manifest, two
 * text files) and far below what would hurt the editor's machine.
 */
export interface ZipLimits {
  /** Members in the central directory. */
  maxEntries: number;
  /** Sum of the declared uncompressed sizes of all members. */
  maxTotalUncompressed: number;
  /** Largest uncompressed/compressed ratio allowed for a member bigger than `ratioAppliesAbove`. */
  maxRatio: number;
  /** Members up to this size skip the ratio check: small text compresses well and cannot bomb. */
  ratioAppliesAbove: number;
  /** Bytes of central directory we are willing to parse. */
  maxCentralDirectoryBytes: number;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = Object.freeze({
  // A busy article has ~100 photos; a big event gallery a few hundred. 10,000 leaves
  // room for years of growth while keeping the per-entry work (a header read, a map
  // insert) well under a second for a hostile directory.
  maxEntries: 10_000,
  // Photos are stored, so the package's uncompressed size ≈ its size on disk. 2 GiB
  // is ~200 full-size 10 MB JPEGs, and it is also where many tools start needing
  // ZIP64 and where a single Buffer gets awkward; past it we would rather refuse.
  maxTotalUncompressed: 2 * GiB,
  // Deflated HTML/XML/JSON reaches 10–20:1, runs of text maybe 50:1; JPEGs ~1:1.
  // Zeros deflate to ~1000:1, which is what bombs are made of. 200:1 sits between.
  maxRatio: 200,
  // Below 1 MiB even a 1000:1 member costs nothing, and tiny members (an empty or
  // repetitive file) have silly ratios legitimately.
  ratioAppliesAbove: 1 * MiB,
  // 10,000 members × (46-byte header + a few hundred bytes of name/extra) ≈ 3 MiB;
  // 16 MiB is generous and still bounds what we read before validating anything.
  maxCentralDirectoryBytes: 16 * MiB,
});

export function resolveLimits(overrides?: Partial<ZipLimits>): ZipLimits {
  return { ...DEFAULT_ZIP_LIMITS, ...overrides };
}
