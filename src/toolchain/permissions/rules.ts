// Which permission (and which access) each web API argument needs. Sources:
// - Google's permissions page, https://developers.google.com/tag-platform/tag-manager/templates/permissions
//   ("Required by" and query signature of every permission);
// - Google's API page, https://developers.google.com/tag-platform/tag-manager/templates/api, as
//   mirrored entry by entry in stape-io/google-tag-manager-apis-intellisense (web-gtm-sandboxed-apis.d.ts):
//   createQueue and createArgumentsQueue need read+write on every key; localStorage.getItem needs
//   read, setItem and removeItem write; isConsentGranted needs read, setDefaultConsentState and
//   updateConsentState write on every consent type of the object; getQueryParameters needs the
//   query component and the key; gtagSet checks write_data_layer on every flattened key.
// Inferred (Google does not say): aliasInWindow needs write on toPath — every Facebook-pixel
// style export declares `_fbq` write-only for aliasInWindow('_fbq', 'fbq') — and read on fromPath.
import type { PermissionId } from '../../sandbox/apis';
import { URL_COMPONENTS, type Access } from './usage';

export interface KeyedArgument {
  index: number;
  /** The parameter name, as in Google's API reference, for messages. */
  name: string;
  access?: readonly Access[];
  /** A URL: resolved to a URL match pattern, unresolvable parts becoming wildcards. */
  url?: boolean;
}

export type ApiRule =
  /** Needs the permission whenever used; no argument matters. */
  | { kind: 'plain'; permission: PermissionId }
  /** Arguments that are keys (or URLs) of the permission. */
  | { kind: 'keyed'; permission: PermissionId; args: readonly KeyedArgument[] }
  /** getUrl & co., gtagSet, the consent-state setters: handled in requirements.ts. */
  | { kind: 'url-component'; permission: 'get_url' | 'get_referrer'; queryKeyArgument?: number; components: readonly string[] }
  | { kind: 'query-key'; permission: 'get_url' | 'get_referrer' }
  | { kind: 'data-layer-write' }
  | { kind: 'consent-write' };

const keyed = (permission: PermissionId, ...args: KeyedArgument[]): ApiRule => ({ kind: 'keyed', permission, args });
const arg = (index: number, name: string, ...access: Access[]): KeyedArgument => ({ index, name, access: access.length ? access : undefined });
const url = (index: number, name: string): KeyedArgument => ({ index, name, url: true });
const plain = (permission: PermissionId): ApiRule => ({ kind: 'plain', permission });

/** Rules of function APIs, by API name (APIs missing here need no permission). */
export const FUNCTION_RULES: Readonly<Record<string, ApiRule>> = {
  addConsentListener: keyed('access_consent', arg(0, 'consentType', 'read')),
  addEventCallback: plain('read_event_metadata'),
  aliasInWindow: keyed('access_globals', arg(0, 'toPath', 'write'), arg(1, 'fromPath', 'read')),
  callInWindow: keyed('access_globals', arg(0, 'pathToFunction', 'execute')),
  copyFromDataLayer: keyed('read_data_layer', arg(0, 'key')),
  copyFromWindow: keyed('access_globals', arg(0, 'key', 'read')),
  createArgumentsQueue: keyed('access_globals', arg(0, 'fnKey', 'read', 'write'), arg(1, 'arrayKey', 'read', 'write')),
  createQueue: keyed('access_globals', arg(0, 'arrayKey', 'read', 'write')),
  getContainerVersion: plain('read_container_data'),
  getCookieValues: keyed('get_cookies', arg(0, 'name')),
  getQueryParameters: { kind: 'query-key', permission: 'get_url' },
  getReferrerQueryParameters: { kind: 'query-key', permission: 'get_referrer' },
  getReferrerUrl: { kind: 'url-component', permission: 'get_referrer', components: URL_COMPONENTS.filter((c) => c !== 'fragment') },
  getUrl: { kind: 'url-component', permission: 'get_url', queryKeyArgument: 3, components: URL_COMPONENTS },
  gtagSet: { kind: 'data-layer-write' },
  injectHiddenIframe: keyed('inject_hidden_iframe', url(0, 'url')),
  injectScript: keyed('inject_script', url(0, 'url')),
  isConsentGranted: keyed('access_consent', arg(0, 'consentType', 'read')),
  logToConsole: plain('logging'),
  readAnalyticsStorage: plain('read_analytics_storage'),
  readCharacterSet: plain('read_character_set'),
  readTitle: plain('read_title'),
  sendPixel: keyed('send_pixel', url(0, 'url')),
  setCookie: keyed('set_cookies', arg(0, 'name')),
  setDefaultConsentState: { kind: 'consent-write' },
  setInWindow: keyed('access_globals', arg(0, 'key', 'write')),
  updateConsentState: { kind: 'consent-write' },
};

/** Rules of object API members, by API then member. */
export const MEMBER_RULES: Readonly<Record<string, Readonly<Record<string, ApiRule>>>> = {
  localStorage: {
    getItem: keyed('access_local_storage', arg(0, 'key', 'read')),
    setItem: keyed('access_local_storage', arg(0, 'key', 'write')),
    removeItem: keyed('access_local_storage', arg(0, 'key', 'write')),
  },
  templateStorage: {
    getItem: plain('access_template_storage'),
    setItem: plain('access_template_storage'),
    removeItem: plain('access_template_storage'),
    clear: plain('access_template_storage'),
  },
};

/** Permissions whose parameters have an "any" setting, so `permit(v, '*')` can be declared. */
export const ANY_GRANTABLE: ReadonlySet<PermissionId> = new Set<PermissionId>(['get_cookies', 'read_data_layer', 'send_pixel', 'get_url', 'get_referrer']);

/**
 * Keys of a consent-state object that are not consent types. Inferred: Cookiebot's gallery
 * template passes `region` and `wait_for_update` and declares write only for wait_for_update.
 */
export const CONSENT_SETTINGS_KEYS: ReadonlySet<string> = new Set(['region']);

/** The permission a rule guards. */
export function permissionOf(rule: ApiRule): PermissionId {
  switch (rule.kind) {
    case 'data-layer-write': return 'write_data_layer';
    case 'consent-write': return 'access_consent';
    default: return rule.permission;
  }
}

/** Whether a rule reads a key from its arguments (such an API cannot be passed around as a value). */
export function isKeyedRule(rule: ApiRule): boolean {
  return rule.kind !== 'plain';
}
