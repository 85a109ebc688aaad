/** Deterministic zip writing and hostile-input-safe zip reading for article packages. */
export {
  writeZip,
  type ZipEntryInput,
  type ZipEntryData,
  type WriteZipOptions,
  type WriteZipResult,
} from './writer';
export { openZip, type ZipArchive, type ZipEntry } from './reader';
export { DEFAULT_ZIP_LIMITS, type ZipLimits } from './limits';
export { UnsafePackageError, ZipWriteError } from './errors';
export type { ByteSink, OpenOutputFile, OutputFile } from './atomic-output';
