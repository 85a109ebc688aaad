import { useEffect, useSyncExternalStore } from 'react';
import type { ClientApi } from '../../electron/contract/api';
import type { CodeEntry } from '../../common/captioning/code-replacements';
import { useTransport } from '../api/context';
import { failureOf, type Failure } from '../api/errors';

export interface CodeLists {
  lists: { name: string; count: number }[];
  /** Merged, the last loaded list winning: what =code= expands to. */
  entries: Map<string, CodeEntry>;
  loaded: boolean;
  error: Failure | null;
}

const EMPTY: CodeLists = { lists: [], entries: new Map(), loaded: false, error: null };

/** One copy of the loaded lists for the whole UI: the editor and the settings share it. */
class CodeStore {
  private state = EMPTY;
  private loading: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly api: ClientApi) {}

  readonly snapshot = (): CodeLists => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly reload = (): Promise<void> => {
    this.loading = this.api.codeReplacements({}).then(
      ({ lists, entries }) =>
        this.set({
          lists,
          entries: new Map(entries.map((e) => [e.code, e])),
          loaded: true,
          error: null,
        }),
      (err: unknown) => this.set({ ...this.state, loaded: true, error: failureOf(err) }),
    );
    return this.loading;
  };

  ensure(): void {
    if (!this.loading) void this.reload();
  }

  private set(state: CodeLists): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

const stores = new WeakMap<ClientApi, CodeStore>();

function storeFor(api: ClientApi): CodeStore {
  let store = stores.get(api);
  if (!store) stores.set(api, (store = new CodeStore(api)));
  return store;
}

export function useCodeReplacements(): CodeLists & { reload: () => Promise<void> } {
  const { api } = useTransport();
  const store = storeFor(api);
  const state = useSyncExternalStore(store.subscribe, store.snapshot);
  // The core loads the shipped example list on first use; asking once is enough.
  useEffect(() => store.ensure(), [store]);
  return { ...state, reload: store.reload };
}
