// Which data-layer messages trigger an identify or a reset, and the IdentifyInput each gives.
//
// A message triggers when its `event` matches a rule (the config's rules in order, then core's
// DEFAULT_RULES). gtag('event', name, params) counts as {event: name, ...params}.
// Values are read from the message itself by default, so a `brand` pushed with an earlier
// event never leaks into a later identify; a rule with source 'model' reads the merged data
// model instead (everything pushed so far, later values winning) — useful when a page pushes
// the user once and events later, but stale keys stay until something overwrites them.
import { inputFromMessage } from '../core/index';
import type { IdentifyInput } from '../core/index';
import type { Note } from '../core/messages';
import type { Settings } from './config';
import { isPlainObject } from '../datalayer/kinds';
import type { MessageKind, Model } from './datalayer/index';

/** The message as event fields: a plain object, or a gtag event command; otherwise null. */
function eventFields(message: unknown, kind: MessageKind): Record<string, unknown> | null {
  if (kind === 'object') return message as Record<string, unknown>;
  const args = message as unknown[];
  if (kind !== 'command' || args[0] !== 'event' || typeof args[1] !== 'string') return null;
  return Object.assign({}, isPlainObject(args[2]) ? args[2] : {}, { event: args[1] });
}

/**
 * Whether a message could trigger, read from the live message before the watcher copies it:
 * false only when it surely cannot (no event name, or one no rule matches), so that the
 * messages most pages push (page views, ecommerce) cost no copies. Commands other than gtag
 * events (consent, set) always go on. `maxLength`: the copy's string limit — a longer name is
 * left to triggeredInput, which sees the copy.
 */
export function mayTrigger(message: unknown, kind: MessageKind, settings: Settings, maxLength: number): boolean {
  let name: unknown;
  try {
    if (kind === 'object') name = (message as Record<string, unknown>).event;
    else if (kind !== 'command') return false;
    else if ((message as unknown[])[0] !== 'event') return true;
    else name = (message as unknown[])[1];
  } catch {
    return true; // a throwing getter: the copy leaves the key out, triggeredInput decides
  }
  if (typeof name !== 'string') return false;
  if (name.length > maxLength) return true;
  for (const entry of settings.rules) if (entry.matches(name)) return true;
  return false;
}

/** The input for the first rule a message matches, or null when none does. */
export function triggeredInput(message: unknown, model: Model, kind: MessageKind, settings: Settings, note: Note): IdentifyInput | null {
  const fields = eventFields(message, kind);
  const name = fields && fields.event;
  if (typeof name !== 'string') return null;
  for (const entry of settings.rules) {
    if (!entry.matches(name)) continue;
    const input = inputFromMessage(entry.source === 'model' ? model : fields, entry.rule, note);
    input.userIdHash = settings.userIdHash;
    input.useEmailAsUserId = settings.useEmailAsUserId;
    return input;
  }
  return null;
}
