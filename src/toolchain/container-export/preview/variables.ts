// Variable values for a container preview: data layer (`v`), constant (`c`), auto-event (`aev`),
// custom JavaScript (`jsm`) and the built-in Event and Click variables, read from the event
// being processed.
import { readModelV1, readModelV2 } from '../../emulator/page/data-layer-model';
import { BUILT_IN_NAMES } from '../builtins';
import type { ContainerExport, Parameter, Variable } from '../model';

/** The event being processed: its message, and the data layer up to and including it. */
export interface EventContext {
  message: Record<string, unknown>;
  dataLayer: readonly unknown[];
}

const paramValue = (parameters: readonly Parameter[], key: string): string | undefined => parameters.find((p) => p.key === key)?.value;

function elementOf(context: EventContext): Element | undefined {
  const element = context.message['gtm.element'];
  return element && typeof (element as Element).getAttribute === 'function' ? (element as Element) : undefined;
}

/** GTM's Click Text: the element's visible text, trimmed. */
function textOf(element: Element | undefined): string {
  const html = element as HTMLElement | undefined;
  return (html?.innerText ?? element?.textContent ?? '').trim();
}

const BUILT_INS: Record<string, (context: EventContext) => unknown> = {
  [BUILT_IN_NAMES.EVENT]: (c) => c.message.event,
  _event: (c) => c.message.event,
  [BUILT_IN_NAMES.CLICK_ELEMENT]: (c) => elementOf(c),
  [BUILT_IN_NAMES.CLICK_TEXT]: (c) => textOf(elementOf(c)),
  [BUILT_IN_NAMES.CLICK_CLASSES]: (c) => elementOf(c)?.getAttribute('class') ?? '',
  [BUILT_IN_NAMES.CLICK_ID]: (c) => elementOf(c)?.id ?? '',
  [BUILT_IN_NAMES.CLICK_URL]: (c) => elementOf(c)?.getAttribute('href') ?? '',
  [BUILT_IN_NAMES.CLICK_TARGET]: (c) => elementOf(c)?.getAttribute('target') ?? '',
};

/**
 * A Custom JavaScript variable: GTM puts each `{{Name}}` in the function's text by value
 * (an element stays an element), then calls the function. Its errors reach the caller.
 */
function runCustomJavaScript(source: string, lookup: (name: string) => unknown): unknown {
  const names: string[] = [];
  const code = source.replace(/\{\{([^{}]+)\}\}/g, (_, name: string) => `__variable(${names.push(name) - 1})`);
  const fn = new Function('__variable', `return (${code});`)((index: number) => lookup(names[index])) as () => unknown;
  return fn();
}

function variableValue(
  variable: Variable, context: EventContext, resolve: (value: string) => unknown, lookup: (name: string) => unknown,
): unknown {
  const p = variable.parameter;
  switch (variable.type) {
    case 'c':
      return resolve(paramValue(p, 'value') ?? '');
    case 'v': {
      const key = paramValue(p, 'name') ?? '';
      const value = paramValue(p, 'dataLayerVersion') === '1' ? readModelV1(context.dataLayer, key) : readModelV2(context.dataLayer, key);
      return value === undefined && paramValue(p, 'setDefaultValue') === 'true' ? resolve(paramValue(p, 'defaultValue') ?? '') : value;
    }
    case 'aev': {
      const element = elementOf(context);
      const kind = paramValue(p, 'varType');
      if (kind === 'ATTRIBUTE') return element?.getAttribute(paramValue(p, 'attribute') ?? '') ?? undefined;
      if (kind === 'ELEMENT') return element;
      if (kind === 'TEXT') return textOf(element);
      return undefined;
    }
    case 'jsm':
      return runCustomJavaScript(paramValue(p, 'javascript') ?? '', lookup);
    default:
      throw new Error(`variable "${variable.name}" has type ${variable.type}, which the preview does not run`);
  }
}

/**
 * Resolves `{{Name}}` references: a value that is exactly one reference keeps the variable's
 * native type (as in GTM); references inside longer text are joined as strings.
 */
export function resolver(container: ContainerExport, context: EventContext): (value: string) => unknown {
  const variables = new Map((container.containerVersion.variable ?? []).map((v) => [v.name, v]));
  const lookup = (name: string): unknown => {
    const builtIn = BUILT_INS[name];
    if (builtIn) return builtIn(context);
    const variable = variables.get(name);
    if (!variable) throw new Error(`{{${name}}} is not a variable of the container`);
    return variableValue(variable, context, resolve, lookup);
  };
  const resolve = (value: string): unknown => {
    const whole = /^\{\{([^{}]+)\}\}$/.exec(value);
    if (whole) return lookup(whole[1]);
    return value.replace(/\{\{([^{}]+)\}\}/g, (_, name: string) => {
      const found = lookup(name);
      return found === undefined || found === null ? '' : String(found);
    });
  };
  return resolve;
}
