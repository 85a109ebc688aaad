import { useState } from 'react';
import { useTransport } from '../api/context';
import { errorMessage } from '../api/errors';
import { useI18n } from '../i18n/context';
import { CompareVersions } from './DiffView';
import type { OpenedPackage } from './edits';
import { PackageView } from './PackageView';
import { PathForm, Problems } from './PathForm';
import { OpenReturned } from './Returned';
import './review.css';

type Mode = 'open' | 'compare' | 'returned';

/** The editor's workspace: open a package, review it, compare versions; offline. */
export function ReviewWorkspace({ folder }: { folder: string | null }) {
  const { m } = useI18n();
  const { api } = useTransport();
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
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const modes: [Mode, string][] = [
    ['open', m.rvModeOpen],
    ['compare', m.rvModeCompare],
    ['returned', m.rvModeReturned],
  ];
  return (
    <main className="rv" data-testid="review-workspace">
      <nav className="rv-modes" role="tablist" aria-label={m.rvModeLabel}>
        {modes.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={mode === id}
            className={`rv-mode ${mode === id ? 'is-active' : ''}`}
            data-testid={`review-mode-${id}`}
            onClick={() => setMode(id)}
          >
            {label}
          </button>
        ))}
      </nav>
      {mode === 'open' ? (
        <div className="rv-open">
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
            <span className="rv-muted rv-drop-note">{m.rvDropNote}</span>
          </PathForm>
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
