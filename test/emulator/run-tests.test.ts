import { describe, expect, it } from 'vitest';
import { runTemplate, runTests, type ScenarioResult, type TemplateUnderTest } from '../../src/toolchain/emulator';
import { accessGlobals, localStorageKeys, logging } from '../fixtures/emulator/permissions';
import { identifyTag, upperCaseVariable } from '../fixtures/emulator/templates';

const one = async (template: TemplateUnderTest): Promise<ScenarioResult> => (await runTests(template))[0];
const scenario = (code: string) => [{ name: 'scenario', code }];

describe('runCode', () => {
  it('returns the value of a variable template, and may be called several times', async () => {
    const results = await runTests(upperCaseVariable(scenario(`
      assertThat(runCode({text1: 'this is a test'})).isEqualTo('THIS IS A TEST');
      assertThat(runCode({text1: 'again'})).isEqualTo('AGAIN');`)));
    expect(results).toEqual([{ name: 'scenario', passed: true, logs: [] }]);
  });

  it('hands the template a copy of data with gtmOnSuccess and gtmOnFailure recorded for assertApi', async () => {
    const result = await one(identifyTag(scenario(`
      mock('copyFromWindow', {});
      mock('callInWindow', () => {});
      const mockData = {userId: 'u1', traits: [{key: 'plan', value: 'pro'}]};
      runCode(mockData);
      assertThat(mockData.gtmOnSuccess).isUndefined();
      assertApi('gtmOnSuccess').wasCalled();
      assertApi('gtmOnFailure').wasNotCalled();
      assertApi('callInWindow').wasCalledWith('analytics.identify', 'u1', {plan: 'pro'});`)));
    expect(result.passed).toBe(true);
  });

  it('hands the template an own "__proto__" key of data as an own key, not as the prototype of its copy', async () => {
    const code = `const Object = require('Object'); return [Object.keys(data), data.__proto__.polluted, data.polluted, data.hasOwnProperty('__proto__')];`;
    const data = JSON.parse('{"__proto__": {"polluted": 1}, "plan": "pro"}');
    const run = await runTemplate(code, data, { type: 'MACRO' });
    expect(run.error).toBeUndefined();
    expect(run.result).toEqual([['__proto__', 'plan'], 1, undefined, true]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('hands the template 10,000-deep data without overflowing the stack, shared parts and cycles kept', async () => {
    const deep: Record<string, unknown> = {};
    let node = deep;
    for (let i = 0; i < 10_000; i++) node = (node.next = { level: i }) as Record<string, unknown>;
    const shared = { n: 1 };
    const cyclic: Record<string, unknown> = { shared, again: shared };
    cyclic.self = cyclic;
    const code = `let depth = 0; let node = data.deep; while (node.next) { node = node.next; depth += 1; }
      return [depth, node.level, data.cyclic.self.self === data.cyclic, data.cyclic.shared === data.cyclic.again, data.cyclic === data.cyclicInput];`;
    const run = await runTemplate(code, { deep, cyclic, cyclicInput: cyclic }, { type: 'MACRO' });
    expect(run.error).toBeUndefined();
    expect(run.result).toEqual([10_000, 9_999, true, true, true]);
  });

  it('fails the scenario with the message of an error the template throws', async () => {
    const template = upperCaseVariable(scenario(`runCode({});`));
    template.code = `const x = data.missing.deeper; return x;`;
    const result = await one(template);
    expect(result.passed).toBe(false);
    expect(result.message).toMatch(/^TypeError: Cannot read properties of undefined/);
  });

  it('fails scenarios that run template code with a syntax error, with the parser\'s message', async () => {
    const template = upperCaseVariable([{ name: 'runs the code', code: `runCode({});` }, { name: 'only asserts', code: `assertThat(1).isEqualTo(1);` }]);
    template.code = `const = 1;`;
    const [runs, asserts] = await runTests(template);
    expect(runs.passed).toBe(false);
    expect(runs.message).toMatch(/^SyntaxError: /);
    expect(asserts.passed).toBe(true);
  });
});

describe('mock and mockObject', () => {
  it('replace an API without permission checks; a non-function mock is the return value', async () => {
    const result = await one(identifyTag(scenario(`
      mock('copyFromWindow', {loaded: true});
      let identified;
      mock('callInWindow', (path, id, traits) => { identified = [path, id, traits]; });
      runCode({userId: 'u2'});
      assertThat(identified).isEqualTo(['analytics.identify', 'u2', {}]);`)));
    expect(result).toMatchObject({ passed: true, logs: ['identified u2'] });
  });

  it('do not leak into the next scenario: un-mocked calls are permission-checked again', async () => {
    const template = identifyTag([
      { name: 'mocked', code: `mock('callInWindow', () => {}); mock('copyFromWindow', {}); runCode({userId: 'u'}); assertApi('gtmOnSuccess').wasCalled();` },
      { name: 'unmocked', code: `runCode({userId: 'u'}); assertApi('callInWindow').wasNotCalled(); assertApi('injectScript').wasCalled();` },
    ]);
    template.permissions = template.permissions.slice(1); // drop access_globals
    const [mocked, unmocked] = await runTests(template);
    expect(mocked.passed).toBe(true);
    expect(unmocked).toMatchObject({ passed: false, message: "access_globals: 'analytics' needs read (the template does not declare access_globals)" });
  });

  it('mockObject replaces the members of an object API', async () => {
    const template = upperCaseVariable(scenario(`
      mockObject('localStorage', {getItem: (key) => 'mocked ' + key});
      assertThat(runCode({})).isEqualTo('mocked uid');`));
    template.code = `return require('localStorage').getItem('uid');`;
    expect((await one(template)).passed).toBe(true);
  });

  it('take effect for calls made after mock(), even through an API required before', async () => {
    const template = upperCaseVariable(scenario(`
      mock('getTimestampMillis', 1);
      const first = runCode({});
      mock('getTimestampMillis', 2);
      assertThat([first, runCode({})]).isEqualTo([1, 2]);`));
    template.code = `return require('getTimestampMillis')();`;
    expect((await one(template)).passed).toBe(true);
  });
});

describe('assertApi', () => {
  it('reports a call that did not happen, showing the calls that did', async () => {
    const result = await one(identifyTag(scenario(`
      mock('copyFromWindow', {});
      mock('callInWindow', () => {});
      runCode({userId: 'u1'});
      assertApi('callInWindow').wasCalledWith('analytics.identify', 'u9', {});`)));
    expect(result.message).toBe('expected callInWindow to have been called with ["analytics.identify", "u9", {}] but it was called with ["analytics.identify", "u1", {}]');
  });

  it('wasNotCalledWith and wasNotCalled fail when the call happened', async () => {
    const base = `mock('copyFromWindow', {}); mock('callInWindow', () => {}); runCode({userId: 'u1'});`;
    const [notWith, not] = await runTests(identifyTag([
      { name: 'a', code: `${base} assertApi('callInWindow').wasNotCalledWith('analytics.identify', 'u1', {});` },
      { name: 'b', code: `${base} assertApi('injectScript').wasNotCalled(); assertApi('gtmOnSuccess').wasNotCalled();` },
    ]));
    expect(notWith.message).toBe('expected callInWindow not to have been called with ["analytics.identify", "u1", {}] but it was');
    expect(not.message).toBe('expected gtmOnSuccess not to have been called but it was called with []');
  });
});

describe('setup', () => {
  it('runs before each scenario with fresh variables and mocks every time', async () => {
    const setup = `let identified = []; mock('copyFromWindow', {}); mock('callInWindow', (path, id) => { identified.push(id); });`;
    const results = await runTests(identifyTag([
      { name: 'first', code: `runCode({userId: 'a'}); assertThat(identified).isEqualTo(['a']);` },
      { name: 'second', code: `runCode({userId: 'b'}); runCode({userId: 'c'}); assertThat(identified).isEqualTo(['b', 'c']);` },
    ], setup));
    expect(results.map((r) => r.passed)).toEqual([true, true]);
  });
});

describe('un-mocked APIs in tests', () => {
  it('run against the scenario page, which test code can read back with require', async () => {
    const template = upperCaseVariable(scenario(`
      runCode({});
      assertThat(require('copyFromWindow')('rakutenDataLayerName')).isStrictlyEqualTo('RakutenDataLayer');`));
    template.type = 'TAG';
    template.code = `require('setInWindow')('rakutenDataLayerName', 'RakutenDataLayer'); data.gtmOnSuccess();`;
    template.permissions = [accessGlobals({ rakutenDataLayerName: 'rw' })];
    expect((await one(template)).passed).toBe(true);
  });

  it('start every scenario on a fresh page', async () => {
    const template = upperCaseVariable([
      { name: 'writes', code: `runCode({});` },
      { name: 'reads', code: `assertThat(require('localStorage').getItem('k')).isNull();` },
    ]);
    template.code = `require('localStorage').setItem('k', 'v');`;
    template.permissions = [localStorageKeys({ k: 'rw' })];
    expect((await runTests(template)).map((r) => r.passed)).toEqual([true, true]);
  });
});

describe('asynchronous callbacks', () => {
  it('run after the scenario body, in the order they were scheduled', async () => {
    const template = upperCaseVariable(scenario(`
      runCode({});
      require('logToConsole')('body done');`));
    template.code = `
      const log = require('logToConsole');
      require('callLater')(() => log('first callback'));
      require('callLater')(() => log('second callback'));
      log('template done');`;
    template.permissions = [logging('debug')];
    expect((await one(template)).logs).toEqual(['template done', 'body done', 'first callback', 'second callback']);
  });

  it('fail the scenario when an assertion inside them fails', async () => {
    const result = await one(identifyTag(scenario(`
      runCode({userId: 'u1'});
      require('callLater')(() => { assertApi('gtmOnSuccess').wasCalled(); });`)));
    expect(result).toMatchObject({ passed: false, message: 'expected gtmOnSuccess to have been called but it was not called' });
  });

  it('include an un-mocked injectScript, which loads scripts registered for the scenario page', async () => {
    const template = identifyTag(scenario(`
      mock('callInWindow', () => {});
      runCode({userId: 'u1'});
      assertApi('gtmOnSuccess').wasNotCalled();`));
    const [loaded] = await runTests(template, { page: { scripts: { 'https://cdn.example.com/analytics.js': () => undefined } } });
    const [offline] = await runTests(template);
    expect(loaded).toMatchObject({ passed: true, logs: ['identified u1'] });
    expect(offline).toMatchObject({ passed: true, logs: [] });
  });
});

describe('fail and errors in scenario code', () => {
  it('fail(message) fails the scenario with that message', async () => {
    expect(await one(upperCaseVariable(scenario(`fail('should not get here');`)))).toMatchObject({ passed: false, message: 'should not get here' });
  });

  it('a syntax error in the scenario fails it with the parser\'s message', async () => {
    const result = await one(upperCaseVariable(scenario(`assertThat(1).isEqualTo(;`)));
    expect(result.passed).toBe(false);
    expect(result.message).toMatch(/^SyntaxError: /);
  });

  it('an assertion failure stops the scenario at once', async () => {
    const result = await one(upperCaseVariable(scenario(`assertThat(1, 'first').isEqualTo(2); fail('not reached');`)));
    expect(result.message).toBe('first: expected 2 but was 1');
  });
});

describe('runTests options and results', () => {
  it('runs only the scenarios whose name contains the filter', async () => {
    const results = await runTests(upperCaseVariable([{ name: 'Upper cases', code: '' }, { name: 'Other', code: '' }]), { filter: 'upper' });
    expect(results.map((r) => r.name)).toEqual(['Upper cases']);
  });

  it('collects the scenario\'s logToConsole lines (tests run in debug mode)', async () => {
    const result = await one(identifyTag(scenario(`mock('copyFromWindow', {}); mock('callInWindow', () => {}); runCode({userId: 'u7'});`)));
    expect(result.logs).toEqual(['identified u7']);
  });
});
