// One bridge per data layer. The running bridge's handle sits on the data layer array under a
// registry symbol (Symbol.for, so that two copies of the bundle or of the ESM build see it), not
// enumerable; a second start on the same array returns that handle and says so in the console,
// instead of wrapping push again (which pushed each click twice and identified twice).
import type { Win } from './platform';

interface Handle {
  stop(): void;
}

const RUNNING = Symbol.for('identify-bridge');

/** The running bridge's handle for `win[name]`, else the one `start` makes (kept until stopped unless `inert`). */
export function onePerPage<H extends Handle>(win: Win, name: string, start: () => H, inert: H): H {
  const running = (win[name] as Record<symbol, H> | undefined)?.[RUNNING];
  if (running) {
    win.console.warn(`[identify-bridge] already running on window.${name}: start() returns the running bridge; stop() it first to start another`);
    return running;
  }
  const handle = start();
  const array = win[name] as Record<symbol, unknown> | undefined;
  if (handle === inert || !array || typeof array !== 'object') return handle;
  const stop = handle.stop;
  handle.stop = () => {
    if (array[RUNNING] === handle) delete array[RUNNING];
    stop.call(handle);
  };
  Object.defineProperty(array, RUNNING, { value: handle, configurable: true, writable: true });
  return handle;
}
