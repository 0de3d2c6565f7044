import { describe, expect, it } from 'vitest';
import { createTestPage, runTemplate } from '../../src/toolchain/emulator';
import { accessConsent, accessGlobals, injectScript, localStorageKeys, logging, permission, readDataLayer } from '../fixtures/emulator/permissions';
import { evaluate, runTag } from '../fixtures/emulator/run';

describe('page information', () => {
  it('readTitle and readCharacterSet read the document', async () => {
    const page = createTestPage({ title: 'Audi A4 – dealer', characterSet: 'windows-1252' });
    const code = `return [require('readTitle')(), require('readCharacterSet')()];`;
    expect(await evaluate(code, [permission('read_title'), permission('read_character_set')], page)).toEqual(['Audi A4 – dealer', 'windows-1252']);
  });

  it('getContainerVersion describes the container', async () => {
    const page = createTestPage({ container: { containerId: 'GTM-ABC', version: '12', debugMode: true } });
    expect(await evaluate(`return require('getContainerVersion')();`, [permission('read_container_data')], page)).toEqual({
      containerId: 'GTM-ABC', version: '12', environmentName: '', environmentMode: false, debugMode: true, previewMode: false,
    });
  });

  it('addEventCallback runs the callback when the event ends, with the tag outcome', async () => {
    const page = createTestPage({ container: { containerId: 'GTM-ABC' } });
    const code = `
      require('addEventCallback')((containerId, eventData) => {
        require('setInWindow')('ended', [containerId, eventData.tags[0].status]);
      });
      data.gtmOnSuccess();`;
    await runTemplate(code, {}, { page, permissions: [permission('read_event_metadata'), accessGlobals({ ended: 'w' })] });
    expect(page.window.ended).toEqual(['GTM-ABC', 'success']);
  });
});

describe('logToConsole', () => {
  const code = `require('logToConsole')('identify', {userId: 'u1'}, 3);`;

  it('logs in debug mode with a debug-only logging permission', async () => {
    const run = await runTemplate(code, {}, { permissions: [logging('debug')], page: createTestPage({ container: { previewMode: true } }) });
    expect(run.logs).toEqual(['identify {"userId": "u1"} 3']);
    expect(run.page.consoleCalls).toEqual([['identify', { userId: 'u1' }, 3]]);
  });

  it('stays silent outside debug mode with a debug-only logging permission', async () => {
    const run = await runTag(code, [logging('debug')]);
    expect(run.error).toBeUndefined();
    expect(run.logs).toEqual([]);
    expect(run.page.consoleCalls).toEqual([]);
  });

  it('logs outside debug mode when every environment is allowed', async () => {
    expect((await runTag(code, [logging('all')])).logs).toHaveLength(1);
  });

  it('is refused when no logging permission is declared', async () => {
    expect((await runTag(code)).error?.message).toBe('logging: the template does not declare logging');
  });
});

describe('queryPermission', () => {
  it('answers from the same rules the APIs enforce', async () => {
    const allowed = [accessGlobals({ 'analytics.identify': 'x', dataLayer: 'rw' }), injectScript('https://cdn.example.com/*')];
    const code = `
      const q = require('queryPermission');
      return [
        q('access_globals', 'execute', 'analytics.identify'),
        q('access_globals', 'read', 'analytics.identify'),
        q('access_globals', 'readwrite', 'dataLayer'),
        q('inject_script', 'https://cdn.example.com/x.js'),
        q('inject_script', 'https://evil.example.org/x.js'),
        q('read_title'),
        q('no_such_permission'),
      ];`;
    expect(await evaluate(code, allowed)).toEqual([true, false, true, true, false, false, false]);
  });

  it('answers access_globals execute, read, write and readwrite from the declared keys and their boxes', async () => {
    const allowed = [accessGlobals({ 'analytics.identify': 'rx', 'analytics._writeKey': 'w', gist: 'rw' })];
    const code = `
      const q = require('queryPermission');
      return [
        q('access_globals', 'execute', 'analytics.identify'), q('access_globals', 'execute', 'analytics.reset'),
        q('access_globals', 'read', 'analytics.identify'), q('access_globals', 'write', 'analytics.identify'),
        q('access_globals', 'write', 'analytics._writeKey'), q('access_globals', 'readwrite', 'analytics._writeKey'),
        q('access_globals', 'readwrite', 'gist'), q('access_globals', 'delete', 'gist'),
      ];`;
    expect(await evaluate(code, allowed)).toEqual([true, false, true, false, true, false, true, false]);
  });

  it('answers access_consent with the consent type first, then read or write', async () => {
    const code = `
      const q = require('queryPermission');
      return [
        q('access_consent', 'analytics_storage', 'read'), q('access_consent', 'analytics_storage', 'write'),
        q('access_consent', 'ad_storage', 'read'), q('access_consent', 'read', 'analytics_storage'),
      ];`;
    expect(await evaluate(code, [accessConsent({ analytics_storage: 'r' })])).toEqual([true, false, false, false]);
  });

  it('answers access_local_storage and read_data_layer from the declared keys', async () => {
    const code = `
      const q = require('queryPermission');
      return [
        q('access_local_storage', 'readwrite', 'gtm_identify_last'), q('access_local_storage', 'read', 'ajs_user_id'),
        q('read_data_layer', 'user.id'), q('read_data_layer', 'oemname'),
      ];`;
    const allowed = [localStorageKeys({ gtm_identify_last: 'rw' }), readDataLayer('user.*')];
    expect(await evaluate(code, allowed)).toEqual([true, false, true, false]);
  });

  it('says false for debug-only logging outside debug mode', async () => {
    expect(await evaluate(`return require('queryPermission')('logging');`, [logging('debug')])).toBe(false);
  });
});
