import { useId, useMemo, type ReactNode } from 'react';
import type { Tile } from '../../electron/contract/api';
import { budget } from '../../common/text/byte-budget';
import type { SaveStatus } from '../caption-editor/autosaver';
import { useSaveStatus } from '../caption-editor/useSaveStatus';
import { useI18n } from '../i18n/context';
import type { Block, GalleryBlock, ParagraphBlock, PhotoBlock } from './blocks';
import type { EditorController } from './controller';
import { changedText, composedText } from './text-field';
import { Thumb } from './Thumb';
import { describeError } from '../errors/describe-error';
import { ErrorLines } from '../errors/ErrorLines';
import { cx } from '../ui/cx';
import styles from './editor.module.css';
import shared from './workspace.module.css';

interface BlockProps<B extends Block> {
  block: B;
  index: number;
  count: number;
  selected: boolean;
  dropBefore: boolean;
  galleryDrop: boolean;
  ctl: EditorController;
}

export function BlockView(props: BlockProps<Block>) {
  const { block } = props;
  if (block.type === 'paragraph') return <ParagraphView {...props} block={block} />;
  if (block.type === 'photo') return <PhotoView {...props} block={block} />;
  return <GalleryView {...props} block={block} />;
}

export function StatusText({ status, testId }: { status: SaveStatus; testId?: string }) {
  const { m } = useI18n();
  let text = '';
  if (status.phase === 'saving') text = m.saving;
  else if (status.phase === 'saved') text = m.saved;
  // A failure, or a caption changed elsewhere meanwhile: the core's message says which.
  else if ('failure' in status) text = m.saveFailed(describeError(status.failure, m));
  return (
    <span
      className={cx('save-status', `is-${status.phase}`)}
      data-testid={testId}
      aria-live="polite"
      title={text}
    >
      <ErrorLines text={text} />
    </span>
  );
}

/** The frame every block shares: drag handle, actions, drop indicator. */
function Frame({
  block,
  index,
  count,
  selected,
  dropBefore,
  ctl,
  label,
  children,
}: BlockProps<Block> & { label: string | null; children: ReactNode }) {
  const { m } = useI18n();
  const pictures = block.type !== 'paragraph';
  return (
    <div
      className={cx(
        styles.ablock,
        block.type === 'paragraph' && styles.ablockParagraph,
        selected && styles.isSelected,
        dropBefore && styles.isDropBefore,
      )}
      data-block-id={block.id}
      data-block-type={block.type}
      data-testid="article-block"
      onFocus={() => ctl.onBlockFocus(block.id)}
    >
      <div className={styles.ablockGutter}>
        <span
          className={styles.ablockHandle}
          draggable
          title={m.blockDrag}
          aria-hidden="true"
          onDragStart={(event) => ctl.onBlockDragStart(event, block.id)}
        >
          ⠿
        </span>
        {pictures ? (
          <input
            type="checkbox"
            className={styles.ablockSelect}
            checked={selected}
            title={m.blockSelect}
            aria-label={m.blockSelect}
            data-testid="block-select"
            onChange={(event) => ctl.setSelected(block.id, event.currentTarget.checked)}
          />
        ) : null}
      </div>
      <div className={styles.ablockMain}>
        {label !== null ? <div className={styles.ablockLabel}>{label}</div> : null}
        {children}
      </div>
      <div className={styles.ablockActions}>
        {block.type === 'gallery' ? (
          <button
            type="button"
            className={shared.aIcon}
            title={m.splitGallery}
            data-testid="split-gallery"
            onClick={() => ctl.split(block.id)}
          >
            {m.splitGallery}
          </button>
        ) : null}
        <button
          type="button"
          className={shared.aIcon}
          title={m.blockMoveUp}
          aria-label={m.blockMoveUp}
          disabled={index === 0}
          onClick={() => ctl.moveBy(block.id, -1)}
        >
          ↑
        </button>
        <button
          type="button"
          className={shared.aIcon}
          title={m.blockMoveDown}
          aria-label={m.blockMoveDown}
          disabled={index === count - 1}
          onClick={() => ctl.moveBy(block.id, 1)}
        >
          ↓
        </button>
        <button
          type="button"
          className={cx(shared.aIcon, shared.isDanger)}
          title={m.blockRemove}
          aria-label={m.blockRemove}
          data-testid="block-remove"
          onClick={() => ctl.remove(block.id)}
        >
          ✕
        </button>
      </div>
    </div>
  );
}

