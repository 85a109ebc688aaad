import { useId, useState, type KeyboardEvent } from 'react';
import type { Article } from '../../electron/contract/api';
import { foldDiacritics } from '../../common/text/normalize';
import { useI18n } from '../i18n/context';
import { parseDateline, showDateline } from './dates';
import { parseTags, showTags } from './tags';
import { changedText, composedText } from './text-field';
import { cx } from '../ui/cx';
import styles from './editor.module.css';

type Meta = Pick<
  Article,
  'headline' | 'sapo' | 'byline' | 'authorInitials' | 'category' | 'tags'
> & {
  place: string;
  date: string;
};

export type HeaderPatch = Partial<Meta>;

interface ArticleHeaderProps {
  article: Article;
  onChange: (patch: HeaderPatch) => void;
  /** Enter in the headline goes to the sapo; Enter in the sapo goes to the body. */
  onEnterFrom: (field: 'headline' | 'sapo') => void;
}

/** "Tùng Lâm" → "tl": what desks put in file names. */
export function initialsOf(byline: string): string {
  return foldDiacritics(byline)
    .split(/[\s,.-]+/u)
    .filter(Boolean)
    .map((w) => w[0]!.toLowerCase())
    .join('')
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 6);
}

/** Headline, sapo and the article's metadata line. */
export function ArticleHeader({ article, onChange, onEnterFrom }: ArticleHeaderProps) {
  const { m } = useI18n();
  const id = useId();
  const enterTo = (field: 'headline' | 'sapo') => (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.altKey) return;
    if (event.ctrlKey || event.metaKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    onEnterFrom(field);
  };

  /** Headline and sapo: wrapping text where Enter moves on to the next part. */
  const lines = (field: 'headline' | 'sapo', label: string, placeholder: string, rows: number) => (
    <>
      <label htmlFor={`${id}-${field[0]}`} className={styles.aheadLabel}>
        {label}
      </label>
      <textarea
        id={`${id}-${field[0]}`}
        className={field === 'headline' ? styles.aheadHeadline : styles.aheadSapo}
        data-field={field}
        data-testid={`field-${field}`}
        value={article[field]}
        placeholder={placeholder}
        lang="vi"
        spellCheck={false}
        rows={rows}
        onChange={(event) => onChange({ [field]: changedText(event) })}
        onCompositionEnd={(event) => onChange({ [field]: composedText(event) })}
        onKeyDown={enterTo(field)}
      />
    </>
  );

  const text = (
    field: Exclude<keyof Meta, 'tags'>,
    label: string,
    placeholder: string,
    title?: string,
  ) => (
    <label className={styles.aheadField} title={title}>
      <span className={styles.aheadLabel}>{label}</span>
      <input
        className={styles.aheadInput}
        data-field={field === 'authorInitials' ? 'initials' : field}
        data-testid={`field-${field}`}
        value={field === 'place' || field === 'date' ? article.dateline[field] : article[field]}
        placeholder={placeholder}
        lang="vi"
        spellCheck={false}
        onChange={(event) => onChange({ [field]: changedText(event) })}
        onCompositionEnd={(event) => onChange({ [field]: composedText(event) })}
        onBlur={
          field === 'byline' && !article.authorInitials.trim()
            ? (event) => {
                const initials = initialsOf(event.currentTarget.value);
                if (initials) onChange({ authorInitials: initials });
              }
            : undefined
        }
      />
    </label>
  );

  return (
    <header className={styles.ahead}>
      {lines('headline', m.artHeadline, m.artHeadlinePlaceholder, 1)}
      {lines('sapo', m.artSapo, m.artSapoPlaceholder, 2)}
      <div className={styles.aheadRow}>
        {text('byline', m.artByline, m.artBylinePlaceholder)}
        {text('authorInitials', m.artInitials, 'tl', m.artInitialsHint)}
        {text('category', m.artCategory, m.artCategoryPlaceholder)}
        <TagsField value={article.tags} onChange={(tags) => onChange({ tags })} />
        {text('place', m.artPlace, m.artPlacePlaceholder)}
        <DateField value={article.dateline.date} onChange={(date) => onChange({ date })} />
      </div>
    </header>
  );
}

/** dd/mm/yyyy as typed; stored as ISO once it is a real date (on blur or Enter). */
function DateField({ value, onChange }: { value: string; onChange: (iso: string) => void }) {
  const { m, lang } = useI18n();
  const [draft, setDraft] = useState<string | null>(null);
  const invalid = draft !== null && draft.trim() !== '' && parseDateline(draft) === null;
  const commit = () => {
    if (draft === null) return;
    const iso = draft.trim() === '' ? '' : parseDateline(draft);
    if (iso !== null && iso !== value) onChange(iso);
    setDraft(null);
  };
  return (
    <label className={styles.aheadField}>
      <span className={styles.aheadLabel}>{m.artDate}</span>
      <input
        className={cx(styles.aheadInput, invalid && styles.isInvalid)}
        data-field="date"
        data-testid="field-date"
        value={draft ?? showDateline(value, lang)}
        placeholder={m.artDatePlaceholder}
        aria-invalid={invalid}
        title={invalid ? m.artDateInvalid : undefined}
        inputMode="numeric"
        spellCheck={false}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          else if (event.key === 'Escape') setDraft(null);
        }}
      />
    </label>
  );
}

/** Tags as one line of text while typing; the list is taken on blur or Enter. */
function TagsField({ value, onChange }: { value: string[]; onChange: (tags: string[]) => void }) {
  const { m } = useI18n();
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const tags = parseTags(draft);
    if (showTags(tags) !== showTags(value)) onChange(tags);
    setDraft(null);
  };
  return (
    <label className={styles.aheadField} title={m.artTagsHint}>
      <span className={styles.aheadLabel}>{m.artTags}</span>
      <input
        className={styles.aheadInput}
        data-field="tags"
        data-testid="field-tags"
        value={draft ?? showTags(value)}
        placeholder={m.artTagsPlaceholder}
        lang="vi"
        spellCheck={false}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.nativeEvent.isComposing) commit();
        }}
      />
    </label>
  );
}
