// Where GTM's sandbox differs from standard JavaScript, pinned one behaviour per test: published
// templates whose ___TESTS___ pass in GTM depend on each of these.
import { describe, expect, it } from 'vitest';
import { createTestPage, runTests, runTemplate, type TemplateUnderTest } from '../../src/toolchain/emulator';
import { accessGlobals, getCookies, logging, setCookies } from '../fixtures/emulator/permissions';

const tag = (code: string, scenarioCode: string, permissions = [logging('all')]): TemplateUnderTest => ({
  code, type: 'TAG', permissions, tests: { scenarios: [{ name: 'scenario', code: scenarioCode }] },
});

const outcome = async (template: TemplateUnderTest) => {
  const [result] = await runTests(template);
  return { passed: result.passed, message: result.message, logs: result.logs };
};

const CALL_BACK_TAG = `
const callInWindow = require('callInWindow');
callInWindow('sdk.load', 'id-1', data.gtmOnSuccess);
`;

describe('arguments in GTM', () => {
  it('inside an arrow function in test code, arguments is the arrow\'s own: a mock reads its callback from it', async () => {
    expect(await outcome(tag(CALL_BACK_TAG, `
      mock('callInWindow', () => { const path = arguments[0]; const cb = arguments[2]; if (path === 'sdk.load') cb(); });
      runCode({});
      assertApi('gtmOnSuccess').wasCalled();`))).toEqual({ passed: true, message: undefined, logs: [] });
  });

  it('inside an arrow function in template code, arguments is the arrow\'s own, also in nested and expression-bodied arrows', async () => {
    const run = await runTemplate(`
      const first = (a, b) => arguments[1];
      const curried = (x) => (y) =>
        arguments[0];
      const block = function () { const inner = () => arguments.length; return [arguments.length, inner(1, 2, 3)]; };
      return [first('a', 'b'), curried('x')('y'), block('only')];`, {}, { type: 'MACRO' });
    expect(run.error).toBeUndefined();
    expect(run.result).toEqual(['b', 'y', [1, 3]]);
  });

  it('arguments is an array: it equals an array literal and has the array methods', async () => {
    expect(await outcome(tag('data.gtmOnSuccess();', `
      let got;
      const f = function () { got = arguments; };
      f('a', 1);
      assertThat(got).isEqualTo(['a', 1]);
      assertThat(got.join('-')).isEqualTo('a-1');
      assertThat(got.slice(1)).isEqualTo([1]);`))).toMatchObject({ passed: true });
  });

  it('entries of a page-side arguments queue come back through copyFromWindow as arrays', async () => {
    const code = `
      const createArgumentsQueue = require('createArgumentsQueue');
      const copyFromWindow = require('copyFromWindow');
      const push = createArgumentsQueue('myq', 'myq.q');
      push('init', 'k');
      push('track', {n: 1});
      return copyFromWindow('myq.q');`;
    const run = await runTemplate(code, {}, { type: 'MACRO', permissions: [accessGlobals({ myq: 'rw', 'myq.q': 'rw' })] });
    expect(run.error).toBeUndefined();
    expect(run.result).toEqual([['init', 'k'], ['track', { n: 1 }]]);
  });
});

describe('functions from the page', () => {
  it('keep their own data properties: the queue of createArgumentsQueue is its function\'s .q', async () => {
    const code = `
      const createArgumentsQueue = require('createArgumentsQueue');
      const copyFromWindow = require('copyFromWindow');
      const q = createArgumentsQueue('myq', 'myq.q');
      q('init', 'k');
      const again = createArgumentsQueue('myq', 'myq.q');
      return [again.q, copyFromWindow('myq').q, !copyFromWindow('myq').missing];`;
    const run = await runTemplate(code, {}, { type: 'MACRO', permissions: [accessGlobals({ myq: 'rw', 'myq.q': 'rw' })] });
    expect(run.error).toBeUndefined();
    expect(run.result).toEqual([[['init', 'k']], [['init', 'k']], true]);
  });

  it('show a property as a copy read at each access, and never run a getter', async () => {
    const pageFn = Object.assign(() => 1, { config: { mode: 'a' } });
    let getterRan = false;
    Object.defineProperty(pageFn, 'secret', { enumerable: true, get: () => { getterRan = true; return 'x'; } });
    const page = createTestPage();
    (page.window as Record<string, unknown>).sdk = pageFn;
    const run = await runTemplate(`
      const copyFromWindow = require('copyFromWindow');
      const fn = copyFromWindow('sdk');
      const config = fn.config;
      config.mode = 'changed in the sandbox';
      return [fn.config.mode, fn.secret, fn()];`,
    {}, { type: 'MACRO', permissions: [accessGlobals({ sdk: 'r' })], page });
    expect(run.error).toBeUndefined();
    expect(run.result).toEqual(['a', undefined, 1]);
    expect(pageFn.config.mode).toBe('a');
    expect(getterRan).toBe(false);
  });
});

describe('require in test code', () => {
  it('returns the real API also after mock; mock changes only what the template\'s require returns', async () => {
    const code = `
      const log = require('logToConsole');
      log('from the template');
      data.gtmOnSuccess();`;
    expect(await outcome(tag(code, `
      const log = require('logToConsole');
      let traced = 0;
      mock('logToConsole', function () { traced += 1; log('seen', arguments); });
      runCode({});
      assertThat(traced).isEqualTo(1);
      assertApi('logToConsole').wasCalledWith('from the template');
      assertApi('gtmOnSuccess').wasCalled();`))).toEqual({ passed: true, message: undefined, logs: ['seen ["from the template"]'] });
  });
});

describe('stricter readings where no evidence settles GTM\'s behaviour', () => {
  it('a cookie permission entry named * allows only the cookie called *, and the refusal says what to change', async () => {
    const code = `
      const setCookie = require('setCookie');
      const getCookieValues = require('getCookieValues');
      setCookie('*', 'star');
      getCookieValues('*');
      setCookie('session_id', 'x');`;
    const run = await runTemplate(code, {}, { permissions: [setCookies({ name: '*' }), getCookies('*')] });
    expect(run.error?.message).toBe(
      "set_cookies: cookie 'session_id' is not allowed with these options; a cookie entry named '*' allows only a cookie called '*', not every name: list each cookie name the template uses",
    );
    const read = await runTemplate(`return require('getCookieValues')('session_id');`, {}, { type: 'MACRO', permissions: [getCookies('*')] });
    expect(read.error?.message).toMatch(/^get_cookies: cookie 'session_id' is not allowed; a cookie entry named '\*' allows only/);
  });

  it('test code has no data variable, and the failure says to build the data and pass it to runCode', async () => {
    expect(await outcome(tag('data.gtmOnSuccess();', `runCode(data);`))).toEqual({
      passed: false,
      message: 'ReferenceError: data is not defined (test code has no `data`: build the fields in the test, e.g. const mockData = {…}, and call runCode(mockData))',
      logs: [],
    });
  });
});
