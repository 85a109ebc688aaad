/**
 * A WordPress site's REST API as one user with an Application Password (Basic auth, which
 * WordPress accepts only over https, or on a 'local' site). Every failure becomes an
 * OutboxError with plain words; network trouble goes through the outbox's own classifier,
 * so it is retried like an SFTP or FTP hiccup.
 */
import { classify, OutboxError } from '../errors';
import { apiDisabled, wpError, type WpErrorBody } from './wp-errors';

export interface WpSiteOptions {
  /** https://example.vn/ (the site's home, ending in /). */
  site: string;
  user: string;
  password: string;
  signal: AbortSignal;
  /** One request may take this long before it counts as a timeout. */
  timeoutMs?: number;
}

type Query = Record<string, string | number | undefined>;

export class WpSite {
  /** Where routes live: /wp-json/ on most sites, ?rest_route= where pretty links are off. */
  private route: ((path: string, query: Query) => string) | null = null;
  private readonly auth: string;

  constructor(private readonly o: WpSiteOptions) {
    this.auth =
      'Basic ' +
      Buffer.from(`${o.user}:${o.password.replace(/\s+/g, '')}`, 'utf8').toString('base64');
  }

  get siteName(): string {
    return `The WordPress site ${this.o.site}`;
  }

  /** Where an editor opens the post in WordPress's own editor. */
  editUrl(postId: number): string {
    return withQuery(`${this.o.site}wp-admin/post.php`, { post: postId, action: 'edit' });
  }

  /** Finds the API and checks the login; returns the user's capabilities. */
  async connect(): Promise<Record<string, boolean>> {
    const pretty = (path: string, q: Query) => withQuery(`${this.o.site}wp-json/${path}`, q);
    const plain = (path: string, q: Query) =>
      withQuery(`${this.o.site}`, { rest_route: `/${path}`, ...q });
    let lastStatus = 0;
    for (const route of [pretty, plain]) {
      const res = await this.fetch(route('', {}), { method: 'GET' });
      const body = await jsonOf(res);
      if (res.ok && body && Array.isArray((body as { namespaces?: unknown }).namespaces)) {
        this.route = route;
        break;
      }
      if (body && typeof (body as WpErrorBody).code === 'string')
        throw this.failure('signing in', res.status, body as WpErrorBody);
      lastStatus = res.status;
    }
    if (!this.route) throw apiDisabled(this.o.site, lastStatus);
    const me = await this.get<{ capabilities?: Record<string, boolean> }>(
      'wp/v2/users/me',
      { context: 'edit' },
      'signing in',
    );
    return me.capabilities ?? {};
  }

  get<T>(path: string, query: Query, doing: string): Promise<T> {
    return this.call<T>('GET', path, query, undefined, doing);
  }

  /** Like get, but a 404 (deleted, never there) is null rather than an error. */
  async find<T>(path: string, query: Query, doing: string): Promise<T | null> {
    return this.call<T | null>('GET', path, query, undefined, doing, undefined, true);
  }

  post<T>(path: string, body: unknown, doing: string): Promise<T> {
    return this.call<T>('POST', path, {}, JSON.stringify(body), doing, 'application/json');
  }

  /** A multipart upload: the file and its fields in one request, so no half-described media. */
  upload<T>(path: string, form: FormData, doing: string): Promise<T> {
    return this.call<T>('POST', path, {}, form, doing);
  }

  private async call<T>(
    method: string,
    path: string,
    query: Query,
    body: string | FormData | undefined,
    doing: string,
    contentType?: string,
    missingIsNull = false,
  ): Promise<T> {
    if (!this.route) throw new Error('WpSite.connect() first');
    const headers: Record<string, string> = { authorization: this.auth };
    if (contentType) headers['content-type'] = contentType;
    const res = await this.fetch(this.route(path, query), { method, headers, body }, doing);
    const json = await jsonOf(res);
    if (missingIsNull && res.status === 404) return null as T;
    if (!res.ok) throw this.failure(doing, res.status, json as WpErrorBody | null);
    if (json === null) throw this.failure(doing, res.status, null);
    return json as T;
  }

  private failure(doing: string, status: number, body: WpErrorBody | null): OutboxError {
    return wpError({ site: this.siteName, user: this.o.user, doing, status, body });
  }

  private async fetch(url: string, init: RequestInit, doing = 'connecting'): Promise<Response> {
    const signal = AbortSignal.any([
      this.o.signal,
      AbortSignal.timeout(this.o.timeoutMs ?? 120_000),
    ]);
    try {
      return await fetch(url, {
        ...init,
        headers: { authorization: this.auth, ...(init.headers as Record<string, string>) },
        signal,
        redirect: 'follow',
      });
    } catch (err) {
      if (this.o.signal.aborted) throw this.o.signal.reason as Error;
      // fetch hides the socket's errno under `cause`.
      const cause = (err as { cause?: unknown }).cause ?? err;
      const e = classify(cause, this.siteName);
      if (e.code === 'connection-lost')
        return Promise.reject(
          new OutboxError(e.code, `${this.siteName}: ${doing} broke off (${String(cause)}).`),
        );
      throw e;
    }
  }
}

function withQuery(base: string, query: Query): string {
  const u = new URL(base);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) u.searchParams.set(k, String(v));
  return u.href;
}

/** The body as JSON, or null when the server sent HTML (an error page, a blocked API). */
async function jsonOf(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!/json/i.test(res.headers.get('content-type') ?? '')) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
