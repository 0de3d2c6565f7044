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
// - A selector rule {selector, event, ...data} pushes {event, ...data (its string
//   values), ...attributes of the matched element}: attributes win over config data.
// - Page HTML is untrusted (CMS and user content keep data-* attributes), so it
//   never says who the visitor is: attributes set no user id, email, dotted path
//   or prototype key (dropped, with a debug line), and an attribute-tagged element
//   pushes no event `refuses` names (sign-in, logout, …), nor one outside
//   `clickEvents` or outside `clickContainer` when those are set. Selector rules come
//   from the config and are trusted with their events.
// - The options are the config's, read leniently (a value of the wrong kind reads as
//   absent; the debug engine checks them, config.ts); a push that throws is logged,
//   never thrown at the page.
import { isUnsafeKey } from '../sandbox/object';
import { isText, list } from './config-read';

/** The attributes marketers tag elements with: data-identify-event, data-identify-<key>. */
export const ATTRIBUTE_PREFIX = 'data-identify-';

/** A selector rule of the config: clicks on `selector` push `event` with the rule's other string values. */
export interface ClickRule {
  selector: string;
  event: string;
  [data: string]: unknown;
}

/** The config's click options (BridgeConfig), as given. */
export interface ClickOptions {
  /** selector rules; anything but a list reads as none */
  clicks?: unknown;
  /** the only events attributes may push (and only those `refuses` allows) */
  clickEvents?: unknown;
  /** a selector: attribute-tagged elements count only inside a match */
  clickContainer?: unknown;
  /** default 'data-identify-'; `[<prefix>event]` must be a valid selector */
  attributePrefix?: unknown;
}

export interface ClickHooks {
  /** True for an event attributes may not push: one that sets or forgets who the visitor is. */
  refuses: (event: string) => boolean;
  /** Keys attributes may not set besides user_id, userid and email (lower case). */
  refusedKeys: string[];
  /** Receives each click message, e.g. `(m) => window.dataLayer.push(m)`. */
  push: (message: ClickMessage) => void;
  /** Debug lines: what a click left out and why, and what a push threw. */
  log: (text: string) => void;
}

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

export const watchClicks = (doc: Document, options: ClickOptions, hooks: ClickHooks): { stop(): void } => {
  const prefix = (isText(options.attributePrefix) ? options.attributePrefix : ATTRIBUTE_PREFIX).toLowerCase();
  const attribute = prefix + 'event';
  const tagged = `[${attribute}]:not([${attribute}=""])`;
  const rules = list(options.clicks).filter((rule) => rule && isText(rule.selector) && isText(rule.event)) as ClickRule[];
  const events = options.clickEvents;
  const container = options.clickContainer;
  // who the visitor is comes only from the page's own pushes
  const refusedKeys = ['user_id', 'userid', 'email'].concat(hooks.refusedKeys);

  const onClick = (click: Event) => {
    try {
      // the clicked element, or a text node's parent (by nodeType, so that it works across windows)
      const target = click.target as Element | null;
      const start = target && (target.nodeType === 1 ? target : target.parentElement);
      if (!start) return;
      const own = start.closest(tagged);
      let best = !isText(container) || (own && own.closest(container)) ? own : null;
      let rule: ClickRule | undefined;
      for (const candidate of rules) {
        // candidates are all ancestors-or-self of `start`: the one inside the other is innermost
        const element = start.closest(candidate.selector);
        if (element && (!best || (best !== element && best.contains(element)))) (best = element), (rule = candidate);
      }
      if (!best) return;
      const message: ClickMessage = {};
      if (rule) {
        for (const key of Object.keys(rule)) if (key !== 'selector' && typeof rule[key] === 'string' && !isUnsafeKey(key)) message[key] = rule[key] as string;
      } else {
        const event = best.getAttribute(attribute)!;
        if ((Array.isArray(events) && events.indexOf(event) < 0) || hooks.refuses(event)) {
          return hooks.log(`click: ${attribute}="${event}" ignored (not an event page HTML may push)`);
        }
        message.event = event;
      }
      for (const { name, value } of best.attributes) {
        if (!name.startsWith(prefix) || name === attribute) continue;
        const key = name.slice(prefix.length).replace(/-/g, '_');
        if (key.indexOf('.') < 0 && refusedKeys.indexOf(key) < 0 && !isUnsafeKey(key)) message[key] = value;
        else hooks.log(`click: ${name} ignored (page HTML sets no identity, path or prototype key)`);
      }
      hooks.push(message);
    } catch (error) {
      hooks.log(String(error));
    }
  };
  doc.addEventListener('click', onClick, true);
  return { stop: () => doc.removeEventListener('click', onClick, true) };
};
