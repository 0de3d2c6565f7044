import { describe, expect, it } from 'vitest';
import { createTestPage, runTemplate } from '../../src/toolchain/emulator';
import { accessGlobals, injectHiddenIframe, injectScript, sendPixel } from '../fixtures/emulator/permissions';
import { evaluate } from '../fixtures/emulator/run';

const SDK = 'https://cdn.example.com/sdk.js';

describe('callLater', () => {
  it('runs the function after the current code, never during the call', async () => {
    const page = createTestPage();
    const code = `
      const order = [];
      require('callLater')(() => { order.push('later'); require('setInWindow')('order', order, true); });
      order.push('now');
      return order.slice();`;
    expect(await evaluate(code, [accessGlobals({ order: 'w' })], page)).toEqual(['now']);
    expect(page.window.order).toEqual(['now', 'later']);
  });

  it('stops a callback that keeps rescheduling itself instead of hanging', async () => {
    const run = await runTemplate(`const loop = () => require('callLater')(loop); loop();`);
    expect(run.error?.message).toBe('more than 100000 asynchronous callbacks: a callback keeps rescheduling itself');
  });
});

describe('injectScript', () => {
  it('calls onSuccess asynchronously after the script has run on the page', async () => {
    const page = createTestPage({ scripts: { [SDK]: (window) => { window.sdk = { version: 2 }; } } });
    const code = `
      let state = 'waiting';
      require('injectScript')('${SDK}', () => { require('setInWindow')('state', require('copyFromWindow')('sdk.version')); }, () => {});
      return state;`;
    expect(await evaluate(code, [injectScript(SDK), accessGlobals({ state: 'w', 'sdk.version': 'r' })], page)).toBe('waiting');
    expect(page.window.state).toBe(2);
    expect(page.loadedScripts).toEqual([SDK]);
  });

  it('calls onFailure when the script cannot load', async () => {
    const page = createTestPage();
    const run = await runTemplate(`require('injectScript')('${SDK}', data.gtmOnSuccess, data.gtmOnFailure);`, {}, { page, permissions: [injectScript(SDK)] });
    expect([run.successCalls, run.failureCalls]).toEqual([0, 1]);
  });

  it('loads a URL once per cache token and tells every caller', async () => {
    let loads = 0;
    const page = createTestPage({ scripts: { [SDK]: () => { loads += 1; } } });
    const code = `
      const inject = require('injectScript');
      inject('${SDK}', data.gtmOnSuccess, data.gtmOnFailure, 'sdk');
      inject('${SDK}', data.gtmOnSuccess, data.gtmOnFailure, 'sdk');`;
    const first = await runTemplate(code, {}, { page, permissions: [injectScript(SDK)] });
    const later = await runTemplate(code, {}, { page, permissions: [injectScript(SDK)] });
    expect(loads).toBe(1);
    expect(first.successCalls).toBe(2);
    expect(later.successCalls).toBe(2);
  });

  it('loads the script again for each call without a cache token', async () => {
    const page = createTestPage({ scripts: { [SDK]: () => undefined } });
    await runTemplate(`require('injectScript')('${SDK}'); require('injectScript')('${SDK}');`, {}, { page, permissions: [injectScript(SDK)] });
    expect(page.loadedScripts).toEqual([SDK, SDK]);
  });

  it('retries a cached URL whose load failed', async () => {
    const scripts: Record<string, 'fail' | (() => void)> = { [SDK]: 'fail' };
    const page = createTestPage({ scripts });
    const code = `require('injectScript')('${SDK}', data.gtmOnSuccess, data.gtmOnFailure, 'sdk');`;
    const failed = await runTemplate(code, {}, { page, permissions: [injectScript(SDK)] });
    scripts[SDK] = () => undefined;
    const retried = await runTemplate(code, {}, { page, permissions: [injectScript(SDK)] });
    expect([failed.failureCalls, retried.successCalls]).toEqual([1, 1]);
    expect(page.loadedScripts).toEqual([SDK, SDK]);
  });
});

describe('sendPixel and injectHiddenIframe', () => {
  it('sendPixel requests the URL and reports the outcome asynchronously', async () => {
    const url = 'https://px.example.com/p?id=1';
    const page = createTestPage({ pixelLoads: () => false });
    const run = await runTemplate(`require('sendPixel')('${url}', data.gtmOnSuccess, data.gtmOnFailure);`, {}, { page, permissions: [sendPixel('https://px.example.com/*')] });
    expect(page.pixels).toEqual([url]);
    expect(run.failureCalls).toBe(1);
  });

  it('injectHiddenIframe loads the URL and calls onSuccess', async () => {
    const url = 'https://frames.example.com/f';
    const page = createTestPage();
    const run = await runTemplate(`require('injectHiddenIframe')('${url}', data.gtmOnSuccess);`, {}, { page, permissions: [injectHiddenIframe(url)] });
    expect(page.iframes).toEqual([url]);
    expect(run.successCalls).toBe(1);
  });
});

describe('sha256', () => {
  /** The digest the callback received, and what the call itself returned. */
  async function digest(input: string, options?: string): Promise<[unknown, unknown]> {
    const page = createTestPage();
    const returned = await evaluate(`
      require('sha256')(${JSON.stringify(input)}, (d) => { require('setInWindow')('digest', d); }, () => {}${options ? `, ${options}` : ''});
      return 'returned before the digest';`, [accessGlobals({ digest: 'w' })], page);
    return [returned, page.window.digest];
  }

  it('calls back asynchronously with a base64 digest by default (FIPS 180-2 "abc" vector)', async () => {
    expect(await digest('abc')).toEqual(['returned before the digest', 'ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=']);
  });

  it('gives hex digests on request, of the UTF-8 bytes of empty and non-ASCII input', async () => {
    expect((await digest('', "{outputEncoding: 'hex'}"))[1]).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect((await digest('ü', "{outputEncoding: 'hex'}"))[1]).toBe('607474ca475a9724d7360aba71a56d5df77e61350e3f724cfa1f46e857e2d85f');
  });
});
