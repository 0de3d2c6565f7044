// Consent state from gtag consent commands pushed onto the data layer:
// gtag('consent', 'default' | 'update', {analytics_storage: 'granted', …}).
//
// Our reading (the helper knows nothing of consent): an update wins over any
// default; a later command of the same mode wins over an earlier one. The page
// cannot know the visitor's region, so a default that names `region`s counts
// only when it denies — the safe reading until an update arrives.
//
// The engine keeps the state (engine.ts), so that the snippet every page loads carries none of
// it: the watcher only collects the consent commands, past ones too, as pushed (watch.ts), and
// consentOf reads the new ones at each question. A history match, run when the engine has
// loaded, so sees the whole history's consent, and a run the engine starts sees every command
// pushed before it.

import { isUnsafeKey } from '../../sandbox/object';
import { isPlainObject } from '../../datalayer/kinds';

export type ConsentValue = 'granted' | 'denied';

/**
 * The consent state of `commands` (gtag consent commands as pushed, in push order; the watcher
 * adds to the list): each command is read once, at the first question after it arrived. What a
 * command throws when read, or one that is no consent command, goes to `problem`.
 */
export function consentOf(commands: ArrayLike<unknown>[], problem: (error: unknown) => void): (type: string) => ConsentValue | undefined {
  const defaults = new Map<string, ConsentValue>();
  const regionalDenials = new Set<string>();
  const updates = new Map<string, ConsentValue>();
  /** Applies the arguments after 'consent'; false when they are not a consent command. */
  const apply = (mode: unknown, settings: unknown) => {
    if ((mode !== 'default' && mode !== 'update') || !isPlainObject(settings)) return false;
    const regional = mode === 'default' && settings.region !== undefined;
    for (const [type, value] of Object.entries(settings)) {
      if ((value !== 'granted' && value !== 'denied') || isUnsafeKey(type)) continue;
      if (mode === 'update') updates.set(type, value);
      else if (!regional) defaults.set(type, value);
      else if (value === 'denied') regionalDenials.add(type);
    }
    return true;
  };
  let read = 0;
  return (type) => {
    while (read < commands.length) {
      const command = commands[read++];
      try {
        if (!apply(command[1], command[2])) problem("'consent' takes 'default' or 'update' and an object");
      } catch (error) {
        problem(error);
      }
    }
    return updates.get(type) || (regionalDenials.has(type) ? 'denied' : defaults.get(type));
  };
}
