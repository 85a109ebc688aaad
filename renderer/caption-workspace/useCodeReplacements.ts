import { useEffect, useSyncExternalStore } from 'react';
import type { ClientApi } from '../../electron/contract/api';
import type { CodeEntry } from '../../common/captioning/code-replacements';
import { useTransport } from '../api/context';
import type { Transport } from '../api/transport';
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

  constructor(
    private readonly api: ClientApi,
    onEvent: Transport['onEvent'],
  ) {
    // Lists loaded or removed here, in another window or by the CLI: the core says so,
    // with the lists, so nobody asks again after a change.
    onEvent((e) => {
      if (e.type !== 'codeListsChanged') return;
      this.set({
        lists: e.lists,
        entries: new Map(e.entries.map((x) => [x.code, x])),
        loaded: true,
        error: null,
      });
    });
  }

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

function storeFor({ api, onEvent }: Pick<Transport, 'api' | 'onEvent'>): CodeStore {
  let store = stores.get(api);
  if (!store) stores.set(api, (store = new CodeStore(api, onEvent)));
  return store;
}

export function useCodeReplacements(): CodeLists & { reload: () => Promise<void> } {
  const transport = useTransport();
  const store = storeFor(transport);
  const state = useSyncExternalStore(store.subscribe, store.snapshot);
  // The core loads the shipped example list on first use; asking once is enough.
  useEffect(() => store.ensure(), [store]);
  return { ...state, reload: store.reload };
}
