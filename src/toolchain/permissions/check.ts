// Declared ___WEB_PERMISSIONS___ against what the code needs, both ways:
// - needed but not granted: GTM refuses the call at run time (reported where the code does it);
// - granted but never needed: not least privilege (reported on the declared permission);
// - an "any" grant where the code only needs specific keys: covers the use, but is broader than
//   needed (likewise logging in all environments where debug suffices).
// It is also the one answer to "do these permissions grant this use" (isGranted): the static
// check asks it of derived requirements, the emulator of each call and of queryPermission.
// Where Google's pages and real exports are silent, the stricter reading is taken (marked [INF]).
import { urlPatternCovers } from '../../sandbox/permit';
import type { Permission, PlainValue } from './codec';
import { URL_COMPONENTS, requirementId, type Problem, type Requirement, type Usage } from './usage';

type Entry = { [key: string]: PlainValue };
type Params = Permission['params'];

/** A declared part the code does not need: unused, or broader than its use. */
interface Excess {
  broader?: boolean;
  text: string;
}

/** What a requirement asks, without where: the question GTM asks when the API runs. */
export type Need = Omit<Requirement, 'api' | 'line' | 'column'> & {
  /** set_cookies at run time: the options passed to setCookie (absent: only the name is checked). */
  cookieOptions?: { readonly [key: string]: unknown };
  /** logging at run time: whether the page is in preview/debug mode (absent: any mode). */
  debugMode?: boolean;
};

/** How one permission id grants requirements and which of its declared parts go unused. */
interface Checker {
  covers(params: Params, need: Need): boolean;
  /** Declared-side excess of one declared entry, given the requirements of its id. */
  excess(params: Params, rs: Requirement[]): Excess[];
}

const unused = (text: string): Excess => ({ text });
const broader = (text: string): Excess => ({ broader: true, text });

const str = (v: PlainValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: PlainValue | undefined): PlainValue[] => (Array.isArray(v) ? v : []);
const strings = (v: PlainValue | undefined): string[] => list(v).filter((x): x is string => typeof x === 'string');
const entries = (v: PlainValue | undefined): Entry[] =>
  list(v).filter((x): x is Entry => typeof x === 'object' && x !== null && !Array.isArray(x));
const quote = (s: string) => "'" + s + "'";

/**
 * read_data_layer / write_data_layer: "a leading series of dotted references, with a trailing
 * wildcard" (Google's permissions page) — exact, or `a.b.*` for any key below a.b. Not a.b itself,
 * and a bare `*` is no wildcard (it has no leading reference): [INF] the stricter reading.
 */
export function keyPatternCovers(pattern: string, key: string): boolean {
  if (pattern === key) return true;
  return pattern.length > 2 && pattern.endsWith('.*') && key.startsWith(pattern.slice(0, -1));
}

/** access_globals, access_local_storage, access_consent: a list of keys with access flags. */
function accessChecker(listName: string, keyName: string, flags: readonly string[]): Checker {
  return {
    covers: (params, r) => entries(params[listName]).some((e) => e[keyName] === r.key && e[r.access ?? ''] === true),
    excess: (params, rs) => entries(params[listName]).flatMap((e) => {
      const key = str(e[keyName]) ?? '';
      const granted = flags.filter((f) => e[f] === true);
      if (!granted.length) return [unused('declares ' + quote(key) + ' without any access')];
      const idle = granted.filter((f) => !rs.some((r) => r.key === key && r.access === f));
      return idle.length ? [unused('declares ' + idle.join('+') + ' on ' + quote(key) + ', which the code never does')] : [];
    }),
  };
}

/**
 * A list of specific values, optionally switched to "any" by a mode parameter (send_pixel
 * allowedUrls, get_cookies cookieAccess, read_data_layer allowedKeys). Without the mode
 * parameter (older exports, e.g. read_data_layer with only keyPatterns) the list is what is
 * granted; with neither, nothing ([INF] the stricter reading).
 */
