import type { RefObject } from 'react';
import { useI18n } from '../i18n/context';
import { MOD } from '../shortcuts/keys';
import styles from './SearchBox.module.css';

/** Filters the grid as one types; Enter goes back to the photos, Esc clears. */
export function SearchBox({
  value,
  onChange,
  inputRef,
  onLeave,
}: {
  value: string;
  onChange: (value: string) => void;
  inputRef: RefObject<HTMLInputElement | null>;
  onLeave: () => void;
}) {
  const { m } = useI18n();
  return (
    <input
      ref={inputRef}
      type="search"
      className={styles.searchInput}
      aria-label={m.searchLabel}
      placeholder={m.searchPlaceholder(MOD)}
      lang="vi"
      spellCheck={false}
      data-testid="search"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          onLeave();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          if (value) onChange('');
          else onLeave();
        }
      }}
    />
  );
}
