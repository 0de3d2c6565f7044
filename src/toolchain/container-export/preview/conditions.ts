// Trigger conditions of a container preview: every condition of a trigger must hold (GTM ANDs
// them); `negate` turns an operator into its "does not" form.
import type { Condition, Trigger } from '../model';

function holds(type: Condition['type'], left: unknown, right: string): boolean {
  const text = left === undefined || left === null ? '' : String(left);
  switch (type) {
    case 'EQUALS': return text === right;
    case 'CONTAINS': return text.includes(right);
    case 'STARTS_WITH': return text.startsWith(right);
    case 'ENDS_WITH': return text.endsWith(right);
    case 'MATCH_REGEX': return new RegExp(right).test(text);
    case 'GREATER': return Number(text) > Number(right);
    case 'LESS': return Number(text) < Number(right);
    case 'CSS_SELECTOR': {
      const element = left as Element | undefined;
      return typeof element?.matches === 'function' && element.matches(right);
    }
  }
}

export function conditionHolds(condition: Condition, resolve: (value: string) => unknown): boolean {
  const arg = (key: string) => condition.parameter.find((p) => p.key === key)?.value ?? '';
  const negate = condition.parameter.some((p) => p.key === 'negate' && p.value === 'true');
  return holds(condition.type, resolve(arg('arg0')), String(resolve(arg('arg1')))) !== negate;
}

/** Whether a trigger fires for an event (custom event names, or gtm.click for click triggers). */
export function triggerFires(trigger: Trigger, event: unknown, resolve: (value: string) => unknown): boolean {
  const all = (conditions: readonly Condition[] | undefined) => (conditions ?? []).every((c) => conditionHolds(c, resolve));
  switch (trigger.type) {
    case 'CUSTOM_EVENT': return all(trigger.customEventFilter) && all(trigger.filter);
    case 'CLICK': return event === 'gtm.click' && all(trigger.filter);
    case 'LINK_CLICK': return event === 'gtm.linkClick' && all(trigger.filter);
    case 'PAGEVIEW': return event === 'gtm.js' && all(trigger.filter);
    case 'DOM_READY': return event === 'gtm.dom' && all(trigger.filter);
    case 'WINDOW_LOADED': return event === 'gtm.load' && all(trigger.filter);
  }
}
