// Watching a GTM dataLayer with data-layer-helper semantics (see
// docs/reference/data-layer-helper.md and google/data-layer-helper
// src/helper/data-layer-helper.js):
// - push is wrapped: the push that was there (Array.prototype.push, GTM's, another
//   helper's) runs first with the same arguments and its result is returned;
// - history is replayed in order; past messages reach onMessage only with `listenToPast`;
// - one FIFO queue: a push made while a message is handled (by onMessage, or by a
//   function message a model read runs) is handled after it, never recursively;
// - message kinds: plain object, `arguments` (a command), array (a command array),
//   function; anything else is skipped and never reaches onMessage;
// - an exception in onMessage is reported and the queue goes on; so is anything a pushed
//   value throws when inspected (a throwing getter, a revoked Proxy): every inspection is
//   inside a guard, nothing reaches the page, and a start that fails gives push back.
//
// The model is not built here (the page pays for a push, and most pages never read the
// model): the watcher writes every message that changes it — objects, `set` commands,
// command arrays, function messages — in order into a ModelLog, and model.ts's modelReader
// applies them, with the helper's merge table, when a rule reads the model. So the model read
// is the helper's, except that a page changing an object after pushing it, before the model
// is read, is seen with its change, and that function messages and command arrays run when the
// model is read, not when pushed. Without a log (no rule reads the model) no model is kept.
//
// Choices of ours:
// - Commands: `set` changes the model (in its turn; the helper queues the set object as a
//   separate message after anything already queued); `consent` commands go, as pushed and
//   past ones also without listenToPast, into `consents`, from which the engine reads the
//   consent state (consent.ts); `event`, `config`, `js` and others only reach onMessage.
// - A push made while history is replayed is a new message (past: false).
// - Handlers get the message as pushed: the watcher carries no copying code, so that the page does
//   not download it (the engine copies what it is handed, with snapshot.ts). A listener's wants()
//   sees the message first and can decline it.
// - One watcher per array: a second watchDataLayer on the same array (e.g. the
//   bridge loaded twice) reports it via onError and returns the existing watcher.

import { hasOwn, kindOf, type MessageKind } from '../../datalayer/kinds';

export type { MessageKind };

/**
 * The changes to the model in push order, numbered from 0: messages that change it, as they were
 * pushed (an object may turn out not to be plain), each followed by its kind. The watcher adds to
 * `kept`; a reader (model-reader.ts) removes the changes it applies and counts them in `taken`.
 * Plain data, so that adding a change allocates nothing and the snippet carries no code for it.
 */
export interface ModelLog {
  /** message, kind, message, kind, …: the changes not taken yet */
  kept: unknown[];
  /** how many changes were taken: the position of the first one kept */
  taken: number;
}

export const createModelLog = (): ModelLog => ({ kept: [], taken: 0 });

export interface MessageMeta {
  /** The message was in the array before the watcher started. */
  past: boolean;
  kind: MessageKind;
  /** The log position after this message: the model as of this message is the log up to here. */
  at: number;
}

export interface WatchDataLayerOptions {
  /** The global holding the array; default 'dataLayer'. */
  name?: string;
  /** Also call onMessage for messages already in the array; default false. */
  listenToPast?: boolean;
  /**
   * Asked, with the live message, before the copy for onMessage is made: false skips
   * onMessage for this message (it still changes the model). Lets a listener that ignores most
   * messages skip copying them; it must not change the message. For an object it may be asked
   * before the object is known to be plain. Default: every message.
   */
  wants?: (message: unknown, kind: MessageKind) => boolean;
  /**
   * The only events for which a pushed object can be wanted, when `wants` knows them all: an
   * object whose `event` is not among them is declined without asking `wants` (a look-up is the
   * cheapest way to pass over the pushes a page makes most). Absent or false: `wants` is asked for each.
   */
  events?: { has(event: unknown): boolean } | false;
  /** Where the changes to the model go (model.ts reads them); absent: no model is kept. */
  log?: ModelLog;
  /** Where consent commands go, in push order, as pushed, with its push (consent.ts reads them); absent: nowhere. */
  consents?: unknown[];
  /** Called for each message, as pushed (a listener that keeps it copies it, e.g. with snapshot.ts). */
  onMessage: (message: unknown, meta: MessageMeta) => void;
  /** Problems with a message or a handler; default: ignored (the helper is silent too). */
  onError?: (error: unknown, message: unknown) => void;
}

export interface DataLayerWatcher {
  /** Stops processing and gives push back (or, if wrapped since, only forwards). */
  stop(): void;
  /** The bridge running on this data layer (snippet.ts), for a second start to find. */
  bridge?: unknown;
}

