import { useState } from 'react';
import type { Article, Tile } from '../../electron/contract/api';
import { useTransport } from '../api/context';
import { formatWallClock } from '../i18n/format';
import { useI18n } from '../i18n/context';
import { Thumb } from './Thumb';
import { cx } from '../ui/cx';
import styles from './preview.module.css';

interface ArticlePreviewProps {
  article: Article;
  tilesByFile: Map<string, Tile>;
  /** The caption a photo shows now: the draft being typed, else what goes into the file. */
  captionOf: (file: string) => string;
  onPick: (blockId: string) => void;
}

/**
 * The article as the paper lays it out, live: serif headline, bold sapo, dateline,
 * paragraphs, photos with their captions in italics, galleries as a grid with one
 * caption. Everything is text in React elements; nothing is parsed as HTML.
 */
export function ArticlePreview({ article, tilesByFile, captionOf, onPick }: ArticlePreviewProps) {
  const { m, lang } = useI18n();
  const { place, date } = article.dateline;
  const when = date ? formatWallClock(lang, date) : '';
  const dateline = [place.trim(), when].filter(Boolean).join(', ');
  const empty = !article.headline.trim() && !article.sapo.trim() && article.body.length === 0;

  return (
    <article className={styles.np} data-testid="article-preview" lang="vi">
      {empty ? <p className={styles.npEmpty}>{m.previewEmpty}</p> : null}
      {article.category.trim() ? <p className={styles.npKicker}>{article.category}</p> : null}
      {article.headline.trim() ? <h1 className={styles.npHeadline}>{article.headline}</h1> : null}
      {dateline ? <p className={styles.npDateline}>{dateline}</p> : null}
      {article.sapo.trim() ? (
        <p className={styles.npSapo} data-testid="preview-sapo">
          {article.sapo}
        </p>
      ) : null}
      {article.body.map((block) => {
        const common = {
          'data-testid': 'preview-block',
          'data-type': block.type,
          'data-block': block.id,
          onClick: () => onPick(block.id),
        };
        if (block.type === 'paragraph') {
          return block.text.trim() ? (
            <p key={block.id} className={styles.npP} {...common}>
              {block.text}
            </p>
          ) : null;
        }
        if (block.type === 'photo') {
          const caption = captionOf(block.file);
          return (
            <figure key={block.id} className={styles.npFigure} {...common}>
              <PreviewImage tile={tilesByFile.get(block.file)} file={block.file} />
              {caption.trim() ? (
                <figcaption className={styles.npCaption}>{caption}</figcaption>
              ) : null}
            </figure>
          );
        }
        return (
          <figure
            key={block.id}
            className={cx(styles.npFigure, styles[`npGallery${Math.min(block.files.length, 4)}`])}
            {...common}
          >
            <div className={styles.npGalleryGrid}>
              {block.files.map((file) => (
                <Thumb
                  key={file}
                  tile={tilesByFile.get(file)}
                  file={file}
                  size="gallery"
                  alt={altOf(tilesByFile.get(file), file)}
                />
              ))}
            </div>
            {block.caption.trim() ? (
              <figcaption className={styles.npCaption}>{block.caption}</figcaption>
            ) : null}
          </figure>
        );
      })}
      {article.byline.trim() ? <p className={styles.npByline}>{article.byline}</p> : null}
    </article>
  );
}

/** As in article.html: the photo's IPTC alt text, else (here, where it is a working view) its file name. */
function altOf(tile: Tile | undefined, file: string): string {
  return tile?.altText?.trim() || file;
}

/**
 * A single photo at the column's width: the full image, which the browser turns
 * upright itself; the thumbnail while it loads or when the browser cannot show the file.
 */
function PreviewImage({ tile, file }: { tile: Tile | undefined; file: string }) {
  const { mediaUrl } = useTransport();
  const full = tile?.full ? mediaUrl(tile.full) : null;
  const [failed, setFailed] = useState<string | null>(null);
  if (!full || failed === full) {
    return (
      <span className={styles.npPhotoFallback}>
        <Thumb tile={tile} file={file} size="gallery" alt={altOf(tile, file)} />
      </span>
    );
  }
  return (
    <img
      key={full}
      className={styles.npPhoto}
      src={full}
      alt={altOf(tile, file)}
      loading="lazy"
      decoding="async"
      draggable={false}
      onError={() => setFailed(full)}
    />
  );
}
