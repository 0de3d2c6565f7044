import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { identify, reset } from '../../src/core/vendors/antsomi';
import type { Outcome } from '../../src/core/vendors/types';
import type { IdentifyInput } from '../../src/core/model';
import { FakePlatform } from './fake-platform';
import { antsomiSdk, antsomiStub, context, sender } from './helpers';

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

const send = sender(identify);

function tracked(input: IdentifyInput, options: unknown = {}) {
  const platform = new FakePlatform();
  const seen = antsomiSdk(platform.win);
  const result = send(platform, input, options);
  return { call: seen[0], ...result, platform };
}

describe('antsomi identify', () => {
  it('customer id is the md5 of the trimmed lower-cased email', () => {
    const { call } = tracked({ email: '  Ann@Example.COM ' });
    const cid = md5('ann@example.com');
    expect(call).toEqual(['track', 'user', 'identify', {
      items: [],
      dims: { customers: { type: 'customers', customer_id: cid, email: 'Ann@Example.COM' } },
      extra: { identify_id: cid, identify_event: 'identify' },
    }]);
  });

  it("customer id is the md5 of the email as given (only trimmed) with customerIdEmail 'asGiven'", () => {
    const cid = md5('Ann@Example.COM');
    expect(tracked({ email: '  Ann@Example.COM ' }, { customerIdEmail: 'asGiven' }).call[3]).toMatchObject({ extra: { identify_id: cid } });
    expect(tracked({ email: 'Ann@Example.COM' }, { customerIdEmail: 'asGiven', customerIdHash: 'none' }).call[3]).toMatchObject({ extra: { identify_id: 'Ann@Example.COM' } });
  });

  it('uses the sign_in and sign_up actions of the event', () => {
    expect(tracked({ email: 'a@b.co', event: 'sign_in' }).call.slice(1, 3)).toEqual(['user', 'sign_in']);
    const signUp = tracked({ email: 'a@b.co', event: 'sign_up' }).call;
    expect(signUp[2]).toBe('sign_up');
    expect((signUp[3] as { extra: unknown }).extra).toEqual({ identify_id: md5('a@b.co'), identify_event: 'sign_up' });
  });

  it("speaks the developer guide's vocabulary when asked, with the SDK's lead time", () => {
    const { call } = tracked({ email: 'a@b.co', event: 'sign_in', traits: { name: 'Ann' } }, { vocabulary: 'devguide' });
    expect(call[3]).toEqual({
      dims: { customers: { customer_id: md5('a@b.co'), name: 'Ann', email: 'a@b.co' } },
      extra: { identify_id: md5('a@b.co'), identify_time: '2024-05-01 10:00:00', identify_event: 'user_sign_in', identify_type: 'exact' },
    });
  });

  it('falls back to the current UTC time for identify_time before the SDK has loaded', () => {
    const platform = new FakePlatform();
    platform.clock = Date.UTC(2024, 4, 1, 8, 30, 5);
    const queue = antsomiStub(platform.win);
    const { messages } = send(platform, { email: 'a@b.co' }, { vocabulary: 'devguide' });
    expect((queue[0][2] as { extra: { identify_time: string } }).extra.identify_time).toBe('2024-05-01 08:30:05');
    expect(messages).toContain("no _cdpGetLeadTime yet; identify_time is now (UTC)");
  });

  it('takes the customer id from the phone or the user id, hashed or not, as configured', () => {
    expect((tracked({ traits: { phone: ' 0900028583 ' } }, { customerIdFrom: 'phone' }).call[3] as any).extra.identify_id).toBe(md5('0900028583'));
    expect((tracked({ userId: 'U-1' }, { customerIdFrom: 'userId', customerIdHash: 'none' }).call[3] as any).extra.identify_id).toBe('U-1');
    const hashed = md5('already');
    expect((tracked({ userId: hashed }, { customerIdFrom: 'userId' }).call[3] as any).extra.identify_id).toBe(hashed);
  });

  it('skips an anonymous visitor without a source for the customer id and says so', () => {
    const { outcomes, platform } = tracked({ traits: { brand: 'Audi' } });
    expect(outcomes[0]).toEqual({ status: 'skipped', message: 'anonymous visitor: needs an email for the customer id; not sent' });
    expect(platform.callsTo('callInWindow')).toEqual([]);
  });

  it('fails without a source for the customer id', () => {
    const { outcomes, platform } = tracked({ userId: 'u-1' });
    expect(outcomes[0]).toEqual({ status: 'failed', message: 'no customer id: needs an email for the customer id; not sent' });
    expect(platform.callsTo('callInWindow')).toEqual([]);
  });

  it('maps traits to attribute codes and drops codes Antsomi cannot take', () => {
    const { call, messages } = tracked({
      email: 'a@b.co',
      traits: { firstName: 'Ann', lastName: 'Lee', phone: '123', gender: 'f', birthday: '1990-05-17', loyaltyTier: 'gold', 'Ünïcode': 'x', createdAt: 1700000000, type: 'x' },
      company: { name: 'Acme' },
      tags: 'vip, brand=Audi',
    });
    expect((call[3] as any).dims.customers).toEqual({
      type: 'customers', customer_id: md5('a@b.co'), first_name: 'Ann', last_name: 'Lee', name: 'Ann Lee', phone: '123', gender: 'f',
      date_of_birth: '1990-05-17', loyalty_tier: 'gold', created_at: '2023-11-14 22:13:20', email: 'a@b.co',
      company_name: 'Acme', brand: 'Audi', tags: 'vip',
    });
    expect(messages).toContain('attribute "ünïcode" dropped: only a-z, 0-9, _ allowed');
    expect(messages).toContain('attribute "type" is set by the tag; trait not sent');
  });

  it("calls the loader's stub when the SDK is still loading, and reports the call queued, not sent", () => {
    const platform = new FakePlatform();
    const queue = antsomiStub(platform.win);
    expect(send(platform, { email: 'a@b.co' }).outcomes[0]).toEqual({
      status: 'queued', message: 'Antsomi not loaded yet; queued in web_event.queue',
    });
    expect(Array.from(queue[0]).slice(0, 2)).toEqual(['user', 'identify']);
  });

  it('after its script failed to load, a later identify waiting in the stub is failed, not sent', () => {
    const platform = new FakePlatform();
    platform.onScript('st-a.cdp.asia', { outcome: 'fail' });
    const options = { loadScript: true, portalId: '33167', propertyId: 556380312 };
    expect(send(platform, { email: 'a@b.co' }, options).outcomes[0].status).toBe('failed');
    const later = send(platform, { email: 'b@b.co' }, options).outcomes[0];
    expect(later).toEqual({ status: 'failed', message: "queued, but Antsomi's script failed to load (https://st-a.cdp.asia/insight.js)" });
    expect(platform.win.web_event.queue).toHaveLength(2);
  });

  it("builds Antsomi's stub and loads its script with numeric portal and property ids", () => {
    const platform = new FakePlatform();
    const { outcomes } = send(platform, { email: 'a@b.co' }, { loadScript: true, portalId: '33167', propertyId: 556380312 });
    expect(platform.callsTo('createArgumentsQueue')).toEqual([['web_event', 'web_event.queue']]);
    expect(platform.callsTo('aliasInWindow')).toEqual([['web_event.track', 'web_event']]);
    expect(platform.win._portalId).toBe('33167');
    expect(platform.win._propId).toBe('556380312');
    expect(platform.win.web_event.propId).toBe('556380312');
    expect(platform.win.web_event.track).toBe(platform.win.web_event);
    expect(Array.from(platform.win.web_event.queue[0] as IArguments).slice(0, 2)).toEqual(['user', 'identify']);
    expect(platform.callsTo('injectScript')).toEqual([['https://st-a.cdp.asia/insight.js', 'https://st-a.cdp.asia/insight.js']]);
    expect(outcomes[0].status).toBe('queued');
  });

  it('refuses to load with ids that are not numeric', () => {
    const platform = new FakePlatform();
    const { outcomes } = send(platform, { email: 'a@b.co' }, { loadScript: true, portalId: '33167', propertyId: 'abc' });
    expect(outcomes[0].message).toBe('cannot load: portal id and property id must be numeric');
    expect(platform.win.web_event).toBeUndefined();
  });

  it('reports a portal or property id that is not numeric even when it does not load the script', () => {
    const platform = new FakePlatform();
    const { outcomes, messages } = send(platform, { email: 'a@b.co' }, { portalId: '33167', propertyId: 'prop-1' });
    expect(outcomes[0].status).toBe('queued');
    expect(messages).toContain('property id "prop-1" is not numeric; _portalId and _propId not set');
    expect(platform.win._portalId).toBeUndefined();
  });

  it('never sends an email trait that skipped validation as the email attribute', () => {
    const { call, messages } = tracked({ traits: { phone: '0901234567', Email: 'not-an-email' } }, { customerIdFrom: 'phone' });
    const customers = (call[3] as { dims: { customers: Record<string, unknown> } }).dims.customers;
    expect(customers.email).toBeUndefined();
    expect(customers.phone).toBe('0901234567');
    expect(messages).toContain('attribute "email" is set by the tag; trait not sent');
  });

  it('is reported failed when its script fails to load', () => {
    const platform = new FakePlatform();
    platform.onScript('cdp.asia', { outcome: 'fail' });
    expect(send(platform, { email: 'a@b.co' }, { loadScript: true, portalId: 1, propertyId: 2 }).outcomes[0].status).toBe('failed');
  });

  it('does not hash a customer id that already is 32 hex digits', () => {
    const hashed = md5('u-1');
    const { call } = tracked({ userId: hashed }, { customerIdFrom: 'userId' });
    expect((call[3] as { extra: unknown }).extra).toEqual({ identify_id: hashed, identify_event: 'identify' });
  });

  it('leaves a window.web_event that is not Antsomi alone and fails', () => {
    const platform = new FakePlatform();
    platform.win.web_event = { queue: [] };
    const { outcomes } = send(platform, { email: 'ann@example.com' });
    expect(outcomes).toEqual([{ status: 'failed', message: "window.web_event is a object, not Antsomi's SDK; nothing sent" }]);
    expect(platform.callsTo('createArgumentsQueue')).toEqual([]);
  });
});

describe('antsomi reset', () => {
  const doReset = (platform: FakePlatform) => {
    const outcomes: Outcome[] = [];
    reset({}, context(platform), (o) => outcomes.push(o));
    return outcomes;
  };

  it('tracks sign_out and resets the anonymous id', () => {
    const platform = new FakePlatform();
    const seen = antsomiSdk(platform.win);
    expect(doReset(platform)[0]).toEqual({ status: 'sent', message: 'sign_out sent; anonymous id reset' });
    expect(seen).toEqual([['track', 'user', 'sign_out'], ['resetAnonymousUId']]);
  });

  it('queues sign_out in the stub and says the anonymous id stays', () => {
    const platform = new FakePlatform();
    const queue = antsomiStub(platform.win);
    expect(doReset(platform)[0].message).toBe('sign_out sent; no web_event.resetAnonymousUId, anonymous id kept');
    expect(Array.from(queue[0])).toEqual(['user', 'sign_out']);
  });

  it('is skipped when Antsomi is not on the page', () => {
    expect(doReset(new FakePlatform())[0].status).toBe('skipped');
  });
});
