import type { CodeEntry } from '../../common/captioning/code-replacements';
import { useI18n } from '../i18n/context';

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
      className="suggestions"
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
          className={`suggestion${i === index ? ' is-active' : ''}`}
          // Not a click: the editor must keep the focus and its caret.
          onMouseDown={(event) => {
            event.preventDefault();
            onAccept(i);
          }}
        >
          <span className="suggestion-code">={e.code}=</span>
          <span className="suggestion-text">{e.columns[0]}</span>
          {e.columns.length > 1 ? (
            <span
              className="suggestion-more"
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
      <li className="suggestion-hint" aria-hidden="true">
        {m.codeSuggestionsHint}
      </li>
    </ul>
  );
}
