import { useId } from 'react';
import { useI18n } from '../i18n/context';
import { cx } from '../ui/cx';
import type { NewsMlBaseUrl } from './useNewsMlBaseUrl';
import styles from './package.module.css';

/**
 * The export option for desks that fetch the package over HTTP: not part of the preset, since
 * where an event's packages are served is the event's, not the outlet's. Checked as typed.
 */
export function NewsMlBaseUrlField({ baseUrl }: { baseUrl: NewsMlBaseUrl }) {
  const { m } = useI18n();
  const id = useId();
  const { problem } = baseUrl;
  return (
    <label className={styles.pkgField}>
      <span className={styles.pkgLabel}>{m.pkgNewsmlBaseUrl}</span>
      <input
        className={cx(styles.pkgInput, styles.mono)}
        type="url"
        inputMode="url"
        spellCheck={false}
        autoComplete="off"
        placeholder="https://"
        data-testid="pkg-newsml-base-url"
        value={baseUrl.value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-hint`}
        onChange={(event) => baseUrl.set(event.currentTarget.value)}
      />
      <span
        id={`${id}-hint`}
        className={problem ? cx(styles.pkgHint, styles.isError) : styles.pkgHint}
        data-testid="pkg-newsml-base-url-hint"
      >
        {problem ? m.pkgNewsmlBaseUrlProblem(problem) : m.pkgNewsmlBaseUrlHint}
      </span>
    </label>
  );
}
