import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runIdentify } from '../../src/core/engine';
import type { EngineConfig, EngineOutcome } from '../../src/core/engine';
import type { Destination, IdentifyInput } from '../../src/core/model';
import { FakePlatform } from './fake-platform';
import { analyticsSdk, antsomiSdk, connectoSdk, gistSdk, gistStub, mutinySdk, run } from './helpers';

const USER: IdentifyInput = { userId: 'u-1', email: 'ann@example.com', traits: { plan: 'pro' } };
const config = (...destinations: Destination[]): EngineConfig => ({ source: 'gtm_template', destinations });
const ALL: Destination[] = [
  { vendor: 'segment' }, { vendor: 'customerio' }, { vendor: 'gist' }, { vendor: 'mutiny' }, { vendor: 'connecto' }, { vendor: 'antsomi' },
];

function loadAll(platform: FakePlatform): void {
  analyticsSdk(platform.win);
  analyticsSdk(platform.win, 'cioanalytics');
  gistSdk(platform.win);
  mutinySdk(platform.win);
  connectoSdk(platform.win);
  antsomiSdk(platform.win);
}

function loadedPage(): FakePlatform {
  const platform = new FakePlatform();
  loadAll(platform);
  return platform;
}

describe('engine fan-out', () => {
  it('sends to every destination in order and is ok', () => {
    const { outcome, doneCalls } = run(loadedPage(), USER, config(...ALL));
    expect(doneCalls).toBe(1);
    expect(outcome.ok).toBe(true);
    expect(outcome.results.map((r) => r.vendor + ':' + r.status)).toEqual([
      'segment:sent', 'customerio:sent', 'gist:sent', 'mutiny:sent', 'connecto:sent', 'antsomi:sent',
    ]);
  });

  it('reports a vendor whose script fails to load as failed while the others are sent', () => {
    const platform = new FakePlatform();
    gistSdk(platform.win);
    platform.onScript('cdn.segment.com', { outcome: 'fail' });
    const { outcome } = run(platform, USER, config({ vendor: 'segment', options: { loadScript: true, writeKey: 'k' } }, { vendor: 'gist' }));
    expect(outcome.results.map((r) => r.status)).toEqual(['failed', 'sent']);
    expect(outcome.ok).toBe(true);
  });

  it('is not ok when every destination failed', () => {
    const platform = new FakePlatform();
    const { outcome } = run(platform, { userId: 'u-1' }, config({ vendor: 'gist' }, { vendor: 'antsomi' }));
    expect(outcome.results.map((r) => r.status)).toEqual(['failed', 'failed']);
    expect(outcome.ok).toBe(false);
  });

  it('counts skipped destinations as ok', () => {
    const { outcome } = run(new FakePlatform(), USER, config({ vendor: 'mutiny' }));
    expect(outcome.results[0].status).toBe('skipped');
    expect(outcome.ok).toBe(true);
  });

  it('fails every destination when the input cannot be normalised', () => {
    const { outcome } = run(loadedPage(), { userId: 'x'.repeat(300) }, config({ vendor: 'segment' }, { vendor: 'gist' }));
    expect(outcome.ok).toBe(false);
    expect(outcome.results.every((r) => r.status === 'failed' && r.message.includes('300 characters'))).toBe(true);
  });

  it('is not ok without a usable destination', () => {
    for (const destinations of [[], 'segment', [{ vendor: 'hubspot' }]]) {
      const { outcome, doneCalls } = run(new FakePlatform(), USER, { source: 'gtm_template', destinations: destinations as Destination[] });
      expect(doneCalls).toBe(1);
      expect(outcome.ok).toBe(false);
      expect(outcome.messages.at(-1)?.text).toBe('no destination to send to');
    }
  });

  it('uses a vendor listed twice once', () => {
    const platform = loadedPage();
    const { outcome } = run(platform, USER, config({ vendor: 'segment' }, { vendor: 'segment' }));
    expect(outcome.results).toHaveLength(1);
    expect(outcome.messages[0].text).toBe('segment is listed more than once; used once');
  });

  it('hashes the user id before any vendor sees it', () => {
    const platform = new FakePlatform();
    const seen = analyticsSdk(platform.win);
    run(platform, { ...USER, userIdHash: 'sha256' }, config({ vendor: 'segment' }));
    expect(seen[0][1]).toBe(createHash('sha256').update('u-1').digest('hex'));
  });

  it('fails every destination when hashing fails', () => {
    const platform = loadedPage();
    platform.sha256Fails = true;
    const { outcome } = run(platform, { ...USER, userIdHash: 'sha256' }, config({ vendor: 'segment' }, { vendor: 'gist' }));
    expect(outcome.results.map((r) => r.status)).toEqual(['failed', 'failed']);
    expect(outcome.ok).toBe(false);
  });

  it('runs every reset', () => {
    const platform = loadedPage();
    const { outcome } = run(platform, { action: 'reset' }, config(...ALL));
    expect(outcome.results.map((r) => r.vendor + ':' + r.status)).toEqual([
      'segment:sent', 'customerio:sent', 'gist:sent', 'mutiny:skipped', 'connecto:skipped', 'antsomi:sent',
    ]);
    expect(outcome.ok).toBe(true);
  });

  it('writes every message and every result to the debug log', () => {
    const platform = loadedPage();
    const { outcome } = run(platform, { ...USER, email: 'nope' }, config({ vendor: 'segment' }));
    expect(platform.logs).toContain('gtm-identify warning: email "nope" is not a valid address; dropped');
    expect(platform.logs).toContain('gtm-identify segment sent: identify called on window.analytics');
    expect(outcome.messages).toHaveLength(1);
  });

  it('tags vendor messages with the vendor', () => {
    const platform = loadedPage();
    const { outcome } = run(platform, { userId: 'u' }, config({ vendor: 'mutiny' }));
    expect(outcome.messages).toEqual([{ level: 'warning', vendor: 'mutiny', text: 'no email: cannot match a CRM record' }]);
    expect(platform.logs[0]).toBe('gtm-identify mutiny warning: no email: cannot match a CRM record');
  });
});

