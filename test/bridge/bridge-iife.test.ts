// The built IIFE (dist/identify-bridge.min.js as buildBridge makes it) run as a <script> in a
// happy-dom window: it defines window.identifyBridge and starts from identifyBridgeConfig.
import { Window } from 'happy-dom';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleIife } from '../../src/bridge/build';
import type { Win } from './page';

let code = '';
beforeAll(async () => {
  const built = await bundleIife(process.cwd());
  expect(built.problems).toEqual([]);
  code = built.text;
});

const pages: Win[] = [];
afterEach(() => {
  while (pages.length) pages.pop()!.happyDOM.abort();
});

function pageWithScript(setup: (win: Win) => void) {
  const win = new Window({
    url: 'https://shop.example.com/',
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
  }) as unknown as Win;
  pages.push(win);
  setup(win);
  const script = win.document.createElement('script');
  script.textContent = code;
  win.document.head.appendChild(script);
  return win;
}

describe('the IIFE bundle', () => {
  it('auto-starts from identifyBridgeConfig and identifies a sign-in already in the data layer', async () => {
    const calls: unknown[][] = [];
    const win = pageWithScript((w) => {
      w.analytics = { identify: (...args: unknown[]) => calls.push(args) };
      w.dataLayer = [{ event: 'user_sign_in', user_id: 'u1', traits: { plan: 'pro' } }];
      w.identifyBridgeConfig = { destinations: [{ vendor: 'segment' }] };
    });
    expect(typeof win.identifyBridge.start).toBe('function');
    await win.identifyBridge.running.flush();
    expect(calls).toEqual([['u1', { plan: 'pro' }]]);
  });

  it('without a config defines identifyBridge and starts nothing until start() is called', async () => {
    const calls: unknown[][] = [];
    const win = pageWithScript((w) => {
      w.analytics = { identify: (...args: unknown[]) => calls.push(args) };
    });
    expect(win.identifyBridge.running).toBeUndefined();
    expect(win.dataLayer).toBeUndefined();
    const bridge = win.identifyBridge.start({ destinations: [{ vendor: 'segment' }] });
    win.dataLayer.push({ event: 'user_identify', userId: 'u2' });
    await bridge.flush();
    bridge.stop();
    expect(calls).toEqual([['u2', {}]]);
  });

  it('loaded twice keeps the first copy and processes each push once', async () => {
    const calls: unknown[][] = [];
    const win = pageWithScript((w) => {
      w.analytics = { identify: (...args: unknown[]) => calls.push(args) };
      w.identifyBridgeConfig = { destinations: [{ vendor: 'segment' }] };
    });
    const first = win.identifyBridge;
    const again = win.document.createElement('script');
    again.textContent = code;
    win.document.head.appendChild(again);
    expect(win.identifyBridge).toBe(first);
    win.dataLayer.push({ event: 'user_identify', userId: 'u3' });
    await first.running.flush();
    expect(calls).toEqual([['u3', {}]]);
  });
});
