// The built IIFE (dist/identify-bridge.min.js as buildBridge makes it) run as a <script> in a
// happy-dom window: it defines window.identifyBridge and starts from identifyBridgeConfig.
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleIife } from '../../src/bridge/build';
import { runScript, scriptPage, type Win } from './harness';

let code = '';
beforeAll(async () => {
  const built = await bundleIife(process.cwd());
  expect(built.problems).toEqual([]);
  code = built.text;
});

/** A page with a Segment stub recording identify calls, running the bundle after `setup`. */
function bundlePage(setup: (win: Win) => void = () => {}) {
  const calls: unknown[][] = [];
  const { win } = scriptPage(code, (w) => {
    w.analytics = { identify: (...args: unknown[]) => calls.push(args) };
    setup(w);
  });
  return { win, calls };
}

describe('the IIFE bundle', () => {
  it('auto-starts from identifyBridgeConfig and identifies a sign-in already in the data layer', async () => {
    const { win, calls } = bundlePage((w) => {
      w.dataLayer = [{ event: 'user_sign_in', user_id: 'u1', traits: { plan: 'pro' } }];
      w.identifyBridgeConfig = { destinations: [{ vendor: 'segment' }] };
    });
    expect(typeof win.identifyBridge.start).toBe('function');
    await win.identifyBridge.running.flush();
    expect(calls).toEqual([['u1', { plan: 'pro' }]]);
  });

  it('without a config defines identifyBridge and starts nothing until start() is called', async () => {
    const { win, calls } = bundlePage();
    expect(win.identifyBridge.running).toBeUndefined();
    expect(win.dataLayer).toBeUndefined();
    const bridge = win.identifyBridge.start({ destinations: [{ vendor: 'segment' }] });
    win.dataLayer.push({ event: 'user_identify', userId: 'u2' });
    await bridge.flush();
    bridge.stop();
    expect(calls).toEqual([['u2', {}]]);
  });

  it('loaded twice keeps the first copy and processes each push once', async () => {
    const { win, calls } = bundlePage((w) => {
      w.identifyBridgeConfig = { destinations: [{ vendor: 'segment' }] };
    });
    const first = win.identifyBridge;
    runScript(win, code);
    expect(win.identifyBridge).toBe(first);
    win.dataLayer.push({ event: 'user_identify', userId: 'u3' });
    await first.running.flush();
    expect(calls).toEqual([['u3', {}]]);
  });
});
