// Where things sit in a .tpl file, so the CLI can report problems at the line a template author
// sees: section bodies, a field's definition in ___TEMPLATE_PARAMETERS___, a permission in
// ___WEB_PERMISSIONS___, and lines of test code inside the ___TESTS___ YAML scalars.
import { isMap, isScalar, isSeq, parseDocument, type Node, type Scalar } from 'yaml';
import { locationAt } from '../diagnostics/lines';
import { quoteJsonString } from './json-format';
import { parseTpl, type TplSection } from './parse';

export interface Position {
  line: number;
  column: number;
}

/** Maps a 1-based line/column of a piece of code to its position in the .tpl file. */
export type PositionMap = (at: Position) => Position;

export interface TestCodePositions {
  setup?: PositionMap;
  /** Per scenario, in the order of the YAML list. */
  scenarios: PositionMap[];
}

export class TplPositions {
  private readonly sections = new Map<string, TplSection>();

  constructor(text: string) {
    for (const section of parseTpl(text).sections) if (!this.sections.has(section.name)) this.sections.set(section.name, section);
  }

  /** The 1-based line where a section's body starts (1 when the section is missing). */
  bodyLine(name: string): number {
    return this.sections.get(name)?.bodyLine ?? 1;
  }

  /**
   * The `"name": "…"` of a field in ___TEMPLATE_PARAMETERS___; `table.column` finds the column
   * after its table; `last` finds the last definition (the duplicate, for duplicate names).
   * Falls back to the section start.
   */
  field(path: string, last = false): Position {
    const section = this.sections.get('TEMPLATE_PARAMETERS');
    if (!section) return { line: 1, column: 1 };
    const lines = section.body.split('\n');
    let from = 0;
    let found: Position | undefined;
    const names = path.split('.').filter(Boolean);
    for (const [i, name] of names.entries()) {
      const needle = `"name": ${quoteJsonString(name)}`;
      const hit = last && i === names.length - 1 ? findLastLine(lines, from, needle) : findLine(lines, from, needle);
      if (!hit) break;
      found = hit;
      from = hit.line;
    }
    return found ? { line: section.bodyLine + found.line - 1, column: found.column } : { line: section.bodyLine, column: 1 };
  }

  /** The `"publicId": "…"` of a declared permission. */
  permission(section: string, publicId: string): Position {
    const s = this.sections.get(section);
    if (!s) return { line: 1, column: 1 };
    const hit = findLine(s.body.split('\n'), 0, `"publicId": ${quoteJsonString(publicId)}`);
    return hit ? { line: s.bodyLine + hit.line - 1, column: hit.column } : { line: s.bodyLine, column: 1 };
  }

  /** Position maps for the setup and scenario code of ___TESTS___. */
  testCode(): TestCodePositions {
    const section = this.sections.get('TESTS');
    if (!section) return { scenarios: [] };
    const text = section.body + '\n';
    const doc = parseDocument(text, { schema: 'failsafe' });
    const root = doc.contents;
    if (doc.errors.length || !isMap(root)) return { scenarios: [] };
    const mapFor = (node: unknown): PositionMap => scalarMap(text, node, section.bodyLine);
    const list = root.get('scenarios', true);
    const scenarios = isSeq(list) ? list.items.map((item) => mapFor(isMap(item) ? item.get('code', true) : item)) : [];
    const setup = root.get('setup', true);
    return setup === undefined ? { scenarios } : { setup: mapFor(setup), scenarios };
  }
}

function findLine(lines: string[], from: number, needle: string): Position | undefined {
  for (let i = from; i < lines.length; i++) {
    const column = lines[i].indexOf(needle);
    if (column >= 0) return { line: i + 1, column: column + 1 };
  }
  return undefined;
}

function findLastLine(lines: string[], from: number, needle: string): Position | undefined {
  for (let i = lines.length - 1; i >= from; i--) {
    const column = lines[i].indexOf(needle);
    if (column >= 0) return { line: i + 1, column: column + 1 };
  }
  return undefined;
}

/**
 * A literal block scalar (`|`, `|-`, `|2+` …, how GTM writes test code) keeps every code line on
 * its own source line, at the block's indentation; other scalar styles fold or escape lines, so
 * their code positions all map to the scalar's start.
 */
function scalarMap(text: string, node: unknown, bodyLine: number): PositionMap {
  const start = (node as Node | undefined)?.range?.[0] ?? 0;
  const at = locationAt(text, start);
  const origin = { line: bodyLine + at.line - 1, column: at.column };
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
