import { describe, expect, it } from 'vitest';
import { identify, reset } from '../../src/core/vendors/gist';
import type { Outcome } from '../../src/core/vendors/types';
import type { IdentifyInput } from '../../src/core/model';
import { FakePlatform } from './fake-platform';
import { context, gistSdk, gistStub, sender } from './helpers';

const USER = { userId: 'u-1', email: 'ann@example.com' };

const send = sender(identify);

/** The props Gist received from a loaded SDK. */
function propsOf(input: IdentifyInput, options: unknown = {}) {
  const platform = new FakePlatform();
  const seen = gistSdk(platform.win);
  const result = send(platform, input, options);
  return { props: seen[0]?.[2] as Record<string, unknown>, id: seen[0]?.[1], ...result };
}

describe('gist identify', () => {
  it('sends identify(userId, props) with the email and snake_case keys', () => {
    const { props, id, outcomes } = propsOf({ ...USER, traits: { firstName: 'Ann', plan: 'pro', activeAccounts: 3 } });
    expect(id).toBe('u-1');
    expect(props).toEqual({ email: 'ann@example.com', first_name: 'Ann', plan: 'pro', active_accounts: 3, name: 'Ann' });
    expect(outcomes[0].status).toBe('sent');
  });

  it('builds name from first and last name unless a name is given', () => {
    expect(propsOf({ ...USER, traits: { firstName: 'Ann', lastName: 'Lee' } }).props.name).toBe('Ann Lee');
    expect(propsOf({ ...USER, traits: { firstName: 'Ann', name: 'Dr Ann' } }).props.name).toBe('Dr Ann');
  });

  it('drops keys with a dollar sign and says so', () => {
    const { props, messages } = propsOf({ ...USER, traits: { $created: 'x', plan: 'pro' } });
    expect(props).toEqual({ email: 'ann@example.com', plan: 'pro' });
    expect(messages).toContain('property "$created" dropped: no "$" or empty names');
  });

  it('replaces dots and other special characters in keys with underscores', () => {
    const { props, messages } = propsOf({ ...USER, traits: { 'utm.source': 'ads', 'fav colour!': 'red' } });
    expect(props).toMatchObject({ utm_source: 'ads', fav_colour_: 'red' });
    expect(messages).toContain('property "utm.source" sent as "utm_source" (only letters, digits, _)');
  });

  it('sends dates as unix seconds in keys ending in _at', () => {
    const { props } = propsOf({
      ...USER,
      traits: { createdAt: '2023-11-14T22:13:20Z', birthday: '1990-01-01' },
      traitRows: [{ key: 'last_paid_at', value: '2024-01-01T00:00:00+01:00', type: 'date' }, { key: 'renewal', value: 1700000000000, type: 'date' }],
    });
    expect(props).toMatchObject({ created_at: 1700000000, birthday_at: 631152000, last_paid_at: 1704063600, renewal_at: 1700000000 });
    expect(props.createdAt).toBeUndefined();
  });

  it('sends a date in any key ending in _at as unix seconds, since Gist reads those keys as dates', () => {
    const { props, messages } = propsOf({
      ...USER,
      traits: { last_paid_at: '2024-01-01T00:00:00Z', trialEndsAt: 1700000000000, renewed_at: 1700000000, cancelled_at: null },
      company: { name: 'Acme', createdAt: '2023-11-14' },
    });
    expect(props).toMatchObject({
      last_paid_at: 1704067200, trial_ends_at: 1700000000, renewed_at: 1700000000, cancelled_at: null, company_created_at: 1699920000,
    });
    expect(messages).toContain('property "last_paid_at" sent as unix seconds (1704067200)');
  });

  it('sends a value that is not a date in an _at key as given and says so', () => {
    const { props, messages } = propsOf({ ...USER, traits: { seen_at: 'yesterday' } });
    expect(props.seen_at).toBe('yesterday');
    expect(messages).toContain('property "seen_at" ends in _at (a date), but "yesterday" is not a date; sent as given');
  });

  it('drops a property with an empty name and says so', () => {
    const { props, messages } = propsOf({ ...USER, traits: { '': 'x', plan: 'pro' } });
    expect(props).toEqual({ email: 'ann@example.com', plan: 'pro' });
    expect(messages).toContain('property "" dropped: no "$" or empty names');
  });

  it('never lets a trait or tag replace the email, tags or overwrite_tags it sets itself', () => {
    const { props, messages } = propsOf(
      { ...USER, traits: { Email: 'not-an-email', Tags: 'x', overwrite_tags: true }, tags: 'vip, OverwriteTags=yes' },
      { overwriteTags: false },
    );
    expect(props).toEqual({ email: 'ann@example.com', tags: 'vip', overwrite_tags: false });
    expect(messages).toContain('"Email" not sent: "email" comes from the email and tags');
    expect(messages).toContain('"OverwriteTags" not sent: "overwrite_tags" comes from the email and tags');
  });

  it('keeps the tags string within 255 characters by leaving out whole labels, and says which', () => {
    const names = Array.from({ length: 30 }, (_, i) => 'label-' + String(i).padStart(3, '0'));
    const { props, messages } = propsOf({ ...USER, tags: names.join(',') });
    const sent = (props.tags as string).split(',');
    expect((props.tags as string).length).toBeLessThanOrEqual(255);
    expect(sent).toEqual(names.slice(0, sent.length));
    expect(messages).toContain('tags over 255 characters in all; not sent: ' + names.slice(sent.length).join(', '));
  });

  it('flattens objects one level and drops deeper values with a warning', () => {
    const { props, messages } = propsOf({ ...USER, traits: { address: { city: 'Oslo', geo: { lat: 1 } }, interests: ['cars', 'golf'] } });
    expect(props).toMatchObject({ address_city: 'Oslo', interests: 'cars,golf' });
    expect(props.address_geo).toBeUndefined();
    expect(messages).toContain('address.geo is nested over one level deep; dropped');
  });

  it('sends the company as company_* properties', () => {
    const { props } = propsOf({ ...USER, company: { name: 'Acme', employeeCount: 12 } });
    expect(props).toMatchObject({ company_name: 'Acme', company_employee_count: 12 });
  });

  it('truncates strings longer than 255 characters and says so', () => {
    const { props, messages } = propsOf({ ...USER, traits: { description: 'd'.repeat(300) } });
    expect(props.description).toBe('d'.repeat(255));
    expect(messages).toContain('property "description" truncated to 255 characters');
  });

  it('sends null as Gist\'s "no value"', () => {
    expect(propsOf({ ...USER, traits: { teammates: null } }).props.teammates).toBeNull();
  });

  it('adds labels to the contact\'s tags by default: a comma-separated tags string with overwrite_tags false', () => {
    const { props } = propsOf({ ...USER, tags: 'Free, popular, brand=Audi' });
    expect(props).toMatchObject({ tags: 'Free,popular', brand: 'Audi', overwrite_tags: false });
  });

  it('replaces the contact\'s tags only when told to, leaving overwrite_tags to Gist\'s default (true)', () => {
    expect(propsOf({ ...USER, tags: 'vip' }, { overwriteTags: true }).props).toMatchObject({ tags: 'vip' });
    expect(propsOf({ ...USER, tags: 'vip' }, { overwriteTags: true }).props.overwrite_tags).toBeUndefined();
    expect(propsOf({ ...USER }, { overwriteTags: false }).props.tags).toBeUndefined();
    expect(propsOf({ ...USER }, { overwriteTags: false }).props.overwrite_tags).toBeUndefined();
  });

  it('requires an email', () => {
    const platform = new FakePlatform();
    const seen = gistSdk(platform.win);
    const { outcomes } = send(platform, { userId: 'u-1' });
    expect(outcomes[0]).toEqual({ status: 'failed', message: 'needs an email; not sent' });
    expect(seen).toEqual([]);
  });

  it('skips an anonymous visitor and says Gist needs an email', () => {
    const platform = new FakePlatform();
    const seen = gistSdk(platform.win);
    const { outcomes } = send(platform, { traits: { brand: 'Audi' } });
    expect(outcomes[0]).toEqual({ status: 'skipped', message: 'anonymous visitor: needs an email; not sent' });
    expect(seen).toEqual([]);
  });

  it('identifies a lead with an email but no user id under the empty user id, as Gist documents', () => {
    const platform = new FakePlatform();
    const seen = gistSdk(platform.win);
    const { outcomes } = send(platform, { email: 'ann@example.com', tags: 'brand=Audi' });
    expect(outcomes[0].status).toBe('sent');
    expect(seen).toEqual([['identify', '', { email: 'ann@example.com', brand: 'Audi' }]]);
  });

  it('refuses a user id of 255 characters (Gist wants fewer)', () => {
    const platform = new FakePlatform();
    gistSdk(platform.win);
    expect(send(platform, { userId: 'x'.repeat(255), email: 'a@b.co' }).outcomes[0].status).toBe('failed');
  });

  it("calls the snippet stub's identify while Gist is loading", () => {
    const platform = new FakePlatform();
    const stub = gistStub(platform.win);
    expect(send(platform, USER).outcomes[0].status).toBe('sent');
    expect([...stub]).toEqual([['identify', 'u-1', { email: 'ann@example.com' }]]);
  });

  it('creates the stub with setAppId and trackPageView before identify when it loads Gist', () => {
    const platform = new FakePlatform();
    const { outcomes } = send(platform, USER, { loadScript: true, appId: 'env4v3il' });
    expect(platform.win.gist).toEqual([['setAppId', 'env4v3il'], ['trackPageView'], ['identify', 'u-1', { email: 'ann@example.com' }]]);
    expect(platform.callsTo('injectScript')).toEqual([['https://widget.getgist.com/', 'https://widget.getgist.com/']]);
    expect(outcomes[0].status).toBe('queued');
  });

  it('queues without loading when not configured to load', () => {
    const platform = new FakePlatform();
    expect(send(platform, USER).outcomes[0].status).toBe('queued');
    expect(platform.win.gist).toEqual([['identify', 'u-1', { email: 'ann@example.com' }]]);
  });

  it('is reported failed when its script fails to load', () => {
    const platform = new FakePlatform();
    platform.onScript('getgist', { outcome: 'fail' });
    expect(send(platform, USER, { loadScript: true, appId: 'env4v3il' }).outcomes[0].status).toBe('failed');
  });

  it('refuses to load without an app id', () => {
    const platform = new FakePlatform();
    const { outcomes } = send(platform, USER, { loadScript: true });
    expect(outcomes[0]).toEqual({ status: 'failed', message: 'cannot load Gist: Gist app id is missing' });
    expect(platform.win.gist).toBeUndefined();
  });

  it('leaves a window.gist that is not Gist alone and fails', () => {
    const platform = new FakePlatform();
    platform.win.gist = { version: 1 };
    const { outcomes } = send(platform, { userId: 'u-1', email: 'ann@example.com' });
    expect(outcomes).toEqual([{ status: 'failed', message: 'window.gist is a object, not Gist\'s SDK; nothing sent' }]);
    expect(platform.win.gist).toEqual({ version: 1 });
  });
});

