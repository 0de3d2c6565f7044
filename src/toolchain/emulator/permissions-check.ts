// Enforcement of ___WEB_PERMISSIONS___ for un-mocked API calls, and the answers of
// queryPermission (same rules, one source). Argument order follows GTM's query signatures
// (permissions page): access_globals ('read'|'write'|'readwrite'|'execute', key),
// access_local_storage ('read'|'write'|'readwrite', key), access_consent (type, 'read'|'write'),
// get_url/get_referrer (component?, queryKey?), get_cookies (name), set_cookies (name, options),
// inject_script/send_pixel/inject_hidden_iframe (url), read_data_layer/write_data_layer (key),
// the parameterless ones ().
import type { Permission, PlainValue } from '../permissions/codec';
import { PermissionError } from './errors';
import { matchesAnyUrlPattern } from './url-patterns';

type Params = { [key: string]: PlainValue };
type Entry = Record<string, PlainValue>;
/** Returns why access is refused, or undefined when it is allowed. */
type Rule = (params: Params, args: unknown[], debugMode: boolean) => string | undefined;

const q = (value: unknown): string => `'${String(value)}'`;
const list = (params: Params, key: string): PlainValue[] => (Array.isArray(params[key]) ? (params[key] as PlainValue[]) : []);
const entries = (params: Params, key: string): Entry[] =>
  list(params, key).filter((item): item is Entry => typeof item === 'object' && item !== null && !Array.isArray(item));

function keyedAccess(listKey: string, nameKey: string, kinds: readonly string[]): Rule {
  return (params, [access, key]) => {
    const wanted = access === 'readwrite' ? ['read', 'write'] : [String(access)];
    if (!wanted.every((kind) => kinds.includes(kind))) return `unknown access type ${q(access)}`;
    const granting = entries(params, listKey).filter((entry) => entry[nameKey] === key);
    const missing = wanted.filter((kind) => !granting.some((entry) => entry[kind] === true));
    return missing.length ? `${q(key)} needs ${missing.join(' and ')}` : undefined;
  };
}

/** 'user.*' allows 'user' and everything below it; other patterns are exact keys. */
function keyPatternMatches(pattern: string, key: string): boolean {
  if (pattern === key) return true;
  if (!pattern.endsWith('.*')) return false;
  const prefix = pattern.slice(0, -2);
  return key === prefix || key.startsWith(`${prefix}.`);
}

const keyPatterns = (anyKey?: string): Rule => (params, [key]) => {
  if (anyKey && params[anyKey] === 'any') return undefined;
  const allowed = list(params, 'keyPatterns').some((pattern) => keyPatternMatches(String(pattern), String(key)));
  return allowed ? undefined : `${q(key)} is not an allowed key`;
};

const urlList = (anyKey?: string): Rule => (params, [url]) => {
  if (anyKey && params[anyKey] === 'any') return undefined;
  const patterns = list(params, 'urls').map(String);
  return matchesAnyUrlPattern(String(url), patterns) ? undefined : `${q(url)} matches no allowed URL pattern`;
};

const URL_COMPONENTS = ['protocol', 'host', 'port', 'path', 'query', 'extension', 'fragment'];

/** get_url and get_referrer: urlParts any|specific (+ one boolean per component), queriesAllowed any|specific (+ queryKeys). */
const urlParts: Rule = (params, [component, queryKey]) => {
  const anyPart = params.urlParts === 'any';
  if (component === undefined) return anyPart ? undefined : 'the full URL needs urlParts "any"';
  if (!URL_COMPONENTS.includes(String(component))) return `unknown URL component ${q(component)}`;
  if (!anyPart && params[String(component)] !== true) return `URL component ${q(component)} is not allowed`;
  if (component !== 'query' || params.queriesAllowed !== 'specific') return undefined;
  if (queryKey === undefined) return 'the whole query needs queriesAllowed "any"';
  return list(params, 'queryKeys').includes(String(queryKey)) ? undefined : `query key ${q(queryKey)} is not allowed`;
};

