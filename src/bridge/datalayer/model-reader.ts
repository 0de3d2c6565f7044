// The data model read from a watcher's log of changes (watch.ts), built when it is read: each
// change is applied in push order with data-layer-helper's semantics (model.ts) — objects and
// `set` commands merge, command arrays call the method at their path, function messages are
// called with `this` = {get, set} on the live model. A change that fails is reported and the
// others still apply. Reads return copies (snapshot.ts).
import { isPlainObject } from '../../datalayer/kinds';
import { callAtPath, expandKey, merge, mergeMessage, readPath, setArguments, type Model } from '../../datalayer/model';
import { DEFAULT_LIMITS, snapshot, type SnapshotLimits } from './snapshot';
import type { MessageKind, ModelLog } from './watch';

export interface ModelReader {
  /** A copy of the model as of log position `at` (a message's MessageMeta.at); default: every change so far. */
  at(position?: number): Model;
  /** A copy of the model value at a dotted key ('ecommerce.items'), every change applied. */
  get(key: string): unknown;
}

export function modelReader(log: ModelLog, report: (error: unknown, message: unknown) => void, limits: SnapshotLimits = DEFAULT_LIMITS): ModelReader {
  const model: Model = {};
  // What function messages see as `this`: the live model, as in the helper.
  const api = {
    get: (key: string) => readPath(model, String(key)),
    set: (key: string, value: unknown) => merge(expandKey(String(key), value), model),
  };
  const apply = (message: unknown, kind: MessageKind) => {
    const fail = (error: unknown) => report(error, message);
    try {
      if (kind === 'array') callAtPath(model, message as unknown[]);
      else if (kind === 'function') (message as (this: typeof api) => void).call(api);
      else if (kind === 'command') mergeMessage(model, setArguments(Array.from(message as IArguments)), fail);
      else if (isPlainObject(message)) mergeMessage(model, message, fail);
    } catch (error) {
      fail(error);
    }
  };
  /** Applies the changes up to log position `at` (default: all) not applied yet, and lets the log forget them. */
  const upTo = (at = log.taken + log.kept.length / 2) => {
    const changes = log.kept.splice(0, 2 * (at - log.taken)); // none when `at` was passed already
    log.taken += changes.length / 2;
    for (let i = 0; i < changes.length; i += 2) apply(changes[i], changes[i + 1] as MessageKind);
  };
  return {
    at(position) {
      upTo(position);
      return snapshot(model, limits) as Model;
    },
    get(key) {
      upTo();
      return snapshot(readPath(model, key), limits);
    },
  };
}
