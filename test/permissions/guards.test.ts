// A keyed argument the code asks GTM about first (a queryPermission guard) needs no list in the
// code: the template's source declares its keys by API (DeriveOptions.queried, TemplateSource
// .queried), and from the code alone its permission is only known as queried.
import { describe, expect, it } from 'vitest';
import { checkPermissions } from '../../src/toolchain/permissions/check';
import { deriveUsage } from '../../src/toolchain/permissions/derive';
import { toPermissions } from '../../src/toolchain/permissions/to-permissions';
import type { Permission } from '../../src/toolchain/permissions/codec';

const HEAD = `const queryPermission = require('queryPermission');
const callInWindow = require('callInWindow');
const copyFromWindow = require('copyFromWindow');
const injectScript = require('injectScript');
const isConsentGranted = require('isConsentGranted');
const globalPath = (access, path) => queryPermission('access_globals', access, path) ? path : undefined;
function scriptUrl(url) { return queryPermission('inject_script', url) ? url : undefined; }
`;

const CODE = HEAD + `callInWindow(globalPath('execute', data.path), 1);
copyFromWindow(globalPath('read', data.path));
injectScript(scriptUrl(data.url), data.gtmOnSuccess, data.gtmOnFailure);
`;

const KEYS = {
  callInWindow: ['analytics.identify'],
  copyFromWindow: ['analytics', 'analytics.identify'],
  injectScript: ['https://cdn.example.com/*/sdk.js'],
};

const globals = (keys: [string, boolean, boolean, boolean][]): Permission => ({
  publicId: 'access_globals', versionId: '1', isRequired: true, clientAnnotations: { isEditedByUser: true },
  params: { keys: keys.map(([key, read, write, execute]) => ({ key, read, write, execute })) },
});

describe('a queryPermission guard', () => {
  it('declares the keys the template lists for each guarded API, with the access the API needs', () => {
    const { usage, problems } = deriveUsage(CODE, { queried: KEYS });
    expect(problems).toEqual([]);
    expect(usage.queried).toBeUndefined();
    const permissions = toPermissions(usage);
    expect(permissions.find((p) => p.publicId === 'access_globals')).toEqual(globals([
      ['analytics', true, false, false], ['analytics.identify', true, false, true],
    ]));
    expect(permissions.find((p) => p.publicId === 'inject_script')?.params).toEqual({ urls: ['https://cdn.example.com/*/sdk.js'] });
  });

  it('from the code alone marks its permissions as queried, so no declared key is called unused', () => {
    const { usage, problems } = deriveUsage(CODE);
    expect(problems).toEqual([]);
    expect(usage.queried).toEqual(['access_globals', 'inject_script']);
    expect(usage.requirements.filter((r) => r.permission === 'access_globals')).toEqual([]);
    const declared = toPermissions(deriveUsage(CODE, { queried: KEYS }).usage);
    expect(checkPermissions(declared, usage)).toEqual([]);
  });

  it('is an error when the template declares no keys for the guarded API', () => {
    const { problems } = deriveUsage(CODE, { queried: { callInWindow: ['analytics.identify'], injectScript: KEYS.injectScript } });
    expect(problems.map((p) => p.rule)).toEqual(['guard-undeclared']);
    expect(problems[0].message).toBe('copyFromWindow: the key argument is asked of GTM at run time (queryPermission), '
      + 'but the template declares no keys for copyFromWindow');
  });

  it('is an error when it asks about another permission than the API needs, since GTM would still refuse the call', () => {
    const { problems } = deriveUsage(HEAD + "isConsentGranted(globalPath('read', data.type));", { queried: { isConsentGranted: ['ad_storage'] } });
    expect(problems.map((p) => [p.rule, p.message])).toEqual([['guard-mismatch',
      "isConsentGranted: the consentType argument is guarded by queryPermission('access_globals'), but isConsentGranted needs access_consent"]]);
  });

  it('declares any key for a guarded read_data_layer when the template lists *', () => {
    const code = "const queryPermission = require('queryPermission'); const copyFromDataLayer = require('copyFromDataLayer');\n"
      + "const key = (k) => queryPermission('read_data_layer', k) ? k : undefined;\ncopyFromDataLayer(key(data.k));";
    const { usage, problems } = deriveUsage(code, { queried: { copyFromDataLayer: ['*'] } });
    expect(problems).toEqual([]);
    expect(toPermissions(usage).map((p) => p.params)).toEqual([{ allowedKeys: 'any' }]);
  });

  it('is only a guard when it passes its own parameter on or nothing: anything else stays unresolvable', () => {
    const notGuards = [
      "const g = (path) => queryPermission('access_globals', 'execute', path) ? path : 'analytics.identify';",
      "const g = (path) => queryPermission('access_globals', 'execute', path) ? data.other : undefined;",
      "const g = (path) => path ? path : undefined;",
      "function g(path) { log(path); return queryPermission('access_globals', 'execute', path) ? path : undefined; }",
      "let g = (path) => queryPermission('access_globals', 'execute', path) ? path : undefined; g = (p) => p;",
    ];
    for (const guard of notGuards) {
      const code = "const queryPermission = require('queryPermission'); const callInWindow = require('callInWindow');\n"
        + guard + "\ncallInWindow(g(data.path));";
      const { problems } = deriveUsage(code, { queried: { callInWindow: ['analytics.identify'] } });
      expect(problems.map((p) => p.rule), guard).toContain('unresolvable-argument');
    }
  });
});
