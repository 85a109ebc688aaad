import type { Folder } from '../../electron/contract/api';
import { useI18n } from '../i18n/context';
import type { Messages } from '../i18n/vi';
import type { Notice } from './useFolderSession';
import { describeError } from '../errors/describe-error';
import { ErrorLines } from '../errors/ErrorLines';

function noticeText(m: Messages, notice: Notice): string {
  switch (notice.kind) {
    case 'open':
      return m.openFailed(describeError(notice.failure, m));
    case 'thumbnails':
      return m.thumbnailsFailed(describeError(notice.failure, m));
  }
}

export function Notices({
  folder,
  notice,
  onDismiss,
}: {
  folder: Folder | null;
  notice: Notice | null;
  onDismiss: () => void;
}) {
  const { m } = useI18n();
  if (!notice && (!folder || folder.writable)) return null;
  return (
    <div className="notices">
      {folder && !folder.writable ? (
        <p className="notice is-info" data-testid="readonly-note">
          {m.readOnlyNote(folder.stateDir)}
        </p>
      ) : null}
      {notice ? (
        <p className="notice is-error" role="alert" data-testid="notice">
          <span>
            <ErrorLines text={noticeText(m, notice)} />
          </span>
          <button type="button" className="button small" onClick={onDismiss}>
            {m.dismiss}
          </button>
        </p>
      ) : null}
    </div>
  );
}
