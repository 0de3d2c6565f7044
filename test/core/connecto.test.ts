import { describe, expect, it } from 'vitest';
import { identify, reset } from '../../src/core/vendors/connecto';
import type { Outcome } from '../../src/core/vendors/types';
import { FakePlatform } from './fake-platform';
import { callOf, connectoSdk, context, sender } from './helpers';

const send = sender(identify);

const SCRIPT = 'https://server.connecto.io/javascripts/connect.prod.min.js';

describe('connecto identify', () => {
  it('sends identify(userId, traits) with every value as text', () => {
    const platform = new FakePlatform();
    const seen = connectoSdk(platform.win);
    send(platform, {
      userId: 'ABCD1234', email: 'amit@example.com',
      traits: { age: 31, vip: true, nothing: null, address: { city: 'Pune' }, createdAt: 1700000000 },
      company: { name: 'Acme' },
    });
    expect(seen).toEqual([['ABCD1234', {
      age: '31', vip: 'true', address_city: 'Pune', createdAt: '2023-11-14T22:13:20.000Z',
      email: 'amit@example.com', company_name: 'Acme',
    }]]);
  });

  it('uses the email as the id when there is no user id', () => {
    const platform = new FakePlatform();
    const seen = connectoSdk(platform.win);
    send(platform, { email: 'amit@example.com', tags: 'brand=Audi' });
    expect(seen[0][0]).toBe('amit@example.com');
  });

  it('uses _connecto.getIdentity() for an anonymous visitor', () => {
    const platform = new FakePlatform();
    const seen = connectoSdk(platform.win, 'anon-77');
    send(platform, { tags: 'brand=Audi' });
    expect(seen).toEqual([['anon-77', { brand: 'Audi' }]]);
  });

  it('tags the user with each value: key/value tags as keys, and a label as a key whose value is the label itself', () => {
    const platform = new FakePlatform();
    const seen = connectoSdk(platform.win);
    const { messages } = send(platform, { userId: 'u', traits: { type: 'sales' }, tags: 'type=engineering, high value lead, vip' });
    expect(seen[0][1]).toEqual({ type: 'engineering', 'high value lead': 'high value lead', vip: 'vip' });
    expect(messages[0]).toContain('"type" is given twice; the last is used');
  });

  it('waits for its SDK and sends once it appears', () => {
    const platform = new FakePlatform();
    const outcomes: Outcome[] = [];
    identify(callOf({ userId: 'u' }), {}, context(platform), (o) => outcomes.push(o));
    platform.step(20);
    expect(outcomes).toEqual([]);
    const seen = connectoSdk(platform.win);
    platform.flush();
    expect(seen).toEqual([['u', {}]]);
    expect(outcomes).toEqual([{ status: 'sent', message: '_connecto.identify called' }]);
  });

  it('waits for its SDK and gives up after the bound', () => {
    const platform = new FakePlatform();
    const start = platform.now();
    const { outcomes } = send(platform, { userId: 'u' }, { waitMs: 1000 });
    expect(outcomes).toEqual([{
      status: 'failed',
      message: 'not on the page within 1000 ms (no pre-load queue); identify dropped',
    }]);
    expect(platform.now() - start).toBeGreaterThanOrEqual(1000);
    expect(platform.now() - start).toBeLessThan(1100);
  });

  it('loads its script with the license key and sends once _connecto is ready', () => {
    const platform = new FakePlatform();
    let seen: unknown[][] = [];
    platform.onScript('connecto.io', { outcome: 'load', onLoad: (win) => { seen = connectoSdk(win); } });
    const { outcomes } = send(platform, { userId: 'u' }, { loadScript: true, licenseKey: 'LK0123456789abcd' });
    expect(platform.win._TConnecto).toEqual({ licenseKey: 'LK0123456789abcd' });
    expect(platform.callsTo('injectScript')).toEqual([[SCRIPT, SCRIPT]]);
    expect(seen).toEqual([['u', {}]]);
    expect(outcomes[0].status).toBe('sent');
  });

  it("keeps the page's own _TConnecto", () => {
    const platform = new FakePlatform();
    platform.win._TConnecto = { licenseKey: 'PAGEKEY' };
    platform.onScript('connecto.io', { outcome: 'load', onLoad: (win) => connectoSdk(win) });
    send(platform, { userId: 'u' }, { loadScript: true, licenseKey: 'OURKEY' });
    expect(platform.win._TConnecto).toEqual({ licenseKey: 'PAGEKEY' });
  });

  it('is reported failed when its script fails to load', () => {
    const platform = new FakePlatform();
    platform.onScript('connecto.io', { outcome: 'fail' });
    const { outcomes } = send(platform, { userId: 'u' }, { loadScript: true, licenseKey: 'LK' });
    expect(outcomes).toEqual([{ status: 'failed', message: 'script failed to load (' + SCRIPT + ')' }]);
  });

  it('refuses to load without a license key', () => {
    const platform = new FakePlatform();
    expect(send(platform, { userId: 'u' }, { loadScript: true }).outcomes[0].message).toBe('cannot load Connecto: Connecto license key is missing');
    expect(platform.callsTo('injectScript')).toEqual([]);
  });

  it('fails an anonymous visitor when _connecto.getIdentity() gives no id', () => {
    const platform = new FakePlatform();
    const seen = connectoSdk(platform.win, '');
    const { outcomes } = send(platform, { traits: { plan: 'pro' } });
    expect(seen).toEqual([]);
    expect(outcomes).toEqual([{ status: 'failed', message: 'no user id, email or _connecto.getIdentity() id' }]);
  });
});

describe('connecto reset', () => {
  it('is a documented no-op', () => {
    const outcomes: Outcome[] = [];
    reset({}, context(new FakePlatform()), (o) => outcomes.push(o));
    expect(outcomes[0].status).toBe('skipped');
  });
});
