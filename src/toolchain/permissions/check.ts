// Declared ___WEB_PERMISSIONS___ against what the code needs, both ways:
// - needed but not granted: GTM refuses the call at run time (reported where the code does it);
// - granted but never needed: not least privilege (reported on the declared permission);
// - an "any" grant where the code only needs specific keys: covers the use, but is broader than
//   needed (likewise logging in all environments where debug suffices).
import { hostMatches, isPlainHost, pathMatches, splitHttpsUrl } from '../sandbox/permit';
import type { Permission, PlainValue } from './codec';
import { requirementId, type Problem, type Requirement, type Usage } from './usage';

type Entry = { [key: string]: PlainValue };
type Params = Permission['params'];

/** A declared part the code does not need: unused, or broader than its use. */
interface Excess {
  broader?: boolean;
  text: string;
}

/** How one permission id grants requirements and which of its declared parts go unused. */
interface Checker {
  covers(params: Params, r: Requirement): boolean;
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
 * A declared URL match pattern covers every URL a used pattern (or a concrete URL) stands for:
 * the used pattern is matched as text, its `*` absorbed by the declared pattern's wildcards.
 */
export function urlPatternCovers(declared: string, used: string): boolean {
  const d = splitHttpsUrl(declared);
  const u = splitHttpsUrl(used);
  if (!d || !u || !isPlainHost(u.host.startsWith('*.') ? u.host.slice(2) : u.host)) return false;
  return hostMatches(u.host, d.host) && pathMatches(u.path, d.path);
}

/**
 * read_data_layer / write_data_layer: "a leading series of dotted references, with a trailing
 * wildcard" (Google's permissions page) — exact, or `a.b.*` for keys below a.b (not a.b itself:
 * inferred).
 */
export function keyPatternCovers(pattern: string, key: string): boolean {
  if (pattern === key || pattern === '*') return true;
  return pattern.endsWith('.*') && key.startsWith(pattern.slice(0, -1));
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
 * parameter (older exports, e.g. get_cookies with only cookieNames) the list is what is granted;
 * with neither, any (inferred).
 */
function listChecker(listName: string, covers: (granted: string, used: string) => boolean, what: string, modeName?: string): Checker {
  const isAny = (params: Params) => !!modeName && (str(params[modeName]) === 'any' || (params[modeName] === undefined && params[listName] === undefined));
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

const loggingChecker: Checker = {
  covers: () => true,
  excess: (params) => (str(params.environments) === 'all' ? [broader('logs in all environments; debug (preview mode) is enough')] : []),
};

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
    covers: (params, r) => entries(params.allowedCookies).some((c) => c.name === r.key || c.name === '*'),
    excess: (params, rs) => entries(params.allowedCookies)
      .filter((c) => !rs.some((r) => r.key === c.name || c.name === '*'))
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

/** What a requirement asks, without where: the question GTM asks when the API runs. */
export type Need = Omit<Requirement, 'api' | 'line' | 'column'>;

/** Whether the declared permissions grant one need (GTM's run-time question). */
export function isGranted(declared: readonly Permission[], need: Need): boolean {
  const checker = CHECKERS[need.permission] ?? wholeChecker;
  const r = { ...need, api: '', line: 0, column: 0 };
  return declared.some((p) => p.publicId === need.permission && checker.covers(p.params, r));
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
      line: r.line, column: r.column, rule: 'permission-missing', permission: r.permission,
      message: r.api + ' needs ' + r.permission + (what ? ' (' + what + ')' : '') + ', but ' + r.permission + reason
        + ' in ___WEB_PERMISSIONS___; GTM refuses it at run time',
    });
  }
  const unresolved = new Set<string>(usage.unresolved ?? []);
  for (const p of declared) {
    if (unresolved.has(p.publicId)) continue;
    const rs = usage.requirements.filter((r) => r.permission === p.publicId);
    if (!rs.length) {
      problems.push({ rule: 'permission-unused', permission: p.publicId, message: p.publicId + ' is declared but the code never needs it' });
      continue;
    }
    for (const excess of (CHECKERS[p.publicId] ?? wholeChecker).excess(p.params, rs)) {
      problems.push({ rule: excess.broader ? 'permission-broader' : 'permission-unused', permission: p.publicId, message: p.publicId + ' ' + excess.text });
    }
  }
  return problems;
}
