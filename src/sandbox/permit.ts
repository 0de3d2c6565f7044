// Runtime guards for values that reach a permission-checked API (sandbox-safe: templates import
// this module, and it runs unchanged in the GTM sandbox, in Node and in the emulator).
//
// `permit(value, ALLOWED)` and `permitUrl(url, PATTERNS)` do two jobs: at run time they pass the
// value through only when it is allowed (so a template never asks GTM for something it did not
// declare), and at build time the permission deriver (src/toolchain/permissions/) reads ALLOWED
// statically and declares exactly those keys. `'*'` among ALLOWED means "any string".
//
// It is also the one implementation of GTM's URL match patterns (inject_script, send_pixel,
// inject_hidden_iframe): the permission deriver, the permission check (permissions/check.ts) and
// the emulator all call these matchers. Written without regex literals, template literals,
// spread, `new` or string methods the sandbox lacks (stdlib.ts).
//
// The semantics, and their evidence (Google's permissions page only says "URL match patterns";
// real exports show the shapes, docs/reference/gtm-template-format.md#apis-and-permissions):
// - https only, host exact (case-insensitive) or `*.example.com` for any subdomain [REAL:
//   `https://*.cookiebot.com/`, `https://*.linkedin.com/*`]; the bare domain is not covered [INF,
//   the stricter reading];
// - the path, query string and fragment are matched as one text against the pattern path, where
//   `*` is any run of characters [REAL: `https://stapecdn.com/dtag/*`] and a pattern ending in `/`
//   covers everything below it [REAL: Cookiebot declares `https://*.cookiebot.com/` and injects
//   `https://consent.cookiebot.com/uc.js?cbid=…`]. Nothing says GTM drops the query before
//   matching, so `…/array.js` does not cover `…/array.js?v=2` [INF, the stricter reading];
// - a URL whose host is not plain (userinfo `@`, backslashes) or whose path has a backslash or a
//   `.`/`..` segment matches nothing: the browser would fetch another path than the text says
//   [INF, the stricter reading].

/** The allowed values: one string, a list of strings, or the values of an object of strings. */
export type Allowed = string | readonly string[] | { readonly [key: string]: string };

const ANY = '*';
const HTTPS = 'https://';
const HOST_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789.-:';

/** Calls `test` with each allowed value; true when one of them passes. */
function someAllowed(allowed: Allowed, test: (candidate: string) => boolean): boolean {
  if (typeof allowed === 'string') return test(allowed);
  const values = allowed as { readonly [key: string]: string };
  for (let key in values) {
    if (test(values[key])) return true;
  }
  return false;
}

/**
 * `value` when it is a string among `allowed` (`'*'` allows any string), otherwise undefined.
 * The type parameter lets callers narrow the result to a union of the allowed literals.
 */
export function permit<T extends string = string>(value: unknown, allowed: Allowed): T | undefined {
  if (typeof value !== 'string') return undefined;
  const ok = someAllowed(allowed, (candidate) => candidate === ANY || candidate === value);
  return ok ? (value as T) : undefined;
}

/** `url` when it matches one of GTM's URL match patterns in `patterns` (`'*'`: any string). */
export function permitUrl(url: unknown, patterns: Allowed): string | undefined {
  if (typeof url !== 'string') return undefined;
  const ok = someAllowed(patterns, (pattern) => pattern === ANY || matchesUrlPattern(url, pattern));
  return ok ? url : undefined;
}

/** An https URL (or pattern) cut into its lower-cased host and the rest ('/' when empty). */
export interface UrlParts {
  host: string;
  path: string;
}

/** The index of the first of `stops` in `text`, or its length. */
function stopAt(text: string, stops: string[]): number {
  let end = text.length;
  for (let i = 0; i < stops.length; i++) {
    const at = text.indexOf(stops[i]);
    if (at >= 0 && at < end) end = at;
  }
  return end;
}

/**
 * Splits `https://host/path?query#fragment` into host and path (path keeps query and fragment;
 * a URL with no path gets '/', as a browser would). Undefined for anything but https.
 */
