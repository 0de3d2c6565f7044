import { describe, expect, it } from 'vitest';
import { createTestPage, runTemplate } from '../../src/toolchain/emulator';
import { accessConsent, accessGlobals, readDataLayer, writeDataLayer } from '../fixtures/emulator/permissions';
import { evaluate, runTag } from '../fixtures/emulator/run';

describe('isConsentGranted', () => {
  it('counts an unset consent type as granted', async () => {
    const page = createTestPage({ consent: { ad_storage: 'denied' } });
    const code = `const g = require('isConsentGranted'); return [g('ad_storage'), g('analytics_storage')];`;
    expect(await evaluate(code, [accessConsent({ ad_storage: 'r', analytics_storage: 'r' })], page)).toEqual([false, true]);
  });

  it('is refused without read access to the consent type', async () => {
    const run = await runTag(`require('isConsentGranted')('ad_storage');`, [accessConsent({ ad_storage: 'w' })]);
    expect(run.error?.message).toBe("access_consent: 'ad_storage' needs read");
  });
});

describe('updateConsentState and setDefaultConsentState', () => {
  it('apply after the current code and push consent commands to the data layer', async () => {
    const page = createTestPage({ dataLayer: [] });
    const code = `
      require('setDefaultConsentState')({ad_storage: 'denied', analytics_storage: 'denied', region: ['DE'], wait_for_update: 500});
      require('updateConsentState')({analytics_storage: 'granted'});
      return require('isConsentGranted')('ad_storage');`;
    const duringTheRun = await evaluate(code, [accessConsent({ ad_storage: 'rw', analytics_storage: 'rw' })], page);
    expect(duringTheRun).toBe(true);
    expect([page.consent.get('ad_storage'), page.consent.get('analytics_storage')]).toEqual(['denied', 'granted']);
    expect((page.window.dataLayer as IArguments[]).map((entry) => Array.from(entry).slice(0, 2))).toEqual([['consent', 'default'], ['consent', 'update']]);
  });

  it('needs write access to every consent type named', async () => {
    const run = await runTag(`require('updateConsentState')({ad_storage: 'granted', analytics_storage: 'granted'});`, [accessConsent({ ad_storage: 'w' })]);
    expect(run.error?.message).toBe("access_consent: 'analytics_storage' needs write");
  });
});

describe('addConsentListener', () => {
  it('fires when a type flips between denied and granted, not when an unset type becomes granted', async () => {
    const page = createTestPage({ consent: { ad_storage: 'denied' } });
    const code = `
      const log = [];
      const listen = require('addConsentListener');
      listen('ad_storage', (type, granted) => { log.push(type + ':' + granted); require('setInWindow')('log', log, true); });
      listen('analytics_storage', (type, granted) => { log.push(type + ':' + granted); require('setInWindow')('log', log, true); });
      require('updateConsentState')({ad_storage: 'granted', analytics_storage: 'granted'});
      return 0;`;
    await evaluate(code, [accessConsent({ ad_storage: 'rw', analytics_storage: 'rw' }), accessGlobals({ log: 'w' })], page);
    expect(page.window.log).toEqual(['ad_storage:true']);
  });
});

describe('copyFromDataLayer', () => {
  const messages = () => [
    { event: 'gtm.js', user: { id: 'u1', traits: { plan: 'free', tags: ['a', 'b'] } } },
    { 'user.traits.plan': 'pro', brand: 'Audi' },
    { user: { traits: { tags: ['c'] } } },
    { event: 'user_sign_in' },
  ];

  it('reads the merged model with dotted keys (version 2)', async () => {
    const page = createTestPage({ dataLayer: messages() });
    const code = `const c = require('copyFromDataLayer'); return [c('user.traits'), c('brand'), c('event'), c('user.missing.deep')];`;
    expect(await evaluate(code, [readDataLayer('user.*', 'brand', 'event')], page)).toEqual([
      { plan: 'pro', tags: ['c', 'b'] }, 'Audi', 'user_sign_in', undefined,
    ]);
  });

  it('with _clear in an object replaces that object’s values instead of merging them, keeping its other keys', async () => {
    // data-layer-helper's merge: `_clear` stops merging the values beside it; the object itself is kept
    const page = createTestPage({ dataLayer: [{ cart: { items: [1, 2], total: 3 } }, { cart: { items: [9], _clear: true } }] });
    expect(await evaluate(`return require('copyFromDataLayer')('cart');`, [readDataLayer('cart')], page)).toEqual({ items: [9], total: 3 });
  });

  it('returns the last pushed value of a literal key with version 1', async () => {
    const page = createTestPage({ dataLayer: messages() });
    const code = `const c = require('copyFromDataLayer'); return [c('user', 1), c('user.traits.plan', 1), c('brand', 1)];`;
    expect(await evaluate(code, [readDataLayer('user', 'user.traits.plan', 'brand')], page)).toEqual([
      { traits: { tags: ['c'] } }, 'pro', 'Audi',
    ]);
  });

  it('does not let the template change the page data layer through the copy', async () => {
    const page = createTestPage({ dataLayer: [{ user: { id: 'u1' } }] });
    await evaluate(`const u = require('copyFromDataLayer')('user'); u.id = 'x'; return 0;`, [readDataLayer('user')], page);
    expect(page.window.dataLayer).toEqual([{ user: { id: 'u1' } }]);
  });

  it('is refused for a key outside the key patterns, and allowed for any key with allowedKeys any', async () => {
    expect((await runTag(`require('copyFromDataLayer')('email');`, [readDataLayer('user.*')])).error?.message).toBe(
      "read_data_layer: 'email' is not an allowed key",
    );
    const anyKey = { publicId: 'read_data_layer', versionId: '1', params: { allowedKeys: 'any' }, isRequired: true };
    expect((await runTag(`require('copyFromDataLayer')('email');`, [anyKey])).error).toBeUndefined();
  });
});

describe('gtagSet', () => {
  it('pushes a set command that the data layer model merges', async () => {
    const page = createTestPage({ dataLayer: [] });
    const code = `require('gtagSet')({ads_data_redaction: true, 'developer_id.abc': true}); return require('copyFromDataLayer')('developer_id');`;
    expect(await evaluate(code, [writeDataLayer('ads_data_redaction', 'developer_id.abc'), readDataLayer('developer_id')], page)).toEqual({ abc: true });
  });

  it('is refused for a key write_data_layer does not list', async () => {
    const run = await runTemplate(`require('gtagSet')({url_passthrough: true});`, {}, { permissions: [writeDataLayer('ads_data_redaction')] });
    expect(run.error?.message).toBe("write_data_layer: 'url_passthrough' is not an allowed key");
  });
});