// Symbol.for: shared by every copy of the bridge loaded on the page.
const WATCHER = Symbol.for('gtm-identify.dataLayerWatcher');

type DataLayer = unknown[] & { [WATCHER]?: DataLayerWatcher };

/** Said when window[name] is not an array. */
export const notAnArray = (name: string) => `window.${name} is not an array; the data layer is not watched`;

/** What watchDataLayer returns when the data layer is not an array: it watches nothing. */
export const UNWATCHED: DataLayerWatcher = { stop() {} };

export const watchDataLayer = (host: Record<string, unknown>, options: WatchDataLayerOptions): DataLayerWatcher => {
  const name = options.name || 'dataLayer';
  const onError = options.onError;
  // a page whose own handler throws still never sees an exception
  const report = (error: unknown, message?: unknown) => {
    try {
      if (onError) onError(error, message);
    } catch {
      // nothing left to tell
    }
  };
  let array: DataLayer;
  try {
    if (host[name] === undefined) host[name] = [];
    array = host[name] as DataLayer;
    // Array.isArray throws for a revoked Proxy
    if (!Array.isArray(array)) throw notAnArray(name);
  } catch (error) {
    report(error);
    return UNWATCHED;
  }
  const existing = array[WATCHER];
  if (existing) {
    report(`window.${name} is already watched; the existing watcher is returned`);
    return existing;
  }

  const { wants, events, log, consents, listenToPast } = options;
  let active = true;
  let busy = false;
  const queue: unknown[] = []; // message, past, message, past, …

  // Every inspection of a pushed value happens in here, so nothing it does throws at the page.
  const handle = (message: unknown, past: boolean): void => {
    try {
      const kind = kindOf(message);
      if (!kind) return;
      const verb = kind === 'command' && (message as IArguments)[0];
      if (consents && verb === 'consent') consents.push(message);
      if (log && (kind !== 'command' || verb === 'set')) log.kept.push(message, kind);
      if ((past && !listenToPast) || (wants && !wants(message, kind))) return;
      options.onMessage(message, { past, kind, at: log ? log.taken + log.kept.length / 2 : 0 });
    } catch (error) {
      report(error, message);
    }
  };

  // One FIFO queue for every message: a push made while a message is handled (by onMessage, or
  // by a function message) is handled after it, never recursively, and nothing runs once stopped.
  const run = () => {
    if (busy) return;
    busy = true;
    try {
      for (let next = 0; active && next < queue.length; next += 2) handle(queue[next], queue[next + 1] as boolean);
    } finally {
      queue.length = 0;
      busy = false;
    }
  };

  let unwrap = () => {};
  const watcher: DataLayerWatcher = {
    stop() {
      if (!active) return;
      active = false;
      unwrap();
      delete array[WATCHER];
    },
  };
  // push is wrapped: the push that was there (Array.prototype.push, GTM's, another helper's) runs
  // first with the same arguments and its result is returned. stop() gives it back, unless
  // someone has wrapped ours since: then ours stays in their chain and only forwards.
  try {
    const hadOwnPush = hasOwn(array, 'push');
    const previousPush = array.push;
    const push = function (message: unknown): unknown {
      const many = arguments.length !== 1;
      const result = many ? previousPush.apply(array, arguments as unknown as unknown[]) : previousPush.call(array, message);
      if (active) {
        // The push most pages make most often, one object nobody wants while nothing is queued, is
        // looked at here and nowhere else: it is offered to `wants`, then only added to the log. No
        // other function is called, and once the browser has optimised this one nothing is
        // allocated (`arguments` is only asked its length; the previous push gets the message alone).
        let quiet = false;
        try {
          quiet = !many && !busy && typeof message === 'object' && message !== null &&
            (message as { length?: unknown }).length === undefined && !!wants &&
            !((!events || events.has((message as { event?: unknown }).event)) && wants(message, 'object'));
        } catch {
          // a throwing getter or a revoked Proxy: handle() sorts it out
        }
        if (!quiet) {
          for (let i = 0; i < arguments.length; i++) queue.push(arguments[i], false);
          run();
        } else if (log) log.kept.push(message, 'object');
      }
      return result;
    };
    array.push = push as typeof array.push;
    unwrap = () => {
      if (array.push !== push) return;
      if (hadOwnPush) array.push = previousPush;
      else delete (array as { push?: unknown }).push;
    };
    array[WATCHER] = watcher;
  } catch (error) {
    report(error); // e.g. a frozen array: only its history is read
  }
  try {
    const pastLength = array.length;
    for (let i = 0; i < pastLength && active; i++) {
      queue.push(array[i], true);
      run();
    }
  } catch (error) {
    watcher.stop(); // a failed start leaves push as it was
    throw error;
  }
  return watcher;
};