describe('gist reset', () => {
  const doReset = (platform: FakePlatform, options: unknown = {}) => {
    const outcomes: Outcome[] = [];
    reset(options, context(platform), (o) => outcomes.push(o));
    platform.flush();
    return outcomes;
  };

  it("calls gist.chat('shutdown') when Gist is loaded", () => {
    const platform = new FakePlatform();
    const seen = gistSdk(platform.win);
    expect(doReset(platform)[0].status).toBe('sent');
    expect(seen).toEqual([['chat', 'shutdown']]);
  });

  it('waits for the SDK when only the stub is there, then shuts down', () => {
    const platform = new FakePlatform();
    gistStub(platform.win);
    const outcomes: Outcome[] = [];
    reset({}, context(platform), (o) => outcomes.push(o));
    platform.step(5);
    expect(outcomes).toEqual([]);
    const seen = gistSdk(platform.win);
    platform.flush();
    expect(seen).toEqual([['chat', 'shutdown']]);
    expect(outcomes).toEqual([{ status: 'sent', message: "gist.chat('shutdown') called" }]);
  });

  it('gives up after the bound and is skipped with a message', () => {
    const platform = new FakePlatform();
    gistStub(platform.win);
    const start = platform.now();
    const outcomes = doReset(platform, { waitMs: 300 });
    expect(outcomes).toEqual([{ status: 'skipped', message: "not loaded within 300 ms; chat('shutdown') not called" }]);
    expect(platform.now() - start).toBeGreaterThanOrEqual(300);
  });

  it('is skipped when Gist is not on the page', () => {
    expect(doReset(new FakePlatform())[0]).toEqual({ status: 'skipped', message: 'not on the page; nothing to shut down' });
  });
});
