import type { SaveStatus } from '../caption-editor/autosaver';
import { useI18n } from '../i18n/context';
import { StatusText } from './Blocks';
import styles from './editor.module.css';

interface EditorBarProps {
  saveStatus: SaveStatus;
  /** The actions show only while an article is open. */
  hasArticle: boolean;
  mergeable: boolean;
  selectedCount: number;
  onMerge: () => void;
  onAddParagraph: () => void;
  onOpenPackage: () => void;
}

/** The editor's title bar: save status, merge into a gallery, add a paragraph, package. */
export function EditorBar({
  saveStatus,
  hasArticle,
  mergeable,
  selectedCount,
  onMerge,
  onAddParagraph,
  onOpenPackage,
}: EditorBarProps) {
  const { m } = useI18n();
  return (
    <div className={styles.awsBar}>
      <h2 className="section-title">{m.wsArticle}</h2>
      <StatusText status={saveStatus} testId="article-save-status" />
      <span className="spacer" />
      {hasArticle ? (
        <>
          <button
            type="button"
            className="button small"
            data-testid="merge-gallery"
            disabled={!mergeable}
            title={m.mergeHint}
            onClick={onMerge}
          >
            {m.mergeGallery}
            {selectedCount > 1 ? ` (${selectedCount})` : ''}
          </button>
          <button
            type="button"
            className="button small"
            data-testid="add-paragraph"
            onClick={onAddParagraph}
          >
            + {m.artAddParagraph}
          </button>
          <button
            type="button"
            className="button small primary"
            data-testid="open-package"
            title={m.pkgOpenTitle}
            onClick={onOpenPackage}
          >
            {m.pkgOpen}
          </button>
        </>
      ) : null}
    </div>
  );
}
