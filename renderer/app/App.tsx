import {
  useCallback,
  useEffect,
  useEffectEvent,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useTransport } from '../api/context';
import { Autosaver } from '../caption/autosaver';
import { focusAtEnd } from '../caption/caret';
import { CaptionEditor } from '../caption/CaptionEditor';
import { Grid } from '../grid/Grid';
import { columnsOf, nextIndex } from '../grid/navigation';
import { ThumbnailProgress } from '../grid/ThumbnailProgress';
import { useI18n } from '../i18n/context';
import { InfoPanel } from '../info/InfoPanel';
import { Preview } from '../preview/Preview';
import { HelpLine } from './HelpLine';
import { Notices } from './Notices';
import { resolveSelection, type Selection } from './selection';
import { Toolbar } from './Toolbar';
import { useFolderSession } from './useFolderSession';
import { useUnloadFlush } from './useUnloadFlush';

const gridKeys = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'Enter',
]);

export function App() {
  const { api, onOpenFolderRequest } = useTransport();
  const { m } = useI18n();
  const session = useFolderSession();
  const { folder, tiles, applySaved } = session;
  const folderPath = folder?.path;

  const [autosaver] = useState(() => new Autosaver((args) => api.setCaption(args)));
  const [selection, setSelection] = useState<Selection | null>(null);
  // Whether the caption editor should have the keyboard when it remounts for the next photo.
  const [editing, setEditing] = useState(false);
  const gridRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<HTMLTextAreaElement>(null);

  const selectedIndex = resolveSelection(folderPath, tiles, selection);
  const selected = tiles[selectedIndex] ?? null;
  // Re-listing moved or removed the selected file: remember where the selection is now,
  // so that a later removal keeps it in place (React's "adjust state while rendering").
  if (
    folderPath &&
    selected &&
    selection?.folder === folderPath &&
    (selection.index !== selectedIndex || selection.file !== selected.file)
  ) {
    setSelection({ folder: folderPath, file: selected.file, index: selectedIndex });
  }

  useUnloadFlush(autosaver);
  useEffect(() => autosaver.onSaved(applySaved), [autosaver, applySaved]);

  useEffect(() => {
    document.title = folder ? `${folder.name} — ${m.appName}` : m.appName;
  }, [folder, m]);

  useEffect(() => {
    if (folderPath && document.activeElement === document.body) gridRef.current?.focus();
  }, [folderPath]);

  const select = useCallback(
    (index: number, file: string) => {
      if (!folderPath) return;
      void autosaver.flush();
      setSelection({ folder: folderPath, file, index });
    },
    [autosaver, folderPath],
  );

  const pickWithMouse = useCallback(
    (index: number, file: string) => {
      setEditing(false);
      select(index, file);
    },
    [select],
  );

  const openEditor = useCallback(() => focusAtEnd(editorRef.current), []);

  const { openPath } = session;
  const open = useCallback(
    (path: string) => {
      void autosaver.flush();
      openPath(path);
    },
    [autosaver, openPath],
  );

  useEffect(() => onOpenFolderRequest?.(open), [onOpenFolderRequest, open]);

  const handleGridKey = (key: string, grid: HTMLElement): boolean => {
    if (key === 'Enter') {
      openEditor();
      return true;
    }
    const next = nextIndex(key, selectedIndex, tiles.length, columnsOf(grid));
    const tile = next === null ? undefined : tiles[next];
    if (next === null || !tile) return false;
    select(next, tile.file);
    return true;
  };

  const onGridKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (handleGridKey(event.key, event.currentTarget)) event.preventDefault();
  };

  // Keys pressed with nothing focused (after a click on empty space) still drive the grid.
  const onStrayKey = useEffectEvent((event: globalThis.KeyboardEvent) => {
    const grid = gridRef.current;
    if (!grid || !gridKeys.has(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    if (document.activeElement !== document.body && document.activeElement !== null) return;
    grid.focus();
    if (handleGridKey(event.key, grid)) event.preventDefault();
  });
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => onStrayKey(event);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const saveAndNext = () => {
    const next = tiles[selectedIndex + 1];
    if (next) select(selectedIndex + 1, next.file);
  };

  const leaveEditor = () => {
    setEditing(false);
    gridRef.current?.focus();
  };

  let body;
  if (tiles.length > 0) {
    body = (
      <Grid
        tiles={tiles}
        selectedIndex={selectedIndex}
        gridRef={gridRef}
        onSelect={pickWithMouse}
        onOpenEditor={openEditor}
        onKeyDown={onGridKeyDown}
        onFocus={() => setEditing(false)}
      />
    );
  } else if (session.phase === 'opening') {
    body = <p className="empty">{m.opening}</p>;
  } else if (folder) {
    body = <p className="empty">{m.emptyFolder}</p>;
  }

  return (
    <div className="app">
      <Toolbar folder={folder} tiles={tiles} onOpen={open} />
      <Notices folder={folder} notice={session.notice} onDismiss={session.dismissNotice} />
      <main className="workspace">
        <section className="grid-pane" aria-busy={session.phase === 'opening'}>
          <ThumbnailProgress progress={session.progress} />
          {body}
        </section>
        <aside className="side-pane">
          {folder && selected ? (
            <>
              <Preview key={`preview\u0000${folder.path}\u0000${selected.file}`} tile={selected} />
              <CaptionEditor
                key={`caption\u0000${folder.path}\u0000${selected.file}`}
                folder={folder.path}
                tile={selected}
                autosaver={autosaver}
                autoFocus={editing}
                editorRef={editorRef}
                onFocusChange={setEditing}
                onLeave={leaveEditor}
                onSaveNext={saveAndNext}
              />
              <InfoPanel folder={folder.path} tile={selected} />
            </>
          ) : (
            <p className="empty">{m.noSelection}</p>
          )}
        </aside>
      </main>
      <HelpLine />
    </div>
  );
}
