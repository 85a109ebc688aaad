import { useState } from 'react';
import { useTransport } from '../api/context';
import { useI18n } from '../i18n/context';

/** A native dialog on the desktop; browser mode has none, so the path is typed. */
export function OpenFolder({
  currentPath,
  onOpen,
}: {
  currentPath: string | null;
  onOpen: (path: string) => void;
}) {
  const { pickFolder } = useTransport();
  const { m } = useI18n();
  const [typed, setTyped] = useState<string | null>(null);

  if (pickFolder) {
    return (
      <button
        type="button"
        className="button primary"
        title={m.openFolderTitle}
        data-testid="open-folder"
        onClick={() => {
          void pickFolder().then((path) => {
            if (path) onOpen(path);
          });
        }}
      >
        {m.openFolder}
      </button>
    );
  }

  // Untouched, the field shows the open folder, ready to be edited into a sibling's path.
  const value = typed ?? currentPath ?? '';
  const submit = () => {
    const path = value.trim().normalize('NFC');
    if (path) onOpen(path);
  };
  return (
    <div className="open-path" role="group" aria-label={m.openFolder}>
      <input
        type="text"
        className="path-input"
        aria-label={m.openPathLabel}
        placeholder={m.openPathPlaceholder}
        title={m.openFolderTitle}
        spellCheck={false}
        data-testid="open-path"
        value={value}
        onChange={(event) => setTyped(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') submit();
        }}
      />
      <button type="button" className="button primary" data-testid="open-folder" onClick={submit}>
        {m.openPathButton}
      </button>
    </div>
  );
}
