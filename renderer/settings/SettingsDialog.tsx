import { useEffect, useState } from 'react';
import type { Settings } from '../../electron/contract/api';
import { useTransport } from '../api/context';
import { failureOf, type Failure } from '../api/errors';
import { describeError } from '../errors/describe-error';
import { ErrorLines } from '../errors/ErrorLines';
import { Modal } from '../ui/Modal';
import { useI18n } from '../i18n/context';
import { CodeListsSection } from './CodeListsSection';
import './settings.css';

/** App settings: how sidecars are named, and the code replacement lists. */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const { api } = useTransport();
  const { m } = useI18n();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<Failure | null>(null);

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

  return (
    <Modal title={m.settingsTitle} onClose={onClose} testId="settings" className="is-wide">
      <div className="modal-body">
        <fieldset className="settings-group">
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
          {error ? (
            <p className="fr-error" role="alert">
              <ErrorLines text={describeError(error, m)} />
            </p>
          ) : null}
        </fieldset>
        <CodeListsSection />
      </div>
      <footer className="modal-foot">
        <button type="button" className="button" onClick={onClose}>
          {m.close}
        </button>
      </footer>
    </Modal>
  );
}
