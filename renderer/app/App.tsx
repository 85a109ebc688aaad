import {
  useCallback,
  useEffect,
  useEffectEvent,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import type { Tile } from '../../electron/contract/api';
import { useTransport } from '../api/context';
import { ArticleWorkspace } from '../article/ArticleWorkspace';
import { useWorkspace, WorkspaceSwitch } from '../article/WorkspaceSwitch';
import { Autosaver } from '../caption-editor/autosaver';
import { focusAtEnd } from '../caption-editor/caret';
import { CaptionEditor } from '../caption-editor/CaptionEditor';
import { CaptionChecks } from '../caption-workspace/CaptionChecks';
import { CaptioningBar } from '../caption-workspace/CaptioningBar';
import { CaptioningOverlays } from '../caption-workspace/CaptioningOverlays';
import { useCaptioningWorkspace, type GridKey } from '../caption-workspace/useCaptioningWorkspace';
import { FieldsEditor } from '../fields/FieldsEditor';
import { Grid } from '../grid/Grid';
import { GRID_MOVE_KEYS, nextIndex } from '../grid/navigation';
import { useTileSize } from '../grid/useTileSize';
import { rowsPerPage, type GridLayout } from '../grid/virtual-layout';
import { CullBar } from '../filter/CullBar';
import { AnalysisBadges } from '../analysis/AnalysisBadges';
import { AnalysisFilterToggles } from '../analysis/AnalysisFilterToggles';
import { badgeOf, badgeText } from '../credentials/badge';
import { Compare } from '../loupe/Compare';
import { Loupe } from '../loupe/Loupe';
import { ProgressLine } from '../ui/ProgressLine';
import { useI18n } from '../i18n/context';
import { InfoPanel } from '../photo-info/InfoPanel';
import { Preview } from '../preview/Preview';
import { ReviewTab, useReviewMode } from '../review/ReviewTab';
import { ReviewWorkspace } from '../review/ReviewWorkspace';
import { HelpLine } from './HelpLine';
import { Notices } from './Notices';
import { CoreRestartNotice } from './CoreRestartNotice';
import type { PickHow } from '../selection/marks';
import { Toolbar } from './Toolbar';
import { useFolderSession } from './useFolderSession';
import { useUnloadFlush } from './useUnloadFlush';
import { describeError } from '../errors/describe-error';
import { ErrorLines } from '../errors/ErrorLines';
import { useShellLanguage } from './shell-language';
import { cx } from '../ui/cx';
import tabs from '../ui/workspace-tabs.module.css';

const gridKeys = new Set([...GRID_MOVE_KEYS, 'Enter']);

export function App() {
  const { api, onOpenFolderRequest } = useTransport();
  const { m } = useI18n();
  const session = useFolderSession();
  const { folder, tiles, applySaved } = session;
  const [workspace, setWorkspace] = useWorkspace();
  const [reviewing, setReviewing] = useReviewMode();
  // The OS opened a package with CaptionDesk (desktop): review it.
  const [packageRequest, setPackageRequest] = useState<{ path: string; at: number } | null>(null);
  const { onOpenPackageRequest } = useTransport();
  useShellLanguage();
  useEffect(
    () =>
      onOpenPackageRequest?.((path) => {
        setReviewing(true);
        setPackageRequest({ path, at: Date.now() });
      }),
    [onOpenPackageRequest, setReviewing],
  );
  const folderPath = folder?.path;

  const [autosaver] = useState(() => new Autosaver((args) => api.setCaption(args)));
  // Whether the caption editor should have the keyboard when it remounts for the next photo.
  const [editing, setEditing] = useState(false);
  const gridRef = useRef<HTMLDivElement>(null);
  // The grid's computed layout: the keyboard moves by its columns and screenfuls.
  const layoutRef = useRef<GridLayout | null>(null);
  const [tileSize, setTileSize] = useTileSize();
  const editorRef = useRef<HTMLTextAreaElement>(null);

  // Search, review filter, multi-selection, culling, template and dialogs.
  const captioning = useCaptioningWorkspace({
    folder: folderPath,
    tiles,
    autosaver,
    applySaved,
    thumbnailsDone: session.thumbnailsDone,
  });
  const shown = captioning.shown;
  const { analysis, best } = captioning.analysis;
  const badgesOf = useCallback(
    (tile: Tile) => {
      const a = analysis.get(tile.file);
      return a ? (
        <AnalysisBadges analysis={a} best={a.stack ? best.get(a.stack) : undefined} />
      ) : null;
    },
    [analysis, best],
  );
  const { results: verdicts, failures: credentialFailures } = captioning.credentials;
  const credentialsOf = useCallback(
    (tile: Tile) => {
      const verdict = verdicts.get(tile.file);
      const failure = credentialFailures.get(tile.file);
      const badge = badgeOf(tile.credentials, verdict, failure);
      return badge ? { badge, text: badgeText(m, badge, verdict, failure) } : null;
    },
    [verdicts, credentialFailures, m],
  );
  const { selectedIndex, selected, select } = captioning.selection;

  useUnloadFlush(autosaver);
  useEffect(() => autosaver.onSaved(applySaved), [autosaver, applySaved]);

  useEffect(() => {
    document.title = folder ? `${folder.name} — ${m.appName}` : m.appName;
  }, [folder, m]);

  useEffect(() => {
    if (folderPath && document.activeElement === document.body) gridRef.current?.focus();
  }, [folderPath]);

  const pickWithMouse = useCallback(
    (index: number, file: string, how: PickHow) => {
      setEditing(false);
      select(index, file, how);
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

  const handleGridKey = (event: GridKey): boolean => {
    if (captioning.onGridKey(event)) return true;
    if (event.altKey || event.ctrlKey || event.metaKey) return false;
    if (event.key === 'Enter') {
      openEditor();
      return true;
    }
    const layout = layoutRef.current;
    const next = nextIndex(
      event.key,
      selectedIndex,
      shown.length,
      layout?.columns ?? 1,
      layout ? rowsPerPage(layout) : 1,
    );
    const tile = next === null ? undefined : shown[next];
    if (next === null || !tile) return false;
    select(next, tile.file, event.shiftKey ? 'extend' : 'only');
    return true;
  };

  const onGridKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (handleGridKey(event)) event.preventDefault();
  };

  // Keys pressed with nothing focused (after a click on empty space) still drive the grid.
  const onStrayKey = useEffectEvent((event: globalThis.KeyboardEvent) => {
    const grid = gridRef.current;
    if (!grid || event.altKey || event.ctrlKey || event.metaKey) return;
    if (!gridKeys.has(event.key) && !captioning.isGridKey(event)) return;
    if (document.activeElement !== document.body && document.activeElement !== null) return;
    grid.focus();
    if (handleGridKey(event)) event.preventDefault();
  });
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => onStrayKey(event);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const saveAndNext = () => {
    const next = shown[selectedIndex + 1];
    if (next) select(selectedIndex + 1, next.file);
  };

  const { viewer, setViewer } = captioning;
  const closeViewer = () => {
    setViewer(null);
    gridRef.current?.focus();
  };

  const leaveEditor = () => {
    setEditing(false);
    gridRef.current?.focus();
  };

  let body;
  if (shown.length > 0) {
    body = (
      <Grid
        tiles={shown}
        selectedIndex={selectedIndex}
        selected={captioning.selection.selectedSet}
        gridRef={gridRef}
        tileSize={tileSize}
        layoutRef={layoutRef}
        onSelect={pickWithMouse}
        onOpenEditor={openEditor}
        onKeyDown={onGridKeyDown}
        onFocus={() => setEditing(false)}
        badgesOf={badgesOf}
        credentialsOf={credentialsOf}
      />
    );
  } else if (tiles.length > 0) {
    body = <p className="empty">{m.noMatches}</p>;
  } else if (session.phase === 'opening') {
    body = <p className="empty">{m.opening}</p>;
  } else if (folder) {
    body = <p className="empty">{m.emptyFolder}</p>;
  }

  const workspaceSwitch = (
    <div className={cx(tabs.wsBar, reviewing && tabs.isReviewing)}>
      <WorkspaceSwitch
        value={workspace}
        onChange={(next) => {
          setReviewing(false);
          setWorkspace(next);
        }}
      />
      <ReviewTab active={reviewing} onOpen={() => setReviewing(true)} />
    </div>
  );
  if (reviewing) {
    return (
      <div className="app">
        <Toolbar folder={folder} tiles={tiles} onOpen={open} />
        {workspaceSwitch}
        <ReviewWorkspace folder={folderPath ?? null} request={packageRequest} />
      </div>
    );
  }
  if (workspace === 'article') {
    return (
      <div className="app">
        <Toolbar folder={folder} tiles={tiles} onOpen={open} />
        {workspaceSwitch}
        <Notices folder={folder} notice={session.notice} onDismiss={session.dismissNotice} />
        <CoreRestartNotice autosaver={autosaver} />
        <ArticleWorkspace folder={folder} tiles={tiles} onPhotoSaved={applySaved} />
      </div>
    );
  }

  return (
    <div className="app">
      <Toolbar folder={folder} tiles={tiles} onOpen={open} />
      {workspaceSwitch}
      <Notices folder={folder} notice={session.notice} onDismiss={session.dismissNotice} />
      <CoreRestartNotice autosaver={autosaver} />
      <main className="workspace">
        <section className="grid-pane" aria-busy={session.phase === 'opening'}>
          {folder ? <CaptioningBar workspace={captioning} onLeave={leaveEditor} /> : null}
          {folder ? (
            <CullBar
              filter={captioning.filter}
              tileSize={tileSize}
              onTileSize={setTileSize}
              onClocks={() => captioning.setDialog('clocks')}
              status={captioning.status}
              shownCount={shown.length}
            >
              <AnalysisFilterToggles
                filter={captioning.analysisFilter}
                onChange={captioning.setAnalysisFilter}
              />
              <ProgressLine
                progress={captioning.analysis.progress}
                label={m.anProgress}
                testId="analysis-progress"
              />
              {captioning.analysis.error ? (
                <span className="muted" role="status">
                  <ErrorLines text={m.anFailed(describeError(captioning.analysis.error, m))} />
                </span>
              ) : null}
            </CullBar>
          ) : null}
          <ProgressLine
            progress={session.progress}
            label={m.thumbnailsProgress}
            testId="progress"
          />
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
              <CaptionChecks issues={selected.issues} />
              <FieldsEditor
                key={`fields\u0000${folder.path}\u0000${captioning.selection.selectedFiles.join('\u0000')}`}
                folder={folder.path}
                tiles={captioning.selection.selectedTiles}
                saver={captioning.fieldsSaver}
              />
              <InfoPanel
                folder={folder.path}
                tile={selected}
                credentials={verdicts.get(selected.file)}
                credentialsFailure={credentialFailures.get(selected.file)}
              />
            </>
          ) : (
            <p className="empty">{m.noSelection}</p>
          )}
        </aside>
        <CaptioningOverlays workspace={captioning} onReturn={leaveEditor} />
        {viewer?.kind === 'loupe' && selected ? (
          <Loupe
            tiles={shown}
            index={selectedIndex}
            onIndex={(index) => {
              const tile = shown[index];
              if (tile) select(index, tile.file, 'only');
            }}
            onCull={(command, tile) => captioning.culling.cull(command, tile, [tile])}
            onUndo={captioning.culling.undo}
            onRedo={captioning.culling.redo}
            onClose={closeViewer}
          />
        ) : null}
        {viewer?.kind === 'compare' ? (
          <Compare
            files={viewer.files}
            order={shown.map((t) => t.file)}
            tileOf={(file) =>
              shown.find((t) => t.file === file) ?? tiles.find((t) => t.file === file)
            }
            onCull={(command, tile) => captioning.culling.cull(command, tile, [tile])}
            onUndo={captioning.culling.undo}
            onRedo={captioning.culling.redo}
            onClose={closeViewer}
          />
        ) : null}
      </main>
      <HelpLine onShowAll={() => captioning.setDialog('help')} />
    </div>
  );
}
