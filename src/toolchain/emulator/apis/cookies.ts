// getCookieValues, setCookie and readAnalyticsStorage on the page's `document.cookie`.
import type { PageEnvironment } from '../page/page';
import type { ApiFactory } from './context';

/** Every cookie as [name, raw value], in document order (a name can repeat). */
export function parseCookies(cookieString: string): [string, string][] {
  return cookieString
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair.includes('='))
    .map((pair) => {
      const eq = pair.indexOf('=');
      return [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()];
    });
}

function decodeOrKeep(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function cookieValues(page: PageEnvironment, name: string, decode: boolean): string[] {
  return parseCookies(page.readCookies())
    .filter(([cookieName]) => cookieName === name)
    .map(([, value]) => (decode ? decodeOrKeep(value) : value));
}

/** The Set-Cookie-style string setCookie writes; domain 'auto' writes a host-only cookie [INF]. */
export function cookieString(name: string, value: string, options: Record<string, unknown>, encode: boolean): string {
  const parts = [`${name}=${encode ? encodeURIComponent(value) : value}`, `path=${String(options.path ?? '/')}`];
  if (options.domain !== undefined && options.domain !== 'auto') parts.push(`domain=${String(options.domain)}`);
  if (options['max-age'] !== undefined) parts.push(`max-age=${String(options['max-age'])}`);
  if (options.expires !== undefined) parts.push(`expires=${String(options.expires)}`);
  if (options.secure === true) parts.push('secure');
  if (options.samesite !== undefined) parts.push(`samesite=${String(options.samesite)}`);
  return parts.join('; ');
}

interface AnalyticsSession {
  measurement_id: string;
  session_id: string;
  session_number: number;
}

/** A GA4 session cookie: GS1.1.<session id>.<number>… or GS2.1.s<session id>$o<number>$…. */
function parseSession(measurementId: string, value: string): AnalyticsSession | undefined {
  const fields = value.split('.');
  if (fields[0] === 'GS1' && fields.length >= 4) {
    return { measurement_id: measurementId, session_id: fields[2], session_number: Number(fields[3]) };
  }
  if (fields[0] === 'GS2' && fields.length >= 3) {
    const parts = fields.slice(2).join('.').split('$');
    const field = (letter: string) => parts.find((part) => part.startsWith(letter))?.slice(1);
    const id = field('s');
    if (id !== undefined) return { measurement_id: measurementId, session_id: id, session_number: Number(field('o')) };
  }
  return undefined;
}

function readAnalyticsStorage(page: PageEnvironment, options: Record<string, unknown>) {
  const prefix = options.cookie_prefix ? `${String(options.cookie_prefix)}_` : '';
  const cookies = parseCookies(page.readCookies());
  const clientCookie = cookies.find(([name]) => name === `${prefix}_ga`);
  if (!clientCookie) return undefined;
  const sessions: AnalyticsSession[] = [];
  for (const [name, value] of cookies) {
    if (!name.startsWith(`${prefix}_ga_`)) continue;
    const session = parseSession(`G-${name.slice(prefix.length + 4)}`, value);
    if (session) sessions.push(session);
  }
  return { client_id: clientCookie[1].split('.').slice(2).join('.'), sessions };
}

const asOptions = (value: unknown): Record<string, unknown> =>
  (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;

export const COOKIE_APIS: Record<string, ApiFactory> = {
  getCookieValues: ({ page, permissions }) => (name: string, decode?: boolean) => {
    permissions.enforce('get_cookies', name);
    return cookieValues(page, name, decode !== false);
  },
  setCookie: ({ page, permissions }) => (name: string, value: string, options?: unknown, encode?: boolean) => {
    permissions.enforce('set_cookies', name, asOptions(options));
    page.writeCookie(cookieString(name, String(value), asOptions(options), encode !== false));
  },
  readAnalyticsStorage: ({ page, permissions }) => (cookieOptions?: unknown) => {
    permissions.enforce('read_analytics_storage');
    return readAnalyticsStorage(page, asOptions(cookieOptions));
  },
};
