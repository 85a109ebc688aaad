import { useEffect, useState } from 'react';
import type { Photo } from '../../electron/api';
import { formatOffset, parseOffset, type ClockOffsets } from '../../common/analysis/corrected-time';
import { useTransport } from '../api/context';
import { errorMessage } from '../api/errors';
import { Modal } from '../captioning/Modal';
import { useI18n } from '../i18n/context';
import { camerasOf } from './cameras';
import './analysis.css';

/**
 * Per-camera clock fixes ("camera B runs 1 min 15 s behind"): one row per body found
 * in the folder. Saving restacks the bursts in the core, which announces it with an
 * analysisReady event; `onSaved` hands the offsets to whatever sorts by capture time.
 */
export function ClockOffsetsDialog({
  folder,
  photos,
  onClose,
  onSaved,
}: {
  folder: string;
  photos: readonly Photo[];
  onClose: () => void;
  onSaved?: (offsets: ClockOffsets) => void;
}) {
  const { api } = useTransport();
  const { m } = useI18n();
  const cameras = camerasOf(photos);
  const [texts, setTexts] = useState<Record<string, string> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    api.getClockOffsets({ folder }).then(
      (saved) =>
        live &&
        setTexts(Object.fromEntries(Object.entries(saved).map(([k, s]) => [k, formatOffset(s)]))),
      (err: unknown) => {
        if (!live) return;
        setTexts({});
        setError(errorMessage(err));
      },
    );
    return () => {
      live = false;
    };
  }, [api, folder]);

  const parsed = cameras.map((c) => ({ c, value: parseOffset(texts?.[c.key] ?? '0') }));
  const invalid = parsed.some((x) => x.value === null);

  const save = () => {
    if (invalid || !texts) return;
    const offsets = Object.fromEntries(parsed.map((x) => [x.c.key, x.value ?? 0]));
    setSaving(true);
    api.setClockOffsets({ folder, offsets }).then(
      (saved) => {
        setSaving(false);
        onSaved?.(saved);
        onClose();
      },
      (err: unknown) => {
        setSaving(false);
        setError(errorMessage(err));
      },
    );
  };

  return (
    <Modal title={m.anClockTitle} onClose={onClose} testId="clock-offsets">
      <form
        className="clock-offsets"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <div className="modal-body">
          <p className="muted">{m.anClockHelp}</p>
          {cameras.map(({ key, photos: n, first }) => {
            const text = texts?.[key] ?? '0';
            const bad = parseOffset(text) === null;
            return (
              <label key={key} className="clock-row">
                <span className="clock-camera">
                  {key}
                  <span className="muted"> · {m.anClockPhotos(n, first ?? '—')}</span>
                </span>
                <input
                  type="text"
                  inputMode="numeric"
                  value={text}
                  disabled={!texts}
                  aria-invalid={bad}
                  title={m.anClockFormat}
                  data-testid={`clock-${key}`}
                  onChange={(e) => setTexts((t) => ({ ...t, [key]: e.target.value }))}
                />
              </label>
            );
          })}
          {invalid ? <p className="clock-error">{m.anClockFormat}</p> : null}
          {error ? <p className="clock-error">{error}</p> : null}
        </div>
        <footer className="modal-foot">
          <button type="button" className="button" onClick={onClose}>
            {m.anClockCancel}
          </button>
          <button
            type="submit"
            className="button primary"
            disabled={invalid || !texts || saving}
            data-testid="clock-save"
          >
            {m.anClockSave}
          </button>
        </footer>
      </form>
    </Modal>
  );
}
