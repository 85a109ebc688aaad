import { useState } from 'react';
import type { Tile } from '../../electron/contract/api';
import { cameraKey } from '../../common/camera-key';
import { Modal } from '../ui/Modal';
import { formatDecimal, formatWallClock } from '../i18n/format';
import { useI18n } from '../i18n/context';
import { offsetForTime, type CameraSummary, type ClockOffsets } from './capture-time';
import styles from './cull-bar.module.css';
import type { Failure } from '../api/errors';
import { describeError } from '../errors/describe-error';
import { ErrorLines } from '../errors/ErrorLines';

/**
 * Per-camera clock corrections for sorting by capture time: each camera with its count,
 * its first capture time and an offset in seconds, typed or computed from "this photo
 * was really taken at hh:mm:ss". The photo files are not changed.
 */
export function ClockDialog({
  cameras,
  offsets,
  current,
  error,
  onSave,
  onClose,
}: {
  cameras: CameraSummary[];
  offsets: ClockOffsets;
  /** The current photo, whose real time may be typed to compute its camera's offset. */
  current: Tile | null;
  error: { kind: 'load' | 'save'; failure: Failure } | null;
  onSave: (offsets: ClockOffsets) => void;
  onClose: () => void;
}) {
  const { m, lang } = useI18n();
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(cameras.map((c) => [c.key, String(offsets[c.key] ?? 0)])),
  );
  const [realTime, setRealTime] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const currentCamera = current ? cameraKey(current) : null;

  const compute = () => {
    if (!current || currentCamera === null) return;
    const offset = offsetForTime(current.capturedAt, realTime);
    if (offset === null) return setProblem(m.clockBadTime);
    setProblem(null);
    setDraft((d) => ({ ...d, [currentCamera]: String(offset) }));
  };

  const save = () => {
    const next: Record<string, number> = {};
    for (const c of cameras) {
      const raw = (draft[c.key] ?? '0').trim().replace(/^\+/, '');
      const value = Number(raw);
      if (!/^-?\d+$/.test(raw) || Math.abs(value) > 864000)
        return setProblem(m.clockBadOffset(c.key));
      if (value !== 0) next[c.key] = value;
    }
    setProblem(null);
    onSave(next);
    onClose();
  };

  return (
    <Modal title={m.clockTitle} onClose={onClose} testId="clock-dialog" className="is-wide">
      <div className="modal-body">
        <p className="muted">{m.clockIntro}</p>
        {error ? (
          <p className={styles.clockError} role="alert">
            <ErrorLines
              text={
                error.kind === 'load'
                  ? m.clockLoadFailed(describeError(error.failure, m))
                  : m.clockSaveFailed(describeError(error.failure, m))
              }
            />
          </p>
        ) : null}
        <table className={styles.clockTable}>
          <thead>
            <tr>
              <th>{m.clockCamera}</th>
              <th>{m.clockCount}</th>
              <th>{m.clockFirst}</th>
              <th>{m.clockOffset}</th>
            </tr>
          </thead>
          <tbody>
            {cameras.map((c) => (
              <tr key={c.key}>
                <td>{c.key}</td>
                <td>{formatDecimal(lang, c.count, 0)}</td>
                <td>{c.first ? formatWallClock(lang, c.first) : m.noCaptureTime}</td>
                <td>
                  <input
                    type="text"
                    inputMode="numeric"
                    aria-label={`${m.clockOffset} — ${c.key}`}
                    data-testid={`clock-offset-${c.key}`}
                    value={draft[c.key] ?? '0'}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setDraft((d) => ({ ...d, [c.key]: v }));
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {current && currentCamera !== null && current.capturedAt ? (
          <p>
            <label>
              {m.clockFromPhoto(current.file, currentCamera)}{' '}
              <input
                type="text"
                placeholder="hh:mm:ss"
                value={realTime}
                data-testid="clock-real-time"
                onChange={(e) => setRealTime(e.currentTarget.value)}
              />
            </label>{' '}
            <button type="button" className="button small" onClick={compute}>
              {m.clockCompute}
            </button>
          </p>
        ) : null}
        {problem ? (
          <p className={styles.clockError} role="alert">
            {problem}
          </p>
        ) : null}
      </div>
      <footer className="modal-foot">
        <button type="button" className="button" onClick={onClose}>
          {m.cancel}
        </button>
        <button type="button" className="button primary" data-testid="clock-save" onClick={save}>
          {m.clockSave}
        </button>
      </footer>
    </Modal>
  );
}
