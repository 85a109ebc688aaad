import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { FIELD_VARIABLES, fieldVariable } from '../../common/captioning/variables';
import type { VariableHintKey } from '../../common/fields/catalog';
import { useI18n } from '../i18n/context';
import type { Messages } from '../i18n/vi';
import styles from './caption-tools.module.css';

// Aliases ({state}, {filenamebase}) are left out of the menu: one entry per meaning.
const MENU: readonly string[] = [
  ...FIELD_VARIABLES.map((v) => v.name),
  'event',
  'filename',
  'fbas',
  'seqn',
];

/** Hint keys are checked against the dictionary: a variable without its hint does not compile. */
const hintOf = (m: Messages, key: VariableHintKey): string => m[key];

export function variableHint(m: Messages, name: string): string {
  const field = fieldVariable(name);
  if (field) return hintOf(m, field.hintKey);
  switch (name) {
    case 'event':
      return m.varEvent;
    case 'filename':
      return m.varFilename;
    case 'fbas':
    case 'filenamebase':
      return m.varFbas;
    case 'seqn':
      return m.varSeqn;
    default:
      return name;
  }
}

/** Inserts a {variable} at the caption's caret; keyboard: ↑/↓, Enter, Esc. */
export function VariablesMenu({
  onInsert,
  onCancel,
}: {
  onInsert: (name: string) => void;
  onCancel: () => void;
}) {
  const { m } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);

  const focusItem = (i: number) => {
    const items = listRef.current?.querySelectorAll<HTMLButtonElement>('button');
    if (!items?.length) return;
    items[(i + items.length) % items.length]?.focus();
  };

  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = [...(listRef.current?.querySelectorAll('button') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown') focusItem(at + 1);
    else if (event.key === 'ArrowUp') focusItem(at - 1);
    else if (event.key === 'Home') focusItem(0);
    else if (event.key === 'End') focusItem(items.length - 1);
    else if (event.key === 'Escape') {
      setOpen(false);
      onCancel();
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div
      className={styles.menuWrap}
      onBlur={(event) => {
        // Focus gone elsewhere (a click outside, Tab away): the menu closes.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        type="button"
        className="button small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={id}
        title={m.variablesTitle}
        data-testid="variables-button"
        onClick={() => {
          setOpen((o) => !o);
          requestAnimationFrame(() => focusItem(0));
        }}
      >
        {m.variablesButton}
      </button>
      {open ? (
        <ul
          id={id}
          ref={listRef}
          className={styles.menu}
          role="menu"
          aria-label={m.variablesTitle}
          onKeyDown={onListKey}
        >
          {MENU.map((name) => (
            <li key={name} role="none">
              <button
                type="button"
                role="menuitem"
                className={styles.menuItem}
                data-testid={`variable-${name}`}
                onClick={() => {
                  setOpen(false);
                  onInsert(name);
                }}
              >
                <code>{`{${name}}`}</code>
                <span className="muted">{variableHint(m, name)}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
