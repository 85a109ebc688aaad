/**
 * What a WordPress site answers, in a reporter's words. WordPress's REST errors carry a
 * machine code (`incorrect_password`, `rest_cannot_create`, …) beside an English message
 * meant for developers; the code decides the words and what the outbox does next.
 */
import { OutboxError } from '../errors';

export interface WpErrorBody {
  code?: string;
  message?: string;
  data?: { status?: number };
}

const AUTH_CODES = new Set([
  'incorrect_password',
  'invalid_username',
  'invalid_email',
  'application_passwords_disabled',
  'application_passwords_disabled_for_user',
  'rest_not_logged_in',
]);

const PERMISSION_CODES = /^rest_(cannot|forbidden)|_cannot_|^rest_upload_user_quota_exceeded$/;

/** An upload over PHP's or the web server's limit, as each of them reports it. */
function overSizeLimit(status: number, body: WpErrorBody | null): boolean {
  if (status === 413) return true;
  const msg = body?.message ?? '';
  return /upload_max_filesize|post_max_size|MAX_FILE_SIZE|exceeds the maximum upload size/i.test(
    msg,
  );
}

export interface WpFailure {
  site: string;
  user: string;
  /** What we were doing, for the message: "uploading baolaocai-tl_dsc-2409.jpg". */
  doing: string;
  status: number;
  body: WpErrorBody | null;
}

export function wpError({ site, user, doing, status, body }: WpFailure): OutboxError {
  const code = body?.code ?? '';
  const detail = body?.message ? ` (WordPress: ${body.message})` : ` (HTTP ${status})`;
  if (AUTH_CODES.has(code) || status === 401)
    return new OutboxError(
      'auth-failed',
      `${site} refused user "${user}" and this Application Password${detail}. Make one in WordPress under Users → Profile → Application Passwords, and paste it here.`,
    );
  if (overSizeLimit(status, body))
    return new OutboxError(
      'too-large',
      `${site} refused ${doing.replace(/^uploading /, '')}: it is over the site's upload size limit${detail}. Ask the site's admin to raise it (PHP upload_max_filesize), or package the photos smaller.`,
    );
  if (PERMISSION_CODES.test(code) || status === 403)
    return new OutboxError(
      'permission-denied',
      `${site} does not let user "${user}" do this: ${doing}${detail}. The account needs the Author or Editor role.`,
    );
  if (status >= 500)
    return new OutboxError('server-error', `${site} failed while ${doing}${detail}.`);
  return new OutboxError('server-error', `${site} refused ${doing}${detail}.`);
}

export function apiDisabled(site: string, status: number): OutboxError {
  return new OutboxError(
    'api-disabled',
    `${site} is a website, but its WordPress REST API does not answer (HTTP ${status} at /wp-json/). A security plugin or the server blocks it; ask the site's admin to allow it for this user.`,
  );
}
