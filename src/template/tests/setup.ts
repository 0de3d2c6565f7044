// ___TESTS___ setup, run before every scenario: a page made of mocks (window paths → values),
// a record of every call the template makes into it, and the data a tag gets by default.
// Every API that touches the page is mocked and answers synchronously, so the scenarios run the
// same in GTM's editor and in `gtm-tpl test` (unmocked runs are in test/template/*.test.ts).
import { mock, mockObject } from 'gtm-sandbox/test';
import { getType } from 'gtm-sandbox';

/** The page: a window path ('analytics.identify') → its value; functions are page functions. */
export const page: { [path: string]: unknown } = {};
/** Every call into the page, in order: [api, path or URL, …arguments]. */
export const calls: unknown[][] = [];
/** logToConsole lines. */
export const logs: unknown[] = [];
/** localStorage contents. */
export const stored: { [key: string]: unknown } = {};
/** Script URL → what loading it does to the page ('fail' or a function); anything else loads. */
export const scripts: { [url: string]: unknown } = {};
/** The data layer as copyFromDataLayer sees it (dotted keys as GTM reads them). */
export const dataLayer: { [key: string]: unknown } = {};
/** Consent types set to false are denied; everything else is granted (GTM: unset = granted). */
export const consentState: { [type: string]: unknown } = {};
export const consentListeners: { type: string; listener: (type: string, granted: boolean) => void }[] = [];
export const clock = { now: 1700000000000 };

/** Real SHA-256 digests (hex) of the inputs the scenarios hash. */
export const SHA256: { [input: string]: string } = {
  'u-1': 'a24a7f55f278dd49fb1f99c5507800cb198a5bfe10fe2126cd0b25672152b0da',
  'ann@example.com': '71d4f55f72fa128dfb468a1a3901507c804b74316488744d769d7f4b16696476',
};

function record(entry: unknown[]): void {
  while (entry.length > 0 && entry[entry.length - 1] === undefined) entry.pop();
  calls.push(entry);
}

/** The recorded calls of one API. */
export function callsOf(api: string): unknown[][] {
  return calls.filter((entry) => entry[0] === api);
}

/** `count` times `letter`: long texts for the length limits. */
export function letters(count: number, letter: string): string {
  let out = '';
  for (let i = 0; i < count; i++) out = out + letter;
  return out;
}

/** Grants a consent type and tells the listeners, as a consent banner would. */
export function grant(type: string): void {
  consentState[type] = true;
  consentListeners.forEach((entry) => {
    if (entry.type === type) entry.listener(type, true);
  });
}

/** The data of a tag with GTM's defaults, then `fields` over them. */
export function tag(fields: { [name: string]: unknown }): { [name: string]: unknown } {
  const out: { [name: string]: unknown } = {
    action: 'identify', event: 'identify', userIdHash: 'none', useEmailAsUserId: false,
    sendSegment: false, segmentLoadScript: false,
    sendCustomerio: false, customerioGlobal: 'cioanalytics', customerioLoadScript: false, customerioRegion: 'us',
    sendGist: false, gistLoadScript: false, gistOverwriteTags: false, gistWaitMs: '5000',
    sendMutiny: false,
    sendConnecto: false, connectoLoadScript: false, connectoWaitMs: '5000',
    sendAntsomi: false, antsomiLoadScript: false, antsomiCustomerIdFrom: 'email', antsomiCustomerIdHash: 'md5', antsomiCustomerIdEmail: 'lowercase', antsomiVocabulary: 'template',
    consentRequired: false, consentType: 'analytics_storage', consentWhenDenied: 'drop', dedupe: false,
  };
  for (let name in fields) out[name] = fields[name];
  return out;
}

/** Records a call made to a page function and answers from it. */
export function pageFunction(path: string, answer: unknown): void {
  page[path] = function (a: unknown, b: unknown, c: unknown) {
    record(['page', path, a, b, c]);
    return answer;
  };
}

mock('getContainerVersion', () => ({
  containerId: 'GTM-TEST', version: 'QUICK_PREVIEW', environmentName: '', environmentMode: false, debugMode: true, previewMode: true,
}));
mock('logToConsole', (line: unknown) => {
  logs.push(line);
});
mock('copyFromWindow', (path: string) => page[path]);
mock('callInWindow', (path: string, a: unknown, b: unknown, c: unknown, d: unknown) => {
  record(['callInWindow', path, a, b, c, d]);
  const fn = page[path];
  return getType(fn) === 'function' ? (fn as (w: unknown, x: unknown, y: unknown, z: unknown) => unknown)(a, b, c, d) : undefined;
});
mock('setInWindow', (path: string, value: unknown, override: boolean) => {
  record(['setInWindow', path, value]);
  if (page[path] !== undefined && override !== true) return false;
  page[path] = value;
  return true;
});
mock('createQueue', (path: string) => {
  record(['createQueue', path]);
  if (getType(page[path]) !== 'array') page[path] = [];
  const queue = page[path] as unknown[];
  return (item: unknown) => {
    queue.push(item);
  };
});
mock('createArgumentsQueue', (fnPath: string, arrayPath: string) => {
  record(['createArgumentsQueue', fnPath, arrayPath]);
  if (getType(page[arrayPath]) !== 'array') page[arrayPath] = [];
  const queue = page[arrayPath] as unknown[];
  page[fnPath] = (a: unknown, b: unknown, c: unknown) => {
    queue.push([a, b, c]);
  };
  return page[fnPath];
});
mock('aliasInWindow', (toPath: string, fromPath: string) => {
  record(['aliasInWindow', toPath, fromPath]);
  page[toPath] = page[fromPath];
  return true;
});
mock('injectScript', (url: string, onSuccess: () => void, onFailure: () => void) => {
  record(['injectScript', url]);
  const behaviour = scripts[url];
  if (behaviour === 'fail') return onFailure();
  if (getType(behaviour) === 'function') (behaviour as () => void)();
  onSuccess();
});
mock('callLater', (fn: () => void) => fn());
mock('getTimestampMillis', () => {
  clock.now = clock.now + 100;
  return clock.now;
});
mock('sha256', (input: string, onSuccess: (digest: string) => void, onFailure: () => void, options: unknown) => {
  record(['sha256', input, options]);
  if (SHA256[input] === undefined) return onFailure();
  onSuccess(SHA256[input]);
});
mock('copyFromDataLayer', (key: string) => dataLayer[key]);
mock('isConsentGranted', (type: string) => consentState[type] !== false);
mock('addConsentListener', (consentType: string, onChange: (type: string, granted: boolean) => void) => {
  consentListeners.push({ type: consentType, listener: onChange });
});
mockObject('localStorage', {
  getItem: (key: string) => (getType(stored[key]) === 'string' ? stored[key] : null),
  setItem: (key: string, value: string) => {
    stored[key] = value;
    return true;
  },
  removeItem: (key: string) => {
    stored[key] = null;
  },
});
