// Runs core against the real analytics.js bundles shipped in @segment/analytics-next and
// @customerio/cdp-analytics-browser (their dist/umd/standalone.js, the CDN build), in happy-dom,
// with a recording fetch (no network) — the set-up of
// docs/reference/vendors.md#testing-with-real-clients. A minimal Platform on that window stands in
// for the template/bridge platforms; injectScript adds the script tag (the bundles read their CDN
// and write key from it) and runs the local bundle file.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { Window } from 'happy-dom';
import type { Platform } from '../../src/core/platform';

export interface Request {
  url: string;
  body: Record<string, any>;
}

const GLOBALS = ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'HTMLElement',
  'HTMLScriptElement', 'Element', 'Node', 'Event', 'CustomEvent', 'screen', 'history'];

export function realPage(settingsIntegration: string) {
  const win = new Window({ url: 'https://shop.example.com/cars?utm_source=test' });
  const g = globalThis as Record<string, unknown>;
  for (const key of GLOBALS) g[key] = key === 'window' ? win : (win as unknown as Record<string, unknown>)[key];
  g.self = win;
  const requests: Request[] = [];
  const fetch = async (url: unknown, init?: { body?: unknown }) => {
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : {};
    requests.push({ url: String(url), body });
    const settings = { integrations: { [settingsIntegration]: { apiKey: 'k1' } } };
    return new win.Response(JSON.stringify(settings), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  g.fetch = fetch;
  (win as unknown as Record<string, unknown>).fetch = fetch;
  return { win: win as unknown as Record<string, any>, requests };
}

function parentOf(win: Record<string, any>, path: string): [any, string] {
  const parts = path.split('.');
  let parent: any = win;
  for (const part of parts.slice(0, -1)) parent = parent?.[part];
  return [parent, parts[parts.length - 1]];
}

/** A Platform on a real window; scripts whose URL contains a key of `bundles` run that file. */
export function windowPlatform(win: Record<string, any>, bundles: Record<string, string>): Platform {
  const get = (path: string) => {
    const [parent, key] = parentOf(win, path);
    return parent?.[key];
  };
  return {
    callInWindow: (path, args) => {
      const [parent, key] = parentOf(win, path);
      return typeof parent?.[key] === 'function' ? parent[key](...args) : undefined;
    },
    copyFromWindow: get,
    setInWindow: (path, value, override) => {
      const [parent, key] = parentOf(win, path);
      if (parent == null || (parent[key] !== undefined && !override)) return false;
      parent[key] = value;
      return true;
    },
    createQueue: (path) => {
      const [parent, key] = parentOf(win, path);
      if (parent[key] === undefined) parent[key] = [];
      return (item) => get(path).push(item);
    },
    createArgumentsQueue: () => () => undefined,
    aliasInWindow: () => false,
    injectScript: (url, onSuccess, onFailure) => {
      const match = Object.keys(bundles).find((part) => url.includes(part));
      setTimeout(() => {
        if (!match) return onFailure();
        const script = win.document.createElement('script');
        script.src = url;
        win.document.head.appendChild(script);
        vm.runInThisContext(readFileSync(bundles[match], 'utf8'));
        onSuccess();
      }, 0);
    },
    callLater: (fn) => setTimeout(fn, 0),
    now: () => Date.now(),
    sha256: (input, onSuccess) => onSuccess(createHash('sha256').update(input).digest('hex')),
    storage: {
      getItem: (key) => win.localStorage.getItem(key),
      setItem: (key, value) => win.localStorage.setItem(key, value),
      removeItem: (key) => win.localStorage.removeItem(key),
    },
    log: () => undefined,
  };
}
