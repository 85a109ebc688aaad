/**
 * Say any failure in the UI's language. The core's code and params pick the sentence
 * from the typed tables; the English message never lands inside a Vietnamese sentence.
 * Where the code is too general to explain the failure (or unknown to this build), a
 * generic sentence comes first and the English detail follows on a line of its own.
 */
import {
  codesWithDetail,
  isErrorCode,
  type ErrorCode,
  type ErrorParams,
} from '../../common/errors/error-codes';
import type { Messages } from '../i18n/vi';
import { errorText as outboxErrorText, type OutboxErrorCode } from '../outbox/view-model';

/** What describeError reads from a thrown error or a per-file result entry. */
export interface ErrorLike {
  code?: unknown;
  params?: unknown;
  message?: unknown;
  /** Per-file entries keep their English text here. */
  error?: unknown;
}

export interface ExplainedError {
  /** One sentence in the UI's language. */
  text: string;
  /** The core's English words, for a second line, or null when the sentence says it all. */
  detail: string | null;
}

/** Params from the wire are untrusted: a missing one reads as an ellipsis, never "undefined". */
function filled(params: unknown): Record<string, string | number> {
  const given = params && typeof params === 'object' ? (params as Record<string, unknown>) : {};
  return new Proxy({} as Record<string, string | number>, {
    get(_target, key) {
      const value = typeof key === 'string' ? given[key] : undefined;
      return typeof value === 'string' || typeof value === 'number' ? value : '…';
    },
  });
}

function englishOf(e: ErrorLike | null): string | null {
  const raw = e?.message ?? e?.error;
  const text = typeof raw === 'string' ? raw.trim() : '';
  return text || null;
}

export function explainError(codeOrError: unknown, t: Messages): ExplainedError {
  const e =
    typeof codeOrError === 'string'
      ? { code: codeOrError }
      : codeOrError && typeof codeOrError === 'object'
        ? (codeOrError as ErrorLike)
        : { message: codeOrError == null ? null : String(codeOrError) };
  const english = englishOf(e);
  const code: ErrorCode = isErrorCode(e.code) ? e.code : 'unknown';
  const params = filled(e.params);
  if (code === 'outbox-failed') {
    // The outbox's own reasons (wrong password, host key…) already have their sentences.
    const text = outboxErrorText(t, String(params.reason) as OutboxErrorCode) as string | undefined;
    if (text) return { text, detail: null };
  }
  const say = t.errorTexts[code] as (p: ErrorParams[ErrorCode]) => string;
  const text = say(params as never);
  const showDetail = codesWithDetail.has(code) || !isErrorCode(e.code);
  return { text, detail: showDetail && english && english !== text ? english : null };
}

/** The sentence, and the English detail on a second line when there is one. */
export function describeError(codeOrError: unknown, t: Messages): string {
  const { text, detail } = explainError(codeOrError, t);
  return detail ? `${text}\n${detail}` : text;
}

/** A photo's own error (unreadable, broken JPEG…), carried as errorCode beside its English `error`. */
export function describePhotoError(
  photo: { error: string | null; errorCode?: string | null; errorParams?: unknown },
  t: Messages,
): string | null {
  if (!photo.error) return null;
  return describeError(
    { code: photo.errorCode ?? null, params: photo.errorParams, message: photo.error },
    t,
  );
}
