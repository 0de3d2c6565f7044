import { describe, expect, it } from 'vitest';
import { runIdentify } from '../../src/core/engine';
import type { EngineConfig, EngineOutcome } from '../../src/core/engine';
import { FakePlatform } from './fake-platform';
import { analyticsSdk, run } from './helpers';

const USER = { userId: 'u-1', traits: { plan: 'pro' } };
const config = (whenDenied: string, type?: string): EngineConfig => ({
  source: 'gtm_template', destinations: [{ vendor: 'segment' }], consent: { whenDenied, type },
});

describe('consent', () => {
  it('sends at once when the required consent is granted', () => {
    const platform = new FakePlatform({ consent: true });
    platform.setConsent('analytics_storage', true);
    const seen = analyticsSdk(platform.win);
    expect(run(platform, USER, config('drop')).outcome.results[0].status).toBe('sent');
    expect(seen).toHaveLength(1);
  });

  it('drops the call when consent is denied and the config says drop', () => {
    const platform = new FakePlatform({ consent: true });
    platform.setConsent('analytics_storage', false);
    const seen = analyticsSdk(platform.win);
    const { outcome } = run(platform, USER, config('drop'));
    expect(seen).toEqual([]);
    expect(outcome.ok).toBe(true);
    expect(outcome.results).toEqual([{ vendor: 'segment', status: 'skipped', message: 'consent denied; not sent' }]);
    expect(outcome.messages.map((m) => m.text)).toContain('consent analytics_storage denied; nothing sent');
    platform.setConsent('analytics_storage', true);
    expect(seen).toEqual([]);
  });

  it('checks analytics_storage by default and the configured type otherwise', () => {
    const platform = new FakePlatform({ consent: true });
    platform.setConsent('ad_storage', false);
    const seen = analyticsSdk(platform.win);
    run(platform, USER, config('drop'));
    expect(seen).toHaveLength(1);
    run(platform, { ...USER, traits: { plan: 'x' } }, config('drop', 'ad_storage'));
    expect(seen).toHaveLength(1);
  });

  it('waits for consent, completes at once as queued, and sends exactly once when granted', () => {
    const platform = new FakePlatform({ consent: true });
    platform.setConsent('analytics_storage', false);
    const seen = analyticsSdk(platform.win);
    const outcomes: EngineOutcome[] = [];
    runIdentify(USER, config('wait'), platform, (o) => outcomes.push(o));
    platform.flush();
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0].results[0]).toEqual({ vendor: 'segment', status: 'queued', message: 'waiting for consent' });
    expect(seen).toEqual([]);
    platform.setConsent('analytics_storage', false);
    platform.setConsent('analytics_storage', true);
    platform.setConsent('analytics_storage', true);
    platform.setConsent('analytics_storage', false);
    platform.setConsent('analytics_storage', true);
    platform.flush();
    expect(seen).toEqual([['identify', 'u-1', { plan: 'pro' }]]);
    expect(outcomes).toHaveLength(1);
    expect(platform.logs).toContain('gtm-identify segment sent: identify called on window.analytics');
  });

  it('keeps messages of the later run out of the outcome already delivered', () => {
    const platform = new FakePlatform({ consent: true });
    platform.setConsent('analytics_storage', false);
    analyticsSdk(platform.win);
    const outcomes: EngineOutcome[] = [];
    runIdentify({ ...USER, email: 'bad' }, config('wait'), platform, (o) => outcomes.push(o));
    const count = outcomes[0].messages.length;
    platform.setConsent('analytics_storage', true);
    expect(outcomes[0].messages).toHaveLength(count);
    expect(platform.logs.some((line) => line.includes('"bad" is not a valid address'))).toBe(true);
  });

  it('goes ahead where the runtime has no consent information, and says so', () => {
    const platform = new FakePlatform();
    const seen = analyticsSdk(platform.win);
    const { outcome } = run(platform, USER, config('wait'));
    expect(seen).toHaveLength(1);
    expect(outcome.messages[0].text).toBe('no consent state; analytics_storage treated as granted');
  });

  it('gates a reset too', () => {
    const platform = new FakePlatform({ consent: true });
    platform.setConsent('analytics_storage', false);
    const seen = analyticsSdk(platform.win);
    run(platform, { action: 'reset' }, config('drop'));
    expect(seen).toEqual([]);
  });
});
