import type { DragEvent, RefObject } from 'react';
import { useI18n } from '../i18n/context';
import { BlockView } from './Blocks';
import type { Block } from './blocks';
import type { EditorController } from './controller';
import type { Drop } from './useBlockDrop';
import { cx } from '../ui/cx';
import styles from './editor.module.css';

interface ArticleBodyProps {
  body: readonly Block[];
  selected: readonly string[];
  drop: Drop | null;
  ctl: EditorController;
  bodyRef: RefObject<HTMLDivElement | null>;
  onDragOver: (event: DragEvent<HTMLDivElement>) => void;
  onDrop: (event: DragEvent<HTMLDivElement>) => void;
  onDragLeave: (event: DragEvent<HTMLDivElement>) => void;
}

/** The article's blocks in order, with the drop marker where a drag would land. */
export function ArticleBody({
  body,
  selected,
  drop,
  ctl,
  bodyRef,
  onDragOver,
  onDrop,
  onDragLeave,
}: ArticleBodyProps) {
  const { m } = useI18n();
  return (
    <div
      ref={bodyRef}
      className={cx(
        styles.ablocks,
        drop && 'gap' in drop && drop.gap === body.length && styles.isDropEnd,
      )}
      data-testid="article-body"
      onDragOver={onDragOver}
      onDrop={onDrop}
      onDragLeave={onDragLeave}
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
      <div className={styles.ablocksEnd} data-testid="article-body-end">
        {body.length === 0 ? <span>{m.artBodyEmpty}</span> : null}
      </div>
    </div>
  );
}
