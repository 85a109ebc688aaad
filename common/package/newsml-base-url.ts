/**
 * The export option `newsmlBaseUrl`: where a desk will fetch the package's files over HTTP,
 * so newsml.xml can give each photo an absolute href under it. One rule for the dialog, the
 * contract and the core, so the UI refuses exactly what the core would.
 */

/** Why a base URL cannot be used; null when it can. */
export type BaseUrlProblem = 'not-absolute' | 'not-http' | 'query-or-fragment';

function parse(value: string): URL | null {
  try {
    return new URL(value.trim());
  } catch {
    return null;
  }
}

export function baseUrlProblem(value: string): BaseUrlProblem | null {
  const u = parse(value);
  if (!u) return 'not-absolute';
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'not-http';
  // A desk resolves "photos/x.jpg" against the base: a query or fragment would be dropped.
  if (u.search || u.hash) return 'query-or-fragment';
  return null;
}

/** English, for the CLI and the logs; the UI says it from the code in its own language. */
export function baseUrlProblemText(value: string, problem: BaseUrlProblem): string {
  const why = {
    'not-absolute': 'is not an absolute URL',
    'not-http': 'is not an http or https URL',
    'query-or-fragment': 'has a query or fragment',
  }[problem];
  return `newsmlBaseUrl "${value}" ${why} (give the folder the package is served from, e.g. https://desk.example.vn/packages/)`;
}

/**
 * The base as a folder URL that relative paths resolve under (a final slash added, so
 * `…/seed` is the folder seed, not its parent); throws with baseUrlProblemText.
 */
export function baseUrlFolder(value: string): URL {
  const problem = baseUrlProblem(value);
  if (problem) throw new Error(baseUrlProblemText(value, problem));
  const u = parse(value)!;
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  return u;
}
