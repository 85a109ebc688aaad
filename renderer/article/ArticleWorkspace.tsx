import { useMemo, useRef, useState, type FocusEvent } from 'react';
import type { Folder, Photo, Tile } from '../../electron/contract/api';
import { useI18n } from '../i18n/context';
import { PackageDialog } from '../package/PackageDialog';
import { usePackageHistory } from '../package/usePackageHistory';
import { useConfirm } from '../ui/ConfirmDialog';
import { ArticleBody } from './ArticleBody';
import { ArticleHeader } from './ArticleHeader';
import { ArticleHelpLine } from './ArticleHelpLine';
import { ArticleList } from './ArticleList';
import { ArticleSidePanel } from './ArticleSidePanel';
import { canMerge, photoUses } from './blocks';
import { editorController } from './controller';
import { EditorBar } from './EditorBar';
import { NoticeBar, type Notice } from './NoticeBar';
import { PhotoStrip } from './PhotoStrip';
import { textKeys } from './text-keys';
import { useArticleChecks } from './useArticleChecks';
import { HEADER, useArticleDraft } from './useArticleDraft';
import { useArticleList } from './useArticleList';
import { useArticleSavers } from './useArticleSavers';
import { useBlockCommands } from './useBlockCommands';
import { useBlockDrop } from './useBlockDrop';
import { useCaptionDrafts } from './useCaptionDrafts';
import { useGoTo } from './useGoTo';
import { useWorkspaceKeys } from './useWorkspaceKeys';
import { cx } from '../ui/cx';
import styles from './workspace.module.css';
import editor from './editor.module.css';

interface ArticleWorkspaceProps {
  folder: Folder | null;
  tiles: Tile[];
  /** A caption saved from here: the photo list shows it at once (the session's applySaved). */
  onPhotoSaved: (folder: string, photo: Photo) => void;
}

/** The article workspace: list, editor with photo strip, checks and live preview. */
export function ArticleWorkspace({ folder, tiles, onPhotoSaved }: ArticleWorkspaceProps) {
  const { m } = useI18n();
  if (!folder) {
    return (
      <div className={styles.aws}>
        <p className="empty">{m.artNoFolder}</p>
        <ArticleHelpLine />
      </div>
    );
  }
  return (
    <FolderArticles key={folder.path} folder={folder} tiles={tiles} onPhotoSaved={onPhotoSaved} />
  );
}

/**
 * One folder's articles. The logic lives in the hooks: the savers, the list, the article
 * being edited, its checks, the captions typed under its pictures, the block commands,
 * drag and drop and the shortcuts; this joins them and lays the workspace out.
 */
function FolderArticles({
  folder,
  tiles,
  onPhotoSaved,
}: {
  folder: Folder;
  tiles: Tile[];
  onPhotoSaved: ArticleWorkspaceProps['onPhotoSaved'];
}) {
  const { m } = useI18n();
  const folderPath = folder.path;
  const editorRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const stripRef = useRef<HTMLDivElement>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [stripSelected, setStripSelected] = useState<string | null>(null);
  const [packageOpen, setPackageOpen] = useState(false);
  const [confirm, confirmElement] = useConfirm();

  const savers = useArticleSavers();
  const { saver, autosaver, saveStatus, prepare } = savers;
  const draft = useArticleDraft(folderPath, saver, editorRef);
  const { article, articleRef, selected } = draft;
  const checks = useArticleChecks(folderPath, articleRef);
  const tilesByFile = useMemo(() => new Map(tiles.map((t) => [t.file, t])), [tiles]);
  const uses = useMemo(() => photoUses(article?.body ?? []), [article?.body]);
  const captions = useCaptionDrafts({
    folder: folderPath,
    tilesByFile,
    autosaver,
    onPhotoSaved,
    onLanded: () => {
      const id = articleRef.current?.id;
      if (id) checks.refresh(id);
    },
  });
  const list = useArticleList({
    folder: folderPath,
    tiles,
    savers,
    draft,
    checks,
    setNotice,
    confirm,
    onCaptionsImported: captions.forget,
  });
  const commands = useBlockCommands(draft, confirm, setNotice);
  const { onTextKey, onEnterFrom } = textKeys(draft, commands);
  const dnd = useBlockDrop(draft, bodyRef, commands.insertPhoto);
  const goTo = useGoTo(editorRef, stripRef, draft.setActive);
  useWorkspaceKeys(draft, commands, stripSelected, () => setPackageOpen(true));

  const ctl = editorController({
    folder: folderPath,
    tilesByFile,
    autosaver,
    draft,
    captions,
    commands,
    dnd,
    onTextKey,
  });

  const onEditorBlur = (event: FocusEvent<HTMLElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) void saver.flush();
  };

  const body = article?.body ?? [];
  const articleHistory = usePackageHistory(folderPath, article?.id ?? null);

  return (
    <div className={styles.aws} data-testid="article-workspace">
      {notice ? <NoticeBar notice={notice} onDismiss={() => setNotice(null)} /> : null}
      <div className={styles.awsMain}>
        <aside className={styles.awsLeft}>
          <ArticleList
            articles={list.summaries}
            openId={article?.id ?? null}
            onOpen={(id) => void list.open(id)}
            onCreate={() => void list.create()}
            onDelete={(s) => void list.remove(s)}
            onImportText={(text) => void list.importText(text)}
          />
          <PhotoStrip
            tiles={tiles}
            selected={stripSelected}
            uses={uses}
            stripRef={stripRef}
            onSelect={setStripSelected}
            onInsert={(file) => commands.insertPhoto(file)}
          />
        </aside>

        <section className={editor.awsEditor} ref={editorRef} onBlur={onEditorBlur}>
          <EditorBar
            saveStatus={saveStatus}
            hasArticle={!!article}
            mergeable={canMerge(body, selected)}
            selectedCount={selected.length}
            onMerge={commands.mergeBlocks}
            onAddParagraph={() => commands.newParagraphAt(commands.insertionGap())}
            onOpenPackage={() => setPackageOpen(true)}
          />
          {article ? (
            <div
              className={editor.awsScroll}
              onFocus={(e) => e.target.closest(`.${editor.ahead}`) && draft.setActive(HEADER)}
            >
              <ArticleHeader
                article={article}
                onChange={draft.updateHeader}
                onEnterFrom={onEnterFrom}
              />
              <div className={cx(editor.ablocksTitle, 'section-title')}>{m.artBody}</div>
              <ArticleBody
                body={body}
                selected={selected}
                drop={dnd.drop}
                ctl={ctl}
                bodyRef={bodyRef}
                onDragOver={dnd.onBodyDragOver}
                onDrop={dnd.onBodyDrop}
                onDragLeave={dnd.onBodyDragLeave}
              />
            </div>
          ) : (
            <p className="empty">{list.summaries === null ? m.artListLoading : m.artNone}</p>
          )}
        </section>

        <ArticleSidePanel
          article={article}
          issues={checks.issues}
          checksError={checks.error}
          packages={articleHistory}
          tilesByFile={tilesByFile}
          captionOf={captions.previewCaptionOf}
          onGoToIssue={goTo.goToIssue}
          onPick={goTo.goToBlock}
        />
      </div>
      <ArticleHelpLine />
      {packageOpen && article ? (
        <PackageDialog
          folder={folderPath}
          article={article}
          prepare={prepare}
          onGoToIssue={goTo.goToIssue}
          onClose={() => setPackageOpen(false)}
        />
      ) : null}
      {confirmElement}
    </div>
  );
}
