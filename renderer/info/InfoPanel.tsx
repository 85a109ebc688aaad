import type { ReactNode } from 'react';
import type { Tile } from '../../electron/api';
import { useI18n } from '../i18n/context';
import { formatFileSize, formatInstant, formatWallClock } from '../i18n/format';
import { cameraName, captionSourceName, dimensionsLine, exposureLine, gpsLine } from './describe';
import { usePhotoDetails } from './usePhotoDetails';

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

/**
 * Shows what the tile already knows at once and fills in the rest (lens, exposure…)
 * when photoDetails answers, so moving through the grid never blanks the panel.
 */
export function InfoPanel({ folder, tile }: { folder: string; tile: Tile }) {
  const { m, lang } = useI18n();
  const { details, error: loadError } = usePhotoDetails(
    folder,
    tile.file,
    `${tile.captionSource ?? ''}`,
  );
  const d = {
    ...tile,
    lens: null,
    exposureTime: null,
    fNumber: null,
    iso: null,
    focalLength: null,
    sidecar: null,
    modifiedAt: null,
    ...details,
  };
  const none = m.none;
  const warnings = d.warnings;

  return (
    <section className="info" data-testid="info-panel" aria-label={m.infoTitle}>
      <h2 className="section-title">{m.infoTitle}</h2>
      <dl className="info-list">
        <Row label={m.fileLabel}>
          <span className="info-file">{d.file}</span> <span className="muted">{d.format}</span>
        </Row>
        <Row label={m.capturedAtLabel} testId="info-captured-at">
          {d.capturedAt ? formatWallClock(lang, d.capturedAt) : none}
        </Row>
        <Row label={m.cameraLabel}>{cameraName(d.make, d.model) ?? none}</Row>
        <Row label={m.lensLabel}>{d.lens ?? none}</Row>
        <Row label={m.exposureLabel} testId="info-exposure">
          {exposureLine(lang, d) ?? none}
        </Row>
        <Row label={m.dimensionsLabel}>{dimensionsLine(lang, m, d.width, d.height) ?? none}</Row>
        <Row label={m.fileSizeLabel} testId="info-size">
          {formatFileSize(lang, d.bytes)}
        </Row>
        <Row label={m.gpsLabel}>{gpsLine(lang, m, d.gps) ?? none}</Row>
        {d.byline ? <Row label={m.bylineLabel}>{d.byline}</Row> : null}
        <Row label={m.captionSourceLabel} testId="info-caption-source">
          {captionSourceName(m, d.captionSource)}
        </Row>
        {d.captionPlaceholder !== null ? (
          <Row label="" testId="info-placeholder">
            <span className="placeholder-value">{m.placeholderValue(d.captionPlaceholder)}</span>
            <span className="muted small">{m.placeholderHint}</span>
          </Row>
        ) : null}
        {d.sidecar ? (
          <Row label={m.sidecarLabel}>
            <span className="path">{d.sidecar}</span>
          </Row>
        ) : null}
        {d.modifiedAt ? (
          <Row label={m.modifiedAtLabel}>{formatInstant(lang, d.modifiedAt)}</Row>
        ) : null}
      </dl>
      {d.error ? (
        <div className="info-error" role="alert" data-testid="info-error">
          <strong>{m.errorLabel}:</strong> {d.error}
        </div>
      ) : null}
      {warnings.length ? (
        <div className="info-warnings" data-testid="info-warnings">
          <strong>{m.warningsLabel}</strong>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {loadError ? <div className="info-error">{m.infoFailed(loadError)}</div> : null}
    </section>
  );
}
