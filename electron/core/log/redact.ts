/**
 * What goes into the log is stripped of secrets first: any value under a key that names
 * one (password, passphrase, token, authorization, secret, cookie, API key, private key,
 * credential), at any depth, and credentials written into text (a URL's user:password@,
 * "Bearer …", "password=…", a JSON "token": "…").
 */
export const REDACTED = '[redacted]';

const SECRET_KEY =
  /pass(word|phrase|wd)|^pass$|^pwd$|token|authori[sz]ation|secret|cookie|api[-_]?key|private[-_]?key|credential/i;
/** Long texts are cut: one log line stays readable and bounded. */
const MAX_TEXT = 4000;
const MAX_DEPTH = 8;
const MAX_ITEMS = 100;

const TEXT_RULES: [RegExp, string][] = [
  // scheme://user:password@host
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:)[^@\s/]*@/gi, `$1${REDACTED}@`],
  [/\b(Bearer|Basic|Digest|token)\s+[A-Za-z0-9._~+/=-]{6,}/gi, `$1 ${REDACTED}`],
  [
    /\b(pass(?:word|phrase)?|pwd|token|access_token|refresh_token|api[-_]?key|secret|authorization)(\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s&,;"']+)/gi,
    `$1$2${REDACTED}`,
  ],
  [
    /("(?:[^"]*(?:pass(?:word|phrase)?|token|authori[sz]ation|secret|api[-_]?key)[^"]*)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi,
    `$1"${REDACTED}"`,
  ],
];

export function redactText(text: string): string {
  let out = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}… (${text.length} chars)` : text;
  for (const [re, to] of TEXT_RULES) out = out.replace(re, to);
  return out;
}

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** A JSON-safe copy of `value` with every secret replaced by `[redacted]`. */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[cycle]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  if (value instanceof Error) {
    const e = value as Error & { code?: unknown; cause?: unknown };
    return redact(
      {
        name: e.name,
        message: e.message,
        ...(e.code !== undefined ? { code: e.code } : {}),
        ...(e.stack ? { stack: e.stack.split('\n').slice(0, 8).join('\n') } : {}),
        ...ownFields(e),
        ...(e.cause !== undefined ? { cause: e.cause } : {}),
      },
      depth,
      seen,
    );
  }
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  if (Array.isArray(value))
    return value.slice(0, MAX_ITEMS).map((v) => redact(v, depth + 1, seen) ?? null);
  if (value instanceof Map) return redact(Object.fromEntries(value), depth, seen);
  if (value instanceof Date) return value.toISOString();
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value).slice(0, MAX_ITEMS))
    out[k] = isSecretKey(k) ? REDACTED : redact(v, depth + 1, seen);
  return out;
}

/** An error's own enumerable fields (an ApiError's code and params, say). */
function ownFields(e: Error): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) if (k !== 'stack' && k !== 'message') out[k] = v;
  return out;
}
