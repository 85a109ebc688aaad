import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import type { Tile } from '../../electron/contract/api';
import { budget } from '../../common/text/byte-budget';
import { detectLegacyVietnamese, type LegacyEncoding } from '../../common/text/legacy-vietnamese';
import { useCodeReplacements } from '../caption-workspace/useCodeReplacements';
import { useI18n } from '../i18n/context';
import type { Autosaver } from './autosaver';
import { focusAtEnd } from './caret';
import {
  acceptSuggestion,
  expandAtCaret,
  insertAt,
  pendingQuery,
  suggestionsFor,
  type Edit,
} from './code-completion';
import { CodeSuggestions, suggestionId } from './CodeSuggestions';
import { ConflictChoice } from './ConflictChoice';
import { editableCaption } from './editable';
import { LegacyPasteOffer } from './LegacyPasteOffer';
import { normalizeField } from './nfc';
import { SaveStatusLine } from './SaveStatusLine';
import { suggestionKey } from './suggestion-keys';
import { useCaptionSync } from './useCaptionSync';
import { useSaveStatus } from './useSaveStatus';
import { VariablesMenu } from './VariablesMenu';
import styles from './caption-tools.module.css';
import { cx } from '../ui/cx';

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

interface LegacyPaste {
  start: number;
  original: string;
  repaired: string;
  encoding: LegacyEncoding;
}

