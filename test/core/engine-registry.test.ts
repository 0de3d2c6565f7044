// A build whose vendor registry lacks a vendor (the bridge's per-vendor bundles swap
// registry.ts): the engine reports that destination instead of calling a missing module.
import { describe, expect, it, vi } from 'vitest';
import { FakePlatform } from './fake-platform';
import { analyticsSdk, run } from './helpers';

vi.mock('../../src/core/vendors/registry', async () => {
  const segment = await import('../../src/core/vendors/segment');
  return { VENDORS: { segment: segment.VENDOR } };
});

describe('engine with a one-vendor registry', () => {
  it('drops a destination whose vendor is not in the build, says so, and still sends to the others', () => {
    const platform = new FakePlatform();
    analyticsSdk(platform.win);
    const { outcome } = run(platform, { userId: 'u1' }, { source: 'datalayer_bridge', destinations: [{ vendor: 'gist' }, { vendor: 'segment' }] });
    expect(outcome.ok).toBe(true);
    expect(outcome.results.map((r) => r.vendor + ':' + r.status)).toEqual(['segment:sent']);
    expect(outcome.messages).toContainEqual({ level: 'error', vendor: null, text: 'gist is not in this build; ignored' });
  });

  it('with only missing vendors has no destination and is not ok', () => {
    const { outcome } = run(new FakePlatform(), { userId: 'u1' }, { source: 'datalayer_bridge', destinations: [{ vendor: 'antsomi' }] });
    expect(outcome.ok).toBe(false);
    expect(outcome.messages.map((m) => m.text)).toEqual(['antsomi is not in this build; ignored', 'no destination to send to']);
  });
});
