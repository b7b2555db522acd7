/**
 * Where to go after logging in: the page a logged-out user asked for (`/login?next=…`). Only a path
 * of this site is accepted, never another origin (`//evil.example`, `https://…`), nor the login page.
 */
export function safeNextPath(raw: string | null | undefined): string | null {
  if (!raw?.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return null;
  try {
    const origin = window.location.origin;
    const url = new URL(raw, origin);
    if (url.origin !== origin || url.pathname === '/login') return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}

/** `/login`, remembering the page to come back to (none for the start page). */
export function loginPathFor(location: { pathname: string; search: string; hash: string }): string {
  const next = safeNextPath(`${location.pathname}${location.search}${location.hash}`);
  return next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login';
}
