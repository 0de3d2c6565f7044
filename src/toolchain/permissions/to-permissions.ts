// Usage → the exact ___WEB_PERMISSIONS___ entries it needs, least privilege, in a stable order
// (by publicId, keys sorted). Parameter names and shapes are those of real GTM exports
// (docs/reference/gtm-template-format.md#apis-and-permissions): e.g. get_cookies {cookieAccess:
// 'specific', cookieNames}, read_data_layer {allowedKeys: 'specific', keyPatterns}, access_globals
// {keys: [{key, read, write, execute}]}.
import type { PermissionId } from '../../sandbox/apis';
import type { Permission, PlainValue } from './codec';
import { URL_COMPONENTS, type Requirement, type Usage } from './usage';

type Params = { [key: string]: PlainValue };

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

function keysOf(rs: Requirement[]): string[] {
  return sorted(rs.filter((r) => r.key !== undefined && !r.anyKey).map((r) => r.key as string));
}

/** One entry per key with the access flags OR-ed together. */
function accessList(rs: Requirement[], keyName: string, flags: readonly ('read' | 'write' | 'execute')[]): PlainValue[] {
  return keysOf(rs).map((key) => {
    const entry: Params = { [keyName]: key };
    for (const flag of flags) entry[flag] = rs.some((r) => r.key === key && r.access === flag);
    return entry;
  });
}

/** `{[mode]: 'any'}` when some use takes any key, else `{[mode]: 'specific', [list]: keys}`. */
function anyOrSpecific(rs: Requirement[], mode: string, list: string): Params {
  return rs.some((r) => r.anyKey) ? { [mode]: 'any' } : { [mode]: 'specific', [list]: keysOf(rs) };
}

/** get_url / get_referrer: the components read and, for the query, which keys. */
function urlParams(rs: Requirement[]): Params {
  if (rs.some((r) => r.key === undefined || r.anyKey)) return { urlParts: 'any', queriesAllowed: 'any' };
  const params: Params = { urlParts: 'specific' };
  for (const component of URL_COMPONENTS) if (rs.some((r) => r.key === component)) params[component] = true;
  const queries = rs.filter((r) => r.key === 'query');
  if (queries.length) {
    if (queries.some((r) => r.anyQueryKey)) {
      params.queriesAllowed = 'any';
    } else {
      params.queriesAllowed = 'specific';
      params.queryKeys = sorted(queries.map((r) => r.queryKey as string));
    }
  }
  return params;
}

function paramsFor(permission: PermissionId, rs: Requirement[]): Params {
  switch (permission) {
    case 'access_globals': return { keys: accessList(rs, 'key', ['read', 'write', 'execute']) };
    case 'access_local_storage': return { keys: accessList(rs, 'key', ['read', 'write']) };
    case 'access_consent': return { consentTypes: accessList(rs, 'consentType', ['read', 'write']) };
    case 'inject_script':
    case 'inject_hidden_iframe': return { urls: keysOf(rs) };
    case 'send_pixel': return anyOrSpecific(rs, 'allowedUrls', 'urls');
    case 'get_cookies': return anyOrSpecific(rs, 'cookieAccess', 'cookieNames');
    case 'read_data_layer': return anyOrSpecific(rs, 'allowedKeys', 'keyPatterns');
    case 'write_data_layer': return { keyPatterns: keysOf(rs) };
    // Any domain, path, secure flag and lifetime: setCookie's options are not derived.
    case 'set_cookies': return { allowedCookies: keysOf(rs).map((name) => ({ name, domain: '*', path: '*', secure: 'any', session: 'any' })) };
    case 'get_url':
    case 'get_referrer': return urlParams(rs);
    // The template logs only in preview/debug mode (brief, "Permissions derived from code").
    case 'logging': return { environments: 'debug' };
    default: return {};
  }
}

/** The plain Permission[] (codec.ts shape) that `usage` needs and nothing more. */
export function toPermissions(usage: Usage): Permission[] {
  const byPermission = new Map<PermissionId, Requirement[]>();
  for (const r of usage.requirements) byPermission.set(r.permission, [...(byPermission.get(r.permission) ?? []), r]);
  return sorted(byPermission.keys()).map((id) => {
    const params = paramsFor(id as PermissionId, byPermission.get(id as PermissionId) ?? []);
    // GTM's editor marks a permission with settings as edited by the user; parameterless ones carry no annotation.
    const annotations = Object.keys(params).length ? { clientAnnotations: { isEditedByUser: true } } : {};
    return { publicId: id, versionId: '1', params, ...annotations, isRequired: true };
  });
}
