import { describe, expect, it } from 'vitest';
import { VENDOR } from '../../src/core/vendors/segment';
import type { Outcome } from '../../src/core/vendors/types';
import { FakePlatform } from './fake-platform';
import { analyticsSdk, analyticsStub, context, sender } from './helpers';

const send = sender(VENDOR.identify);

const KEY = 'AbC123_xyz-9';

describe('segment identify', () => {
  it('sends identify(userId, traits) to a loaded analytics.js', () => {
    const platform = new FakePlatform();
    const seen = analyticsSdk(platform.win);
    const { outcomes } = send(platform, { userId: 'u-1', email: 'ann@example.com', traits: { plan: 'pro', first_name: 'Ann' } });
    expect(seen).toEqual([['identify', 'u-1', { plan: 'pro', firstName: 'Ann', email: 'ann@example.com' }]]);
    expect(outcomes).toEqual([{ status: 'sent', message: 'identify called on window.analytics' }]);
  });

  it('sends a traits-only identify for an anonymous visitor', () => {
    const platform = new FakePlatform();
    const seen = analyticsSdk(platform.win);
    send(platform, { traits: { viewedPricing: true } });
    expect(seen).toEqual([['identify', { viewedPricing: true }]]);
  });

  it('sends company with employee_count, key/value tags as traits and labels as a tags array', () => {
    const platform = new FakePlatform();
    const seen = analyticsSdk(platform.win);
    send(platform, { userId: 'u', company: { name: 'Acme', employeeCount: 12 }, tags: 'vip, brand=Audi' });
    expect(seen[0][2]).toEqual({ company: { name: 'Acme', employee_count: 12 }, brand: 'Audi', tags: ['vip'] });
  });

  it('keeps a trait over a tag of the same name and says so', () => {
    const platform = new FakePlatform();
    const seen = analyticsSdk(platform.win);
    const { messages } = send(platform, { userId: 'u', traits: { brand: 'BMW' }, tags: 'brand=Audi' });
    expect(seen[0][2]).toEqual({ brand: 'BMW' });
    expect(messages[0]).toContain('tag brand not sent');
  });

  it('passes integrations as the options argument', () => {
    const platform = new FakePlatform();
    const seen = analyticsSdk(platform.win);
    send(platform, { userId: 'u' }, { integrations: { All: true, Intercom: false } });
    expect(seen[0]).toEqual(['identify', 'u', {}, { integrations: { All: true, Intercom: false } }]);
  });

  it("calls the page's snippet stub while analytics.js is still loading", () => {
    const platform = new FakePlatform();
    const stub = analyticsStub(platform.win);
    const { outcomes } = send(platform, { userId: 'u' });
    expect([...stub]).toEqual([['identify', 'u', {}]]);
    expect(outcomes[0].status).toBe('sent');
  });

  it('queues the call in a new analytics array when analytics.js is not on the page', () => {
    const platform = new FakePlatform();
    const { outcomes } = send(platform, { userId: 'u', traits: { plan: 'pro' } });
    expect(platform.win.analytics).toEqual([['identify', 'u', { plan: 'pro' }]]);
    expect(platform.callsTo('injectScript')).toEqual([]);
    expect(outcomes[0]).toMatchObject({ status: 'queued' });
    expect(outcomes[0].message).toBe('Segment not loaded yet; queued in window.analytics');
  });

  it('adds to an existing analytics array', () => {
    const platform = new FakePlatform();
    platform.win.analytics = [['page']];
    send(platform, { userId: 'u' });
    expect(platform.win.analytics).toEqual([['page'], ['identify', 'u', {}]]);
  });

  it("loads analytics.js from Segment's URL with the write key, and sets _writeKey", () => {
    const platform = new FakePlatform();
    const { outcomes } = send(platform, { userId: 'u' }, { loadScript: true, writeKey: KEY });
    const url = 'https://cdn.segment.com/analytics.js/v1/' + KEY + '/analytics.min.js';
    expect(platform.callsTo('injectScript')).toEqual([[url, url]]);
    expect(platform.win.analytics._writeKey).toBe(KEY);
    expect([...platform.win.analytics]).toEqual([['identify', 'u', {}]]);
    expect(outcomes).toEqual([{ status: 'queued', message: "queued; Segment's script loaded and runs it" }]);
  });

  it('reports the queued call failed when the script fails to load', () => {
    const platform = new FakePlatform();
    platform.onScript('cdn.segment.com', { outcome: 'fail' });
    const { outcomes } = send(platform, { userId: 'u' }, { loadScript: true, writeKey: KEY });
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0].status).toBe('failed');
    expect(outcomes[0].message).toContain("queued, but Segment's script failed to load");
  });

  it('does not load the script when analytics.js is already there', () => {
    const platform = new FakePlatform();
    analyticsSdk(platform.win);
    send(platform, { userId: 'u' }, { loadScript: true, writeKey: KEY });
    expect(platform.callsTo('injectScript')).toEqual([]);
  });

  it('refuses to load with a missing or unsafe write key, queueing nothing', () => {
    for (const writeKey of [undefined, 'a/b?c', 'key with space']) {
      const platform = new FakePlatform();
      const { outcomes } = send(platform, { userId: 'u' }, { loadScript: true, writeKey });
      expect(outcomes[0].status).toBe('failed');
      expect(outcomes[0].message).toContain('cannot load analytics.js: Segment write key');
      expect(platform.callsTo('injectScript')).toEqual([]);
      expect(platform.win.analytics).toBeUndefined();
    }
  });

  it('leaves a window.analytics that is not analytics.js alone', () => {
    const platform = new FakePlatform();
    platform.win.analytics = { vendor: 'someone else' };
    const { outcomes } = send(platform, { userId: 'u' });
    expect(outcomes[0].status).toBe('failed');
    expect(platform.win.analytics).toEqual({ vendor: 'someone else' });
  });

  it('leaves a window.analytics that is not analytics.js alone and fails', () => {
    const platform = new FakePlatform();
    platform.win.analytics = 'something else';
    const { outcomes } = send(platform, { userId: 'u-1' });
    expect(outcomes).toEqual([{ status: 'failed', message: "window.analytics is a string, not Segment's SDK; nothing sent" }]);
    expect(platform.win.analytics).toBe('something else');
    expect(platform.callsTo('createQueue')).toEqual([]);
  });
});

describe('segment reset', () => {
  const doReset = (platform: FakePlatform, options: unknown = {}) => {
    const outcomes: Outcome[] = [];
    VENDOR.reset(options, context(platform), (o) => outcomes.push(o));
    platform.flush();
    return outcomes;
  };

  it('calls analytics.reset() on a loaded analytics.js', () => {
    const platform = new FakePlatform();
    const seen = analyticsSdk(platform.win);
    expect(doReset(platform)[0].status).toBe('sent');
    expect(seen).toEqual([['reset']]);
  });

  it('queues reset when analytics.js is not loaded, loading it when configured', () => {
    const platform = new FakePlatform();
    expect(doReset(platform, { loadScript: true, writeKey: KEY })[0].status).toBe('queued');
    expect([...platform.win.analytics]).toEqual([['reset']]);
    expect(platform.callsTo('injectScript')).toHaveLength(1);
  });
});
