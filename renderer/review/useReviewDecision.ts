import { useState } from 'react';
import type { ResultOf } from '../../electron/contract/api';
import { useTransport } from '../api/context';
import { describeError } from '../errors/describe-error';
import { useI18n } from '../i18n/context';
import type { OpenedPackage } from './edits';
import type { ReviewDraft } from './useReviewDraft';

export type SavedReview = ResultOf<'saveReview'>;
export type Decision = 'approved' | 'returned' | 'edited';

const REVIEWER_KEY = 'captiondesk.reviewer';

function storedReviewer(): string {
  try {
    return localStorage.getItem(REVIEWER_KEY) ?? '';
  } catch {
    return '';
  }
}

/** The editor's decision on a package: who, the note, and the next version once saved. */
export function useReviewDecision(opened: OpenedPackage, review: ReviewDraft) {
  const { m } = useI18n();
  const { api } = useTransport();
  const [reviewer, setReviewer] = useState(storedReviewer);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<SavedReview | null>(null);

  const decide = async (decision: Decision) => {
    setProblem(null);
    if (saved) return;
    if (!reviewer.trim()) return setProblem(m.rvReviewerRequired);
    if (decision === 'returned' && !note.trim()) return setProblem(m.rvNoteRequired);
    setSaving(true);
    try {
      const result = await api.saveReview({
        path: opened.path,
        reviewer: reviewer.trim(),
        role: 'editor',
        decision,
        note: note.trim() ? note : null,
        edits: review.edits,
        comments: review.draft.comments,
      });
      try {
        localStorage.setItem(REVIEWER_KEY, reviewer.trim());
      } catch {
        // A private window keeps no name; nothing else depends on it.
      }
      setSaved(result);
    } catch (err) {
      setProblem(m.rvSaveFailed(describeError(err, m)));
    } finally {
      setSaving(false);
    }
  };

  return { reviewer, setReviewer, note, setNote, problem, saving, saved, decide };
}

export type ReviewDecision = ReturnType<typeof useReviewDecision>;