describe('engine completion', () => {
  it('completes synchronously when every vendor answers at once', () => {
    const platform = loadedPage();
    let outcome: EngineOutcome | undefined;
    runIdentify(USER, config({ vendor: 'segment' }), platform, (o) => { outcome = o; });
    expect(outcome?.ok).toBe(true);
  });

  it('completes only after the slowest vendor', () => {
    const platform = new FakePlatform();
    analyticsSdk(platform.win);
    const outcomes: EngineOutcome[] = [];
    runIdentify(USER, config({ vendor: 'segment' }, { vendor: 'connecto', options: { waitMs: 200 } }), platform, (o) => outcomes.push(o));
    expect(outcomes).toEqual([]);
    platform.flush();
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0].results.map((r) => r.status)).toEqual(['sent', 'failed']);
  });

  it('never completes twice, even when the platform calls back twice', () => {
    const platform = new FakePlatform();
    const inject = platform.injectScript.bind(platform);
    platform.injectScript = (url, ok, fail, token) => {
      inject(url, ok, fail, token);
      platform.tasks.push(() => { ok(); fail(); ok(); });
    };
    let calls = 0;
    runIdentify(USER, config({ vendor: 'segment', options: { loadScript: true, writeKey: 'k' } }, { vendor: 'gist', options: { loadScript: true, appId: 'a1' } }),
      platform, () => { calls++; });
    platform.flush();
    expect(calls).toBe(1);
  });

  it('completes exactly once on every path', () => {
    const paths: Array<[string, FakePlatform, IdentifyInput, EngineConfig]> = [];
    const add = (name: string, input: IdentifyInput, cfg: EngineConfig, setup: (p: FakePlatform) => void = () => undefined, consent = false) => {
      const platform = new FakePlatform({ consent });
      setup(platform);
      paths.push([name, platform, input, cfg]);
    };
    add('all sent', USER, config(...ALL), loadAll);
    add('nothing on the page', USER, config(...ALL.map((d) => ({ ...d, options: { waitMs: 30 } }) as Destination)));
    add('scripts load', USER, config({ vendor: 'segment', options: { loadScript: true, writeKey: 'k' } }, { vendor: 'antsomi', options: { loadScript: true, portalId: 1, propertyId: 2 } }));
    add('scripts fail', USER, config({ vendor: 'segment', options: { loadScript: true, writeKey: 'k' } }, { vendor: 'connecto', options: { loadScript: true, licenseKey: 'L' } }),
      (p) => p.onScript('https://', { outcome: 'fail' }));
    add('bad input', 42 as unknown as IdentifyInput, config(...ALL));
    add('bad config', USER, null as unknown as EngineConfig);
    add('reset', { action: 'reset' }, config(...ALL), (p) => gistStub(p.win));
    add('consent dropped', USER, { ...config(...ALL), consent: {} }, (p) => p.setConsent('analytics_storage', false), true);
    add('consent waiting', USER, { ...config(...ALL), consent: { whenDenied: 'wait' } }, (p) => p.setConsent('analytics_storage', false), true);
    add('md5 hashing', { ...USER, userIdHash: 'md5' }, config(...ALL));
    for (const [name, platform, input, cfg] of paths) {
      let calls = 0;
      runIdentify(input, cfg, platform, () => { calls++; });
      platform.flush();
      if (platform.consent) platform.setConsent('analytics_storage', true);
      platform.flush();
      expect(calls, name).toBe(1);
    }
  });
});
