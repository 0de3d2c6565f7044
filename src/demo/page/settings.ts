// The demo page's settings: query parameters (?via=bridge&consent=denied&fail=gist&dedupe=on) set them,
// sessionStorage keeps them while the visitor moves between pages of the tab.
import { VENDORS, type DemoSettings, type DemoVendor } from '../shared';

const KEY = 'demo.settings';

function stored(): DemoSettings {
  try {
    const value = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as DemoSettings | null;
    if (value) return value;
  } catch {
    // a broken entry starts over
  }
  return { via: 'container', consent: null, fail: [] };
}

export function saveSettings(settings: DemoSettings): void {
  sessionStorage.setItem(KEY, JSON.stringify(settings));
}

export function readSettings(search: string): DemoSettings {
  const settings = stored();
  const query = new URLSearchParams(search);
  const via = query.get('via');
  if (via === 'container' || via === 'bridge') settings.via = via;
  const consent = query.get('consent');
  if (consent === 'granted' || consent === 'denied') settings.consent = consent;
  if (consent === 'none') settings.consent = null;
  const fail = query.get('fail');
  if (fail !== null) settings.fail = fail.split(',').filter((v): v is DemoVendor => (VENDORS as readonly string[]).includes(v));
  const dedupe = query.get('dedupe');
  if (dedupe === 'on' || dedupe === 'off') settings.dedupe = dedupe === 'on';
  saveSettings(settings);
  return settings;
}

export interface SignedInUser {
  userId: string;
  email: string;
  traits: Record<string, unknown>;
}

const USER = 'demo.user';

export function signedInUser(): SignedInUser | null {
  try {
    return JSON.parse(sessionStorage.getItem(USER) ?? 'null') as SignedInUser | null;
  } catch {
    return null;
  }
}

export function setSignedInUser(user: SignedInUser | null): void {
  if (user) sessionStorage.setItem(USER, JSON.stringify(user));
  else sessionStorage.removeItem(USER);
}
