/**
 * The access token, kept for the browser tab only, under the same key as the dashboard's so
 * one sign-in serves both. A `#token=…` fragment (a link from another tool) is taken once and
 * removed from the address bar, so it does not stay in the history or get copied along.
 */
export const TOKEN_KEY = 'instagram-sync-token';

export function takeToken(): string | null {
  const fromFragment = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromFragment) {
    keepToken(fromFragment);
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', pathname + search);
  }
  return window.sessionStorage.getItem(TOKEN_KEY);
}

export function keepToken(token: string): void {
  window.sessionStorage.setItem(TOKEN_KEY, token.trim());
}

export function forgetToken(): void {
  window.sessionStorage.removeItem(TOKEN_KEY);
}
