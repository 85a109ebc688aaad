export { embedMetadata, type EmbedOptions, type EmbedReport } from './jpeg-rewrite';
export { parseEmbedFields, type EmbedFields } from './fields';
export type { Truncation } from './text-cut';
