import { useRef, type ChangeEvent } from 'react';
import { useI18n } from '../i18n/context';
import { formatInstant } from '../i18n/format';
import { cx } from '../ui/cx';
import styles from './list-strip.module.css';
import shared from './workspace.module.css';

export interface ArticleSummary {
  id: string;
  headline: string;
  updatedAt: string;
  blocks: number;
}

interface ArticleListProps {
  articles: ArticleSummary[] | null;
  openId: string | null;
  onOpen: (id: string) => void;
  onCreate: () => void;
  onDelete: (summary: ArticleSummary) => void;
  onImportText: (text: string, name: string) => void;
}

/** The folder's articles (an event can give several), with new, import and delete. */
export function ArticleList({
  articles,
  openId,
  onOpen,
  onCreate,
  onDelete,
  onImportText,
}: ArticleListProps) {
  const { m, lang } = useI18n();
  const fileRef = useRef<HTMLInputElement>(null);

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => onImportText(String(reader.result ?? ''), file.name);
    reader.readAsText(file, 'utf-8');
    // The same file can be picked again after a fix.
    input.value = '';
  };

  return (
    <section className={styles.alist} aria-label={m.artListLabel}>
      <div className={styles.alistHead}>
        <h2 className="section-title">{m.artListTitle}</h2>
        <span className="spacer" />
        <button
          type="button"
          className="button small"
          title={m.artImportTitle}
          data-testid="article-import"
          onClick={() => fileRef.current?.click()}
        >
          {m.artImport}
        </button>
        <button
          type="button"
          className="button small primary"
          data-testid="article-new"
          onClick={onCreate}
        >
          + {m.artNew}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          tabIndex={-1}
          data-testid="article-import-file"
          onChange={onFile}
        />
      </div>
      {articles === null ? <p className="muted small">{m.artListLoading}</p> : null}
      {articles?.length === 0 ? <p className="muted small">{m.artListEmpty}</p> : null}
      <ul className={styles.alistItems} data-testid="article-list">
        {articles?.map((a) => (
          <li key={a.id} className={cx(styles.alistItem, a.id === openId && styles.isOpen)}>
            <button
              type="button"
              className={styles.alistOpen}
              aria-current={a.id === openId ? 'true' : undefined}
              data-testid="article-item"
              onClick={() => onOpen(a.id)}
            >
              <span className={styles.alistHeadline}>{a.headline.trim() || m.artUntitled}</span>
              <span className={styles.alistMeta}>
                {m.artBlockCount(a.blocks)} · {formatInstant(lang, a.updatedAt)}
              </span>
            </button>
            <button
              type="button"
              className={cx(shared.aIcon, shared.isDanger)}
              title={m.artDelete}
              aria-label={m.artDelete}
              data-testid="article-delete"
              onClick={() => onDelete(a)}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
