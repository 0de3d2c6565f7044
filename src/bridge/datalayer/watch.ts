// Watching a GTM dataLayer with data-layer-helper semantics (see
// docs/reference/data-layer-helper.md and google/data-layer-helper
// src/helper/data-layer-helper.js):
// - push is wrapped: the push that was there (Array.prototype.push, GTM's, another
//   helper's) runs first with the same arguments and its result is returned;
// - history is replayed in order into the model, one message at a time; past
//   messages reach onMessage only with `listenToPast`;
// - one FIFO queue: a push made while a message is handled (by onMessage or by a
//   function message) is handled after it, never recursively;
// - message kinds: plain object (merged, model.ts), `arguments` (a command),
//   array (a command array), function (called with `this` = {get, set} on the
//   live model); anything else is skipped and never reaches onMessage;
// - a message that fails to apply is reported via onError and still reaches
//   onMessage (as the helper's listener sees failing functions and commands);
//   an exception in onMessage is reported and the queue goes on.
//
// Choices of ours:
// - Commands: only `set` changes the model, merged at once before onMessage
//   (the helper queues the set object as a separate message after anything
//   already queued and notifies twice); `consent` default/update feeds consent();
//   `event`, `config`, `js` and others only reach onMessage (kind 'command').
// - A push made while history is replayed is a new message (past: false).
// - Handlers get snapshots (snapshot.ts); the watcher's get() returns one too. A listener's
//   wants() sees the live message first and can decline it, so nothing is copied for it.
// - One watcher per array: a second watchDataLayer on the same array (e.g. the
//   bridge loaded twice) reports it via onError and returns the existing watcher.

import { consentState, type ConsentState, type ConsentValue } from './consent';
import { hasOwn, kindOf, type MessageKind } from '../../datalayer/kinds';
import { callAtPath, expandKey, merge, mergeMessage, readPath, setArguments, type Model } from '../../datalayer/model';
import { DEFAULT_LIMITS, snapshot, type SnapshotLimits } from './snapshot';

export type { MessageKind };

export interface MessageMeta {
  /** The message was in the array before the watcher started. */
  past: boolean;
  kind: MessageKind;
}

export interface WatchDataLayerOptions {
  /** The global holding the array; default 'dataLayer'. */
  name?: string;
  /** Also call onMessage for messages already in the array; default false. */
  listenToPast?: boolean;
  /**
   * Asked, with the live message, before the copies for onMessage are made: false skips
   * onMessage for this message (it is still applied). Lets a listener that ignores most
   * messages skip copying them; it must not change the message. Default: every message.
   */
  wants?: (message: unknown, kind: MessageKind) => boolean;
  /** Called after each message is applied, with copies of the message and of the model. */
  onMessage: (message: unknown, model: Model, meta: MessageMeta) => void;
  /** Problems with a message or a handler; default: ignored (the helper is silent too). */
  onError?: (error: unknown, message: unknown) => void;
  limits?: Partial<SnapshotLimits>;
}

export interface DataLayerWatcher {
  /** A copy of the model value at a dotted key ('ecommerce.items'). */
  get(key: string): unknown;
  /** Consent from gtag('consent', 'default' | 'update', …) commands seen so far. */
  consent(type: string): ConsentValue | undefined;
  /** Collapses the array's history into one object holding the merged model. */
  flatten(): void;
  /** Stops processing and gives push back (or, if wrapped since, only forwards). */
  stop(): void;
}

// Symbol.for: shared by every copy of the bridge loaded on the page.
const WATCHER = Symbol.for('gtm-identify.dataLayerWatcher');

type DataLayer = unknown[] & { [WATCHER]?: DataLayerWatcher };

export function watchDataLayer(host: object, options: WatchDataLayerOptions): DataLayerWatcher {
  const name = options.name ?? 'dataLayer';
  const report = options.onError ?? (() => {});
  const scope = host as Record<string, unknown>;
  try {
    if (scope[name] === undefined) scope[name] = [];
  } catch (error) {
    report(error, undefined);
  }
  const array = scope[name];
  if (!Array.isArray(array)) {
    report(new TypeError(`window.${name} is not an array; the data layer is not watched`), array);
    return { get: () => undefined, consent: () => undefined, flatten() {}, stop() {} };
  }
  const existing = (array as DataLayer)[WATCHER];
  if (existing) {
    report(new Error(`window.${name} is already watched; the existing watcher is returned`), undefined);
    return existing;
  }
  return install(array as DataLayer, options, report);
}

