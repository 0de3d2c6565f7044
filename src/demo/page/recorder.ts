// What each vendor received, kept in sessionStorage so the panel survives page changes:
// stub SDKs report through window.__demoRecord, Segment through its captured requests.
import type { DemoVendor, Received, Runtime } from '../shared';

const KEY = 'demo.received';
const listeners: (() => void)[] = [];

export function receivedCalls(): Received[] {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as Received[];
  } catch {
    return [];
  }
}

/** Values as JSON would carry them (the panel and the tests read plain data). */
function plain(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value ?? null));
  } catch {
    return String(value);
  }
}

export function record(vendor: DemoVendor, method: string, args: unknown[], seen: Received['seen'], via: Runtime): void {
  const all = receivedCalls();
  all.push({ vendor, method, args: args.map(plain), seen, via });
  sessionStorage.setItem(KEY, JSON.stringify(all));
  for (const listener of listeners) listener();
}

export function clearReceived(): void {
  sessionStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

export function onReceived(listener: () => void): void {
  listeners.push(listener);
}
