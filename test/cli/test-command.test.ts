import { describe, expect, it } from 'vitest';
import { cli, fixture, positionOf } from './harness';

describe('gtm-tpl test', () => {
  it('prints PASS per scenario and the totals, and exits 0 when every scenario passes', async () => {
    const run = await cli(['test', fixture('passing-tag.tpl')]);
    expect(run).toEqual({ code: 0, out: ['PASS identifies the user', 'PASS fails without a user id', '2 passed, 0 failed'], err: [] });
  });

  it('prints FAIL with the reason and exits 1 when a scenario fails', async () => {
    const run = await cli(['test', fixture('failing-tag.tpl')]);
    expect(run.code).toBe(1);
    expect(run.out).toEqual([
      'PASS identifies the user',
      'FAIL expects another user: expected callInWindow to have been called with ["analytics.identify", "u-2"] but it was called with ["analytics.identify", "u-1"]',
      'FAIL fails on purpose: not ready yet',
      '1 passed, 2 failed',
    ]);
  });

  it('fails a scenario that calls an API without its permission, naming the permission, unless the API is mocked', async () => {
    const run = await cli(['test', fixture('permission-violating.tpl')]);
    expect(run.code).toBe(1);
    expect(run.out[0]).toMatch(/^FAIL identifies the user: access_globals: 'analytics\.identify' needs execute/);
    expect(run.out.slice(1)).toEqual(['PASS passes when callInWindow is mocked', '1 passed, 1 failed']);
  });

  it('fails a scenario whose code uses what the sandbox lacks, as GTM would when it runs, and exits 1', async () => {
    const run = await cli(['test', fixture('syntax-violating.tpl')]);
    expect(run).toEqual({ code: 1, out: ['FAIL runs: TypeError: Object is not a constructor', '0 passed, 1 failed'], err: [] });
  });

  it('runs variable templates, whose runCode returns the value, several times per scenario', async () => {
    const run = await cli(['test', fixture('variable.tpl')]);
    expect(run).toEqual({
      code: 0,
      out: ['PASS lowercases the value', 'PASS returns the fallback for an empty value', 'PASS turns numbers into strings', '3 passed, 0 failed'],
      err: [],
    });
  });

  it('runs only the scenarios whose name contains the --filter text, ignoring case', async () => {
    const run = await cli(['test', fixture('failing-tag.tpl'), '--filter', 'ANOTHER']);
    expect(run.out).toHaveLength(2);
    expect(run.out[0]).toMatch(/^FAIL expects another user: /);
    expect(run.out[1]).toBe('0 passed, 1 failed');
    expect((await cli(['test', fixture('passing-tag.tpl'), '--filter=without'])).out).toEqual(['PASS fails without a user id', '1 passed, 0 failed']);
  });

  it('says when the filter matches no scenario, and exits 0 as nothing failed', async () => {
    const run = await cli(['test', fixture('passing-tag.tpl'), '--filter', 'nothing like this']);
    expect(run).toEqual({ code: 0, out: ["no scenario name contains 'nothing like this'", '0 passed, 0 failed'], err: [] });
  });

  it('reports a template without scenarios as 0 passed, 0 failed and exits 0', async () => {
    const run = await cli(['test', fixture('no-tests.tpl')]);
    expect(run).toEqual({ code: 0, out: [`${fixture('no-tests.tpl')} has no ___TESTS___ scenarios`, '0 passed, 0 failed'], err: [] });
  });

  it('prints the logs of each scenario with --verbose', async () => {
    const run = await cli(['test', fixture('passing-tag.tpl'), '--verbose']);
    expect(run.out).toEqual(['PASS identifies the user', 'PASS fails without a user id', '  log: identify: no user id', '2 passed, 0 failed']);
  });

  it('fails a scenario that does not parse, at its line and column in the .tpl, and runs the others', async () => {
    const run = await cli(['test', fixture('scenario-syntax-error.tpl')]);
    const at = positionOf('scenario-syntax-error.tpl', 'wasCalled(;', 'wasCalled('.length);
    expect(run.code).toBe(1);
    expect(run.out).toEqual([
      'PASS identifies the user',
      `FAIL has a typo: SyntaxError at ${fixture('scenario-syntax-error.tpl')}:${at} Unexpected token`,
      '1 passed, 1 failed',
    ]);
  });

  it('exits 2 with the .tpl line when the template code does not parse', async () => {
    const run = await cli(['test', fixture('syntax-error.tpl')]);
    expect(run).toEqual({
      code: 2, out: [],
      err: [`${fixture('syntax-error.tpl')}:${positionOf('syntax-error.tpl', '{\n  logToConsole')} Unexpected token (in ___SANDBOXED_JS_FOR_WEB_TEMPLATE___)`],
    });
  });

  it('exits 2 with the line of broken JSON in a section', async () => {
    const run = await cli(['test', fixture('broken-json.tpl')]);
    expect(run.code).toBe(2);
    expect(run.out).toEqual([]);
    expect(run.err).toEqual([`${fixture('broken-json.tpl')}:${positionOf('broken-json.tpl', '"simpleValueType": true\n  }\n]')} format ___TEMPLATE_PARAMETERS___: expected ',' or '}' after a property value but found '"'`]);
  });

  it('exits 2 with the line of broken YAML in ___TESTS___', async () => {
    const run = await cli(['test', fixture('broken-yaml.tpl')]);
    expect(run.code).toBe(2);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(new RegExp(`^${fixture('broken-yaml.tpl')}:${positionOf('broken-yaml.tpl', 'fails without a user id\n   code').split(':')[0]}:\\d+ format ___TESTS___: `));
  });

  it('exits 2 with a message and no stack trace when the file cannot be read', async () => {
    expect(await cli(['test', fixture('missing.tpl')])).toEqual({ code: 2, out: [], err: [`${fixture('missing.tpl')}: cannot read the file (no such file)`] });
    expect(await cli(['test', 'test/fixtures'])).toEqual({ code: 2, out: [], err: ['test/fixtures: cannot read the file (it is a directory)'] });
  });

  it('exits 2 for a server template, which the web emulator cannot run', async () => {
    const run = await cli(['test', 'test/fixtures/tpl/server-variable.tpl']);
    expect(run.code).toBe(2);
    expect(run.err).toEqual(['test/fixtures/tpl/server-variable.tpl:1:1 format gtm-tpl handles web templates; this one has ___SANDBOXED_JS_FOR_SERVER___']);
  });

  it('runs the scenarios of a template whose fields and permissions use trailing commas and unquoted names, as GTM imports it', async () => {
    const run = await cli(['test', fixture('lenient-json.tpl')]);
    expect(run).toEqual({ code: 0, out: ['PASS identifies the user', 'PASS fails without a user id', '2 passed, 0 failed'], err: [] });
  });
});
