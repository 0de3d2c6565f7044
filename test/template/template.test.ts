// The built template: no build problems, the committed template/template.tpl is exactly what
// the sources give, every ___TESTS___ scenario passes in the emulator, and the declared
// permissions are exactly what the code uses.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/toolchain/diagnostics/diagnostic';
import { runTests, type ScenarioResult } from '../../src/toolchain/emulator';
import { checkFields, countFields } from '../../src/toolchain/fields';
import { checkPermissions, isGranted, type Need } from '../../src/toolchain/permissions/check';
import type { Access } from '../../src/toolchain/permissions/usage';
import { deriveUsage } from '../../src/toolchain/permissions/derive';
import { readTemplate, type TemplateModel } from '../../src/toolchain/tpl';
import { failing } from '../../src/toolchain/diagnostics/diagnostic';
import { KNOWN_CONSENT_TYPES, WINDOWS, VENDOR_IDS } from '../../src/core/index';
import { QUERIED_KEYS } from '../../src/template/permissions';
import { FIELDS } from '../../src/template/fields';
import { ROOT, builtTemplate } from './built';

let text = '';
let model: TemplateModel;
let results: ScenarioResult[] = [];

beforeAll(async () => {
  const build = await builtTemplate();
  expect(build.diagnostics.map(formatDiagnostic)).toEqual([]);
  text = build.text;
  const read = readTemplate(text);
  expect(failing(read.problems)).toEqual([]);
  model = read.model as TemplateModel;
  results = await runTests({
    code: model.code, permissions: model.permissions, type: 'TAG',
    tests: { scenarios: model.tests?.scenarios ?? [], setup: model.tests?.setup },
  });
}, 60_000);

describe('template/template.tpl', () => {
  it('is exactly what the sources build (run npm run build after changing src/template or src/core)', () => {
    expect(readFileSync(resolve(ROOT, 'template/template.tpl'), 'utf8')).toBe(text);
  });

  it('carries at least 40 scenarios, and every one passes', () => {
    expect(results.length).toBeGreaterThanOrEqual(40);
    expect(results.filter((r) => !r.passed).map((r) => r.name + ': ' + r.message)).toEqual([]);
  });

  it('names every scenario as a sentence', () => {
    for (const r of results) expect(r.name, r.name).toMatch(/^[A-Z][^\n]* [^\n]+[^.]$/);
  });

  it('declares exactly the permissions its code uses with the keys it asks GTM about, in both directions', () => {
    const usage = deriveUsage(model.code, { queried: QUERIED_KEYS });
    expect(usage.problems).toEqual([]);
    expect(usage.usage.queried).toBeUndefined();
    expect(checkPermissions(model.permissions, usage.usage)).toEqual([]);
  });

  it('carries no list of the keys it asks GTM about: from its code alone those permissions are only known as queried', () => {
    const alone = deriveUsage(model.code);
    expect(alone.problems).toEqual([]);
    expect(alone.usage.queried).toEqual(['access_consent', 'access_globals', 'inject_script', 'read_data_layer']);
    expect(alone.usage.requirements.filter((r) => r.permission === 'access_globals' || r.permission === 'access_consent')).toEqual([]);
    expect(checkPermissions(model.permissions, alone.usage)).toEqual([]);
  });

  it('grants every window path and script URL each vendor module lists, with the access the platform asks GTM for', () => {
    const ACCESS: Record<string, Access[]> = {
      callInWindow: ['execute', 'read'], copyFromWindow: ['read'], setInWindow: ['write'], createQueue: ['read', 'write'],
      createArgumentsQueue: ['read', 'write'], aliasInWindow: ['read', 'write'],
    };
    const refused: string[] = [];
    for (const vendor of VENDOR_IDS) {
      for (const [api, keys] of Object.entries(WINDOWS[vendor]) as [string, string[]][]) {
        for (const key of keys) {
          const needs: Need[] = api === 'injectScript' ? [{ permission: 'inject_script', key }]
            : ACCESS[api].map((access) => ({ permission: 'access_globals', key, access }));
          for (const need of needs) if (!isGranted(model.permissions, need)) refused.push(vendor + ' ' + api + ' ' + key + ' ' + (need.access ?? ''));
        }
      }
    }
    expect(refused).toEqual([]);
    for (const type of KNOWN_CONSENT_TYPES) expect(isGranted(model.permissions, { permission: 'access_consent', key: type, access: 'read' }), type).toBe(true);
  });

  it('declares every window path each vendor module lists, and no other', () => {
    const globals = model.permissions.find((p) => p.publicId === 'access_globals');
    const keys = (globals?.params as { keys: Array<{ key: string }> }).keys.map((k) => k.key);
    const declared = VENDOR_IDS.flatMap((vendor) => Object.entries(WINDOWS[vendor])
      .filter(([api]) => api !== 'injectScript').flatMap(([, paths]) => paths as string[]));
    expect([...new Set(keys)].sort()).toEqual([...new Set(declared)].sort());
  });

  it('lets scripts load only from each vendor’s own host', () => {
    const inject = model.permissions.find((p) => p.publicId === 'inject_script');
    const urls = (inject?.params as { urls: string[] }).urls;
    const declared = VENDOR_IDS.flatMap((vendor) => WINDOWS[vendor].injectScript ?? []);
    expect([...urls].sort()).toEqual([...declared].sort());
    expect(urls.map((url) => new URL(url.replace('*', 'x')).host).sort()).toEqual([
      'cdn.segment.com', 'cdp-eu.customer.io', 'cdp.customer.io', 'server.connecto.io', 'st-a.cdp.asia', 'widget.getgist.com',
    ]);
  });

  it('logs only in debug mode, reads the data layer only for the key mapping, and keeps its run lane in template storage', () => {
    const byId = new Map(model.permissions.map((p) => [p.publicId, p.params]));
    expect(byId.get('logging')).toEqual({ environments: 'debug' });
    expect([...byId.keys()].sort()).toEqual([
      'access_consent', 'access_globals', 'access_local_storage', 'access_template_storage', 'inject_script', 'logging',
      'read_container_data', 'read_data_layer',
    ]);
    expect(byId.get('access_local_storage')).toEqual({ keys: [{ key: 'gtm_identify_last', read: true, write: true }] });
  });

  it('has fields GTM accepts, within its field cap', () => {
    expect(checkFields(FIELDS)).toEqual([]);
    expect(countFields(FIELDS)).toBeLessThanOrEqual(100);
  });
});