const getCookies: Rule = (params, [name]) =>
  params.cookieAccess === 'any' || list(params, 'cookieNames').includes(String(name)) ? undefined : `cookie ${q(name)} is not allowed`;

function cookieRuleAllows(entry: Entry, options: Record<string, unknown>): boolean {
  const domain = String(options.domain ?? 'auto').replace(/^\./, '').toLowerCase();
  const path = String(options.path ?? '/');
  const session = options['max-age'] === undefined && options.expires === undefined;
  if (entry.domain !== '*' && String(entry.domain).replace(/^\./, '').toLowerCase() !== domain) return false;
  if (entry.path !== '*' && entry.path !== path) return false;
  if (entry.secure === 'secure' && options.secure !== true) return false;
  if (entry.secure === 'non_secure' && options.secure === true) return false;
  if (entry.session === 'session' && !session) return false;
  if (entry.session === 'non_session' && session) return false;
  return true;
}

const setCookies: Rule = (params, [name, options]) => {
  const opts = (typeof options === 'object' && options !== null ? options : {}) as Record<string, unknown>;
  const allowed = entries(params, 'allowedCookies').some((entry) => entry.name === name && cookieRuleAllows(entry, opts));
  return allowed ? undefined : `cookie ${q(name)} is not allowed with these options`;
};

const declaredOnly: Rule = () => undefined;

const logging: Rule = (params, _args, debugMode) =>
  params.environments === 'all' || debugMode ? undefined : 'logging is allowed in debug mode only';

const consentAccess = keyedAccess('consentTypes', 'consentType', ['read', 'write']);

const RULES: Record<string, Rule> = {
  access_globals: keyedAccess('keys', 'key', ['read', 'write', 'execute']),
  access_local_storage: keyedAccess('keys', 'key', ['read', 'write']),
  access_consent: (params, [type, access], debugMode) => consentAccess(params, [access, type], debugMode),
  access_template_storage: declaredOnly,
  get_cookies: getCookies,
  get_referrer: urlParts,
  get_url: urlParts,
  inject_hidden_iframe: urlList(),
  inject_script: urlList(),
  logging,
  read_analytics_storage: declaredOnly,
  read_character_set: declaredOnly,
  read_container_data: declaredOnly,
  read_data_layer: keyPatterns('allowedKeys'),
  read_event_metadata: declaredOnly,
  read_title: declaredOnly,
  send_pixel: urlList('allowedUrls'),
  set_cookies: setCookies,
  write_data_layer: keyPatterns(),
};

export class PermissionChecker {
  constructor(private readonly permissions: readonly Permission[], private readonly debugMode: () => boolean) {}

  declared(id: string): boolean {
    return this.permissions.some((permission) => permission.publicId === id);
  }

  /** Why the template may not do this (undefined when it may). */
  refusal(id: string, args: unknown[]): string | undefined {
    const rule = RULES[id];
    if (!rule) return `unknown permission ${q(id)}`;
    const declared = this.permissions.filter((permission) => permission.publicId === id);
    if (declared.length === 0) {
      // Keep the reason that names the key or URL, and say that the permission is missing.
      const missing = `the template does not declare ${id}`;
      const reason = args.length > 0 ? rule({}, args, this.debugMode()) : undefined;
      return reason === undefined ? missing : `${reason} (${missing})`;
    }
    let reason: string | undefined;
    for (const permission of declared) {
      reason = rule(permission.params, args, this.debugMode());
      if (reason === undefined) return undefined;
    }
    return reason;
  }

  allows(id: string, ...args: unknown[]): boolean {
    return this.refusal(id, args) === undefined;
  }

  /** Throws a PermissionError naming the permission when the access is refused. */
  enforce(id: string, ...args: unknown[]): void {
    const reason = this.refusal(id, args);
    if (reason !== undefined) throw new PermissionError(id, reason);
  }
}
