// A Platform for core tests: a fake `window` object, every call recorded, scriptable script
// loading, a manual clock and a callLater queue that tests drain with flush().
import { createHash } from 'node:crypto';
import type { Platform } from '../../src/core/platform';

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Win = Record<string, any>;

export interface ScriptBehaviour {
  /** 'load' (default), 'fail', or 'hang' (no callback ever) */
  outcome: 'load' | 'fail' | 'hang';
  /** runs on the fake window when the script "executes", before onSuccess */
  onLoad?: (win: Win) => void;
}

export interface Recorded {
  api: string;
  args: unknown[];
}

/** A deep copy of plain data; functions are kept (as the sandbox maps them). */
export function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => copy(item)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key]);
    return out as T;
  }
  return value;
}

function parentAndKey(win: Win, path: string): { parent: any; key: string } {
  const parts = path.split('.');
  let parent: any = win;
  for (let i = 0; i < parts.length - 1; i++) {
    parent = parent == null ? undefined : parent[parts[i]];
  }
  return { parent, key: parts[parts.length - 1] };
}

export function getPath(win: Win, path: string): any {
  const { parent, key } = parentAndKey(win, path);
  return parent == null ? undefined : parent[key];
}

export class FakePlatform implements Platform {
  win: Win = {};
  calls: Recorded[] = [];
  logs: string[] = [];
  clock = 1_700_000_000_000;
  /** how far the clock moves for every task flush() runs */
  tickMs = 10;
  tasks: Array<() => void> = [];
  scripts: Array<{ match: string; behaviour: ScriptBehaviour }> = [];
  sha256Fails = false;
  store = new Map<string, string>();
  consentState = new Map<string, boolean>();
  consentListeners: Array<{ type: string; listener: (granted: boolean) => void }> = [];
  consent?: Platform['consent'];

  constructor(options: { consent?: boolean } = {}) {
    if (options.consent) {
      this.consent = {
        // Unset counts as granted, as in GTM.
        isGranted: (type) => this.consentState.get(type) ?? true,
        onChange: (type, listener) => {
          this.calls.push({ api: 'consent.onChange', args: [type] });
          this.consentListeners.push({ type, listener });
        },
      };
    }
  }

  /** Sets a consent state and notifies listeners (even when the state does not change). */
  setConsent(type: string, granted: boolean): void {
    this.consentState.set(type, granted);
    for (const entry of this.consentListeners) if (entry.type === type) entry.listener(granted);
  }

  /** How scripts whose URL contains `match` behave. */
  onScript(match: string, behaviour: ScriptBehaviour): void {
    this.scripts.push({ match, behaviour });
  }

  /** Runs queued tasks (and the ones they queue) in order; the clock moves tickMs per task. */
  flush(limit = 100_000): void {
    let count = 0;
    while (this.tasks.length > 0) {
      if (++count > limit) throw new Error('flush: more than ' + limit + ' tasks');
      this.clock += this.tickMs;
      (this.tasks.shift() as () => void)();
    }
  }

  /** Runs at most `count` queued tasks (the clock moves tickMs per task). */
  step(count: number): void {
    for (let i = 0; i < count && this.tasks.length > 0; i++) {
      this.clock += this.tickMs;
      (this.tasks.shift() as () => void)();
    }
  }

  callsTo(api: string): unknown[][] {
    return this.calls.filter((call) => call.api === api).map((call) => call.args);
  }

  // ---- Platform ----
  callInWindow(path: string, args: unknown[]): unknown {
    this.calls.push({ api: 'callInWindow', args: [path, ...copy(args)] });
    const { parent, key } = parentAndKey(this.win, path);
    const fn = parent == null ? undefined : parent[key];
    if (typeof fn !== 'function') return undefined;
    return copy(fn.apply(parent, copy(args)));
  }

  copyFromWindow(path: string): unknown {
    this.calls.push({ api: 'copyFromWindow', args: [path] });
    return copy(getPath(this.win, path));
  }

  setInWindow(path: string, value: unknown, override: boolean): boolean {
    this.calls.push({ api: 'setInWindow', args: [path, copy(value), override] });
    const { parent, key } = parentAndKey(this.win, path);
    if (parent == null) return false;
    if (parent[key] !== undefined && !override) return false;
    parent[key] = copy(value);
    return true;
  }

  createQueue(path: string): (item: unknown) => void {
    this.calls.push({ api: 'createQueue', args: [path] });
    if (getPath(this.win, path) === undefined) {
      const { parent, key } = parentAndKey(this.win, path);
      parent[key] = [];
    }
    return (item) => {
      getPath(this.win, path).push(copy(item));
    };
  }

  createArgumentsQueue(fnPath: string, arrayPath: string): (...args: unknown[]) => void {
    this.calls.push({ api: 'createArgumentsQueue', args: [fnPath, arrayPath] });
    const win = this.win;
    if (getPath(win, fnPath) === undefined) {
      const { parent, key } = parentAndKey(win, fnPath);
      parent[key] = function queueArguments() {
        // eslint-disable-next-line prefer-rest-params
        getPath(win, arrayPath).push(arguments);
      };
    }
    if (getPath(win, arrayPath) === undefined) {
      const { parent, key } = parentAndKey(win, arrayPath);
      parent[key] = [];
    }
    return (...args) => getPath(win, fnPath)(...copy(args));
  }

  aliasInWindow(toPath: string, fromPath: string): boolean {
    this.calls.push({ api: 'aliasInWindow', args: [toPath, fromPath] });
    const { parent, key } = parentAndKey(this.win, toPath);
    if (parent == null) return false;
    parent[key] = getPath(this.win, fromPath);
    return true;
  }

  injectScript(url: string, onSuccess: () => void, onFailure: () => void, cacheToken: string): void {
    this.calls.push({ api: 'injectScript', args: [url, cacheToken] });
    const found = this.scripts.find((entry) => url.includes(entry.match));
    const behaviour: ScriptBehaviour = found ? found.behaviour : { outcome: 'load' };
    if (behaviour.outcome === 'hang') return;
    this.tasks.push(() => {
      if (behaviour.outcome === 'fail') return onFailure();
      if (behaviour.onLoad) behaviour.onLoad(this.win);
      onSuccess();
    });
  }

  callLater(fn: () => void): void {
    this.tasks.push(fn);
  }

  now(): number {
    return this.clock;
  }

  sha256(input: string, onSuccess: (hex: string) => void, onFailure: () => void): void {
    this.calls.push({ api: 'sha256', args: [input] });
    this.tasks.push(() => {
      if (this.sha256Fails) onFailure();
      else onSuccess(createHash('sha256').update(input, 'utf8').digest('hex'));
    });
  }

  storage = {
    getItem: (key: string): string | null => {
      this.calls.push({ api: 'storage.getItem', args: [key] });
      return this.store.has(key) ? (this.store.get(key) as string) : null;
    },
    setItem: (key: string, value: string): void => {
      this.calls.push({ api: 'storage.setItem', args: [key, value] });
      this.store.set(key, value);
    },
    removeItem: (key: string): void => {
      this.calls.push({ api: 'storage.removeItem', args: [key] });
      this.store.delete(key);
    },
  };

  log(message: string): void {
    this.logs.push(message);
  }
}
