import { useState } from 'react';
import { baseUrlProblem } from '../../common/package/newsml-base-url';
import { isString, readStored, writeStored } from '../ui/storage';

/** Per event: one event's packages are served from one place, another's may not be. */
const storeKey = (folder: string) => `captiondesk.newsmlBaseUrl:${folder}`;

/**
 * The export option newsmlBaseUrl as the dialog edits it: the text as typed, why it cannot be
 * used (null when empty or fine), and what buildPackage gets (undefined when empty). It is
 * remembered for the event once a package is built with it.
 */
export function useNewsMlBaseUrl(folder: string) {
  const [value, set] = useState(() => readStored(storeKey(folder), '', isString));
  const trimmed = value.trim();
  const problem = trimmed ? baseUrlProblem(trimmed) : null;
  return {
    value,
    set,
    problem,
    sent: trimmed || undefined,
    remember: () => writeStored(storeKey(folder), trimmed),
  };
}

export type NewsMlBaseUrl = ReturnType<typeof useNewsMlBaseUrl>;
