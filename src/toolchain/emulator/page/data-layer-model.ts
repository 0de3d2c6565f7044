// GTM's view of the data layer, computed from the page's array of pushed messages.
// Version 2 (the default of copyFromDataLayer) is the merged model, built with the bridge's
// data-layer-helper model (src/datalayer/model.ts) so that the template and the page
// agree: dotted keys, the merge table, nested `_clear`, gtag `set` commands and command arrays.
// Function messages are not run: the model is rebuilt on every read, and GTM calls such a
// function once, when it is pushed. A message that fails changes nothing further and the
// rest still apply, silently: they are the page's problems, not the template's. Version 1 returns the value of the key in
// the most recent pushed object that has it, without dotted-path traversal.
import { hasOwn, isPlainObject, kindOf } from '../../../datalayer/kinds';
import { callAtPath, mergeMessage, readPath, setArguments, type Model } from '../../../datalayer/model';

const ignore = (): void => {};

function apply(model: Model, message: unknown): void {
  const kind = kindOf(message);
  if (kind === 'object') mergeMessage(model, message as Model, ignore);
  else if (kind === 'array') callAtPath(model, message as unknown[]);
  else if (kind === 'command') {
    const args = Array.from(message as IArguments);
    if (args[0] === 'set') mergeMessage(model, setArguments(args), ignore);
  }
}

export function dataLayerModel(messages: readonly unknown[]): Model {
  const model: Model = {};
  for (const message of messages) {
    try {
      apply(model, message);
    } catch {
      // as in the helper: the message is skipped, the next one applies
    }
  }
  return model;
}

/** The value at a dotted key of the merged model (version 2). */
export function readModelV2(messages: readonly unknown[], key: string): unknown {
  return readPath(dataLayerModel(messages), key);
}

/** The value of `key` in the most recent pushed object holding it (version 1). */
export function readModelV1(messages: readonly unknown[], key: string): unknown {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i];
    if (isPlainObject(message) && hasOwn(message, key)) return message[key];
  }
  return undefined;
}
