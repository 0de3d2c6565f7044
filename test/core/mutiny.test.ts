import { describe, expect, it } from 'vitest';
import { bareHost, identify, reset } from '../../src/core/vendors/mutiny';
import type { Outcome } from '../../src/core/vendors/types';
import { FakePlatform } from './fake-platform';
import { context, mutinySdk, sender } from './helpers';

const send = sender(identify);

describe('mutiny identify', () => {
  it('sends identify(userId, traits) with the company as a camelCase Account', () => {
    const platform = new FakePlatform();
    const seen = mutinySdk(platform.win);
    send(platform, {
      userId: 'crm-1', email: 'brian@airbnb.com', traits: { name: 'Brian', title: 'CEO' },
      company: { id: 'c-1', domain: 'airbnb.com', name: 'AirBnb', employee_count: 6100, plan: 'premium' },
    });
    expect(seen).toEqual([['crm-1', {
      name: 'Brian', title: 'CEO', email: 'brian@airbnb.com',
      company: { id: 'c-1', domain: 'airbnb.com', name: 'AirBnb', employeeCount: 6100, plan: 'premium' },
    }]]);
  });

  it('sends null as the id of an anonymous visitor', () => {
    const platform = new FakePlatform();
    const seen = mutinySdk(platform.win);
    send(platform, { email: 'support@mutinyhq.com' });
    expect(seen).toEqual([[null, { email: 'support@mutinyhq.com' }]]);
  });

  it('is skipped when its client is not on the page', () => {
    const platform = new FakePlatform();
    const { outcomes } = send(platform, { userId: 'u', email: 'a@b.co' });
    expect(outcomes[0].status).toBe('skipped');
    expect(outcomes[0].message).toContain('not on the page (no mutiny.client.identify)');
    expect(platform.callsTo('callInWindow')).toEqual([]);
  });

  it('warns when there is no email to match a CRM record', () => {
    const platform = new FakePlatform();
    mutinySdk(platform.win);
    expect(send(platform, { userId: 'u' }).messages).toContain('no email: cannot match a CRM record');
  });

  it('reduces company.domain to a bare host and says so', () => {
    const platform = new FakePlatform();
    const seen = mutinySdk(platform.win);
    const { messages } = send(platform, { email: 'a@b.co', company: { domain: 'https://www.Airbnb.com/about?x=1' } });
    expect((seen[0][1] as { company: unknown }).company).toEqual({ domain: 'airbnb.com' });
    expect(messages[0]).toContain('sent as the bare host "airbnb.com"');
    expect(bareHost('shop.example.co.uk:8443')).toBe('shop.example.co.uk');
  });

  it('sends key/value tags as traits and labels as one comma-separated tags trait', () => {
    const platform = new FakePlatform();
    const seen = mutinySdk(platform.win);
    send(platform, { email: 'a@b.co', tags: 'vip, brand=Audi, beta' });
    expect(seen[0][1]).toEqual({ email: 'a@b.co', brand: 'Audi', tags: 'vip,beta' });
  });
});

describe('mutiny reset', () => {
  it('is a documented no-op', () => {
    const outcomes: Outcome[] = [];
    reset({}, context(new FakePlatform()), (o) => outcomes.push(o));
    expect(outcomes).toEqual([{ status: 'skipped', message: 'Mutiny has no reset/logout; nothing to do' }]);
  });
});
