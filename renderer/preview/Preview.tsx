import { useEffect, useState } from 'react';
import type { Tile } from '../../electron/contract/api';
import { useTransport } from '../api/context';
import { orientationClass } from '../grid/orientation';
import { useI18n } from '../i18n/context';
import kit from '../ui/kit.module.css';

/** Arrowing through the grid must not decode a 24 MP file at every step. */
const FULL_IMAGE_DELAY_MS = 150;

/**
 * The selected photo, large: its thumbnail at once, then the full image once the
 * selection rests and the picture has loaded. The browser applies EXIF orientation to
 * the full image itself; formats it cannot show (RAW, HEIC) keep the thumbnail.
 * Mounted once per photo (keyed by file), so all state here belongs to one photo.
 */
export function Preview({ tile }: { tile: Tile }) {
  const { mediaUrl } = useTransport();
  const { m } = useI18n();
  const fullSrc = tile.full ? mediaUrl(tile.full) : null;
  const thumbSrc = tile.thumb ? mediaUrl(tile.thumb) : null;
  const [wantFull, setWantFull] = useState(false);
  const [fullShown, setFullShown] = useState(false);
  const [failed, setFailed] = useState<ReadonlySet<string>>(new Set());
  const fail = (src: string) => setFailed((f) => new Set(f).add(src));

  useEffect(() => {
    if (!fullSrc) return;
    const timer = setTimeout(() => setWantFull(true), FULL_IMAGE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [fullSrc]);

  const full = wantFull && fullSrc && !failed.has(fullSrc) ? fullSrc : null;
  const thumb = thumbSrc && !failed.has(thumbSrc) && !(full && fullShown) ? thumbSrc : null;
  const rotate = orientationClass(tile.orientation, tile.thumbNeedsRotation);

  return (
    <div className="preview" data-testid="preview">
      {thumb ? (
        <img
          key={thumb}
          className={`preview-img ${rotate}`}
          src={thumb}
          alt={full ? '' : m.previewAlt(tile.file)}
          decoding="async"
          draggable={false}
          onError={() => fail(thumb)}
        />
      ) : null}
      {full ? (
        <img
          key={full}
          className={`preview-img ${fullShown ? '' : 'is-loading'}`}
          src={full}
          alt={m.previewAlt(tile.file)}
          decoding="async"
          draggable={false}
          onLoad={() => setFullShown(true)}
          onError={() => fail(full)}
        />
      ) : null}
      {!thumb && !full ? <span className={kit.placeholder}>{tile.format}</span> : null}
    </div>
  );
}
