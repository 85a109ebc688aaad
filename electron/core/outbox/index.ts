/** Sending article packages to the newsroom: destinations, the persistent queue, transports. */
export { Outbox, type OutboxOptions, type JobView } from './outbox';
export { MemorySecretStore, type SecretStore } from './secret-store';
export { OutboxError } from './errors';
export type { Destination, OutboxJob } from './types';
