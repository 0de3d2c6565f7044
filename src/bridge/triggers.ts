// What a message that matched a rule gives: the IdentifyInput of that rule (the engine's side;
// the snippet found the rule by the message's event name, snippet.ts).
//
// gtag('event', name, params) counts as {event: name, ...params}. Values are read from the
// message itself by default, so a `brand` pushed with an earlier event never leaks into a later
// identify; a rule with source 'model' reads the merged data model instead (everything pushed so
// far, later values winning) — useful when a page pushes the user once and events later, but
// stale keys stay until something overwrites them.
import { inputFromMessage } from '../core/rules';
import type { IdentifyInput } from '../core/index';
import type { Note } from '../core/messages';
import type { BridgeRule } from './settings';
import { isPlainObject } from '../datalayer/kinds';
import type { MessageKind, Model } from './datalayer/index';

/** The message as event fields: a plain object, or a gtag event command; otherwise null. */
function eventFields(message: unknown, kind: MessageKind): Record<string, unknown> | null {
  if (kind === 'object') return message as Record<string, unknown>;
  const args = message as unknown[];
  if (kind !== 'command' || args[0] !== 'event' || typeof args[1] !== 'string') return null;
  return Object.assign({}, isPlainObject(args[2]) ? args[2] : {}, { event: args[1] });
}

/** The input `entry` gives for a message (copies of it and, for a 'model' rule, of the model). */
export function ruleInput(message: unknown, model: Model | undefined, kind: MessageKind, entry: BridgeRule, note: Note): IdentifyInput | null {
  const fields = eventFields(message, kind);
  return fields && inputFromMessage(entry.source === 'model' ? model : fields, entry.rule, note);
}
