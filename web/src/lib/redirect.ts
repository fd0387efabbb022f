// Where to send people around sign-in, without ever leaving Yello's origin.

// Home opens the remembered workspace, or the first-run page for someone without one.
const home = '/';
const base = 'https://yello.invalid';

/** The path to go to after signing in: `next` when it is a path on this origin, otherwise home. */
export function pathAfterSignIn(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/')) return home;
  const url = new URL(next, base);
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : home;
}

/** The login page, asking to come back to `path` afterwards. */
export function loginPath(path: string): string {
  return `/login?${new URLSearchParams({ next: path })}`;
}

/** The registration page, asking to come back to `path` afterwards. */
export function registerPath(path: string): string {
  return `/register?${new URLSearchParams({ next: path })}`;
}

/**
 * `path` with its segment at `index` (counting from the first after the leading slash) set to `value`: a URL
 * that named something by an old or differently cased key, now naming it by its current one.
 */
export function withPathSegment(path: string, index: number, value: string): string {
  const url = new URL(path, base);
  const segments = url.pathname.split('/');
  if (segments[index + 1] === undefined) return path;
  segments[index + 1] = encodeURIComponent(value);
  return `${segments.join('/')}${url.search}${url.hash}`;
}
