// Consent state from gtag consent commands pushed onto the data layer:
// gtag('consent', 'default' | 'update', {analytics_storage: 'granted', …}).
//
// Our reading (the helper knows nothing of consent): an update wins over any
// default; a later command of the same mode wins over an earlier one. The page
// cannot know the visitor's region, so a default that names `region`s counts
// only when it denies — the safe reading until an update arrives.

import { isUnsafeKey } from '../../sandbox/object';
import { isPlainObject } from '../../datalayer/kinds';

export type ConsentValue = 'granted' | 'denied';

export interface ConsentState {
  /** Applies the arguments after 'consent'; returns false when they are not a consent command. */
  apply(mode: unknown, settings: unknown): boolean;
  get(type: string): ConsentValue | undefined;
}

export function consentState(): ConsentState {
  const defaults = new Map<string, ConsentValue>();
  const regionalDenials = new Set<string>();
  const updates = new Map<string, ConsentValue>();
  return {
    apply(mode, settings) {
      if ((mode !== 'default' && mode !== 'update') || !isPlainObject(settings)) return false;
      const regional = mode === 'default' && settings.region !== undefined;
      for (const [type, value] of Object.entries(settings)) {
        if ((value !== 'granted' && value !== 'denied') || isUnsafeKey(type)) continue;
        if (mode === 'update') updates.set(type, value);
        else if (!regional) defaults.set(type, value);
        else if (value === 'denied') regionalDenials.add(type);
      }
      return true;
    },
    get: (type) => updates.get(type) || (regionalDenials.has(type) ? 'denied' : defaults.get(type)),
  };
}
