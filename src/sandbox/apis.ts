// The web sandbox's `require`-able APIs
// (docs/reference/gtm-template-format.md#apis-and-permissions): one entry per name, saying whether
// it is a function or an object (and the object's members). The gate, the permission deriver and
// the emulator all read this table; which permission each API needs, and for which arguments, is
// said once, in src/toolchain/permissions/rules.ts.
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
}

const fn = (): ApiSpec => ({ kind: 'function' });
const obj = (members: readonly string[]): ApiSpec => ({ kind: 'object', members });

export const WEB_APIS: Readonly<Record<string, ApiSpec>> = {
  addConsentListener: fn(),
  addEventCallback: fn(),
  aliasInWindow: fn(),
  callInWindow: fn(),
  callLater: fn(),
  copyFromDataLayer: fn(),
  copyFromWindow: fn(),
  createArgumentsQueue: fn(),
  createQueue: fn(),
  decodeUri: fn(),
  decodeUriComponent: fn(),
  encodeUri: fn(),
  encodeUriComponent: fn(),
  fromBase64: fn(),
  generateRandom: fn(),
  getContainerVersion: fn(),
  getCookieValues: fn(),
  getQueryParameters: fn(),
  getReferrerQueryParameters: fn(),
  getReferrerUrl: fn(),
  getTimestamp: fn(),
  getTimestampMillis: fn(),
  getType: fn(),
  getUrl: fn(),
  gtagSet: fn(),
  injectHiddenIframe: fn(),
  injectScript: fn(),
  isConsentGranted: fn(),
  JSON: obj(MODULE_MEMBERS.JSON),
  localStorage: obj(['getItem', 'setItem', 'removeItem']),
  logToConsole: fn(),
  makeInteger: fn(),
  makeNumber: fn(),
  makeString: fn(),
  makeTableMap: fn(),
  Math: obj(MODULE_MEMBERS.Math),
  Object: obj(MODULE_MEMBERS.Object),
  parseUrl: fn(),
  queryPermission: fn(),
  readAnalyticsStorage: fn(),
  readCharacterSet: fn(),
  readTitle: fn(),
  sendPixel: fn(),
  setCookie: fn(),
  setDefaultConsentState: fn(),
  setInWindow: fn(),
  sha256: fn(),
  templateStorage: obj(['getItem', 'setItem', 'removeItem', 'clear']),
  toBase64: fn(),
  updateConsentState: fn(),
};

/** APIs that exist only inside ___TESTS___ (docs/reference/gtm-template-format.md#tests). */
export const TEST_APIS = ['runCode', 'mock', 'mockObject', 'assertApi', 'assertThat', 'fail'] as const;

export const isWebApi = (name: string): boolean => Object.prototype.hasOwnProperty.call(WEB_APIS, name);
