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
// - The prefix and the rules come checked (config.ts); a push that throws is
//   reported, never thrown at the page.

import { isUnsafeKey } from '../core/checks';

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
  /** Receives each click message, e.g. `(m) => window.dataLayer.push(m)`. */
  push: (message: ClickMessage) => void;
  /** Failures of push; default console.warn. */
  onError?: (error: unknown) => void;
}

export type ClickMessage = Record<string, string>;

/** Tells CSS selectors that `doc` accepts (the probe element is made on first use). */
export function selectorTest(doc: Document): (selector: unknown) => boolean {
  let probe: Element | undefined;
  return (selector) => {
    try {
      (probe ??= doc.createElement('div')).matches(selector as string);
      return typeof selector === 'string';
    } catch {
      return false;
    }
  };
}

export function watchClicks(doc: Document, options: WatchClicksOptions): { stop(): void } {
  const report = options.onError ?? ((error: unknown) => console.warn('[gtm-identify]', error));
  const prefix = (options.attributePrefix ?? ATTRIBUTE_PREFIX).toLowerCase();
  const eventAttribute = `${prefix}event`;
  const tagged = `[${eventAttribute}]:not([${eventAttribute}=""])`;
  const rules = options.selectors ?? [];

  /** The element's prefixed attributes, added to `message`. */
  const withAttributes = (element: Element, message: ClickMessage) => {
    for (const { name, value } of Array.from(element.attributes)) {
      if (!name.startsWith(prefix) || name === eventAttribute) continue;
      const key = name.slice(prefix.length).replace(/-/g, '_');
      if (key !== '' && !isUnsafeKey(key)) message[key] = value;
    }
    return message;
  };

  const messageFor = (start: Element): ClickMessage | undefined => {
    let best: { element: Element; rule?: ClickRule } | undefined;
    const consider = (element: Element | null, rule?: ClickRule) => {
      // Candidates are all ancestors-or-self of `start`: the one inside the other is innermost.
      if (element && (!best || (best.element !== element && best.element.contains(element)))) {
        best = { element, rule };
      }
    };
    consider(start.closest(tagged));
    for (const rule of rules) consider(start.closest(rule.selector), rule);
    if (!best) return undefined;
    const { element, rule } = best;
    return withAttributes(element, rule
      ? Object.assign({ event: rule.event }, rule.data)
      : { event: element.getAttribute(eventAttribute)! });
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
