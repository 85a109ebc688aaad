/**
 * Where the outbox can send, named by URL scheme, and each one's usual port: one list for
 * the contract, the core's URL parser and the destination form.
 */
export const DESTINATION_KINDS = [
  'file',
  'sftp',
  'ftp',
  'ftps',
  'wordpress+https',
  'wordpress+http',
] as const;

export type DestinationKind = (typeof DESTINATION_KINDS)[number];

export const DEFAULT_PORTS: Record<DestinationKind, number> = {
  file: 0,
  sftp: 22,
  ftp: 21,
  ftps: 21,
  'wordpress+https': 443,
  'wordpress+http': 80,
};

/** A WordPress site takes posts and media rather than files. */
export const isWordPress = (kind: DestinationKind): boolean => kind.startsWith('wordpress+');
