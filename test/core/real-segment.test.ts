import { describe, expect, it, vi } from 'vitest';
import { runIdentify } from '../../src/core/engine';
import type { EngineConfig, EngineOutcome } from '../../src/core/engine';
import type { IdentifyInput } from '../../src/core/model';
import { realPage, windowPlatform } from './real-sdk';

const BUNDLE = 'node_modules/@segment/analytics-next/dist/umd/standalone.js';
const CONFIG: EngineConfig = { source: 'datalayer_bridge', destinations: [{ vendor: 'segment', options: { loadScript: true, writeKey: 'k1' } }] };

describe('segment with the real analytics.js', () => {
  it('queues before load, then sends, identifies and resets through the real client', async () => {
    const { win, requests } = realPage('Segment.io');
    const platform = windowPlatform(win, { 'cdn.segment.com/analytics.js/v1/k1/': BUNDLE });
    const identify = (input: IdentifyInput) => new Promise<EngineOutcome>((resolve) => runIdentify(input, CONFIG, platform, resolve));
    const identifies = () => requests.filter((r) => r.url === 'https://api.segment.io/v1/i').map((r) => r.body);

    const first = await identify({ traits: { viewedPricing: true } });
    expect(first.results[0].status).toBe('queued');
    await vi.waitFor(() => expect(identifies()).toHaveLength(1), { timeout: 10_000 });
    expect(identifies()[0]).toMatchObject({ type: 'identify', userId: null, traits: { viewedPricing: true } });
    expect(identifies()[0].anonymousId).toEqual(expect.any(String));

    const second = await identify({
      userId: 'u-1', email: 'ann@example.com', traits: { plan: 'pro', created_at: '2024-01-02' }, tags: 'vip, brand=Audi',
      company: { name: 'Acme', employeeCount: 5 },
    });
    expect(second.results[0].status).toBe('sent');
    await vi.waitFor(() => expect(identifies()).toHaveLength(2), { timeout: 10_000 });
    expect(identifies()[1]).toMatchObject({
      userId: 'u-1',
      traits: {
        plan: 'pro', createdAt: '2024-01-02T00:00:00.000Z', email: 'ann@example.com', brand: 'Audi', tags: ['vip'],
        company: { name: 'Acme', employee_count: 5 }, viewedPricing: true,
      },
    });
    expect(requests.filter((r) => r.url.includes('/settings'))).toHaveLength(1);

    expect(win.localStorage.getItem('ajs_user_id')).toContain('u-1');
    const reset = await new Promise<EngineOutcome>((resolve) => runIdentify({ action: 'reset' }, CONFIG, platform, resolve));
    expect(reset.results[0].status).toBe('sent');
    expect(win.localStorage.getItem('ajs_user_id') ?? '').not.toContain('u-1');
  });
});
