import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTemplate, type TemplateBuild, type TemplateSource } from '../../src/toolchain/builder/template';
import { runTests } from '../../src/toolchain/emulator';
import { readTemplate } from '../../src/toolchain/tpl';
import { failing } from '../../src/toolchain/diagnostics/diagnostic';
import { positionOf, where } from '../pipeline/fixtures';
import { fields } from '../fixtures/build/ok/fields';
import template from '../fixtures/build/ok/template';

const ROOT = resolve(__dirname, '../..');

const source: TemplateSource = template;

describe('buildTemplate on a valid template', () => {
  let built: TemplateBuild;
  beforeAll(async () => {
    built = await buildTemplate(source, { cwd: ROOT });
  });

  it('reports no problems', () => {
    expect(built.diagnostics).toEqual([]);
  });

  it('writes a .tpl that reads back without errors and with the same sections', () => {
    const { model, problems } = readTemplate(built.text);
    expect(failing(problems)).toEqual([]);
    expect(model.parameters).toEqual(fields);
    expect(model.notes).toBe('Built by the test suite.');
    expect(model.termsOfService).toContain('Community');
  });

  it('writes ___INFO___ keys in the order GTM exports them', () => {
    expect(Object.keys(built.model.info)).toEqual([
      'type', 'id', 'version', 'securityGroups', 'displayName', 'categories', 'description', 'containerContexts',
    ]);
  });

  it('declares exactly the globals the code may call and debug-only logging', () => {
    const ids = built.model.permissions.map((p) => p.publicId).sort();
    expect(ids).toEqual(['access_globals', 'logging']);
    const globals = JSON.stringify(built.model.permissions.find((p) => p.publicId === 'access_globals'));
    expect(globals).toContain('analytics.identify');
    expect(globals).toContain('cioanalytics.identify');
    expect(globals).not.toContain('"key","evil');
  });

  it('produces the same bytes on a second build', async () => {
    const again = await buildTemplate(source, { cwd: ROOT });
    expect(again.text).toBe(built.text);
  });

  it('writes scenarios that pass in the emulator', async () => {
    const { code, permissions, tests } = built.model;
    const results = await runTests({ code, permissions, type: 'TAG', tests: tests! });
    expect(results.map((r) => [r.name, r.passed])).toEqual([
      ['The tag identifies on the chosen global', true],
      ['An unknown global fails the tag', true],
    ]);
  });
});

describe('buildTemplate on a template the sandbox cannot run', () => {
  it('reports the unresolvable key and the missing global at their TypeScript positions', async () => {
    const bad = 'test/fixtures/build/bad/code.ts';
    const built = await buildTemplate({ ...source, entry: bad, tests: undefined }, { cwd: ROOT });
    expect(built.diagnostics.map(where)).toEqual([
      where({ rule: 'unresolvable-argument', ...positionOf(bad, 'data.path)') }),
      where({ rule: 'no-global', ...positionOf(bad, 'Array.isArray') }),
    ]);
  });
});
