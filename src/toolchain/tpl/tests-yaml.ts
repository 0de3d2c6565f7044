// ___TESTS___: `scenarios` (list of {name, code}) and an optional `setup`, read with the `yaml`
// library and written in GTM's export style (see yaml-scalar.ts).
import { isMap, isSeq, parseDocument, type Node } from 'yaml';
import { locationAt } from '../diagnostics/lines';
import type { Scenario, TemplateTests } from './model';
import { YamlWriter } from './yaml-scalar';

export interface PositionedMessage {
  /** 1-based line and column inside the section body. */
  line: number;
  column: number;
  message: string;
}

export function formatTestsYaml(tests: TemplateTests): string {
  const w = new YamlWriter();
  w.key('scenarios');
  if (tests.scenarios.length === 0) {
    w.indicator('[', true, true);
    w.indicator(']', false);
  }
  for (const scenario of tests.scenarios) {
    w.indent(0);
    w.indicator('-', true, false, true);
    w.indent(2);
    w.key('name');
    w.scalar(scenario.name, 4);
    w.indent(2);
    w.key('code');
    w.scalar(scenario.code, 4);
  }
  if (tests.setup !== undefined) {
    w.indent(0);
    w.key('setup');
    w.scalar(tests.setup, 2);
  }
  // GTM drops the document's final line break; the reader puts it back before parsing.
  return w.out.endsWith('\n') ? w.out.slice(0, -1) : w.out;
}

export function parseTestsYaml(body: string): { tests?: TemplateTests; errors: PositionedMessage[] } {
  const text = body + '\n';
  // failsafe: every scalar is a string, as GTM treats scenario names and code.
  const doc = parseDocument(text, { schema: 'failsafe', prettyErrors: false, uniqueKeys: true });
  const at = (offset: number, message: string): PositionedMessage => ({ ...locationAt(text, offset), message });
  // Later YAML errors are mostly consequences of the first.
  if (doc.errors.length) return { errors: [at(doc.errors[0].pos[0], doc.errors[0].message)] };

  const root = doc.contents;
  if (!isMap(root)) return { errors: [at(offsetOf(root), 'expected a mapping with `scenarios` (and optionally `setup`)')] };
  const errors: PositionedMessage[] = [];
  const scenarios: Scenario[] = [];
  const list = root.get('scenarios', true);
  if (list !== undefined && !isSeq(list)) errors.push(at(offsetOf(list), '`scenarios` must be a list'));
  if (isSeq(list)) {
    for (const item of list.items) {
      const scenario = isMap(item) ? { name: item.get('name'), code: item.get('code') } : undefined;
      if (typeof scenario?.name !== 'string' || typeof scenario.code !== 'string') {
        errors.push(at(offsetOf(item as Node), 'each scenario needs a `name` and a `code` string'));
      } else {
        scenarios.push({ name: scenario.name, code: scenario.code });
      }
    }
  }
  const tests: TemplateTests = { scenarios };
  const setup = root.get('setup');
  if (setup !== undefined) {
    if (typeof setup === 'string') tests.setup = setup;
    else errors.push(at(offsetOf(root.get('setup', true) as Node), '`setup` must be a string'));
  }
  return errors.length ? { errors } : { tests, errors };
}

function offsetOf(node: Node | null | undefined): number {
  return node?.range?.[0] ?? 0;
}
