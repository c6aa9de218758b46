/**
 * The bearer token, for this browser tab's session only (sessionStorage). Other tools may link
 * to the dashboard with `#token=…`: it is stored, then removed from the address bar and history.
 */
export const TOKEN_KEY = 'instagram-sync-token';

type Listener = () => void;
const listeners = new Set<Listener>();
let asked = false;

export function currentToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function saveToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token.trim().replace(/^Bearer\s+/i, ''));
  asked = false;
  listeners.forEach((listener) => listener());
}

/** The API refused the token (or there was none): the page asks for one. */
export function requestToken(): void {
  if (asked) return;
  asked = true;
  listeners.forEach((listener) => listener());
}

export function isTokenRequested(): boolean {
  return asked;
}

export function onTokenChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Takes a `#token=…` fragment into the session and leaves `#/` in its place. */
export function takeTokenFromFragment(): void {
  const match = /^#token=([^&]+)/.exec(location.hash);
  if (!match?.[1]) return;
  saveToken(decodeURIComponent(match[1]));
  history.replaceState(null, '', `${location.pathname}${location.search}#/`);
}
