import { useRef, useState } from 'react';
import { useI18n } from '../i18n/context';
import { OutboxPanel } from './OutboxPanel';
import { useOutbox } from './useOutbox';
import { pendingCount } from './view-model';
import { useWindowKeydown } from '../shortcuts/useWindowKeydown';
import styles from './outbox.module.css';
import { cx } from '../ui/cx';

/**
 * The toolbar's outbox button: a badge with the number of packages still to send, and
 * the panel it opens (also with Ctrl/Cmd+Shift+O, from either workspace).
 */
export function OutboxButton({ folder }: { folder: string | null }) {
  const { m } = useI18n();
  const outbox = useOutbox();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const pending = pendingCount(outbox.jobs);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  useWindowKeydown((event) => {
    if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey) return;
    if (event.code !== 'KeyO' && event.key.toLowerCase() !== 'o') return;
    event.preventDefault();
    if (open) close();
    else setOpen(true);
  });

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={cx('button', 'small', styles.outboxButton, open && styles.isOpen)}
        title={m.outboxOpen}
        aria-expanded={open}
        aria-keyshortcuts="Control+Shift+O"
        data-testid="outbox-button"
        onClick={() => setOpen((was) => !was)}
      >
        {m.outboxTitle}
        {pending > 0 ? (
          <span
            className={styles.outboxCount}
            data-testid="outbox-count"
            aria-label={m.outboxPending(pending)}
          >
            {pending}
          </span>
        ) : null}
      </button>
      {open ? <OutboxPanel folder={folder} outbox={outbox} onClose={close} /> : null}
    </>
  );
}
