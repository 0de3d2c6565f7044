import { describe, expect, it } from 'vitest';
import { VENDOR } from '../../src/core/vendors/customerio';
import type { Outcome } from '../../src/core/vendors/types';
import { FakePlatform } from './fake-platform';
import { analyticsSdk, analyticsStub, context, sender } from './helpers';

const send = sender(VENDOR.identify);

describe('customer.io identify', () => {
  it('calls cioanalytics.identify, the global of the current snippet', () => {
    const platform = new FakePlatform();
    const seen = analyticsSdk(platform.win, 'cioanalytics');
    const other = analyticsSdk(platform.win, 'analytics');
    send(platform, { userId: 'u', email: 'ann@example.com' });
    expect(seen).toEqual([['identify', 'u', { email: 'ann@example.com' }]]);
    expect(other).toEqual([]);
  });

  it('sends company with employee_count, key/value tags as traits and labels as a tags array, as Segment does', () => {
    const platform = new FakePlatform();
    const seen = analyticsSdk(platform.win, 'cioanalytics');
    send(platform, { userId: 'u', company: { name: 'Acme', employeeCount: 12, domain: 'acme.com' }, tags: 'vip, brand=Audi' });
    expect(seen).toEqual([['identify', 'u', { company: { name: 'Acme', employee_count: 12, domain: 'acme.com' }, brand: 'Audi', tags: ['vip'] }]]);
  });

  it('sends a traits-only identify for an anonymous visitor, never identify(null, …)', () => {
    const platform = new FakePlatform();
    const seen = analyticsSdk(platform.win, 'cioanalytics');
    send(platform, { email: 'ann@example.com' });
    expect(seen).toEqual([['identify', { email: 'ann@example.com' }]]);
  });

  it('uses window.analytics for older snippets when its write key is the configured one', () => {
    const platform = new FakePlatform();
    const stub = analyticsStub(platform.win, 'analytics', 'key1');
    expect(send(platform, { userId: 'u' }, { globalName: 'analytics', writeKey: 'key1' }).outcomes[0].status).toBe('sent');
    expect([...stub]).toEqual([['identify', 'u', {}]]);
  });

  it('never calls an analytics.js on window.analytics whose write key is another one (Segment): fails and says to use cioanalytics', () => {
    for (const options of [{ globalName: 'analytics', writeKey: 'key1' }, { loadScript: true, writeKey: 'key1' }]) {
      const platform = new FakePlatform();
      const segment = analyticsSdk(platform.win, 'analytics', 'segment_key');
      const { outcomes } = send(platform, { userId: 'u', email: 'ann@example.com' }, options);
      expect(segment).toEqual([]);
      expect(outcomes[0]).toMatchObject({ status: 'failed', message: expect.stringContaining("use Customer.io's cioanalytics snippet") });
      expect(platform.callsTo('injectScript')).toEqual([]);
    }
  });

  it('never pushes into a Segment snippet stub on window.analytics, with or without a write key of its own', () => {
    for (const options of [{ globalName: 'analytics' }, { globalName: 'analytics', writeKey: 'key1' }]) {
      const platform = new FakePlatform();
      const stub = analyticsStub(platform.win, 'analytics', 'segment_key');
      expect(send(platform, { userId: 'u' }, options).outcomes[0].status).toBe('failed');
      expect([...stub]).toEqual([]);
    }
  });

  it('asks for the write key when told to use window.analytics without one', () => {
    const platform = new FakePlatform();
    const stub = analyticsStub(platform.win, 'analytics', 'key1');
    const { outcomes } = send(platform, { userId: 'u' }, { globalName: 'analytics' });
    expect(outcomes[0]).toMatchObject({ status: 'failed', message: expect.stringContaining('enter the write key') });
    expect([...stub]).toEqual([]);
  });

  it('queues on an empty window.analytics for an older snippet, marked with its write key', () => {
    const platform = new FakePlatform();
    expect(send(platform, { userId: 'u' }, { globalName: 'analytics', writeKey: 'key1' }).outcomes[0].status).toBe('queued');
    expect([...platform.win.analytics]).toEqual([['identify', 'u', {}]]);
    expect(platform.win.analytics._writeKey).toBe('key1');
  });

  it('queues on cioanalytics for the page snippet when Customer.io is not loaded and not loaded by us', () => {
    const platform = new FakePlatform();
    expect(send(platform, { userId: 'u' }).outcomes[0].status).toBe('queued');
    expect(platform.win.cioanalytics).toEqual([['identify', 'u', {}]]);
  });

  it('loads its own script and queues on window.analytics, where that bundle looks without the data attribute', () => {
    const platform = new FakePlatform();
    const { outcomes } = send(platform, { userId: 'u' }, { loadScript: true, writeKey: 'key1' });
    const url = 'https://cdp.customer.io/v1/analytics-js/snippet/key1/analytics.min.js';
    expect(platform.callsTo('injectScript')).toEqual([[url, url]]);
    expect([...platform.win.analytics]).toEqual([['identify', 'u', {}]]);
    expect(platform.win.analytics._writeKey).toBe('key1');
    expect(platform.win.cioanalytics).toBeUndefined();
    expect(outcomes[0].status).toBe('queued');
  });

  it('loads from the EU host for the EU region', () => {
    const platform = new FakePlatform();
    send(platform, { userId: 'u' }, { loadScript: true, writeKey: 'key1', region: 'EU' });
    expect(platform.callsTo('injectScript')[0][0]).toBe('https://cdp-eu.customer.io/v1/analytics-js/snippet/key1/analytics.min.js');
  });

  it('calls the Customer.io it loaded earlier on window.analytics', () => {
    const platform = new FakePlatform();
    const seen = analyticsSdk(platform.win, 'analytics', 'key1');
    send(platform, { userId: 'u' }, { loadScript: true, writeKey: 'key1' });
    expect(seen).toEqual([['identify', 'u', {}]]);
    expect(platform.callsTo('injectScript')).toEqual([]);
  });

  it('prefers the page snippet on cioanalytics even when configured to load', () => {
    const platform = new FakePlatform();
    const stub = analyticsStub(platform.win, 'cioanalytics');
    send(platform, { userId: 'u' }, { loadScript: true, writeKey: 'key1' });
    expect([...stub]).toEqual([['identify', 'u', {}]]);
    expect(platform.callsTo('injectScript')).toEqual([]);
  });

  it('is reported failed when its script fails to load', () => {
    const platform = new FakePlatform();
    platform.onScript('customer.io', { outcome: 'fail' });
    expect(send(platform, { userId: 'u' }, { loadScript: true, writeKey: 'key1' }).outcomes[0].status).toBe('failed');
  });
});

describe('customer.io reset', () => {
  it('calls cioanalytics.reset()', () => {
    const platform = new FakePlatform();
    const seen = analyticsSdk(platform.win, 'cioanalytics');
    const outcomes: Outcome[] = [];
    VENDOR.reset({}, context(platform), (o) => outcomes.push(o));
    expect(seen).toEqual([['reset']]);
    expect(outcomes[0].status).toBe('sent');
  });

  it('never resets a Segment analytics.js on window.analytics', () => {
    const platform = new FakePlatform();
    const segment = analyticsSdk(platform.win, 'analytics', 'segment_key');
    const outcomes: Outcome[] = [];
    VENDOR.reset({ globalName: 'analytics', writeKey: 'key1' }, context(platform), (o) => outcomes.push(o));
    expect(segment).toEqual([]);
    expect(outcomes[0].status).toBe('failed');
  });
});
