// Enforcement of ___WEB_PERMISSIONS___ for un-mocked API calls, and the answers of
// queryPermission. Whether a use is granted is decided by permissions/check.ts isGranted (the
// same answer the static check gives); this module only turns a call's arguments into the needs
// GTM checks and words the refusal. Argument order follows GTM's query signatures (permissions
// page): access_globals ('read'|'write'|'readwrite'|'execute', key), access_local_storage
// ('read'|'write'|'readwrite', key), access_consent (type, 'read'|'write'), get_url/get_referrer
// (component?, queryKey?), get_cookies (name), set_cookies (name, options),
// inject_script/send_pixel/inject_hidden_iframe (url), read_data_layer/write_data_layer (key),
// the parameterless ones ().
import { isGranted, type Need } from '../permissions/check';
import type { Permission } from '../permissions/codec';
import { URL_COMPONENTS, type Access } from '../permissions/usage';
import type { PermissionId } from '../../sandbox/apis';
import { isObject } from '../../sandbox/object';
import { PermissionError } from './errors';

/** The needs one call asks for, and how to word the refusal of those not granted. */
interface Question {
  needs: Need[];
  /** Why access is refused, given the needs not granted; undefined for the bare "not declared". */
  reason(missing: Need[]): string | undefined;
  /** The reason only makes sense once the permission is declared (logging's environments). */
  declaredOnly?: boolean;
}

/** Turns a call's arguments into a Question, or a string when the arguments are malformed. */
type Asker = (args: unknown[]) => Question | string;

const q = (value: unknown): string => `'${String(value)}'`;

function keyedAccess(id: PermissionId, kinds: readonly Access[]): (access: unknown, key: unknown) => Question | string {
  return (access, key) => {
    const wanted = access === 'readwrite' ? ['read', 'write'] : [String(access)];
    if (!wanted.every((kind) => (kinds as readonly string[]).includes(kind))) return `unknown access type ${q(access)}`;
    return {
      needs: wanted.map((kind) => ({ permission: id, key: String(key), access: kind as Access })),
      reason: (missing) => `${q(key)} needs ${missing.map((need) => need.access).join(' and ')}`,
    };
  };
}

const single = (id: PermissionId, reason: (key: string) => string): Asker => ([key]) => ({
  needs: [{ permission: id, key: String(key) }],
  reason: () => reason(String(key)),
});

const whole = (id: PermissionId): Asker => () => ({ needs: [{ permission: id }], reason: () => undefined });

/** get_url and get_referrer: the whole URL, one component, or one query key. */
const urlParts = (id: PermissionId): Asker => ([component, queryKey]) => {
  if (component === undefined) {
    return { needs: [{ permission: id }], reason: () => 'the full URL needs urlParts and queriesAllowed "any"' };
  }
  const name = String(component);
  if (!(URL_COMPONENTS as readonly string[]).includes(name)) return `unknown URL component ${q(component)}`;
  if (name !== 'query') return { needs: [{ permission: id, key: name }], reason: () => `URL component ${q(name)} is not allowed` };
  if (queryKey === undefined) {
    return { needs: [{ permission: id, key: name, anyQueryKey: true }], reason: () => 'the whole query needs the query component and queriesAllowed "any"' };
  }
  return { needs: [{ permission: id, key: name, queryKey: String(queryKey) }], reason: () => `query key ${q(queryKey)} is not allowed` };
};

const url = (id: PermissionId): Asker => single(id, (value) => `${q(value)} matches no allowed URL pattern`);
const dataLayerKey = (id: PermissionId): Asker => single(id, (key) => `${q(key)} is not an allowed key`);
const globals = keyedAccess('access_globals', ['read', 'write', 'execute']);
const localStorage = keyedAccess('access_local_storage', ['read', 'write']);
const consent = keyedAccess('access_consent', ['read', 'write']);

const ASKERS: Record<PermissionId, (args: unknown[], debugMode: boolean) => Question | string> = {
  access_globals: ([access, key]) => globals(access, key),
  access_local_storage: ([access, key]) => localStorage(access, key),
  access_consent: ([type, access]) => consent(access, type),
  access_template_storage: whole('access_template_storage'),
  get_cookies: single('get_cookies', (name) => `cookie ${q(name)} is not allowed`),
  get_referrer: urlParts('get_referrer'),
  get_url: urlParts('get_url'),
  inject_hidden_iframe: url('inject_hidden_iframe'),
  inject_script: url('inject_script'),
  logging: (_args, debugMode) => ({
    needs: [{ permission: 'logging', debugMode }], reason: () => 'logging is allowed in debug mode only', declaredOnly: true,
  }),
  read_analytics_storage: whole('read_analytics_storage'),
  read_character_set: whole('read_character_set'),
  read_container_data: whole('read_container_data'),
  read_data_layer: dataLayerKey('read_data_layer'),
  read_event_metadata: whole('read_event_metadata'),
  read_title: whole('read_title'),
  send_pixel: url('send_pixel'),
  set_cookies: ([name, options]) => ({
    needs: [{ permission: 'set_cookies', key: String(name), cookieOptions: typeof options === 'object' && options !== null ? (options as Need['cookieOptions']) : {} }],
    reason: () => `cookie ${q(name)} is not allowed with these options`,
  }),
  write_data_layer: dataLayerKey('write_data_layer'),
};

/**
 * A cookie permission entry named `*` covers the cookie called `*` only [INF: neither Google's
 * permissions page nor any of 25 published templates with tests shows a wildcard cookie name;
 * the stricter reading], so a refusal under such an entry says what to change.
 */
function starCookieHint(permissions: readonly Permission[], id: string): string {
  const params = permissions.find((permission) => permission.publicId === id)?.params;
  const names = id === 'get_cookies' ? params?.cookieNames : id === 'set_cookies' ? params?.allowedCookies : undefined;
  const star = Array.isArray(names) && names.some((entry) => entry === '*' || (isObject(entry) && entry.name === '*'));
  return star ? "; a cookie entry named '*' allows only a cookie called '*', not every name: list each cookie name the template uses" : '';
}

export class PermissionChecker {
  constructor(private readonly permissions: readonly Permission[], private readonly debugMode: () => boolean) {}

  declared(id: string): boolean {
    return this.permissions.some((permission) => permission.publicId === id);
  }

  /** Why the template may not do this (undefined when it may). */
  refusal(id: string, args: unknown[]): string | undefined {
    const ask = Object.prototype.hasOwnProperty.call(ASKERS, id) ? ASKERS[id as PermissionId] : undefined;
    if (!ask) return `unknown permission ${q(id)}`;
    const question = ask(args, this.debugMode());
    if (typeof question === 'string') return question;
    const missing = question.needs.filter((need) => !isGranted(this.permissions, need));
    if (missing.length === 0) return undefined;
    const reason = question.reason(missing);
    if (this.declared(id)) return (reason ?? `the template does not grant ${id}`) + starCookieHint(this.permissions, id);
    // Keep the reason that names the key or URL, and say that the permission is missing.
    const notDeclared = `the template does not declare ${id}`;
    return reason === undefined || question.declaredOnly ? notDeclared : `${reason} (${notDeclared})`;
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
