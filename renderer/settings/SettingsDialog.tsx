import { useEffect, useState } from 'react';
import type { Settings } from '../../electron/contract/api';
import { useTransport } from '../api/context';
import { failureOf, type Failure } from '../api/errors';
import { FailureNote } from '../errors/FailureNote';
import { Modal } from '../ui/Modal';
import { useI18n } from '../i18n/context';
import { saveTheme, storedTheme, THEMES, type Theme } from '../ui/theme';
import { CodeListsSection } from './CodeListsSection';
import { CredentialsSettings } from './CredentialsSettings';
import { LogSection } from './LogSection';
import styles from './settings.module.css';

/** App settings: how sidecars are named, the code replacement lists, Content Credentials. */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const { api } = useTransport();
  const { m } = useI18n();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [theme, setTheme] = useState<Theme>(storedTheme);

  useEffect(() => {
    let live = true;
    api.getSettings({}).then(
      (s) => live && setSettings(s),
      (err: unknown) => live && setError(failureOf(err)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const change = (next: Settings) => {
    setSettings(next);
    api.saveSettings({ settings: next }).then(
      (s) => setSettings(s),
      (err: unknown) => setError(failureOf(err)),
    );
  };

  const chooseTheme = (next: Theme) => {
    setTheme(next);
    saveTheme(next);
  };

  return (
    <Modal title={m.settingsTitle} onClose={onClose} testId="settings" className="is-wide">
      <div className="modal-body">
        <fieldset className={styles.settingsGroup}>
          <legend className="section-title">{m.themeLabel}</legend>
          <div className={styles.themeChoice}>
            {THEMES.map((t) => (
              <label key={t} className="check-line">
                <input
                  type="radio"
                  name="theme"
                  value={t}
                  checked={theme === t}
                  onChange={() => chooseTheme(t)}
                />
                {t === 'dark' ? m.themeDark : m.themeLight}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className={styles.settingsGroup}>
          <legend className="section-title">{m.sidecarNamingTitle}</legend>
          {settings ? (
            (['base', 'withExtension'] as const).map((naming) => (
              <label key={naming} className="check-line">
                <input
                  type="radio"
                  name="sidecar-naming"
                  checked={settings.sidecarNaming === naming}
                  data-testid={`naming-${naming}`}
                  onChange={() => change({ ...settings, sidecarNaming: naming })}
                />
                <span>
                  <code>{naming === 'base' ? 'DSC-2403.xmp' : 'DSC-2403.JPG.xmp'}</code>{' '}
                  <span className="muted">
                    {naming === 'base' ? m.sidecarBase : m.sidecarWithExtension}
                  </span>
                </span>
              </label>
            ))
          ) : (
            <p className="muted">{m.loading}</p>
          )}
          <p className="muted small">{m.sidecarNamingHint}</p>
          {error ? <FailureNote failure={error} /> : null}
        </fieldset>
        <CodeListsSection />
        <CredentialsSettings />
        <LogSection />
      </div>
      <footer className="modal-foot">
        <button type="button" className="button" onClick={onClose}>
          {m.close}
        </button>
      </footer>
    </Modal>
  );
}