function ParagraphView(props: BlockProps<ParagraphBlock>) {
  const { m } = useI18n();
  const { block, ctl } = props;
  return (
    <Frame {...props} label={null}>
      <textarea
        className={styles.ablockText}
        data-focus-target
        data-testid="paragraph-input"
        aria-label={m.blockParagraph}
        value={block.text}
        placeholder={m.blockParagraphPlaceholder}
        lang="vi"
        spellCheck={false}
        rows={1}
        onChange={(event) => ctl.setParagraph(block.id, changedText(event))}
        onCompositionEnd={(event) => ctl.setParagraph(block.id, composedText(event))}
        onKeyDown={(event) => ctl.onTextKey(event, block)}
      />
    </Frame>
  );
}

function CaptionBudget({ text }: { text: string }) {
  const { m } = useI18n();
  const b = useMemo(() => budget('caption', text), [text]);
  return (
    <span className={cx(styles.ablockBudget, b.over && styles.isOver)}>
      {m.photoCaptionBudget(b.used, b.limit)}
    </span>
  );
}

function PhotoView(props: BlockProps<PhotoBlock>) {
  const { m } = useI18n();
  const id = useId();
  const { block, ctl } = props;
  const tile: Tile | undefined = ctl.tilesByFile.get(block.file);
  const caption = ctl.captionOf(block.file);
  const status = useSaveStatus(ctl.autosaver, ctl.folder, block.file);
  return (
    <Frame {...props} label={null}>
      <div className={styles.aphoto}>
        <Thumb tile={tile} file={block.file} size="block" alt={block.file} />
        <div className={styles.aphotoSide}>
          <div className={styles.aphotoHead}>
            <label htmlFor={id} className={styles.ablockLabel}>
              {m.blockPhoto} · <span className={styles.aphotoFile}>{block.file}</span>
            </label>
          </div>
          {tile ? (
            <>
              <textarea
                id={id}
                className={cx(styles.ablockText, styles.ablockCaption)}
                data-focus-target
                data-testid="photo-caption"
                value={caption}
                placeholder={m.photoCaptionPlaceholder}
                lang="vi"
                spellCheck={false}
                rows={2}
                onFocus={() => ctl.beginCaption(block.file)}
                onBlur={() => void ctl.autosaver.flush()}
                onChange={(event) => ctl.setCaption(block.file, changedText(event))}
                onCompositionEnd={(event) => ctl.setCaption(block.file, composedText(event))}
                onKeyDown={(event) => ctl.onTextKey(event, block)}
              />
              <div className={styles.aphotoFoot}>
                <CaptionBudget text={caption} />
                <StatusText status={status} testId="photo-caption-status" />
                <span className="spacer" />
                {tile.credit ? (
                  <span className="muted">{tile.credit}</span>
                ) : (
                  <span className={shared.aWarn}>{m.photoNoCredit}</span>
                )}
              </div>
            </>
          ) : (
            <p className={shared.aError} data-focus-target tabIndex={-1}>
              {m.blockMissing(block.file)}
            </p>
          )}
        </div>
      </div>
    </Frame>
  );
}

function GalleryView(props: BlockProps<GalleryBlock>) {
  const { m } = useI18n();
  const id = useId();
  const { block, ctl, galleryDrop } = props;
  return (
    <Frame {...props} label={m.blockGalleryCount(block.files.length)}>
      <div
        className={cx(styles.agalleryRow, galleryDrop && styles.isDropTarget)}
        title={m.galleryDrop}
        data-testid="gallery-row"
        onDragOver={(event) => ctl.onGalleryDragOver(event, block.id)}
        onDrop={(event) => ctl.onGalleryDrop(event, block.id)}
      >
        {block.files.map((file) => {
          const tile = ctl.tilesByFile.get(file);
          return (
            <span key={file} className={styles.agalleryItem}>
              <Thumb tile={tile} file={file} size="gallery" alt={file} />
              <span className={styles.agalleryName} data-testid="gallery-photo-name">
                {file}
              </span>
              <button
                type="button"
                className={styles.agalleryRemove}
                title={m.galleryRemovePhoto(file)}
                aria-label={m.galleryRemovePhoto(file)}
                onClick={() => ctl.removeFromGallery(block.id, file)}
              >
                ✕
              </button>
            </span>
          );
        })}
      </div>
      <label htmlFor={id} className={styles.ablockLabel}>
        {m.galleryCaption}
      </label>
      <textarea
        id={id}
        className={cx(styles.ablockText, styles.ablockCaption)}
        data-focus-target
        data-testid="gallery-caption"
        value={block.caption}
        placeholder={m.galleryCaptionPlaceholder}
        lang="vi"
        spellCheck={false}
        rows={2}
        onChange={(event) => ctl.setGalleryCaption(block.id, changedText(event))}
        onCompositionEnd={(event) => ctl.setGalleryCaption(block.id, composedText(event))}
        onKeyDown={(event) => ctl.onTextKey(event, block)}
      />
      <div className={styles.aphotoFoot}>
        <CaptionBudget text={block.caption} />
      </div>
    </Frame>
  );
}