export function splitHttpsUrl(url: string): UrlParts | undefined {
  if (url.substring(0, HTTPS.length).toLowerCase() !== HTTPS) return undefined;
  const rest = url.substring(HTTPS.length);
  const end = stopAt(rest, ['/', '?', '#']);
  const hostPart = rest.substring(0, end).toLowerCase();
  if (hostPart === '') return undefined;
  const pathPart = rest.substring(end);
  return { host: hostPart, path: pathPart.charAt(0) === '/' ? pathPart : '/' + pathPart };
}

/** Only letters, digits, dots, dashes and a port: no userinfo (`@`), backslashes or spaces. */
export function isPlainHost(host: string): boolean {
  if (host === '') return false;
  for (let i = 0; i < host.length; i++) {
    if (HOST_CHARS.indexOf(host.charAt(i)) < 0) return false;
  }
  return true;
}

/** `text` matches `glob`, where each `*` stands for any run of characters (also none). */
function globMatch(text: string, glob: string): boolean {
  const parts = glob.split(ANY);
  if (parts.length === 1) return text === glob;
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (text.length < first.length + last.length) return false;
  if (text.substring(0, first.length) !== first) return false;
  if (text.substring(text.length - last.length) !== last) return false;
  let position = first.length;
  const end = text.length - last.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const at = text.indexOf(parts[i], position);
    if (at < 0 || at + parts[i].length > end) return false;
    position = at + parts[i].length;
  }
  return true;
}

/**
 * A pattern host is exact, or `*.example.com` for any subdomain of example.com (not the bare
 * domain: inferred, the conservative reading; Google's pages do not say).
 */
function hostMatches(host: string, patternHost: string): boolean {
  const pattern = patternHost.toLowerCase();
  if (pattern.substring(0, 2) !== '*.') return host === pattern;
  const suffix = pattern.substring(1);
  return host.length > suffix.length && host.substring(host.length - suffix.length) === suffix;
}

/**
 * The path (with query) matches the pattern path, `*` being a wildcard. A pattern path ending in
 * '/' also matches everything below it: inferred from real exports — Cookiebot's gallery
 * template declares `https://*.cookiebot.com/` and injects `https://consent.cookiebot.com/uc.js?…`.
 */
function pathMatches(path: string, patternPath: string): boolean {
  const last = patternPath.charAt(patternPath.length - 1);
  return globMatch(path, last === '/' ? patternPath + ANY : patternPath);
}

/** A well-formed pattern: https, a plain or `*.`-wildcard host, then a path. */
export function isUrlPattern(pattern: string): boolean {
  const parts = splitHttpsUrl(pattern);
  if (!parts) return false;
  const host = parts.host.substring(0, 2) === '*.' ? parts.host.substring(2) : parts.host;
  return isPlainHost(host);
}

const DOT_SEGMENTS = ['.', '..', '%2e', '%2e%2e', '.%2e', '%2e.'];

/** A backslash or a `.`/`..` segment (also percent-encoded) in the path before `?` and `#`. */
function hasAmbiguousPath(path: string): boolean {
  const pathOnly = path.substring(0, stopAt(path, ['?', '#']));
  if (pathOnly.indexOf('\\') >= 0) return true;
  const segments = pathOnly.toLowerCase().split('/');
  for (let i = 0; i < segments.length; i++) {
    if (DOT_SEGMENTS.indexOf(segments[i]) >= 0) return true;
  }
  return false;
}

/** The target's host and path (query and fragment included) fall under the declared pattern. */
function coveredBy(target: UrlParts, host: string, declared: string): boolean {
  const allowed = splitHttpsUrl(declared);
  if (!allowed || !isPlainHost(host) || hasAmbiguousPath(target.path)) return false;
  return hostMatches(target.host, allowed.host) && pathMatches(target.path, allowed.path);
}

/** GTM's run-time URL check: `url` (a concrete https URL) matches the match pattern. */
export function matchesUrlPattern(url: string, pattern: string): boolean {
  const target = splitHttpsUrl(url);
  return !!target && coveredBy(target, target.host, pattern);
}

/**
 * The declared pattern covers every URL the used pattern (or concrete URL) stands for: the used
 * pattern is matched as text, its `*` absorbed by the declared pattern's wildcards.
 */
export function urlPatternCovers(declared: string, used: string): boolean {
  const target = splitHttpsUrl(used);
  if (!target) return false;
  const host = target.host.substring(0, 2) === '*.' ? target.host.substring(2) : target.host;
  return coveredBy(target, host, declared);
}
