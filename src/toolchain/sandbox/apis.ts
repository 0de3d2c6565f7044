// The web sandbox's `require`-able APIs (reference §4): one entry per name, saying whether it is
// a function or an object (and the object's members) and which permission guards it. The gate,
// the permission deriver and the emulator all read this table; the argument-level permission
// rules live in src/toolchain/permissions/.
import { MODULE_MEMBERS } from './stdlib';

export type PermissionId =
  | 'access_consent' | 'access_globals' | 'access_local_storage' | 'access_template_storage'
  | 'get_cookies' | 'get_referrer' | 'get_url' | 'inject_hidden_iframe' | 'inject_script'
  | 'logging' | 'read_analytics_storage' | 'read_character_set' | 'read_container_data'
  | 'read_data_layer' | 'read_event_metadata' | 'read_title' | 'send_pixel' | 'set_cookies'
  | 'write_data_layer';

export interface ApiSpec {
  kind: 'function' | 'object';
  /** Members of an object API. */
  members?: readonly string[];
  /** The permission GTM checks when the API runs (undefined: none). */
  permission?: PermissionId;
}

const fn = (permission?: PermissionId): ApiSpec => ({ kind: 'function', permission });
const obj = (members: readonly string[], permission?: PermissionId): ApiSpec => ({ kind: 'object', members, permission });

export const WEB_APIS: Readonly<Record<string, ApiSpec>> = {
  addConsentListener: fn('access_consent'),
  addEventCallback: fn('read_event_metadata'),
  aliasInWindow: fn('access_globals'),
  callInWindow: fn('access_globals'),
  callLater: fn(),
  copyFromDataLayer: fn('read_data_layer'),
  copyFromWindow: fn('access_globals'),
  createArgumentsQueue: fn('access_globals'),
  createQueue: fn('access_globals'),
  decodeUri: fn(),
  decodeUriComponent: fn(),
  encodeUri: fn(),
  encodeUriComponent: fn(),
  fromBase64: fn(),
  generateRandom: fn(),
  getContainerVersion: fn('read_container_data'),
  getCookieValues: fn('get_cookies'),
  getQueryParameters: fn('get_url'),
  getReferrerQueryParameters: fn('get_referrer'),
  getReferrerUrl: fn('get_referrer'),
  getTimestamp: fn(),
  getTimestampMillis: fn(),
  getType: fn(),
  getUrl: fn('get_url'),
  gtagSet: fn('write_data_layer'),
  injectHiddenIframe: fn('inject_hidden_iframe'),
  injectScript: fn('inject_script'),
  isConsentGranted: fn('access_consent'),
  JSON: obj(MODULE_MEMBERS.JSON),
  localStorage: obj(['getItem', 'setItem', 'removeItem'], 'access_local_storage'),
  logToConsole: fn('logging'),
  makeInteger: fn(),
  makeNumber: fn(),
  makeString: fn(),
  makeTableMap: fn(),
  Math: obj(MODULE_MEMBERS.Math),
  Object: obj(MODULE_MEMBERS.Object),
  parseUrl: fn(),
  queryPermission: fn(),
  readAnalyticsStorage: fn('read_analytics_storage'),
  readCharacterSet: fn('read_character_set'),
  readTitle: fn('read_title'),
  sendPixel: fn('send_pixel'),
  setCookie: fn('set_cookies'),
  setDefaultConsentState: fn('access_consent'),
  setInWindow: fn('access_globals'),
  sha256: fn(),
  templateStorage: obj(['getItem', 'setItem', 'removeItem', 'clear'], 'access_template_storage'),
  toBase64: fn(),
  updateConsentState: fn('access_consent'),
};

/** APIs that exist only inside ___TESTS___ (reference §4.1). */
export const TEST_APIS = ['runCode', 'mock', 'mockObject', 'assertApi', 'assertThat', 'fail'] as const;

export const isWebApi = (name: string): boolean => Object.prototype.hasOwnProperty.call(WEB_APIS, name);
