// GTM's view of the data layer, computed from the page's array of pushed messages.
// Version 2 (the default of copyFromDataLayer) is the merged model of google/data-layer-helper
// (reference landscape.md §E.1): each pushed plain object has its dotted keys expanded
// ('a.b': 1 → {a: {b: 1}}) and is merged in; arrays merge index-wise into arrays, plain objects
// key-wise into plain objects, anything else overwrites; `_clear: true` inside an object
// replaces instead of merging; gtag `set` commands (an `arguments` object) merge too. Command
// arrays and function messages are not modelled. Version 1 returns the value of the key in the
// most recent pushed object that has it, without dotted-path traversal.

type Model = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function isArguments(value: unknown): value is ArrayLike<unknown> {
  return Object.prototype.toString.call(value) === '[object Arguments]';
}

/** 'a.b.c' with `value` → {a: {b: {c: value}}}. */
export function expandKey(key: string, value: unknown): Model {
  const parts = key.split('.');
  let result: unknown = value;
  for (let i = parts.length - 1; i >= 0; i -= 1) result = { [parts[i]]: result };
  return result as Model;
}

function merge(from: Record<string, unknown> | unknown[], to: Record<string, unknown> | unknown[]): void {
  const source = from as Record<string, unknown>;
  const target = to as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (Array.isArray(value)) {
      if (!Array.isArray(target[key])) target[key] = [];
      merge(value, target[key] as unknown[]);
    } else if (isPlainObject(value)) {
      // `_clear` replaces; a fresh object keeps later merges off the pushed message itself
      if (value._clear === true || !isPlainObject(target[key])) target[key] = {};
      merge(value, target[key] as Record<string, unknown>);
    } else {
      target[key] = value;
    }
  }
}

function apply(model: Model, message: unknown): void {
  if (isArguments(message)) {
    if (message[0] !== 'set') return;
    if (isPlainObject(message[1])) applyObject(model, message[1]);
    else if (typeof message[1] === 'string') merge(expandKey(message[1], message[2]), model);
  } else if (isPlainObject(message)) {
    applyObject(model, message);
  }
}

function applyObject(model: Model, message: Record<string, unknown>): void {
  for (const key of Object.keys(message)) merge(expandKey(key, message[key]), model);
}

export function dataLayerModel(messages: readonly unknown[]): Model {
  const model: Model = {};
  for (const message of messages) apply(model, message);
  return model;
}

/** The value at a dotted key of the merged model (version 2). */
export function readModelV2(messages: readonly unknown[], key: string): unknown {
  let value: unknown = dataLayerModel(messages);
  for (const part of key.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** The value of `key` in the most recent pushed object holding it (version 1). */
export function readModelV1(messages: readonly unknown[], key: string): unknown {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i];
    if (isPlainObject(message) && Object.prototype.hasOwnProperty.call(message, key)) return message[key];
  }
  return undefined;
}
