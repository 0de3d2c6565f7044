// ___TESTS___: `scenarios` (list of {name, code}) and an optional `setup`, read with the `yaml`
// library (once: the same parse gives the tests, their problems and where each piece of test code
// sits) and written in GTM's export style (see yaml-scalar.ts).
import { isMap, isScalar, isSeq, parseDocument, type Node, type Scalar } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { locationAt, type Location } from '../diagnostics/lines';
import type { Scenario, TemplateTests } from './model';
import { YamlWriter } from './yaml-scalar';

/** Maps a location in a piece of test code to its location in the text the code was read from. */
export type LocationMap = (at: Location) => Location;

/** Where the setup and each scenario's code sit (scenarios in the order of the YAML list). */
export interface TestCodeLocations {
  setup?: LocationMap;
  scenarios: LocationMap[];
}

export interface TestsRead {
  tests?: TemplateTests;
  /** Rule `format`, at 1-based lines and columns of the section body. */
  errors: Diagnostic[];
  /** Test code locations in the section body; empty when the YAML is broken. */
  code: TestCodeLocations;
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

export function parseTestsYaml(body: string): TestsRead {
  const text = body + '\n';
  // failsafe: every scalar is a string, as GTM treats scenario names and code.
  const doc = parseDocument(text, { schema: 'failsafe', prettyErrors: false, uniqueKeys: true });
  const at = (offset: number, message: string): Diagnostic => ({ ...locationAt(text, offset), rule: 'format', message });
  const none: TestCodeLocations = { scenarios: [] };
  // Later YAML errors are mostly consequences of the first.
  if (doc.errors.length) return { errors: [at(doc.errors[0].pos[0], doc.errors[0].message)], code: none };

  const root = doc.contents;
  if (!isMap(root)) return { errors: [at(offsetOf(root), 'expected a mapping with `scenarios` (and optionally `setup`)')], code: none };
  const code = codeLocations(text, root.get('scenarios', true), root.get('setup', true));
  const errors: Diagnostic[] = [];
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
  return errors.length ? { errors, code } : { tests, errors, code };
}

function offsetOf(node: Node | null | undefined): number {
  return node?.range?.[0] ?? 0;
}

function codeLocations(text: string, list: unknown, setup: unknown): TestCodeLocations {
  const mapFor = (node: unknown): LocationMap => scalarMap(text, node);
  const scenarios = isSeq(list) ? list.items.map((item) => mapFor(isMap(item) ? item.get('code', true) : item)) : [];
  return setup === undefined ? { scenarios } : { setup: mapFor(setup), scenarios };
}

/**
 * A literal block scalar (`|`, `|-`, `|2+` …, how GTM writes test code) keeps every code line on
 * its own source line, at the block's indentation; other scalar styles fold or escape lines, so
 * their code locations all map to the scalar's start.
 */
function scalarMap(text: string, node: unknown): LocationMap {
  const start = (node as Node | undefined)?.range?.[0] ?? 0;
  const origin = locationAt(text, start);
  if (!isScalar(node) || (node as Scalar).type !== 'BLOCK_LITERAL') return () => origin;
  const indent = blockIndent(text, start);
  return ({ line, column }) => ({ line: origin.line + line, column: column + indent });
}

/** The indentation of a literal block's content, from its header at `start`. */
function blockIndent(text: string, start: number): number {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const headerEnd = text.indexOf('\n', start);
  const header = text.slice(start, headerEnd < 0 ? text.length : headerEnd);
  const explicit = /^\|[+-]?([1-9])/.exec(header);
  if (explicit) {
    // Relative to the indentation of the mapping that holds the key.
    const keyLine = text.slice(lineStart, start);
    const keyIndent = keyLine.length - keyLine.replace(/^[ -]*/, '').length;
    return keyIndent + Number(explicit[1]);
  }
  const rest = headerEnd < 0 ? [] : text.slice(headerEnd + 1).split('\n');
  const first = rest.find((l) => l.trim() !== '');
  return first === undefined ? 0 : first.length - first.trimStart().length;
}
