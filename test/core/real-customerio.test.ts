import { describe, expect, it, vi } from 'vitest';
import { runIdentify } from '../../src/core/engine';
import type { EngineConfig, EngineOutcome } from '../../src/core/engine';
import { realPage, windowPlatform } from './real-sdk';

const BUNDLE = 'node_modules/@customerio/cdp-analytics-browser/dist/umd/standalone.js';

describe('customer.io with the real cdp-analytics-browser', () => {
  it('sends the call it queued when it loads the script itself (no data attribute, window.analytics)', async () => {
    const { win, requests } = realPage('Customer.io Data Pipelines');
    const platform = windowPlatform(win, { 'cdp.customer.io/v1/analytics-js/snippet/k1/': BUNDLE });
    const config: EngineConfig = { source: 'datalayer_bridge', destinations: [{ vendor: 'customerio', options: { loadScript: true, writeKey: 'k1' } }] };
    const outcome = await new Promise<EngineOutcome>((resolve) =>
      runIdentify({ userId: 'ann@example.com', traits: { plan: 'pro' } }, config, platform, resolve));
    expect(outcome.results[0].status).toBe('queued');
    await vi.waitFor(() => expect(requests.some((r) => r.url === 'https://cdp.customer.io/v1/i')).toBe(true), { timeout: 10_000 });
    const body = requests.find((r) => r.url === 'https://cdp.customer.io/v1/i')?.body;
    expect(body).toMatchObject({ type: 'identify', userId: 'ann@example.com', traits: { plan: 'pro' } });
    expect(win.cioanalytics).toBeUndefined();
  });
});
