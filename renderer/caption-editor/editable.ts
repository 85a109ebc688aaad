import type { Photo } from '../../electron/contract/api';

/**
 * The editor edits the photo's own text ({variables} kept), not the rendered caption
 * that goes into files. A core that does not send captionOwn yet edits the caption.
 */
export function editableCaption(photo: Pick<Photo, 'caption' | 'captionOwn'>): string | null {
  return 'captionOwn' in photo && photo.captionOwn !== undefined ? photo.captionOwn : photo.caption;
}
