// Click tagging without code: marketers mark elements in HTML, or list CSS
// selectors in the config, and a click pushes a dataLayer message that GTM
// triggers and the bridge both see.
//
//   <button data-identify-event="get_dealer_details" data-identify-brand="Audi"
//           data-identify-car-model="Q5">
//   → {event: 'get_dealer_details', brand: 'Audi', car_model: 'Q5'}
//
// - Attribute names after the prefix become snake_case keys (`car-model` →
//   `car_model`): HTML lowercases attribute names, so camelCase cannot survive,
//   and snake_case is what GTM/GA4 event parameters use. Values stay strings.
// - One listener on the document, capture phase, so elements added later count
//   and a handler that stops propagation does not hide the click.
// - The clicked element or its closest tagged ancestor counts; with nested tagged
//   elements the innermost wins. On one element, its data-identify-event attribute
//   wins over selector rules, and earlier rules win over later ones.
// - A selector rule pushes {event: rule.event, ...rule.data, ...attributes of the
//   matched element}: attributes on the element win over config data.
// - Page HTML is untrusted (CMS and user content keep data-* attributes), so it
//   never says who the visitor is: attributes set no user id, email, dotted path
//   or prototype key (dropped, with a debug note), and an attribute-tagged element
//   pushes no event `refuses` names (sign-in, logout, …), nor one outside `events`
//   or outside `container` when those are set. Selector rules come from the config
//   and are trusted with their events.
// - The prefix and the rules come checked (config.ts); a push that throws is
//   reported, never thrown at the page.

import { isUnsafeKey } from '../sandbox/object';

/** The attributes marketers tag elements with: data-identify-event, data-identify-<key>. */
export const ATTRIBUTE_PREFIX = 'data-identify-';

export interface ClickRule {
  selector: string;
  event: string;
  /** Sent with the event; neither `event` nor an unsafe key (config.ts leaves them out). */
  data?: Record<string, string>;
}

export interface WatchClicksOptions {
  /** Default 'data-identify-'; `[<prefix>event]` must be a valid selector. */
  attributePrefix?: string;
  selectors?: ClickRule[];
  /** The only events attributes may push (and only those `refuses` allows). */
  events?: string[];
  /** A selector: attribute-tagged elements count only inside a match. */
  container?: string;
  /** True for an event attributes may not push: one that sets or forgets who the visitor is. */
  refuses?: (event: string) => boolean;
  /** Keys attributes may not set besides user_id, userid and email (lower case). */
  refusedKeys?: string[];
  /** Receives each click message, e.g. `(m) => window.dataLayer.push(m)`. */
  push: (message: ClickMessage) => void;
  /** Debug notes: what a click left out, and why. */
  note?: (text: string) => void;
  /** Failures of push; default console.warn. */
  onError?: (error: unknown) => void;
}

/** Keys no attribute sets: who the visitor is comes only from the page's own pushes. */
const IDENTITY_KEYS = ['user_id', 'userid', 'email'];

export type ClickMessage = Record<string, string>;

/** Tells CSS selectors that `doc` accepts (the probe element is made on first use). */
export function selectorTest(doc: Document): (selector: unknown) => boolean {
  let probe: Element | undefined;
  return (selector) => {
    try {
      (probe = probe || doc.createElement('div')).matches(selector as string);
      return typeof selector === 'string';
    } catch {
      return false;
    }
  };
}

export function watchClicks(doc: Document, options: WatchClicksOptions): { stop(): void } {
  const report = options.onError || ((error: unknown) => console.warn('[gtm-identify]', error));
  const note = options.note || (() => {});
  const prefix = (options.attributePrefix || ATTRIBUTE_PREFIX).toLowerCase();
  const eventAttribute = `${prefix}event`;
  const tagged = `[${eventAttribute}]:not([${eventAttribute}=""])`;
  const rules = options.selectors || [];
  const refusedKeys = IDENTITY_KEYS.concat(options.refusedKeys || []);

  /** The element's prefixed attributes, added to `message`. */
  const withAttributes = (element: Element, message: ClickMessage) => {
    for (const { name, value } of Array.from(element.attributes)) {
      if (!name.startsWith(prefix) || name === eventAttribute) continue;
      const key = name.slice(prefix.length).replace(/-/g, '_');
      if (key.indexOf('.') < 0 && refusedKeys.indexOf(key) < 0 && !isUnsafeKey(key)) message[key] = value;
      else note(`click: ${name} ignored (page HTML sets no identity, path or prototype key)`);
    }
    return message;
  };

  /** The event of an attribute-tagged element, or '' when it may not push it. */
  const eventOf = (element: Element) => {
    const event = element.getAttribute(eventAttribute)!;
    const allowed = (!options.events || options.events.indexOf(event) >= 0) && !(options.refuses && options.refuses(event));
    if (!allowed) note(`click: ${eventAttribute}="${event}" ignored (not an event page HTML may push)`);
    return allowed ? event : '';
  };

  const messageFor = (start: Element): ClickMessage | undefined => {
    let best: { element: Element; rule?: ClickRule } | undefined;
    const consider = (element: Element | null, rule?: ClickRule) => {
      // Candidates are all ancestors-or-self of `start`: the one inside the other is innermost.
      if (element && (!best || (best.element !== element && best.element.contains(element)))) {
        best = { element, rule };
      }
    };
    const own = start.closest(tagged);
    if (!options.container || (own && own.closest(options.container))) consider(own);
    for (const rule of rules) consider(start.closest(rule.selector), rule);
    if (!best) return undefined;
    const { element, rule } = best;
    const event = rule ? rule.event : eventOf(element);
    return event ? withAttributes(element, Object.assign({ event }, rule && rule.data)) : undefined;
  };

  const onClick = (event: Event) => {
    try {
      const start = elementOf(event.target);
      const message = start && messageFor(start);
      if (message) options.push(message);
    } catch (error) {
      report(error);
    }
  };
  doc.addEventListener('click', onClick, true);
  return { stop: () => doc.removeEventListener('click', onClick, true) };
}

/** The clicked element (a text node's parent); by nodeType, so it works across windows. */
function elementOf(target: EventTarget | null): Element | null {
  const node = target as Node | null;
  if (!node || typeof node.nodeType !== 'number') return null;
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}
