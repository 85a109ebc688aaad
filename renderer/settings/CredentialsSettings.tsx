import { useId } from 'react';
import { useI18n } from '../i18n/context';
import { SigningIdentitySection } from './SigningIdentitySection';
import { TrustListSection } from './TrustListSection';
import styles from './settings.module.css';

/** Content Credentials (C2PA) in Settings: whom to trust, and whose name exports carry. */
export function CredentialsSettings() {
  const { m } = useI18n();
  const id = useId();
  return (
    <section
      className={styles.settingsGroup}
      aria-labelledby={`${id}-title`}
      data-testid="credentials-settings"
    >
      <h3 id={`${id}-title`} className="section-title">
        {m.credSettingsTitle}
      </h3>
      <TrustListSection />
      <SigningIdentitySection />
    </section>
  );
}
