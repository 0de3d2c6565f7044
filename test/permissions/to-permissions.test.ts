import { describe, expect, it } from 'vitest';
import { fixture } from './fixtures';
import { decodePermissions, encodePermissions } from '../../src/toolchain/permissions/codec';
import { deriveUsage } from '../../src/toolchain/permissions/derive';
import { toPermissions } from '../../src/toolchain/permissions/to-permissions';
import type { Requirement } from '../../src/toolchain/permissions/usage';

const at = { api: 'test', line: 1, column: 1 };
const need = (r: Omit<Requirement, 'api' | 'line' | 'column'>): Requirement => ({ ...r, ...at });

describe('toPermissions', () => {
  it('merges the access flags of one key into one entry', () => {
    const permissions = toPermissions({ requirements: [
      need({ permission: 'access_globals', key: 'analytics', access: 'read' }),
      need({ permission: 'access_globals', key: 'analytics', access: 'write' }),
      need({ permission: 'access_globals', key: 'analytics', access: 'read' }),
    ] });
    expect(permissions).toEqual([{
      publicId: 'access_globals', versionId: '1', clientAnnotations: { isEditedByUser: true }, isRequired: true,
      params: { keys: [{ key: 'analytics', read: true, write: true, execute: false }] },
    }]);
  });

  it('orders permissions by id and keys alphabetically, whatever the order of use', () => {
    const a = need({ permission: 'logging' });
    const b = need({ permission: 'access_globals', key: 'z.call', access: 'execute' });
    const c = need({ permission: 'access_globals', key: 'a.call', access: 'execute' });
    const d = need({ permission: 'inject_script', key: 'https://b.example.com/x.js' });
    const e = need({ permission: 'inject_script', key: 'https://a.example.com/x.js' });
    const one = toPermissions({ requirements: [a, b, c, d, e] });
    const other = toPermissions({ requirements: [e, d, c, b, a] });
    expect(one).toEqual(other);
    expect(one.map((p) => p.publicId)).toEqual(['access_globals', 'inject_script', 'logging']);
    expect(one[0].params.keys).toMatchObject([{ key: 'a.call' }, { key: 'z.call' }]);
    expect(one[1].params.urls).toEqual(['https://a.example.com/x.js', 'https://b.example.com/x.js']);
  });

  it("uses GTM's 'any' settings only when some use takes any key", () => {
    const specific = toPermissions({ requirements: [need({ permission: 'read_data_layer', key: 'user.id' })] });
    const any = toPermissions({ requirements: [need({ permission: 'read_data_layer', key: 'user.id' }), need({ permission: 'read_data_layer', anyKey: true })] });
    expect(specific[0].params).toEqual({ allowedKeys: 'specific', keyPatterns: ['user.id'] });
    expect(any[0].params).toEqual({ allowedKeys: 'any' });
  });

  it('declares nothing for code that uses no permission-checked API', () => {
    expect(toPermissions(deriveUsage("const makeString = require('makeString'); return makeString(data.x);").usage)).toEqual([]);
  });
});

describe('a realistic analytics.js-style identify bundle', () => {
  const { usage, problems } = deriveUsage(fixture('analytics-identify.js'));
  const permissions = toPermissions(usage);

  it('derives exactly the permissions its calls need', () => {
    expect(problems).toEqual([]);
    expect(permissions.map((p) => [p.publicId, p.params])).toEqual([
      ['access_consent', { consentTypes: [{ consentType: 'analytics_storage', read: true, write: false }] }],
      ['access_globals', { keys: [
        { key: 'analytics', read: true, write: true, execute: false },
        { key: 'analytics.identify', read: false, write: false, execute: true },
        { key: 'analytics.reset', read: false, write: false, execute: true },
        { key: 'cioanalytics', read: true, write: true, execute: false },
        { key: 'cioanalytics.identify', read: false, write: false, execute: true },
        { key: 'cioanalytics.reset', read: false, write: false, execute: true },
      ] }],
      ['access_local_storage', { keys: [{ key: 'gtm_identify_last', read: true, write: true }] }],
      ['inject_script', { urls: [
        'https://cdn.segment.com/analytics.js/v1/*/analytics.min.js',
        'https://cdp.customer.io/v1/analytics-js/snippet/*/analytics.min.js',
      ] }],
      ['logging', { environments: 'debug' }],
      ['read_container_data', {}],
    ]);
  });

  it('encodes to the typed ___WEB_PERMISSIONS___ shape GTM exports, and decodes back unchanged', () => {
    const encoded = encodePermissions(permissions);
    const globals = encoded.find((p) => p.instance.key.publicId === 'access_globals');
    expect(globals?.instance.param[0].value).toMatchObject({ type: 2, listItem: expect.arrayContaining([{
      type: 3,
      mapKey: [{ type: 1, string: 'key' }, { type: 1, string: 'read' }, { type: 1, string: 'write' }, { type: 1, string: 'execute' }],
      mapValue: [{ type: 1, string: 'analytics.identify' }, { type: 8, boolean: false }, { type: 8, boolean: false }, { type: 8, boolean: true }],
    }]) });
    const parameterless = encoded.find((p) => p.instance.key.publicId === 'read_container_data');
    expect(parameterless).toEqual({ instance: { key: { publicId: 'read_container_data', versionId: '1' }, param: [] }, isRequired: true });
    const decoded = decodePermissions(JSON.parse(JSON.stringify(encoded)));
    expect(decoded).toEqual(permissions);
  });
});
