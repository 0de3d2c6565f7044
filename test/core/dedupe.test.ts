import { describe, expect, it } from 'vitest';
import { STORAGE_KEY } from '../../src/core/dedupe';
import type { EngineConfig } from '../../src/core/engine';
import type { IdentifyInput } from '../../src/core/model';
import { FakePlatform } from './fake-platform';
import { analyticsSdk, gistSdk, run } from './helpers';

const CONFIG: EngineConfig = { source: 'gtm_template', destinations: [{ vendor: 'segment' }, { vendor: 'gist' }], dedupe: true };
const USER: IdentifyInput = { userId: 'u-1', email: 'ann@example.com', traits: { plan: 'pro' } };

/** A platform on a page with both SDKs loaded, sharing `store` (localStorage across page loads). */
function page(store?: Map<string, string>) {
  const platform = new FakePlatform();
  if (store) platform.store = store;
  return { platform, segment: analyticsSdk(platform.win), gist: gistSdk(platform.win) };
}

describe('dedupe (skip if unchanged)', () => {
  it('skips an identify that equals the last one sent', () => {
    const { platform, segment } = page();
    run(platform, USER, CONFIG);
    const second = run(platform, USER, CONFIG).outcome;
    expect(segment).toHaveLength(1);
    expect(second.results.map((r) => r.status)).toEqual(['skipped', 'skipped']);
    expect(second.results[0].message).toContain('unchanged since the last identify');
    expect(second.ok).toBe(true);
  });

  it('sends again when a trait changes', () => {
    const { platform, segment } = page();
    run(platform, USER, CONFIG);
    run(platform, { ...USER, traits: { plan: 'enterprise' } }, CONFIG);
    expect(segment).toHaveLength(2);
  });

  it('sends again when the event changes', () => {
    const { platform, segment } = page();
    run(platform, USER, CONFIG);
    run(platform, { ...USER, event: 'sign_in' }, CONFIG);
    expect(segment).toHaveLength(2);
  });

  it('sends every time when dedupe is off', () => {
    const { platform, segment } = page();
    run(platform, USER, { ...CONFIG, dedupe: false });
    run(platform, USER, { ...CONFIG, dedupe: false });
    expect(segment).toHaveLength(2);
  });

  it('survives a page load: a new run with the same storage still skips', () => {
    const first = page();
    run(first.platform, USER, CONFIG);
    const second = page(first.platform.store);
    run(second.platform, USER, CONFIG);
    expect(second.segment).toEqual([]);
  });

  it('forgets the reset vendors on reset, so the next identify is sent', () => {
    const { platform, segment, gist } = page();
    run(platform, USER, CONFIG);
    run(platform, { action: 'reset' }, { ...CONFIG, destinations: [{ vendor: 'segment' }] });
    run(platform, USER, CONFIG);
    expect(segment.filter((call) => call[0] === 'identify')).toHaveLength(2);
    expect(gist.filter((call) => call[0] === 'identify')).toHaveLength(1);
  });

  it('forgets on reset even when the reset tag has dedupe off', () => {
    const { platform, segment } = page();
    run(platform, USER, CONFIG);
    run(platform, { action: 'reset' }, { source: 'gtm_template', destinations: [{ vendor: 'segment' }] });
    run(platform, USER, CONFIG);
    expect(segment.filter((call) => call[0] === 'identify')).toHaveLength(2);
  });

  it('ignores corrupted storage and overwrites it', () => {
    for (const junk of ['{not json', '{"segment":"x"}', '[]', '{"segment":"' + 'a'.repeat(32) + '","__proto__":"' + 'b'.repeat(32) + '"}']) {
      const { platform, segment } = page(new Map([[STORAGE_KEY, junk]]));
      expect(() => run(platform, USER, CONFIG)).not.toThrow();
      expect(segment).toHaveLength(1);
      expect(platform.store.get(STORAGE_KEY)).toMatch(/^\{"segment":"[0-9a-f]{32}","gist":"[0-9a-f]{32}"\}$/);
    }
  });

  it('stores one key of signatures and no raw user data', () => {
    const { platform } = page();
    run(platform, USER, CONFIG);
    expect([...platform.store.keys()]).toEqual([STORAGE_KEY]);
    const stored = platform.store.get(STORAGE_KEY) as string;
    expect(stored).not.toContain('u-1');
    expect(stored).not.toContain('ann@example.com');
    expect(stored).not.toContain('pro');
  });

  it('removes its one storage key when a reset covers every vendor it remembers', () => {
    const { platform } = page();
    run(platform, USER, CONFIG);
    expect(platform.store.has(STORAGE_KEY)).toBe(true);
    run(platform, { action: 'reset' }, CONFIG);
    expect(platform.store.size).toBe(0);
  });

  it('does not remember a call that failed, so it is tried again', () => {
    const platform = new FakePlatform();
    platform.onScript('segment', { outcome: 'fail' });
    const config: EngineConfig = { source: 'gtm_template', destinations: [{ vendor: 'segment', options: { loadScript: true, writeKey: 'k' } }], dedupe: true };
    run(platform, USER, config);
    expect(platform.store.has(STORAGE_KEY)).toBe(false);
    expect(run(platform, USER, config).outcome.results[0].status).toBe('failed');
  });
});
