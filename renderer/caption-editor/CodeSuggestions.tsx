import type { CodeEntry } from '../../common/captioning/code-replacements';
import { useI18n } from '../i18n/context';
import styles from './caption-tools.module.css';
import { cx } from '../ui/cx';

export const suggestionId = (listId: string, index: number) => `${listId}-${index}`;

/** The code replacement list under the caption, driven from the editor's keyboard. */
export function CodeSuggestions({
  id,
  items,
  index,
  onAccept,
}: {
  id: string;
  items: CodeEntry[];
  index: number;
  onAccept: (index: number) => void;
}) {
  const { m } = useI18n();
  return (
    <ul
      id={id}
      className={styles.suggestions}
      role="listbox"
      aria-label={m.codeSuggestions}
      data-testid="code-suggestions"
    >
      {items.map((e, i) => (
        <li
          key={e.code}
          id={suggestionId(id, i)}
          role="option"
          aria-selected={i === index}
          className={cx(styles.suggestion, i === index && styles.isActive)}
          // Not a click: the editor must keep the focus and its caret.
          onMouseDown={(event) => {
            event.preventDefault();
            onAccept(i);
          }}
        >
          <span className={styles.suggestionCode}>={e.code}=</span>
          <span className={styles.suggestionText}>{e.columns[0]}</span>
          {e.columns.length > 1 ? (
            <span
              className={styles.suggestionMore}
              title={e.columns
                .slice(1)
                .map((c, j) => `#${j + 2} ${c}`)
                .join('\n')}
            >
              +{e.columns.length - 1}
            </span>
          ) : null}
        </li>
      ))}
      <li className={styles.suggestionHint} aria-hidden="true">
        {m.codeSuggestionsHint}
      </li>
    </ul>
  );
}
