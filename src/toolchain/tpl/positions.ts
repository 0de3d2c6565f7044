// Where things sit in a .tpl file, so commands can report problems at the line a template author
// sees: section bodies, a field's definition in ___TEMPLATE_PARAMETERS___, a permission in
// ___WEB_PERMISSIONS___, and lines of test code inside the ___TESTS___ YAML scalars. readTemplate
// builds it from the sections and the ___TESTS___ parse it already made (read.ts). Locations are
// 1-based lines and columns of the .tpl (diagnostics/lines.ts).
import type { Location } from '../diagnostics/lines';
import { quoteJsonString } from './json-format';
import type { TplSection } from './parse';
import type { LocationMap, TestCodeLocations } from './tests-yaml';

export class TplPositions {
  private readonly testLocations: TestCodeLocations;

  /** `sections`: the first of each name; `tests`: test code locations in the ___TESTS___ body. */
  constructor(private readonly sections: ReadonlyMap<string, TplSection>, tests: TestCodeLocations = { scenarios: [] }) {
    const shift = this.bodyLine('TESTS') - 1;
    const inTpl = (map: LocationMap): LocationMap => (at) => {
      const found = map(at);
      return { line: found.line + shift, column: found.column };
    };
    this.testLocations = tests.setup === undefined
      ? { scenarios: tests.scenarios.map(inTpl) }
      : { setup: inTpl(tests.setup), scenarios: tests.scenarios.map(inTpl) };
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
  field(path: string, last = false): Location {
    const section = this.sections.get('TEMPLATE_PARAMETERS');
    if (!section) return { line: 1, column: 1 };
    const lines = section.body.split('\n');
    let from = 0;
    let found: Location | undefined;
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
  permission(section: string, publicId: string): Location {
    const s = this.sections.get(section);
    if (!s) return { line: 1, column: 1 };
    const hit = findLine(s.body.split('\n'), 0, `"publicId": ${quoteJsonString(publicId)}`);
    return hit ? { line: s.bodyLine + hit.line - 1, column: hit.column } : { line: s.bodyLine, column: 1 };
  }

  /** Location maps from the setup's and each scenario's code to the .tpl. */
  testCode(): TestCodeLocations {
    return this.testLocations;
  }
}

function findLine(lines: string[], from: number, needle: string): Location | undefined {
  for (let i = from; i < lines.length; i++) {
    const column = lines[i].indexOf(needle);
    if (column >= 0) return { line: i + 1, column: column + 1 };
  }
  return undefined;
}

function findLastLine(lines: string[], from: number, needle: string): Location | undefined {
  for (let i = lines.length - 1; i >= from; i--) {
    const column = lines[i].indexOf(needle);
    if (column >= 0) return { line: i + 1, column: column + 1 };
  }
  return undefined;
}
