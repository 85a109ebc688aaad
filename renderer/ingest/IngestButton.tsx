import { useRef, useState, useSyncExternalStore } from 'react';
import { useI18n } from '../i18n/context';
import { IngestDialog } from './IngestDialog';
import { IngestProgressPanel } from './IngestProgressPanel';
import { ingestStore, isRunning } from './ingest-store';
import styles from './ingest.module.css';
import { useWindowKeydown } from '../shortcuts/useWindowKeydown';
import { cx } from '../ui/cx';

/**
 * The toolbar's "Nhập ảnh từ thẻ" button (also Ctrl/Cmd+Shift+I): the ingest dialog,
 * and the progress panel that stays while the reporter culls the photos landing.
 */
export function IngestButton({
  folder,
  onOpen,
}: {
  folder: string | null;
  onOpen: (path: string) => void;
}) {
  const { m } = useI18n();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { run } = useSyncExternalStore(ingestStore.subscribe, ingestStore.get);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  useWindowKeydown((event) => {
    if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey) return;
    if (event.code !== 'KeyI' && event.key.toLowerCase() !== 'i') return;
    event.preventDefault();
    setOpen((was) => !was);
  });

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={cx('button', 'small', styles.ingestButton, isRunning(run) && styles.isRunning)}
        title={m.ingestButtonTitle}
        aria-keyshortcuts="Control+Shift+I"
        data-testid="ingest-button"
        onClick={() => setOpen(true)}
      >
        {m.ingestButton}
      </button>
      {open ? (
        <IngestDialog
          folder={folder}
          busy={isRunning(run)}
          onClose={close}
          onStarted={(to) => {
            setOpen(false);
            onOpen(to);
          }}
        />
      ) : null}
      {run ? <IngestProgressPanel run={run} /> : null}
    </>
  );
}