function listChecker(listName: string, covers: (granted: string, used: string) => boolean, what: string, modeName?: string): Checker {
  const isAny = (params: Params) => !!modeName && str(params[modeName]) === 'any';
  return {
    covers: (params, r) => isAny(params) || (!r.anyKey && r.key !== undefined && strings(params[listName]).some((g) => covers(g, r.key as string))),
    excess: (params, rs) => {
      if (isAny(params)) return rs.some((r) => r.anyKey) ? [] : [broader('allows any ' + what + ', but the code only needs specific ones')];
      return strings(params[listName])
        .filter((g) => !rs.some((r) => r.key !== undefined && !r.anyKey && covers(g, r.key)))
        .map((g) => unused('declares the ' + what + ' ' + g + ', which the code never uses'));
    },
  };
}

/**
 * get_url / get_referrer: URL parts (all, or per component) and query keys (all, or listed).
 * Unset urlParts/queriesAllowed mean all (Google's permissions page: "If nothing is set, the
 * default is all"); the whole URL needs both set to any, as real exports declare it.
 */
const urlChecker: Checker = {
  covers(params, r) {
    const anyPart = str(params.urlParts) !== 'specific';
    const anyQuery = str(params.queriesAllowed) !== 'specific';
    if (r.key === undefined) return anyPart && anyQuery;
    if (!(URL_COMPONENTS as readonly string[]).includes(r.key)) return false;
    if (!anyPart && params[r.key] !== true) return false;
    if (r.key !== 'query' || anyQuery) return true;
    return !r.anyQueryKey && strings(params.queryKeys).includes(r.queryKey ?? '');
  },
  excess(params, rs) {
    const out: Excess[] = [];
    const whole = rs.some((r) => r.key === undefined);
    if (str(params.urlParts) !== 'specific') {
      if (!whole) out.push(broader('allows every URL part, but the code only reads ' + [...new Set(rs.map((r) => r.key))].join(', ')));
    } else {
      for (const [name, value] of Object.entries(params)) {
        if (value === true && !rs.some((r) => r.key === name)) out.push(unused('allows the ' + name + ' component, which the code never reads'));
      }
    }
    const queries = rs.filter((r) => r.key === 'query');
    // queriesAllowed only matters once the query may be read; GTM writes 'any' by default.
    if (queries.length && !whole) {
      if (str(params.queriesAllowed) !== 'specific') {
        if (!queries.some((r) => r.anyQueryKey)) out.push(broader('allows any query key, but the code only reads ' + [...new Set(queries.map((r) => quote(r.queryKey ?? '')))].join(', ')));
      } else {
        for (const k of strings(params.queryKeys)) if (!queries.some((r) => r.queryKey === k)) out.push(unused('allows the query key ' + quote(k) + ', which the code never reads'));
      }
    }
    return out;
  },
};

/** environments "debug" logs in preview/debug mode only (Google's permissions page). */
const loggingChecker: Checker = {
  covers: (params, need) => need.debugMode !== false || str(params.environments) === 'all',
  excess: (params) => (str(params.environments) === 'all' ? [broader('logs in all environments; debug (preview mode) is enough')] : []),
};

/**
 * One allowedCookies entry against setCookie's options: domain and path `*` or equal (domain
 * without a leading dot, 'auto' when unset), secure any|secure|non_secure, session
 * any|session|non_session (a session cookie has neither max-age nor expires) [REAL shapes:
 * data-tag]. The cookie name is exact: nothing shows a wildcard name ([INF] the stricter reading).
 */
function cookieOptionsAllowed(entry: Entry, options: Need['cookieOptions']): boolean {
  if (!options) return true;
  const bare = (v: unknown) => String(v).replace(/^\./, '').toLowerCase();
  const session = options['max-age'] === undefined && options.expires === undefined;
  if (entry.domain !== '*' && bare(entry.domain) !== bare(options.domain ?? 'auto')) return false;
  if (entry.path !== '*' && entry.path !== String(options.path ?? '/')) return false;
  if (entry.secure === 'secure' && options.secure !== true) return false;
  if (entry.secure === 'non_secure' && options.secure === true) return false;
  if (entry.session === 'session' && !session) return false;
  return !(entry.session === 'non_session' && session);
}

