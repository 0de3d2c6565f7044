// Long-lived pages: what the bridge keeps does not grow with the number of runs (its size after
// 100,000 identifies without flush() is measured by `npm run bench`).
import { describe, expect, it } from 'vitest';
import { KEPT } from '../../src/bridge/runs';
import { HELD } from '../../src/bridge/platform';
import { segmentPage } from './harness';

const signIn = (id: string) => ({ event: 'user_sign_in', user_id: id });

describe('a long-lived page', () => {
  it('keeps only the latest outcomes for a flush that never comes: a flush after many sign-ins returns the last ones', async () => {
    const { calls, push, bridge } = segmentPage();
    for (let i = 0; i < KEPT + 50; i++) push(signIn('u' + i));
    const outcomes = await bridge.flush();
    expect(calls).toHaveLength(KEPT + 50);
    expect(outcomes).toHaveLength(KEPT);
    expect(outcomes[KEPT - 1].results[0].status).toBe('sent');
  });

  it('sends every run held for consent once when it is granted, and later consent changes do not run them again', async () => {
    const { calls, push, bridge, gtag } = segmentPage({ consent: { whenDenied: 'wait' } }, []);
    gtag('consent', 'default', { analytics_storage: 'denied' });
    for (let i = 0; i < 1_000; i++) push(signIn('u' + i));
    gtag('consent', 'update', { analytics_storage: 'granted' });
    for (let i = 0; i < 10; i++) {
      gtag('consent', 'update', { analytics_storage: 'denied' });
      gtag('consent', 'update', { analytics_storage: 'granted' });
    }
    await bridge.flush();
    expect(calls).toHaveLength(1_000);
    expect(calls[999]).toEqual(['identify', 'u999', {}]);
  });

  it('keeps the latest runs waiting for a consent that is never granted, in push order, and says once in debug that older ones were dropped', async () => {
    const { calls, push, bridge, gtag, logs } = segmentPage({ consent: { whenDenied: 'wait' }, debug: true }, []);
    gtag('consent', 'default', { analytics_storage: 'denied' });
    for (let i = 0; i < HELD + 50; i++) push(signIn('u' + i));
    push({ event: 'user_logout' });
    await bridge.flush();
    expect(logs.filter((line) => line.includes('runs wait for consent; the oldest are dropped'))).toHaveLength(1);
    gtag('consent', 'update', { analytics_storage: 'granted' });
    await bridge.flush();
    expect(calls).toHaveLength(HELD);
    expect(calls[0]).toEqual(['identify', 'u51', {}]);
    // the logout pushed last still comes last: no held sign-in overtakes it
    expect(calls[HELD - 1]).toEqual(['reset']);
  });
});
