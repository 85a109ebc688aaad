import { useEffect, useId, useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import type { Tile } from '../../electron/api';
import { useI18n } from '../i18n/context';
import type { Autosaver } from './autosaver';
import { focusAtEnd } from './caret';
import { editableCaption } from './editable';
import { budget } from '../../common/text/byte-budget';
import { normalizeField } from './nfc';
import { SaveStatusLine } from './SaveStatusLine';
import { useSaveStatus } from './useSaveStatus';

interface CaptionEditorProps {
  folder: string;
  tile: Tile;
  autosaver: Autosaver;
  autoFocus: boolean;
  editorRef: RefObject<HTMLTextAreaElement | null>;
  onFocusChange: (focused: boolean) => void;
  onLeave: () => void;
  onSaveNext: () => void;
}

/**
 * Mounted once per photo (keyed by file), so the draft always belongs to the photo it
 * was typed for; unmounting flushes it.
 */
export function CaptionEditor({
  folder,
  tile,
  autosaver,
  autoFocus,
  editorRef,
  onFocusChange,
  onLeave,
  onSaveNext,
}: CaptionEditorProps) {
  const { m } = useI18n();
  const id = useId();
  const [origin] = useState(() => editableCaption(tile));
  // Text that failed to save is shown again, so what the editor holds is what gets retried.
  const [draft, setDraft] = useState(
    () => autosaver.unsavedText(folder, tile.file) ?? origin ?? '',
  );
  const status = useSaveStatus(autosaver, folder, tile.file);
  // IPTC 2:120 counts bytes, and a Vietnamese letter takes two or three.
  const bytes = useMemo(() => budget('caption', draft), [draft]);

  useEffect(() => {
    autosaver.begin(folder, tile.file, origin);
    return () => void autosaver.flush();
  }, [autosaver, folder, tile.file, origin]);

  // Only the wish at mount counts: Ctrl+Enter moved here from the previous photo's editor.
  const [focusOnMount] = useState(autoFocus);
  useEffect(() => {
    if (focusOnMount) focusAtEnd(editorRef.current);
  }, [focusOnMount, editorRef]);

  const edit = (text: string) => {
    setDraft(text);
    autosaver.schedule(folder, tile.file, text.normalize('NFC'));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      void autosaver.flush();
      onLeave();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void autosaver.flush();
      onSaveNext();
    }
  };

  return (
    <section className="caption" aria-labelledby={`${id}-label`}>
      <div className="section-head">
        <label id={`${id}-label`} htmlFor={id} className="section-title">
          {m.captionLabel}
        </label>
        <SaveStatusLine status={status} />
      </div>
      <textarea
        id={id}
        ref={editorRef}
        className="caption-input"
        data-testid="caption-editor"
        value={draft}
        placeholder={m.captionPlaceholder}
        lang="vi"
        spellCheck={false}
        rows={6}
        onChange={(event) => {
          // An input method still composing a letter must not be disturbed; the
          // composition end below normalizes it.
          const composing = (event.nativeEvent as InputEvent).isComposing === true;
          edit(composing ? event.currentTarget.value : normalizeField(event.currentTarget));
        }}
        onCompositionEnd={(event) => edit(normalizeField(event.currentTarget))}
        onKeyDown={onKeyDown}
        onFocus={() => onFocusChange(true)}
        onBlur={() => {
          void autosaver.flush();
          onFocusChange(false);
        }}
      />
      <div className={`caption-budget ${bytes.over ? 'is-over' : ''}`} data-testid="caption-budget">
        {m.captionBudget([...draft].length, bytes.used, bytes.limit)}
        {bytes.over ? ` — ${m.captionOverBudget}` : null}
      </div>
    </section>
  );
}