const wholeChecker: Checker = { covers: () => true, excess: () => [] };

const exact = (granted: string, used: string) => granted === used;

const CHECKERS: Record<string, Checker> = {
  access_globals: accessChecker('keys', 'key', ['read', 'write', 'execute']),
  access_local_storage: accessChecker('keys', 'key', ['read', 'write']),
  access_consent: accessChecker('consentTypes', 'consentType', ['read', 'write']),
  inject_script: listChecker('urls', urlPatternCovers, 'URL pattern'),
  inject_hidden_iframe: listChecker('urls', urlPatternCovers, 'URL pattern'),
  send_pixel: listChecker('urls', urlPatternCovers, 'URL pattern', 'allowedUrls'),
  get_cookies: listChecker('cookieNames', exact, 'cookie', 'cookieAccess'),
  read_data_layer: listChecker('keyPatterns', keyPatternCovers, 'data layer key', 'allowedKeys'),
  write_data_layer: listChecker('keyPatterns', keyPatternCovers, 'data layer key'),
  set_cookies: {
    covers: (params, need) => entries(params.allowedCookies).some((c) => c.name === need.key && cookieOptionsAllowed(c, need.cookieOptions)),
    excess: (params, rs) => entries(params.allowedCookies)
      .filter((c) => !rs.some((r) => r.key === c.name))
      .map((c) => unused('declares the cookie ' + quote(str(c.name) ?? '') + ', which the code never sets')),
  },
  get_url: urlChecker,
  get_referrer: urlChecker,
  logging: loggingChecker,
};

/** What a requirement asks for, in words. */
function describe(r: Requirement): string {
  if (r.permission === 'get_url' || r.permission === 'get_referrer') {
    if (r.key === undefined) return 'the whole URL';
    if (r.key !== 'query') return 'the ' + r.key + ' component';
    return r.anyQueryKey ? 'any query key' : 'the query key ' + quote(r.queryKey ?? '');
  }
  if (r.anyKey) return 'any value chosen at run time';
  if (r.key === undefined) return '';
  return (r.access ? r.access + ' on ' : '') + quote(r.key);
}

/** Whether the declared permissions grant one need (GTM's run-time question). */
export function isGranted(declared: readonly Permission[], need: Need): boolean {
  const checker = CHECKERS[need.permission] ?? wholeChecker;
  return declared.some((p) => p.publicId === need.permission && checker.covers(p.params, need));
}

export function checkPermissions(declared: readonly Permission[], usage: Usage): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const r of usage.requirements) {
    const id = requirementId(r);
    if (seen.has(id)) continue;
    seen.add(id);
    if (isGranted(declared, r)) continue;
    const grants = declared.filter((p) => p.publicId === r.permission);
    const what = describe(r);
    const reason = grants.length ? ' is declared without ' + (what || 'it') : ' is not declared';
    problems.push({
      line: r.line, column: r.column, rule: 'permission-missing', about: r.permission,
      message: r.api + ' needs ' + r.permission + (what ? ' (' + what + ')' : '') + ', but ' + r.permission + reason
        + ' in ___WEB_PERMISSIONS___; GTM refuses it at run time',
    });
  }
  // Keys the deriver could not resolve, or that GTM is asked about at run time with no declaration
  // at hand, are not known: their declared keys are not called unused.
  const unresolved = new Set<string>([...(usage.unresolved ?? []), ...(usage.queried ?? [])]);
  for (const p of declared) {
    if (unresolved.has(p.publicId)) continue;
    const rs = usage.requirements.filter((r) => r.permission === p.publicId);
    if (!rs.length) {
      problems.push({ rule: 'permission-unused', about: p.publicId, message: p.publicId + ' is declared but the code never needs it' });
      continue;
    }
    for (const excess of (CHECKERS[p.publicId] ?? wholeChecker).excess(p.params, rs)) {
      problems.push({ rule: excess.broader ? 'permission-broader' : 'permission-unused', about: p.publicId, message: p.publicId + ' ' + excess.text });
    }
  }
  return problems;
}