/**
 * Mounted once per photo (keyed by file), so the draft always belongs to the photo it
 * was typed for; unmounting flushes it. It edits the photo's own text, {variables} kept;
 * the line under it shows the caption as it goes into the file.
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
  const { entries: codes } = useCodeReplacements();
  const [origin] = useState(() => editableCaption(tile));
  // Text that failed to save is shown again, so what the editor holds is what gets retried.
  const [draft, setDraft] = useState(
    () => autosaver.unsavedText(folder, tile.file) ?? origin ?? '',
  );
  const [caret, setCaret] = useState<number | null>(null);
  const [caretRequest, setCaretRequest] = useState<{ at: number } | null>(null);
  const [focused, setFocused] = useState(false);
  const [pick, setPick] = useState({ query: '', index: 0 });
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [legacy, setLegacy] = useState<LegacyPaste | null>(null);
  const status = useSaveStatus(autosaver, folder, tile.file);
  const sync = useCaptionSync({
    folder,
    file: tile.file,
    incoming: editableCaption(tile) ?? '',
    draft,
    status,
    autosaver,
    setDraft,
  });
  // IPTC 2:120 counts bytes, and a Vietnamese letter takes two or three.
  const bytes = useMemo(() => budget('caption', draft), [draft]);

  const pending = focused && caret !== null ? pendingQuery(draft, caret) : null;
  const query = pending?.query ?? null;
  const items = useMemo(() => suggestionsFor(codes, query), [codes, query]);
  const open = pending !== null && items.length > 0 && dismissedAt !== pending.start;
  const index = open && pick.query === pending.query ? Math.min(pick.index, items.length - 1) : 0;
  const listId = `${id}-codes`;

  useEffect(() => {
    autosaver.begin(folder, tile.file, origin);
    return () => void autosaver.flush();
  }, [autosaver, folder, tile.file, origin]);

  // Only the wish at mount counts: Ctrl+Enter moved here from the previous photo's editor.
  const [focusOnMount] = useState(autoFocus);
  useEffect(() => {
    if (focusOnMount) focusAtEnd(editorRef.current);
  }, [focusOnMount, editorRef]);

  // A programmatic edit (expansion, suggestion, variable, repair) puts the caret after it.
  useLayoutEffect(() => {
    if (caretRequest) editorRef.current?.setSelectionRange(caretRequest.at, caretRequest.at);
  }, [caretRequest, editorRef]);

  const commit = (text: string) => {
    setDraft(text);
    autosaver.schedule(folder, tile.file, text.normalize('NFC'));
  };

  const apply = (edit: Edit) => {
    commit(edit.text);
    setCaret(edit.caret);
    setCaretRequest({ at: edit.caret });
  };

  const typed = (field: HTMLTextAreaElement, inputType: string | undefined) => {
    const text = normalizeField(field);
    const at = field.selectionEnd;
    // Photo Mechanic expands when the closing "=" is typed, not when one is deleted or pasted.
    const expanded = inputType === 'insertText' ? expandAtCaret(text, at, codes) : null;
    if (expanded) apply(expanded);
    else {
      commit(text);
      setCaret(field.selectionStart === field.selectionEnd ? at : null);
    }
  };

  const accept = (i: number) => {
    const entry = items[i];
    if (!pending || !entry || caret === null) return;
    apply(acceptSuggestion(draft, caret, pending, entry));
  };

  const insertVariable = (name: string) => {
    const field = editorRef.current;
    const start = field?.selectionStart ?? draft.length;
    const end = field?.selectionEnd ?? draft.length;
    field?.focus();
    apply(insertAt(draft, start, end, `{${name}}`));
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = event.clipboardData.getData('text/plain');
    const found = pasted ? detectLegacyVietnamese(pasted) : null;
    if (!found) return; // The browser pastes; onChange normalizes to NFC.
    event.preventDefault();
    const field = event.currentTarget;
    const original = pasted.normalize('NFC');
    const start = field.selectionStart;
    apply(insertAt(draft, start, field.selectionEnd, original));
    setLegacy({ start, original, repaired: found.repaired, encoding: found.encoding });
  };

  const repair = () => {
    if (!legacy) return;
    const at =
      draft.slice(legacy.start, legacy.start + legacy.original.length) === legacy.original
        ? legacy.start
        : draft.indexOf(legacy.original);
    setLegacy(null);
    editorRef.current?.focus();
    if (at >= 0) apply(insertAt(draft, at, at + legacy.original.length, legacy.repaired));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const action = open
      ? suggestionKey(
          event.key,
          { shift: event.shiftKey, ctrl: event.ctrlKey, alt: event.altKey, meta: event.metaKey },
          index,
          items.length,
        )
      : null;
    if (action && pending) {
      event.preventDefault();
      if (action.kind === 'move') setPick({ query: pending.query, index: action.index });
      else if (action.kind === 'accept') accept(action.index);
      else setDismissedAt(pending.start);
      return;
    }
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

  const rendered = tile.caption ?? '';
  const showRendered = rendered.trim() !== '' && rendered.trim() !== draft.trim();

  return (
    <section aria-labelledby={`${id}-label`}>
      <div className="section-head">
        <label id={`${id}-label`} htmlFor={id} className="section-title">
          {m.captionLabel}
        </label>
        <SaveStatusLine status={status} />
      </div>
      <div className={styles.captionBox}>
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
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-expanded={open}
          aria-activedescendant={open ? suggestionId(listId, index) : undefined}
          onChange={(event) => {
            const native = event.nativeEvent as InputEvent;
            // An input method still composing a letter must not be disturbed; the
            // composition end below normalizes it.
            if (native.isComposing === true) setDraft(event.currentTarget.value);
            else typed(event.currentTarget, native.inputType);
          }}
          onCompositionEnd={(event) => typed(event.currentTarget, undefined)}
          onSelect={(event) => {
            const f = event.currentTarget;
            setCaret(f.selectionStart === f.selectionEnd ? f.selectionEnd : null);
          }}
          onPaste={onPaste}
          onKeyDown={onKeyDown}
          onFocus={() => {
            setFocused(true);
            onFocusChange(true);
          }}
          onBlur={() => {
            setFocused(false);
            void autosaver.flush();
            onFocusChange(false);
          }}
        />
        {open ? (
          <CodeSuggestions id={listId} items={items} index={index} onAccept={accept} />
        ) : null}
      </div>
      {legacy ? (
        <LegacyPasteOffer
          encoding={legacy.encoding}
          repaired={legacy.repaired}
          onRepair={repair}
          onKeep={() => {
            setLegacy(null);
            editorRef.current?.focus();
          }}
        />
      ) : null}
      {sync.conflict ? (
        <ConflictChoice
          theirs={sync.conflict.theirs}
          onKeepMine={sync.keepMine}
          onTakeTheirs={sync.takeTheirs}
        />
      ) : null}
      <div className={styles.captionTools}>
        <span
          className={cx('caption-budget', bytes.over && 'is-over')}
          data-testid="caption-budget"
        >
          {m.captionBudget([...draft].length, bytes.used, bytes.limit)}
          {bytes.over ? ` — ${m.captionOverBudget}` : null}
        </span>
        <VariablesMenu onInsert={insertVariable} onCancel={() => editorRef.current?.focus()} />
      </div>
      {showRendered ? (
        <p className={styles.captionRendered} data-testid="caption-rendered" lang="vi">
          <span className={styles.captionRenderedLabel}>{m.renderedLabel}</span> {rendered}
        </p>
      ) : null}
    </section>
  );
}
