/**
 * Where upload passwords and key passphrases live. Electron passes one backed by
 * safeStorage; without one the core keeps them in memory only, so nothing secret
 * ever lands in a plain file.
 */
export interface SecretStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();
  async get(key: string): Promise<string | null> {
    return this.values.get(key) ?? null;
  }
  async set(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }
  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }
}

export const passwordKey = (destinationId: string) => `outbox:${destinationId}:password`;
export const passphraseKey = (destinationId: string) => `outbox:${destinationId}:passphrase`;
