import { useId } from 'react';
import { useI18n } from '../i18n/context';
import { CheckLine } from '../ui/CheckLine';
import { cx } from '../ui/cx';
import type { Signing } from './useSigning';
import styles from './package.module.css';

/** Content Credentials for this package: sign with the identity set in Settings, or say there is none. */
export function SigningField({ signing }: { signing: Signing }) {
  const { m } = useI18n();
  const id = useId();
  const { identity } = signing;
  if (!identity)
    return (
      <p className={styles.pkgHint} data-testid="pkg-sign-none">
        {m.pkgNoIdentity}
      </p>
    );
  return (
    <div className={styles.pkgField}>
      <CheckLine
        className={styles.pkgCheck}
        checked={signing.wanted}
        testId="pkg-sign"
        onChange={signing.setWanted}
      >
        <span aria-describedby={`${id}-hint`}>{m.pkgSign}</span>
      </CheckLine>
      <span
        id={`${id}-hint`}
        className={identity.expired ? cx(styles.pkgHint, styles.isError) : styles.pkgHint}
      >
        {identity.expired ? m.pkgSignExpired : m.pkgSignBy(identity.certificate.subject)}
      </span>
    </div>
  );
}
