// GTM's URL match patterns (inject_script, send_pixel, inject_hidden_iframe):
//   scheme://host/path   e.g. https://*.cookiebot.com/ , https://stapecdn.com/dtag/* ,
//                             https://us-assets.i.posthog.com/static/array.js
// - the scheme must be equal (real patterns are https);
// - host: exact (case-insensitive), or `*.example.com` for any subdomain of example.com
//   [INF: the bare domain does not match];
// - path: `*` matches any run of characters; a pattern path ending in `/` matches every path
//   below it [REAL: Cookiebot's gallery template allows https://*.cookiebot.com/ and injects
//   https://consent.cookiebot.com/uc.js?cbid=…]; otherwise the whole path must match;
// - the URL's query string and fragment are not part of the match [INF].

const PATTERN = /^([a-z][a-z0-9+.-]*):\/\/([^/]+)(\/.*)?$/i;

const escapeRegExp = (text: string): string => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

function hostMatches(pattern: string, host: string): boolean {
  const expected = pattern.toLowerCase();
  if (expected.startsWith('*.')) return host.endsWith(expected.slice(1)) && host.length > expected.length - 1;
  return host === expected;
}

function pathMatches(pattern: string, path: string): boolean {
  const body = pattern.split('*').map(escapeRegExp).join('.*');
  const regExp = new RegExp(`^${body}${pattern.endsWith('/') ? '.*' : ''}$`);
  return regExp.test(path);
}

export function matchesUrlPattern(url: string, pattern: string): boolean {
  const parts = PATTERN.exec(pattern.trim());
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!parts) return false;
  if (parsed.protocol !== `${parts[1].toLowerCase()}:`) return false;
  if (!hostMatches(parts[2], parsed.host)) return false;
  return pathMatches(parts[3] ?? '/', parsed.pathname);
}

export const matchesAnyUrlPattern = (url: string, patterns: readonly string[]): boolean =>
  patterns.some((pattern) => matchesUrlPattern(url, pattern));
