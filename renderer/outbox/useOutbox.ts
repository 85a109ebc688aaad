import { useCallback, useEffect, useRef, useState } from 'react';
import type { DestinationView, OutboxJobView } from '../../electron/contract/outbox';
import { useTransport } from '../api/context';
import { failureOf, type Failure } from '../api/errors';
import { isPending } from './view-model';

const POLL_MS = 2000;

export interface OutboxState {
  jobs: OutboxJobView[];
  destinations: DestinationView[];
  loadError: Failure | null;
  refreshJobs(): void;
  refreshDestinations(): Promise<void>;
}

/**
 * The outbox's jobs and destinations, kept fresh: on each outbox progress event (the
 * core sends one per state change and a few a second while bytes move) and every 2 s
 * while a job is still pending (retry timers fire without an event being seen).
 */
export function useOutbox(): OutboxState {
  const { api, onEvent } = useTransport();
  const [jobs, setJobs] = useState<OutboxJobView[]>([]);
  const [destinations, setDestinations] = useState<DestinationView[]>([]);
  const [loadError, setLoadError] = useState<Failure | null>(null);
  const loaders = useRef<{ jobs(): void; destinations(): Promise<void> } | null>(null);

  useEffect(() => {
    let live = true;
    // One list request at a time; events arriving meanwhile ask for one more after it.
    let inFlight = false;
    let again = false;
    const failed = (err: unknown) => {
      if (live) setLoadError(failureOf(err));
    };
    const loadJobs = (): void => {
      if (inFlight) {
        again = true;
        return;
      }
      inFlight = true;
      api
        .outboxList({})
        .then((list) => {
          if (!live) return;
          setJobs(list);
          setLoadError(null);
        }, failed)
        .finally(() => {
          inFlight = false;
          if (again && live) {
            again = false;
            loadJobs();
          }
        });
    };
    const loadDestinations = () =>
      api.listDestinations({}).then((list) => {
        if (live) setDestinations(list);
      }, failed);
    loaders.current = { jobs: loadJobs, destinations: loadDestinations };
    loadJobs();
    void loadDestinations();
    const off = onEvent((event) => {
      if (event.type !== 'progress' || !event.job.startsWith('outbox:')) return;
      const id = event.job.slice('outbox:'.length);
      // The bar moves at once; the list request brings speed, ETA and state.
      setJobs((list) =>
        list.map((j) =>
          j.id === id && j.state === 'running'
            ? { ...j, bytesDone: event.done, bytesTotal: event.total }
            : j,
        ),
      );
      loadJobs();
    });
    return () => {
      live = false;
      loaders.current = null;
      off();
    };
  }, [api, onEvent]);

  const refreshJobs = useCallback(() => loaders.current?.jobs(), []);
  const refreshDestinations = useCallback(async () => loaders.current?.destinations(), []);

  const active = jobs.some(isPending);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => loaders.current?.jobs(), POLL_MS);
    return () => clearInterval(timer);
  }, [active]);

  return { jobs, destinations, loadError, refreshJobs, refreshDestinations };
}
