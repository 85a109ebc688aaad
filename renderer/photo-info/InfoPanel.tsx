import type { ReactNode } from 'react';
import type { Tile } from '../../electron/contract/api';
import type { Credentials } from '../../electron/contract/credentials';
import type { Failure } from '../api/errors';
import { CredentialsInfo } from '../credentials/CredentialsInfo';
import { useI18n } from '../i18n/context';
import { formatFileSize, formatInstant, formatWallClock } from '../i18n/format';
import { cameraName, captionSourceName, dimensionsLine, exposureLine, gpsLine } from './describe';
import { MetadataOrigins } from './MetadataOrigins';
import { noticeText } from './notice-text';
import { usePhotoDetails } from './usePhotoDetails';
import styles from './info.module.css';
import { describeError, describePhotoError } from '../errors/describe-error';
import { ErrorLines } from '../errors/ErrorLines';

/** City, province and country as one line, the way a dateline names the place. */
function placeLine(d: Pick<Tile, 'location' | 'city' | 'province' | 'country'>): string {
  return [d.location, d.city, d.province, d.country].filter(Boolean).join(', ');
}

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
export function InfoPanel({
  folder,
  tile,
  credentials,
  credentialsFailure,
}: {
  folder: string;
  tile: Tile;
  /** The photo's Content Credentials verdict, once the folder's loader has it. */
  credentials?: Credentials | undefined;
  credentialsFailure?: Failure | undefined;
}) {
  const { m, lang } = useI18n();
  const { details, error: loadError } = usePhotoDetails(
    folder,
    tile.file,
    // A first write of a field creates the sidecar and changes where fields come from.
    `${tile.captionSource ?? ''}\u0000${JSON.stringify(tile.metadataSources)}`,
  );
  // The tile is kept current by saves and listings; the details add what it lacks (lens…).
  const d = {
    lens: null,
    exposureTime: null,
    fNumber: null,
    iso: null,
    focalLength: null,
    sidecar: null,
    modifiedAt: null,
    ...details,
    ...tile,
  };
  const none = m.none;
  const notices = d.notices;

  return (
    <section data-testid="info-panel" aria-label={m.infoTitle}>
      <h2 className="section-title">{m.infoTitle}</h2>
      <dl className="info-list">
        <Row label={m.fileLabel}>
          <span className={styles.infoFile}>{d.file}</span>{' '}
          <span className="muted">{d.format}</span>
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
        {d.pairedWith ? (
          <Row label={m.pairedLabel} testId="info-paired">
            {m.pairedWith(d.pairedWith)}
          </Row>
        ) : null}
        <Row label={m.gpsLabel}>{gpsLine(lang, m, d.gps) ?? none}</Row>
        {d.byline ? (
          <Row label={m.bylineLabel} testId="info-byline">
            {d.byline}
          </Row>
        ) : null}
        {d.credit ? (
          <Row label={m.fieldCredit} testId="info-credit">
            {d.credit}
          </Row>
        ) : null}
        {placeLine(d) ? (
          <Row label={m.placeLabel} testId="info-place">
            {placeLine(d)}
          </Row>
        ) : null}
        <Row label={m.captionSourceLabel} testId="info-caption-source">
          {captionSourceName(m, d.captionSource)}
        </Row>
        {d.captionPlaceholder !== null ? (
          <Row label="" testId="info-placeholder">
            <span className={styles.placeholderValue}>
              {m.placeholderValue(d.captionPlaceholder)}
            </span>
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
          <strong>{m.errorLabel}:</strong> <ErrorLines text={describePhotoError(d, m) ?? ''} />
        </div>
      ) : null}
      {notices.length ? (
        <div className="info-warnings" data-testid="info-warnings">
          <strong>{m.warningsLabel}</strong>
          <ul>
            {notices.map((n) => (
              <li key={n.code} title={n.detail} data-code={n.code}>
                {noticeText(m, n)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <CredentialsInfo
        carries={tile.credentials}
        verdict={credentials}
        failure={credentialsFailure}
      />
      <MetadataOrigins sources={d.metadataSources} conflicts={d.conflicts} />
      {loadError ? (
        <div className="info-error">
          <ErrorLines text={m.infoFailed(describeError(loadError, m))} />
        </div>
      ) : null}
    </section>
  );
}
