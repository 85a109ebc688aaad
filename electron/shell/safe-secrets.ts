/**
 * Upload passwords for the desktop app, encrypted with the OS keychain through
 * Electron's safeStorage. Only ciphertext reaches the disk; where the OS offers no
 * real encryption (Linux's basic_text backend), secrets stay in memory for the
 * session rather than sit on disk in a form anyone can read.
 */
import { safeStorage } from 'electron';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SecretStore } from '../core/outbox';
import { writeFileAtomic } from '../core/fs/atomic-write';

export class SafeStorageSecrets implements SecretStore {
  private readonly memory = new Map<string, string>();
  readonly persistent: boolean;

  constructor(private readonly path: string) {
    this.persistent =
      safeStorage.isEncryptionAvailable() &&
      (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');
  }

  private async load(): Promise<Record<string, string>> {
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  }

  private async save(map: Record<string, string>): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    await writeFileAtomic(this.path, JSON.stringify(map, null, 2) + '\n');
  }

  async get(key: string): Promise<string | null> {
    if (!this.persistent) return this.memory.get(key) ?? null;
    const cipher = (await this.load())[key];
    return cipher ? safeStorage.decryptString(Buffer.from(cipher, 'base64')) : null;
  }

  async set(key: string, value: string): Promise<void> {
    if (!this.persistent) {
      this.memory.set(key, value);
      return;
    }
    const map = await this.load();
    map[key] = safeStorage.encryptString(value).toString('base64');
    await this.save(map);
  }

  async delete(key: string): Promise<void> {
    this.memory.delete(key);
    if (!this.persistent) return;
    const map = await this.load();
    await this.save(Object.fromEntries(Object.entries(map).filter(([k]) => k !== key)));
  }
}