type Report = (error: unknown, message: unknown) => void;

function install(array: DataLayer, options: WatchDataLayerOptions, report: Report): DataLayerWatcher {
  const limits: SnapshotLimits = Object.assign({}, DEFAULT_LIMITS, options.limits);
  const model: Model = {};
  const consent = consentState();
  const apply = modelUpdater(model, consent, report);
  let active = true;

  function handle(message: unknown, past: boolean): void {
    const kind = kindOf(message);
    if (!kind) return;
    try {
      apply(kind, message);
    } catch (error) {
      report(error, message);
    }
    if (past && !options.listenToPast) return;
    try {
      if (options.wants && !options.wants(message, kind)) return;
      options.onMessage(snapshot(message, limits), snapshot(model, limits) as Model, { past, kind });
    } catch (error) {
      report(error, message);
    }
  }

  const queue = fifo(handle, () => active);
  let unwrap = () => {};
  const watcher: DataLayerWatcher = {
    get: (key) => snapshot(readPath(model, key), limits),
    consent: (type) => consent.get(type),
    flatten() {
      const merged: Model = {};
      merge(model, merged);
      array.splice(0, array.length, merged);
    },
    stop() {
      if (!active) return;
      active = false;
      unwrap();
      delete array[WATCHER];
    },
  };
  try {
    unwrap = wrapPush(array, (items) => active && queue(items, false));
    Object.defineProperty(array, WATCHER, { value: watcher, configurable: true });
  } catch (error) {
    report(error, undefined); // e.g. a frozen array: only its history is read
  }
  const pastLength = array.length;
  for (let i = 0; i < pastLength && active; i++) queue([array[i]], true);
  return watcher;
}

/**
 * Puts a push in front of the array's own that calls it first, with the same arguments, and
 * returns its result; `onPush` then gets the items. The function returned gives push back,
 * unless someone has wrapped ours since: then ours stays in their chain and only forwards.
 */
function wrapPush(array: DataLayer, onPush: (items: unknown[]) => void): () => void {
  const hadOwnPush = hasOwn(array, 'push');
  const previousPush = array.push;
  const push = function (...items: unknown[]): unknown {
    const result = previousPush.apply(array, items);
    onPush(items);
    return result;
  };
  array.push = push as typeof array.push;
  return () => {
    if (array.push !== push) return;
    if (hadOwnPush) array.push = previousPush;
    else delete (array as { push?: unknown }).push;
  };
}

/**
 * One FIFO queue for every message: a push made while a message is handled (by onMessage or
 * by a function message) waits until that message is done, and nothing runs once `isActive`
 * turns false.
 */
function fifo(handle: (message: unknown, past: boolean) => void, isActive: () => boolean) {
  const queue: Array<{ message: unknown; past: boolean }> = [];
  let busy = false;
  return (messages: unknown[], past: boolean): void => {
    // One message and nothing queued (the usual push): handled without going through the queue.
    const direct = !busy && queue.length === 0 && messages.length === 1;
    if (!direct) for (const message of messages) queue.push({ message, past });
    if (busy) return; // the loop below, further up the stack, will get to them
    busy = true;
    try {
      if (direct) handle(messages[0], past);
      while (isActive() && queue.length > 0) {
        const next = queue.shift()!;
        handle(next.message, next.past);
      }
      if (!isActive()) queue.length = 0;
    } finally {
      busy = false;
    }
  };
}

// --- what a message does to the model --------------------------------------------------------

/** Applies a message of each kind to `model` (and consent commands to `consent`); throws when it cannot. */
function modelUpdater(model: Model, consent: ConsentState, report: Report) {
  // What function messages see as `this`: the live model, as in the helper.
  const api = {
    get: (key: string) => readPath(model, String(key)),
    set: (key: string, value: unknown) => merge(expandKey(String(key), value), model),
  };

  return (kind: MessageKind, message: unknown): void => {
    const fail = (error: unknown) => report(error, message);
    if (kind === 'array') callAtPath(model, message as unknown[]);
    else if (kind === 'function') (message as (this: typeof api) => void).call(api);
    else if (kind === 'object') mergeMessage(model, message as Model, fail);
    else {
      // commands: `set` merges; consent commands feed consent(); others change nothing
      const args = Array.from(message as IArguments);
      if (args[0] === 'set') mergeMessage(model, setArguments(args), fail);
      else if (args[0] === 'consent' && !consent.apply(args[1], args[2])) {
        throw new TypeError("'consent' takes 'default' or 'update' and an object");
      }
    }
  };
}
