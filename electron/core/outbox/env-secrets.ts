import type { SecretStore } from './secret-store';

/**
 * The CLI and browser mode take the password from CAPTIONDESK_PASSWORD (never a flag,
 * which would show in `ps` and shell history) when nothing is stored for a destination.
 */
export function withEnvPassword(store: SecretStore, env: NodeJS.ProcessEnv): SecretStore {
  return {
    async get(key) {
      const v = await store.get(key);
      if (v !== null || !key.endsWith(':password')) return v;
      return env.CAPTIONDESK_PASSWORD ?? null;
    },
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
  };
}
