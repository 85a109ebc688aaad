import {
  useEffect,
  useEffectEvent,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type DragEvent,
  type FocusEvent,
  type KeyboardEvent,
} from 'react';
import type { Article, ArticleIssue, Folder, Photo, Tile } from '../../electron/contract/api';
import { useTransport } from '../api/context';
import { failureOf, type Failure } from '../api/errors';
import { useUnloadFlush } from '../app/useUnloadFlush';
import { Autosaver } from '../caption-editor/autosaver';
import { editableCaption } from '../caption-editor/editable';
import { useI18n } from '../i18n/context';
import type { Messages } from '../i18n/vi';
import { PackageDialog } from '../package/PackageDialog';
import { PackageHistoryList } from '../package/PackageHistoryList';
import {
  loadHistory,
  saveHistory,
  withoutArticle,
  withRecord,
  type PackageHistory,
  type PackageRecord,
} from '../package/history';
import { ArticleHeader, type HeaderPatch } from './ArticleHeader';
import { ArticleHelpLine } from './ArticleHelpLine';
import { ArticleList, type ArticleSummary } from './ArticleList';
import { ArticlePreview } from './ArticlePreview';
import { ArticleSaver } from './article-saver';
import { BlockView, StatusText } from './Blocks';
import {
  addToGallery,
  blocksReducer,
  canMerge,
  gapAfter,
  indexOfBlock,
  insertBlocks,
  joinParagraphWithPrevious,
  mergeIntoGallery,
  moveBlockBy,
  moveBlockToGap,
  newBlockId,
  photosInArticleOrder,
  photoUses,
  removeBlock,
  removeFromGallery,
  setGalleryCaption,
  setParagraphText,
  splitParagraph,
  type Block,
} from './blocks';
import { ChecksList } from './ChecksList';
import { useConfirm } from '../ui/ConfirmDialog';
import type { EditorController } from './controller';
import { dragKind, gapAt, readDrop, startBlockDrag } from './dnd';
import {
  blockSelector,
  flash,
  focusBlock,
  focusField,
  type Caret,
  type HeaderField,
} from './focus';
import { PhotoStrip } from './PhotoStrip';
import { modKey } from '../ui/platform';
import { isString, readStored, writeStored } from '../ui/storage';
import { caretAtEnd, caretAtStart } from './text-field';
import './article.css';
import { describeError } from '../errors/describe-error';
import { ErrorLines } from '../errors/ErrorLines';

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
      <div className="aws">
        <p className="empty">{m.artNoFolder}</p>
        <ArticleHelpLine />
      </div>
    );
  }
  return (
    <FolderArticles key={folder.path} folder={folder} tiles={tiles} onPhotoSaved={onPhotoSaved} />
  );
}

/** Kept as words to say, so it follows a language switch. */
type Notice = { kind: 'info' | 'error'; text: (m: Messages) => string };
type FocusRequest =
  { n: number; id: string; caret: Caret; scroll: boolean } | { n: number; field: HeaderField };
type Drop = { gap: number } | { gallery: string };

/** Where the next photo goes: after this block, or at the top when in the header. */
const HEADER = '\u0000header';

const DEFAULTS_KEY = 'captiondesk.articleDefaults';
interface Defaults {
  byline: string;
  authorInitials: string;
}
const isDefaults = (v: unknown): v is Defaults =>
  !!v &&
  typeof (v as Defaults).byline === 'string' &&
  typeof (v as Defaults).authorInitials === 'string';

const summaryOf = (a: Article): ArticleSummary => ({
  id: a.id,
  headline: a.headline,
  updatedAt: a.updatedAt,
  blocks: a.body.length,
});

const byNewest = (list: ArticleSummary[]) =>
  [...list].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));

