import { readStored, writeStored } from '../ui/storage';

/** A package built from an article, as the "Gói đã tạo" list shows it. */
export interface PackageRecord {
  path: string;
  bytes: number;
  photos: number;
  /** ISO time it was built. */
  at: string;
  /** verifyPackage's verdict, null until it has run. */
  valid: boolean | null;
}

export type PackageHistory = Record<string, PackageRecord[]>;

const MAX_PER_ARTICLE = 20;

const keyOf = (folder: string) => `captiondesk.packages:${folder}`;

function isRecord(v: unknown): v is PackageRecord {
  const r = v as Partial<PackageRecord> | null;
  return (
    !!r &&
    typeof r.path === 'string' &&
    typeof r.bytes === 'number' &&
    typeof r.photos === 'number' &&
    typeof r.at === 'string' &&
    (r.valid === null || typeof r.valid === 'boolean')
  );
}

function isHistory(v: unknown): v is PackageHistory {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  return Object.values(v).every((list) => Array.isArray(list) && list.every(isRecord));
}

export function loadHistory(folder: string): PackageHistory {
  return readStored(keyOf(folder), {}, isHistory);
}

/**
 * The same name is the same package rebuilt (names are deterministic): it moves to the
 * top with its new size and verdict rather than being listed twice.
 */
export function withRecord(
  history: PackageHistory,
  articleId: string,
  record: PackageRecord,
): PackageHistory {
  const list = (history[articleId] ?? []).filter((r) => r.path !== record.path);
  return { ...history, [articleId]: [record, ...list].slice(0, MAX_PER_ARTICLE) };
}

export function withoutArticle(history: PackageHistory, articleId: string): PackageHistory {
  return Object.fromEntries(Object.entries(history).filter(([id]) => id !== articleId));
}

export function saveHistory(folder: string, history: PackageHistory): void {
  writeStored(keyOf(folder), history);
}
