// What sandboxed code needs from ___WEB_PERMISSIONS___, one requirement per thing it touches,
// and the problems found while deriving or checking it.
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { PermissionId } from '../../sandbox/apis';

export type Access = 'read' | 'write' | 'execute';

/** URL components getUrl accepts; getReferrerUrl accepts the same without 'fragment'. */
export const URL_COMPONENTS = ['protocol', 'host', 'port', 'path', 'query', 'extension', 'fragment'] as const;
export type UrlComponent = (typeof URL_COMPONENTS)[number];

/** One thing the code does that GTM checks at run time, with where it does it. */
export interface Requirement {
  permission: PermissionId;
  /**
   * What is touched: a window path, storage key, consent type, cookie name, data layer key, URL
   * pattern, or the URL component for get_url/get_referrer. Absent: the permission as a whole
   * (logging, read_title …) or, for get_url/get_referrer, the whole URL.
   */
  key?: string;
  /** The key is chosen at run time from any string (`permit(value, '*')`). */
  anyKey?: boolean;
  /** access_globals, access_local_storage, access_consent. */
  access?: Access;
  /** get_url/get_referrer query component: the query key read. */
  queryKey?: string;
  /** get_url/get_referrer query component read whole, or a query key chosen at run time. */
  anyQueryKey?: boolean;
  /** The API call that needs it, for messages. */
  api: string;
  /** 1-based position of the argument (or call) in the analysed code. */
  line: number;
  column: number;
}

export interface Usage {
  requirements: Requirement[];
  /**
   * Permissions also used in ways the deriver could not resolve (each reported as a problem):
   * their requirements are incomplete, so the check does not call their declared keys unused.
   */
  unresolved?: PermissionId[];
  /**
   * Permissions the code asks GTM about at run time (queryPermission guards) for keys the code
   * does not carry, when no declaration of those keys was given (e.g. linting a .tpl alone):
   * the check does not call their declared keys unused.
   */
  queried?: PermissionId[];
}

/**
 * A derivation or check problem: line and column are 1-based in the analysed code (absent for
 * problems on the declared permissions); `about` names the permission concerned, so a lint can
 * place declared-side problems. The caller adds the file.
 */
export type Problem = Diagnostic & { rule: ProblemRule };

export type ProblemRule =
  | 'syntax-error' // the code does not parse
  | 'unresolvable-argument' // a keyed argument the deriver cannot resolve and that is not permit()-wrapped
  | 'require-non-literal' // require(x) with x not a string literal
  | 'unknown-api' // require('name') of an API the web sandbox does not have
  | 'untracked-api-use' // a keyed API used as a value: its calls cannot be followed
  | 'url-not-literal-host' // a URL whose scheme or host is not literal
  | 'url-not-https' // a literal http:// URL
  | 'not-grantable' // permit(v, '*') where GTM has no "any" option
  | 'guard-mismatch' // a queryPermission guard asks about another permission than the API needs
  | 'guard-undeclared' // a guarded argument of an API for which the template declares no keys
  | 'permission-missing' // the code needs it; the template does not declare it
  | 'permission-unused' // declared, never needed
  | 'permission-broader'; // declared "any" (or all environments) where specific use suffices

/** Requirement identity for de-duplication: same permission, key and access. */
export function requirementId(r: Requirement): string {
  return [r.permission, r.access ?? '', r.anyKey ? '*any*' : r.key ?? '', r.anyQueryKey ? '*any*' : r.queryKey ?? ''].join('\u0000');
}
