import type { ArticleIssue } from '../../electron/contract/api';
import type { Messages } from '../i18n/vi';

const num = (v: string | number | undefined) => (typeof v === 'number' ? v : Number(v ?? 0));

/** One check, in the reporter's words. */
export function issueText(m: Messages, issue: ArticleIssue): string {
  const file = issue.file ?? '';
  switch (issue.code) {
    case 'noHeadline':
      return m.checkNoHeadline;
    case 'noSapo':
      return m.checkNoSapo;
    case 'noByline':
      return m.checkNoByline;
    case 'noPhotos':
      return m.checkNoPhotos;
    case 'photoWithoutCaption':
      return m.checkPhotoWithoutCaption(file);
    case 'captionOverBudget':
      return m.checkCaptionOverBudget(file, num(issue.detail?.used), num(issue.detail?.limit));
    case 'noCredit':
      return m.checkNoCredit(file);
    case 'noAltText':
      return m.checkNoAltText(file);
    case 'credentialsBroken':
      return m.checkCredentialsBroken(file, String(issue.detail?.state ?? 'broken'));
    case 'missingPhoto':
      return m.checkMissingPhoto(file);
    case 'emptyGalleryCaption':
      return m.checkEmptyGalleryCaption;
  }
}

export const issueKey = (issue: ArticleIssue, i: number) =>
  `${issue.code}\u0000${issue.blockId ?? ''}\u0000${issue.file ?? ''}\u0000${i}`;
