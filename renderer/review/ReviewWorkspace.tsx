import { useEffect, useEffectEvent, useState, type DragEvent } from 'react';
import { useTransport } from '../api/context';
import { describeError } from '../errors/describe-error';
import { useI18n } from '../i18n/context';
import { CompareVersions } from './DiffView';
import type { OpenedPackage } from './edits';
import { PackageView } from './PackageView';
import { PathForm, Problems } from './PathForm';
import { OpenReturned } from './Returned';
import { cx } from '../ui/cx';
import styles from './review.module.css';

type Mode = 'open' | 'compare' | 'returned';

/** The editor's workspace: open a package, review it, compare versions; offline. */
export function ReviewWorkspace({
  folder,
  request,
}: {
  folder: string | null;
  /** A package the OS or a second launch asked us to open (desktop). */
  request?: { path: string; at: number } | null;
}) {
  const { m } = useI18n();
  const { api, pickPackage, pathForFile } = useTransport();
  const [mode, setMode] = useState<Mode>('open');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState<OpenedPackage | null>(null);
  const [path, setPath] = useState('');

  const open = async (next: string) => {
    setBusy(true);
    setError(null);
    setPath(next);
    try {
      setOpened(await api.openPackage({ path: next }));
    } catch (err) {
      setOpened(null);
      setError(describeError(err, m));
    } finally {
      setBusy(false);
    }
  };

  const openRequested = useEffectEvent((requested: string) => {
    setMode('open');
    void open(requested);
  });
  useEffect(() => {
    // The request comes from outside React (the OS opening a file); opening it starts
    // an API call whose first step is to show "opening…".
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (request) openRequested(request.path);
  }, [request]);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    const file = event.dataTransfer.files[0];
    if (!file) return;
    event.preventDefault();
    const dropped = pathForFile?.(file) ?? '';
    if (dropped) void open(dropped);
    else setError(m.rvDropBrowser);
  };

  const pick = async () => {
    const chosen = await pickPackage?.();
    if (chosen) await open(chosen);
  };

  const modes: [Mode, string][] = [
    ['open', m.rvModeOpen],
    ['compare', m.rvModeCompare],
    ['returned', m.rvModeReturned],
  ];
  return (
    <main className={styles.rv} data-testid="review-workspace">
      <nav className={styles.rvModes} role="tablist" aria-label={m.rvModeLabel}>
        {modes.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={mode === id}
            className={cx(styles.rvMode, mode === id && styles.isActive)}
            data-testid={`review-mode-${id}`}
            onClick={() => setMode(id)}
          >
            {label}
          </button>
        ))}
      </nav>
      {mode === 'open' ? (
        <div
          className={styles.rvOpen}
          data-testid="review-drop-zone"
          onDragOver={(event) => {
            if (event.dataTransfer.types.includes('Files')) event.preventDefault();
          }}
          onDrop={onDrop}
        >
          <PathForm
            key={path}
            label={m.rvPathLabel}
            placeholder={m.rvPathPlaceholder}
            button={busy ? m.rvOpening : m.rvOpen}
            busy={busy}
            testId="review-open"
            initial={path}
            autoFocus={!opened}
            onSubmit={(p) => void open(p)}
          >
            <span className={cx(styles.rvMuted, styles.rvDropNote)}>
              {pickPackage ? m.rvDropDesktop : m.rvDropNote}
            </span>
          </PathForm>
          {pickPackage ? (
            <button type="button" disabled={busy} onClick={() => void pick()}>
              {m.rvPickFile}
            </button>
          ) : null}
          {error ? <Problems message={error} testId="review-open-error" /> : null}
          {opened ? (
            <PackageView
              key={`${opened.path}\u0000${opened.manifestSha256}`}
              opened={opened}
              onOpenPath={(p) => void open(p)}
            />
          ) : null}
        </div>
      ) : mode === 'compare' ? (
        <CompareVersions />
      ) : (
        <OpenReturned folder={folder} />
      )}
    </main>
  );
}
