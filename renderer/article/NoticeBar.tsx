import { ErrorLines } from '../errors/ErrorLines';
import { useI18n } from '../i18n/context';
import type { Messages } from '../i18n/vi';

/** Kept as words to say, so it follows a language switch. */
export type Notice = { kind: 'info' | 'error'; text: (m: Messages) => string };

/** The workspace's one message (a failed load, an import done), until dismissed. */
export function NoticeBar({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  const { m } = useI18n();
  return (
    <p className={`notice is-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>
        <ErrorLines text={notice.text(m)} />
      </span>
      <button type="button" className="button small" onClick={onDismiss}>
        {m.dismiss}
      </button>
    </p>
  );
}
