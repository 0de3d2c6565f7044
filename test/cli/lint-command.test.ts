import { describe, expect, it } from 'vitest';
import { cli, fixture, positionOf } from './harness';

const at = (name: string, snippet: string, shift = 0) => `${fixture(name)}:${positionOf(name, snippet, shift)}`;

describe('gtm-tpl lint', () => {
  it('says a clean template has no problems and exits 0', async () => {
    for (const name of ['passing-tag.tpl', 'variable.tpl', 'no-tests.tpl']) {
      expect(await cli(['lint', fixture(name)])).toEqual({ code: 0, out: [`${fixture(name)}: no problems`], err: [] });
    }
  });

  it('reports sandbox gate problems in the code and in the tests at their .tpl line and column', async () => {
    const name = 'syntax-violating.tpl';
    const run = await cli(['lint', fixture(name)]);
    expect(run.code).toBe(1);
    expect(run.out.map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual([
      `${at(name, 'userId };')} no-object-extension`,
      `${at(name, '`user')} no-template-literal`,
      `${at(name, 'new Object')} no-new`,
      `${at(name, 'Object()')} no-global`,
      `${at(name, "key]: 'u'")} no-object-extension`, // a scenario, inside the YAML block
      `${at(name, 'run() {')} no-object-extension`, // the setup
      '6 problems',
    ]);
    expect(run.out[0]).toContain('shorthand properties (`{a}`) are not available in the sandbox');
  });

  it('reports a JavaScript syntax error in the code at its .tpl position, as a problem', async () => {
    const run = await cli(['lint', fixture('syntax-error.tpl')]);
    expect(run).toEqual({ code: 1, out: [`${at('syntax-error.tpl', '{\n  logToConsole')} syntax Unexpected token`, '1 problem'], err: [] });
  });

  it('reports a syntax error in a scenario at its line inside the YAML block scalar', async () => {
    const run = await cli(['lint', fixture('scenario-syntax-error.tpl')]);
    expect(run.out).toEqual([`${at('scenario-syntax-error.tpl', 'wasCalled(;', 'wasCalled('.length)} syntax Unexpected token`, '1 problem']);
  });

  it('reports a permission the code needs but the template lacks at the call, and an unused one at its declaration', async () => {
    const name = 'permission-violating.tpl';
    const run = await cli(['lint', fixture(name)]);
    expect(run.code).toBe(1);
    expect(run.out).toEqual([
      `${at(name, "'analytics.identify', data.userId")} permission-missing callInWindow needs access_globals (execute on 'analytics.identify'), but access_globals is not declared in ___WEB_PERMISSIONS___; GTM refuses it at run time`,
      `${at(name, '"publicId": "read_title"')} permission-unused read_title is declared but the code never needs it`,
      '2 problems',
    ]);
  });

  it('reports field problems at the field in ___TEMPLATE_PARAMETERS___, a duplicate at its second definition', async () => {
    const name = 'field-problems.tpl';
    const run = await cli(['lint', fixture(name)]);
    expect(run.code).toBe(1);
    expect(run.out).toEqual([
      `${at(name, '"name": "userId",\n        "displayName": "User ID again"')} fields userId: duplicate field name 'userId': data keys are flat, names must be unique`,
      `${at(name, '"name": "mode"')} fields mode: defaultValue "b" is not one of the item values`,
      '2 problems',
    ]);
  });

  it('exits 2 with format problems at their line when a section does not parse', async () => {
    const run = await cli(['lint', fixture('broken-json.tpl')]);
    expect(run.code).toBe(2);
    expect(run.out).toEqual([`${at('broken-json.tpl', '"simpleValueType": true\n  }\n]')} format ___TEMPLATE_PARAMETERS___: expected ',' or '}' after a property value but found '"'`]);
    expect((await cli(['lint', fixture('broken-yaml.tpl')])).code).toBe(2);
  });

  it('exits 2 when the file cannot be read', async () => {
    expect(await cli(['lint', 'nowhere/x.tpl'])).toEqual({ code: 2, out: ['nowhere/x.tpl: cannot read the file (no such file)'], err: [] });
  });

  it('reports each spot GTM reads leniently (trailing commas, unquoted names) as a warning at its line, and exits 0', async () => {
    const name = 'lenient-json.tpl';
    const run = await cli(['lint', fixture(name)]);
    const gtmAccepts = '(GTM imports it; strict JSON does not allow it)';
    expect(run).toEqual({
      code: 0,
      out: [
        `${at(name, 'type: "TEXT"')} lenient-json warning: ___TEMPLATE_PARAMETERS___: property name type without double quotes ${gtmAccepts}`,
        `${at(name, '"simpleValueType": true,', '"simpleValueType": true'.length)} lenient-json warning: ___TEMPLATE_PARAMETERS___: trailing comma before '}' ${gtmAccepts}`,
        `${at(name, '},\n]', 1)} lenient-json warning: ___TEMPLATE_PARAMETERS___: trailing comma before ']' ${gtmAccepts}`,
        `${at(name, '"boolean": true\n                  },', '"boolean": true\n                  }'.length)} lenient-json warning: ___WEB_PERMISSIONS___: trailing comma before ']' ${gtmAccepts}`,
        `${fixture(name)}: no problems, 4 warnings`,
      ],
      err: [],
    });
  });
});
