const KEY = 'captiondesk.token';

/**
 * The server hands the page a one-time URL with ?token=…; the token is kept for this tab
 * only and taken out of the address bar so it does not end up in history or screenshots.
 */
export function takeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    remember(fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function remember(token: string): void {
  try {
    sessionStorage.setItem(KEY, token);
  } catch {
    // The server's cookie still authenticates this tab; only the extra header is lost.
  }
}
