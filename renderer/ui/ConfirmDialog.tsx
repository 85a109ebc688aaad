import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ButtonRow } from './ButtonRow';
import { useI18n } from '../i18n/context';
import styles from './ConfirmDialog.module.css';

interface Request {
  text: string;
  ok: string;
  resolve: (ok: boolean) => void;
}

/**
 * A promise-returning confirm in a modal <dialog>: keyboard first (Enter confirms, Esc
 * cancels), translated buttons, and focus goes back where it was.
 */
export function useConfirm(): [(text: string, ok?: string) => Promise<boolean>, ReactNode] {
  const [request, setRequest] = useState<Request | null>(null);
  const confirm = useCallback(
    (text: string, ok?: string) =>
      new Promise<boolean>((resolve) => setRequest({ text, ok: ok ?? '', resolve })),
    [],
  );
  const done = (ok: boolean) => {
    request?.resolve(ok);
    setRequest(null);
  };
  const element = request ? (
    <ConfirmDialog text={request.text} ok={request.ok} onDone={done} />
  ) : null;
  return [confirm, element];
}

function ConfirmDialog({
  text,
  ok,
  onDone,
}: {
  text: string;
  ok: string;
  onDone: (ok: boolean) => void;
}) {
  const { m } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog?.showModal();
    // showModal focuses the first button; the safe default here is the one asked about.
    dialog?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      previous?.focus({ preventScroll: true });
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={styles.confirmDialog}
      data-testid="confirm-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onDone(false);
      }}
    >
      <p className={styles.confirmText}>{text}</p>
      <ButtonRow
        className={styles.actions}
        buttons={[
          { label: m.confirmCancel, onClick: () => onDone(false) },
          {
            label: ok || m.confirmOk,
            onClick: () => onDone(true),
            primary: true,
            testId: 'confirm-ok',
            autofocus: true,
          },
        ]}
      />
    </dialog>
  );
}
