import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/context';
import { CrossButton } from './CrossButton';

/**
 * A native modal <dialog>: the browser traps the focus, puts the page behind it out of
 * reach and gives the focus back on close. Esc closes through onClose, so the parent's
 * state stays the single truth about what is open.
 */
export function Modal({
  title,
  onClose,
  children,
  testId,
  className = '',
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  className?: string;
}) {
  const { m } = useI18n();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`modal ${className}`}
      aria-labelledby={id}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="modal-head">
        <h2 id={id} className="modal-title">
          {title}
        </h2>
        <CrossButton label={m.close} onClick={onClose} />
      </header>
      {children}
    </dialog>
  );
}
