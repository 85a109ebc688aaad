import type { ApiEvent, ArgsOf, ClientApi } from '../../electron/contract/api';
import type { IngestResult } from '../../electron/contract/ingest';
import { emptyIngestForm, type IngestForm } from './ingest-form';
import { failureOf, type Failure } from '../api/errors';

export type IngestProgressEvent = Extract<ApiEvent, { type: 'ingestProgress' }>;

export interface IngestRunState {
  job: string;
  to: string;
  progress: IngestProgressEvent | null;
  result: IngestResult | null;
  error: Failure | null;
  cancelling: boolean;
}

interface Snapshot {
  form: IngestForm;
  run: IngestRunState | null;
}

/**
 * The ingest outlives the toolbar that started it (each workspace mounts its own
 * toolbar), so its state lives here, outside React, read with useSyncExternalStore.
 */
let snapshot: Snapshot = { form: emptyIngestForm(), run: null };
const listeners = new Set<() => void>();

function set(next: Partial<Snapshot>): void {
  snapshot = { ...snapshot, ...next };
  listeners.forEach((l) => l());
}

function setRun(job: string, patch: Partial<IngestRunState>): void {
  if (snapshot.run?.job !== job) return;
  set({ run: { ...snapshot.run, ...patch } });
}

export const ingestStore = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get: (): Snapshot => snapshot,
  setForm(form: IngestForm): void {
    set({ form });
  },

  /** Starts the ingest; progress arrives as events, the result when the API call returns. */
  start(
    api: ClientApi,
    onEvent: (l: (e: ApiEvent) => void) => () => void,
    args: ArgsOf<'ingest'> & { job: string },
    /** Once the destination exists (the first progress event): open it in the grid. */
    onUnderWay?: () => void,
  ): void {
    const job = args.job;
    set({
      run: { job, to: args.to, progress: null, result: null, error: null, cancelling: false },
    });
    let underWay = false;
    const off = onEvent((e) => {
      if (e.type !== 'ingestProgress' || e.job !== job) return;
      setRun(job, { progress: e });
      if (!underWay) {
        underWay = true;
        onUnderWay?.();
      }
    });
    api
      .ingest(args)
      .then((result) => setRun(job, { result }))
      .catch((err: unknown) => setRun(job, { error: failureOf(err) }))
      .finally(off);
  },

  cancel(api: ClientApi): void {
    const run = snapshot.run;
    if (!run || run.result || run.error) return;
    setRun(run.job, { cancelling: true });
    void api.cancelJob({ job: run.job });
  },

  dismiss(): void {
    const run = snapshot.run;
    if (run && (run.result || run.error)) set({ run: null });
  },
};

export function isRunning(run: IngestRunState | null): boolean {
  return !!run && !run.result && !run.error;
}
