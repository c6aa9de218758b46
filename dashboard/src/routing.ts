import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { page: 'overview' }
  | { page: 'run'; id: string }
  | { page: 'accounts' }
  | { page: 'account'; userNo: number };

/** `#/`, `#/runs/<id>`, `#/accounts`, `#/accounts/<userNo>`; anything else is the overview. */
export function parseRoute(hash: string): Route {
  const [section, id] = hash.replace(/^#\/?/, '').split('/');
  const parts = [section, id].map((part) => (part ? decodeURIComponent(part) : undefined));
  if (section === 'runs' && parts[1]) return { page: 'run', id: parts[1] };
  if (section === 'accounts' && parts[1] && /^\d+$/.test(parts[1]))
    return { page: 'account', userNo: Number(parts[1]) };
  if (section === 'accounts') return { page: 'accounts' };
  return { page: 'overview' };
}

export const runHref = (id: string) => `#/runs/${encodeURIComponent(id)}`;
export const accountHref = (userNo: number) => `#/accounts/${userNo}`;

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
