import type { Photo } from '../../electron/contract/api';
import type { Messages } from '../i18n/vi';

export type PhotoNotice = Photo['notices'][number];

/** The core's notices as codes, said in the UI's language (the English `warnings` are for logs). */
export function noticeText(m: Messages, notice: PhotoNotice): string {
  switch (notice.code) {
    case 'strayBytes':
      return m.noticeStrayBytes;
    case 'truncated':
      return m.noticeTruncated;
    case 'cmyk':
      return m.noticeCmyk;
    case 'exifUnreadable':
      return m.noticeExifUnreadable;
    case 'noRawMetadata':
      return m.noticeNoRawMetadata;
    case 'heicNoPreview':
      return m.noticeHeicNoPreview;
    case 'xmpRefused':
      return m.noticeXmpRefused;
  }
}