function FolderArticles({
  folder,
  tiles,
  onPhotoSaved,
}: {
  folder: Folder;
  tiles: Tile[];
  onPhotoSaved: ArticleWorkspaceProps['onPhotoSaved'];
}) {
  const { api } = useTransport();
  const { m } = useI18n();
  const folderPath = folder.path;
  const lastKey = `captiondesk.article:${folderPath}`;

  const [saver] = useState(() => new ArticleSaver((args) => api.saveArticle(args)));
  const [autosaver] = useState(() => new Autosaver((args) => api.setCaption(args)));
  const saveStatus = useSyncExternalStore(saver.subscribe, saver.getStatus);

  const [summaries, setSummaries] = useState<ArticleSummary[] | null>(null);
  const [article, setArticle] = useState<Article | null>(null);
  const articleRef = useRef<Article | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [issues, setIssues] = useState<ArticleIssue[] | null>(null);
  const [checksError, setChecksError] = useState<Failure | null>(null);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [stripSelected, setStripSelected] = useState<string | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [drop, setDrop] = useState<Drop | null>(null);
  const [packageOpen, setPackageOpen] = useState(false);
  const [history, setHistory] = useState<PackageHistory>(() => loadHistory(folderPath));
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [confirm, confirmElement] = useConfirm();

  const editorRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const stripRef = useRef<HTMLDivElement>(null);
  const checksSeq = useRef(0);
  const openSeq = useRef(0);
  const focusSeq = useRef(0);
  const draggingBlock = useRef<string | null>(null);

  const tilesByFile = useMemo(() => new Map(tiles.map((t) => [t.file, t])), [tiles]);
  const uses = useMemo(() => photoUses(article?.body ?? []), [article?.body]);

  // ——— Saving ———

  useUnloadFlush(autosaver);
  useEffect(() => {
    const flush = () => void saver.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('beforeunload', flush);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('beforeunload', flush);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      // Leaving the workspace or the folder writes what was typed.
      flush();
      void autosaver.flush();
    };
  }, [saver, autosaver]);

  const refreshChecks = (id: string) => {
    const seq = ++checksSeq.current;
    api.articleChecks({ folder: folderPath, id }).then(
      (list) => {
        if (seq !== checksSeq.current || articleRef.current?.id !== id) return;
        setIssues(list);
        setChecksError(null);
      },
      (err: unknown) => {
        if (seq !== checksSeq.current) return;
        setChecksError(failureOf(err));
      },
    );
  };

  const onArticleSaved = useEffectEvent((saved: Article) => {
    setSummaries((list) =>
      list ? byNewest(list.map((s) => (s.id === saved.id ? summaryOf(saved) : s))) : list,
    );
    if (saved.byline.trim() || saved.authorInitials.trim())
      writeStored(DEFAULTS_KEY, { byline: saved.byline, authorInitials: saved.authorInitials });
    if (articleRef.current?.id === saved.id) refreshChecks(saved.id);
  });
  useEffect(() => saver.onSaved((_folder, saved) => onArticleSaved(saved)), [saver]);

  const onCaptionSaved = useEffectEvent((savedFolder: string, photo: Photo) => {
    onPhotoSaved(savedFolder, photo);
    // The draft has landed: from now on the photo's own value shows (and can change elsewhere).
    setDrafts((d) => {
      if (d[photo.file] === undefined || d[photo.file] !== (photo.captionOwn ?? photo.caption))
        return d;
      return Object.fromEntries(Object.entries(d).filter(([file]) => file !== photo.file));
    });
    const id = articleRef.current?.id;
    if (id) refreshChecks(id);
  });
  useEffect(
    () => autosaver.onSaved((savedFolder, photo) => onCaptionSaved(savedFolder, photo)),
    [autosaver],
  );

  useEffect(() => saveHistory(folderPath, history), [folderPath, history]);

  /** Everything typed is written: the core reads the saved article and captions. */
  const prepare = async () => {
    await Promise.all([saver.flush(), autosaver.flush()]);
    const status = saver.getStatus();
    // The save's own code travels on, so whoever shows this says why in the UI's language.
    if (status.phase === 'failed')
      throw Object.assign(new Error(status.failure.message), {
        code: status.failure.code,
        params: status.failure.params,
      });
  };

  // ——— Articles ———

  const show = (a: Article | null) => {
    articleRef.current = a;
    setArticle(a);
    setSelected([]);
    setActive(null);
    setIssues(null);
    setChecksError(null);
    if (a) {
      writeStored(lastKey, a.id);
      refreshChecks(a.id);
    }
  };

  const open = async (id: string) => {
    const seq = ++openSeq.current;
    await prepare().catch(() => undefined);
    try {
      const a = await api.getArticle({ folder: folderPath, id });
      if (seq !== openSeq.current) return;
      show(a);
      setNotice(null);
    } catch (err) {
      if (seq === openSeq.current)
        setNotice({ kind: 'error', text: (t) => t.artLoadFailed(describeError(err, t)) });
    }
  };

  const onListed = useEffectEvent((list: ArticleSummary[]) => {
    const sorted = byNewest(list);
    setSummaries(sorted);
    const last = readStored(lastKey, '', isString);
    const pick = sorted.find((a) => a.id === last) ?? sorted[0];
    if (pick) void open(pick.id);
  });
  const onListFailed = useEffectEvent((err: unknown) => {
    setSummaries([]);
    setNotice({ kind: 'error', text: (t) => t.artLoadFailed(describeError(err, t)) });
  });
  useEffect(() => {
    let live = true;
    api.listArticles({ folder: folderPath }).then(
      (list) => live && onListed(list),
      (err: unknown) => live && onListFailed(err),
    );
    return () => {
      live = false;
    };
  }, [api, folderPath]);

  const create = async () => {
    await prepare().catch(() => undefined);
    try {
      const blank = await api.createArticle({ folder: folderPath });
      const defaults = readStored(DEFAULTS_KEY, { byline: '', authorInitials: '' }, isDefaults);
      const city = tiles.find((t) => t.city || t.province);
      const a: Article = {
        ...blank,
        byline: defaults.byline,
        authorInitials: defaults.authorInitials,
        dateline: { ...blank.dateline, place: city?.city ?? city?.province ?? '' },
      };
      setSummaries((list) => [summaryOf(a), ...(list ?? [])]);
      show(a);
      if (a.byline || a.dateline.place) saver.schedule(folderPath, a);
      setNotice(null);
      setFocusRequest({ n: ++focusSeq.current, field: 'headline' });
    } catch (err) {
      setNotice({ kind: 'error', text: (t) => t.artCreateFailed(describeError(err, t)) });
    }
  };

  const remove = async (s: ArticleSummary) => {
    const ok = await confirm(m.artDeleteConfirm(s.headline.trim() || m.artUntitled), m.artDelete);
    if (!ok) return;
    await saver.discard(s.id);
    try {
      await api.deleteArticle({ folder: folderPath, id: s.id });
      setSummaries((list) => list?.filter((x) => x.id !== s.id) ?? list);
      setHistory((h) => withoutArticle(h, s.id));
      if (articleRef.current?.id === s.id) show(null);
    } catch (err) {
      setNotice({ kind: 'error', text: (t) => t.artDeleteFailed(describeError(err, t)) });
    }
  };

  const importText = async (text: string) => {
    let structure: unknown;
    try {
      structure = JSON.parse(text);
    } catch (err) {
      setNotice({
        kind: 'error',
        text: (t) => t.artImportBadJson(String((err as Error).message ?? err)),
      });
      return;
    }
    await prepare().catch(() => undefined);
    try {
      const a = await api.importArticle({ folder: folderPath, structure });
      setSummaries((list) => byNewest([summaryOf(a), ...(list ?? [])]));
      show(a);
      setNotice({ kind: 'info', text: (t) => t.artImported(a.headline.trim() || t.artUntitled) });
      // The captions went to the photos themselves: show them here and in the grid.
      const used = new Set(photosInArticleOrder(a.body));
      setDrafts((d) => Object.fromEntries(Object.entries(d).filter(([f]) => !used.has(f))));
      // The grid hears of them through the core's photosChanged event.
    } catch (err) {
      setNotice({ kind: 'error', text: (t) => t.artImportFailed(describeError(err, t)) });
    }
  };

  // ——— Editing ———

  const update = (fn: (a: Article) => Article) => {
    const current = articleRef.current;
    if (!current) return;
    const next = fn(current);
    if (next === current) return;
    articleRef.current = next;
    setArticle(next);
    saver.schedule(folderPath, next);
  };

  const updateBody = (fn: (body: Block[]) => Block[]) =>
    update((a) => {
      const body = fn(a.body);
      return body === a.body ? a : { ...a, body };
    });

  const focusLater = (id: string, caret: Caret, scroll = false) =>
    setFocusRequest({ n: ++focusSeq.current, id, caret, scroll });
  const focusFieldLater = (field: HeaderField) => setFocusRequest({ n: ++focusSeq.current, field });

  useLayoutEffect(() => {
    if (!focusRequest) return;
    if ('field' in focusRequest) focusField(editorRef.current, focusRequest.field, false);
    else focusBlock(editorRef.current, focusRequest.id, focusRequest.caret, focusRequest.scroll);
  }, [focusRequest]);

  const bodyNow = () => articleRef.current?.body ?? [];

  /** The gap after the block being edited (the top when in the header, else the end). */
  const insertionGap = () => {
    const body = bodyNow();
    if (active === HEADER) return 0;
    return gapAfter(body, active);
  };

  const insertPhoto = (file: string, gap = insertionGap()) => {
    if (!articleRef.current) return;
    const id = newBlockId();
    updateBody((b) => insertBlocks(b, gap, [{ id, type: 'photo', file }]));
    // The next photo goes after this one, in the order they were placed.
    setActive(id);
  };

  const newParagraphAt = (gap: number) => {
    const id = newBlockId();
    updateBody((b) => insertBlocks(b, gap, [{ id, type: 'paragraph', text: '' }]));
    focusLater(id, 'start');
  };

  const focusNeighbour = (body: readonly Block[], index: number) => {
    const prev = body[index - 1];
    const next = body[index + 1];
    if (prev) focusLater(prev.id, 'end');
    else if (next) focusLater(next.id, 'start');
    else focusFieldLater('sapo');
  };

  const removeWithConfirm = async (id: string) => {
    const body = bodyNow();
    const index = indexOfBlock(body, id);
    const block = body[index];
    if (!block) return;
    const hasText =
      (block.type === 'paragraph' && block.text.trim()) ||
      (block.type === 'gallery' && block.caption.trim());
    if (hasText && !(await confirm(m.blockRemoveConfirm, m.blockRemove))) return;
    updateBody((b) => removeBlock(b, id));
    setSelected((s) => s.filter((x) => x !== id));
    focusNeighbour(body, index);
  };

  const mergeBlocks = () => {
    const body = bodyNow();
    let ids = selected;
    if (!canMerge(body, ids) && active && active !== HEADER) {
      // Nothing ticked: the block being edited with its picture neighbour.
      const i = indexOfBlock(body, active);
      const pairs = [
        [body[i]?.id, body[i + 1]?.id],
        [body[i - 1]?.id, body[i]?.id],
      ].map((p) => p.filter((x): x is string => !!x));
      ids = pairs.find((p) => canMerge(body, p)) ?? [];
    }
    if (!canMerge(body, ids)) {
      setNotice({ kind: 'info', text: (t) => t.mergeHint });
      return;
    }
    const id = newBlockId();
    updateBody((b) => mergeIntoGallery(b, ids, id));
    setSelected([]);
    setActive(id);
    focusLater(id, 'end');
  };

  const splitWithConfirm = async (id: string) => {
    const block = bodyNow().find((b) => b.id === id);
    if (block?.type !== 'gallery') return;
    if (block.caption.trim() && !(await confirm(m.splitConfirm, m.splitGallery))) return;
    const newIds = block.files.map(() => newBlockId());
    updateBody((b) => blocksReducer(b, { type: 'split', id, newIds }));
    setSelected([]);
    if (newIds[0]) focusLater(newIds[0], 'end');
  };

  const onTextKey = (event: KeyboardEvent<HTMLTextAreaElement>, block: Block) => {
    if (event.nativeEvent.isComposing) return;
    const el = event.currentTarget;
    const mod = modKey(event);
    if (
      event.altKey &&
      !mod &&
      !event.shiftKey &&
      (event.key === 'ArrowUp' || event.key === 'ArrowDown')
    ) {
      event.preventDefault();
      const caret = el.selectionStart;
      updateBody((b) => moveBlockBy(b, block.id, event.key === 'ArrowUp' ? -1 : 1));
      focusLater(block.id, caret);
      return;
    }
    if (event.altKey || mod) return;
    const body = bodyNow();
    const i = indexOfBlock(body, block.id);
    if (event.key === 'ArrowUp' && caretAtStart(el)) {
      event.preventDefault();
      const prev = body[i - 1];
      if (prev) focusLater(prev.id, 'end');
      else focusFieldLater('sapo');
      return;
    }
    if (event.key === 'ArrowDown' && caretAtEnd(el) && body[i + 1]) {
      event.preventDefault();
      focusLater(body[i + 1]!.id, 'start');
      return;
    }
    if (block.type === 'paragraph') {
      if (event.key === 'Enter' && !event.shiftKey) {
        event.preventDefault();
        const start = el.selectionStart;
        const text = el.value.slice(0, start) + el.value.slice(el.selectionEnd);
        const id = newBlockId();
        updateBody((b) => splitParagraph(setParagraphText(b, block.id, text), block.id, start, id));
        focusLater(id, 'start');
      } else if (event.key === 'Backspace' && el.value === '') {
        event.preventDefault();
        updateBody((b) => removeBlock(b, block.id));
        focusNeighbour(body, i);
      } else if (event.key === 'Backspace' && caretAtStart(el)) {
        const joined = joinParagraphWithPrevious(body, block.id);
        if (!joined) return;
        event.preventDefault();
        updateBody(() => joined.body);
        focusLater(joined.into, joined.caret);
      }
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      // A caption is one paragraph: Enter goes on writing below the picture.
      event.preventDefault();
      const next = body[i + 1];
      if (next?.type === 'paragraph' && !next.text) focusLater(next.id, 'start');
      else newParagraphAt(i + 1);
    }
  };

  const captionOf = (file: string) =>
    drafts[file] ??
    editableCaption(tilesByFile.get(file) ?? { caption: null, captionOwn: null }) ??
    '';

  /** What the preview shows: the caption being typed, else the caption that goes into the file. */
  const previewCaptionOf = (file: string) => {
    const tile = tilesByFile.get(file);
    const draft = drafts[file];
    if (draft !== undefined && draft !== (tile?.captionOwn ?? null)) return draft;
    return tile?.caption ?? '';
  };

  // ——— Drag and drop ———

  const blockElements = () =>
    bodyRef.current ? [...bodyRef.current.querySelectorAll(':scope > [data-block-id]')] : [];

  const onBodyDragOver = (event: DragEvent<HTMLDivElement>) => {
    const kind = dragKind(event);
    if (!kind || !articleRef.current) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = kind === 'photo' ? 'copy' : 'move';
    const gap = gapAt(blockElements(), event.clientY);
    if (!drop || !('gap' in drop) || drop.gap !== gap) setDrop({ gap });
  };

  const onBodyDrop = (event: DragEvent<HTMLDivElement>) => {
    const payload = readDrop(event);
    if (!payload) return;
    event.preventDefault();
    const gap = gapAt(blockElements(), event.clientY);
    setDrop(null);
    if (payload.kind === 'photo') insertPhoto(payload.file, gap);
    else updateBody((b) => moveBlockToGap(b, payload.id, gap));
  };

  const onBodyDragLeave = (event: DragEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDrop(null);
  };

  useEffect(() => {
    const clear = () => {
      draggingBlock.current = null;
      setDrop(null);
    };
    window.addEventListener('dragend', clear);
    window.addEventListener('drop', clear);
    return () => {
      window.removeEventListener('dragend', clear);
      window.removeEventListener('drop', clear);
    };
  }, []);

  /** A photo, or a single photo block, dropped on a gallery joins it. */
  const galleryTakes = (event: DragEvent, galleryId: string) => {
    const kind = dragKind(event);
    if (kind === 'photo') return true;
    if (kind !== 'block') return false;
    const dragged = bodyNow().find((b) => b.id === draggingBlock.current);
    return dragged?.type === 'photo' && dragged.id !== galleryId;
  };

  const ctl: EditorController = {
    folder: folderPath,
    tilesByFile,
    autosaver,
    captionOf,
    beginCaption: (file) => {
      if (drafts[file] === undefined)
        autosaver.begin(
          folderPath,
          file,
          editableCaption(tilesByFile.get(file) ?? { caption: null, captionOwn: null }),
        );
    },
    setCaption: (file, text) => {
      setDrafts((d) => ({ ...d, [file]: text }));
      autosaver.schedule(folderPath, file, text.normalize('NFC'));
    },
    setParagraph: (id, text) => updateBody((b) => setParagraphText(b, id, text)),
    setGalleryCaption: (id, caption) => updateBody((b) => setGalleryCaption(b, id, caption)),
    onTextKey,
    onBlockFocus: (id) => setActive(id),
    moveBy: (id, delta) => updateBody((b) => moveBlockBy(b, id, delta)),
    remove: (id) => void removeWithConfirm(id),
    split: (id) => void splitWithConfirm(id),
    setSelected: (id, on) =>
      setSelected((s) => (on ? [...s.filter((x) => x !== id), id] : s.filter((x) => x !== id))),
    removeFromGallery: (id, file) => updateBody((b) => removeFromGallery(b, id, file)),
    onBlockDragStart: (event, id) => {
      draggingBlock.current = id;
      startBlockDrag(event, id, bodyRef.current?.querySelector(blockSelector(id)));
    },
    onGalleryDragOver: (event, id) => {
      if (!galleryTakes(event, id)) return;
      event.preventDefault();
      event.stopPropagation();
      if (!drop || !('gallery' in drop) || drop.gallery !== id) setDrop({ gallery: id });
    },
    onGalleryDrop: (event, id) => {
      if (!galleryTakes(event, id)) return;
      const payload = readDrop(event);
      event.preventDefault();
      event.stopPropagation();
      setDrop(null);
      if (payload?.kind === 'photo') updateBody((b) => addToGallery(b, id, [payload.file]));
      else if (payload?.kind === 'block') {
        const dragged = bodyNow().find((b) => b.id === payload.id);
        if (dragged?.type === 'photo')
          updateBody((b) => removeBlock(addToGallery(b, id, [dragged.file]), dragged.id));
      }
    },
  };

  // ——— Checks, preview, keys ———

  const goToIssue = (issue: ArticleIssue) => {
    const root = editorRef.current;
    const fields: Partial<Record<ArticleIssue['code'], HeaderField>> = {
      noHeadline: 'headline',
      noSapo: 'sapo',
      noByline: 'byline',
    };
    const field = fields[issue.code];
    if (field) {
      focusField(root, field);
      flash(root?.querySelector(`[data-field="${field}"]`));
    } else if (issue.blockId && focusBlock(root, issue.blockId, 'end', true)) {
      setActive(issue.blockId);
      flash(root?.querySelector(blockSelector(issue.blockId)));
    } else if (issue.code === 'noPhotos') {
      stripRef.current?.focus();
      flash(stripRef.current);
    }
  };

  const pickFromPreview = (id: string) => {
    if (focusBlock(editorRef.current, id, 'end', true)) {
      setActive(id);
      flash(editorRef.current?.querySelector(blockSelector(id)));
    }
  };

  const onGlobalKey = useEffectEvent((event: globalThis.KeyboardEvent) => {
    if (!articleRef.current || document.querySelector('dialog[open]')) return;
    if (!modKey(event) || event.altKey) return;
    const key = event.key.toLowerCase();
    if (event.shiftKey && key === 'e') {
      event.preventDefault();
      setPackageOpen(true);
    } else if (event.shiftKey && key === 'p') {
      event.preventDefault();
      if (stripSelected) insertPhoto(stripSelected);
    } else if (!event.shiftKey && key === 'g') {
      event.preventDefault();
      mergeBlocks();
    } else if (event.shiftKey && key === 'g') {
      event.preventDefault();
      if (active && bodyNow().find((b) => b.id === active)?.type === 'gallery')
        void splitWithConfirm(active);
    } else if (event.shiftKey && key === 'k') {
      event.preventDefault();
      if (active && active !== HEADER) void removeWithConfirm(active);
    }
  });
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => onGlobalKey(event);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onEditorBlur = (event: FocusEvent<HTMLElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) void saver.flush();
  };

  const onHeaderChange = (patch: HeaderPatch) =>
    update((a) => {
      const { place, date, ...rest } = patch;
      const dateline =
        place !== undefined || date !== undefined
          ? { place: place ?? a.dateline.place, date: date ?? a.dateline.date }
          : a.dateline;
      return { ...a, ...rest, dateline };
    });

  const onEnterFrom = (field: 'headline' | 'sapo') => {
    if (field === 'headline') {
      focusFieldLater('sapo');
      return;
    }
    const first = bodyNow()[0];
    if (first?.type === 'paragraph') focusLater(first.id, 'start');
    else newParagraphAt(0);
  };

  const body = article?.body ?? [];
  const mergeable = canMerge(body, selected);
  const articleHistory = article ? (history[article.id] ?? []) : [];

  return (
    <div className="aws" data-testid="article-workspace">
      {notice ? (
        <p
          className={`notice is-${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          <span>
            <ErrorLines text={notice.text(m)} />
          </span>
          <button type="button" className="button small" onClick={() => setNotice(null)}>
            {m.dismiss}
          </button>
        </p>
      ) : null}
      <div className="aws-main">
        <aside className="aws-left">
          <ArticleList
            articles={summaries}
            openId={article?.id ?? null}
            onOpen={(id) => void open(id)}
            onCreate={() => void create()}
            onDelete={(s) => void remove(s)}
            onImportText={(text) => void importText(text)}
          />
          <PhotoStrip
            tiles={tiles}
            selected={stripSelected}
            uses={uses}
            stripRef={stripRef}
            onSelect={setStripSelected}
            onInsert={(file) => insertPhoto(file)}
          />
        </aside>

        <section className="aws-editor" ref={editorRef} onBlur={onEditorBlur}>
          <div className="aws-bar">
            <h2 className="section-title">{m.wsArticle}</h2>
            <StatusText status={saveStatus} testId="article-save-status" />
            <span className="spacer" />
            {article ? (
              <>
                <button
                  type="button"
                  className="button small"
                  data-testid="merge-gallery"
                  disabled={!mergeable}
                  title={m.mergeHint}
                  onClick={mergeBlocks}
                >
                  {m.mergeGallery}
                  {selected.length > 1 ? ` (${selected.length})` : ''}
                </button>
                <button
                  type="button"
                  className="button small"
                  data-testid="add-paragraph"
                  onClick={() => newParagraphAt(insertionGap())}
                >
                  + {m.artAddParagraph}
                </button>
                <button
                  type="button"
                  className="button small primary"
                  data-testid="open-package"
                  title={m.pkgOpenTitle}
                  onClick={() => setPackageOpen(true)}
                >
                  {m.pkgOpen}
                </button>
              </>
            ) : null}
          </div>
          {article ? (
            <div
              className="aws-scroll"
              onFocus={(e) => e.target.closest('.ahead') && setActive(HEADER)}
            >
              <ArticleHeader
                article={article}
                onChange={onHeaderChange}
                onEnterFrom={onEnterFrom}
              />
              <div className="ablocks-title section-title">{m.artBody}</div>
              <div
                ref={bodyRef}
                className={`ablocks ${drop && 'gap' in drop && drop.gap === body.length ? 'is-drop-end' : ''}`}
                data-testid="article-body"
                onDragOver={onBodyDragOver}
                onDrop={onBodyDrop}
                onDragLeave={onBodyDragLeave}
              >
                {body.map((block, index) => (
                  <BlockView
                    key={block.id}
                    block={block}
                    index={index}
                    count={body.length}
                    selected={selected.includes(block.id)}
                    dropBefore={!!drop && 'gap' in drop && drop.gap === index}
                    galleryDrop={!!drop && 'gallery' in drop && drop.gallery === block.id}
                    ctl={ctl}
                  />
                ))}
                <div className="ablocks-end" data-testid="article-body-end">
                  {body.length === 0 ? <span>{m.artBodyEmpty}</span> : null}
                </div>
              </div>
            </div>
          ) : (
            <p className="empty">{summaries === null ? m.artListLoading : m.artNone}</p>
          )}
        </section>

        <aside className="aws-right">
          <section className="aws-checks" aria-label={m.checksTitle}>
            <h2 className="section-title">
              {m.checksTitle}
              {issues?.length ? (
                <span className="achecks-count">{m.checkCount(issues.length)}</span>
              ) : null}
            </h2>
            {article ? (
              <ChecksList
                issues={issues}
                error={checksError && describeError(checksError, m)}
                onGo={goToIssue}
              />
            ) : null}
            {articleHistory.length ? <PackageHistoryList records={articleHistory} /> : null}
          </section>
          <section className="aws-preview" aria-label={m.previewTitle}>
            <h2 className="section-title">{m.previewTitle}</h2>
            {article ? (
              <ArticlePreview
                article={article}
                tilesByFile={tilesByFile}
                captionOf={previewCaptionOf}
                onPick={pickFromPreview}
              />
            ) : null}
          </section>
        </aside>
      </div>
      <ArticleHelpLine />
      {packageOpen && article ? (
        <PackageDialog
          folder={folderPath}
          article={article}
          history={articleHistory}
          prepare={prepare}
          onRecord={(record: PackageRecord) => setHistory((h) => withRecord(h, article.id, record))}
          onGoToIssue={goToIssue}
          onClose={() => setPackageOpen(false)}
        />
      ) : null}
      {confirmElement}
    </div>
  );
}
