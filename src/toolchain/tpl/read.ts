// .tpl text → TemplateModel, read once: the model, every problem as a Diagnostic at its .tpl line
// instead of an exception (rule `format`: broken JSON/YAML, missing or duplicate sections,
// malformed permissions), and where the parts sit (TplPositions) for the commands' later checks.
// Fields and permissions are read as leniently as GTM imports them; each lenient spot is a
// warning (rule `lenient-json`).
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { Field } from '../fields/json';
import { decodePermissions, type Permission } from '../permissions/codec';
import { findJsonProblem, parseLenientJson } from './json-position';
import type { CodeSection, ExtraSection, Info, SectionFraming, SectionName, SourceText, TemplateModel } from './model';
import { CANONICAL_LEAD, CANONICAL_TAIL, parseTpl, type TplSection } from './parse';
import { TplPositions } from './positions';
import { parseTestsYaml, type TestCodeLocations } from './tests-yaml';

export const CODE_SECTION: Record<CodeSection, SectionName> = {
  web: 'SANDBOXED_JS_FOR_WEB_TEMPLATE',
  server: 'SANDBOXED_JS_FOR_SERVER',
};

export const PERMISSIONS_SECTION: Record<CodeSection, SectionName> = {
  web: 'WEB_PERMISSIONS',
  server: 'SERVER_PERMISSIONS',
};

export interface ReadResult {
  model: TemplateModel;
  /**
   * Errors (what stops the model from being trusted) and warnings (what GTM accepts but strict
   * JSON does not: trailing commas, unquoted names), in the order found.
   */
  problems: Diagnostic[];
  positions: TplPositions;
}

/** The JSON sections GTM reads leniently [REAL: see json-position.ts]. */
const LENIENT_SECTIONS = new Set<string>(['TEMPLATE_PARAMETERS', PERMISSIONS_SECTION.web]);

/** `file`, when given, goes into every problem (the caller prints them). */
export function readTemplate(text: string, file?: string): ReadResult {
  const parsed = parseTpl(text);
  const problems: Diagnostic[] = [];
  const sections = uniqueSections(parsed.sections, problems);
  const codeSection = pickCodeSection(sections, problems);
  const model: TemplateModel = {
    info: {} as Info,
    parameters: [],
    code: sections.get(CODE_SECTION[codeSection])?.body ?? '',
    codeSection,
    permissions: [],
    bom: parsed.bom,
    lineEnding: parsed.lineEnding,
  };
  const source: SourceText = {};
  readTextSections(sections, model);
  readJsonSections(sections, model, source, problems);
  const testCode = readPermissionsAndTests(sections, model, source, problems);

  const handled = new Set<string>([...TEXT_SECTIONS, ...JSON_SECTIONS, 'TESTS', CODE_SECTION[codeSection], PERMISSIONS_SECTION[codeSection]]);
  const extras = extraSections([...sections.values()], handled);
  if (extras.length) model.extraSections = extras;
  if (parsed.preamble) model.preamble = parsed.preamble;
  const framing = irregularFraming([...sections.values()]);
  if (framing) source.framing = framing;
  source.order = [...sections.keys()];
  model.source = source;
  const found = parsed.sections.length ? problems : [noSections(parsed.preamble)];
  return { model, problems: file === undefined ? found : found.map((d) => ({ file, ...d })), positions: new TplPositions(sections, testCode) };
}

/** A problem of the .tpl's format at a 1-based line and column. */
const format = (line: number, column: number, message: string): Diagnostic => ({ line, column, rule: 'format', message });

/** One clear message instead of a list of missing sections when the text has no section at all. */
function noSections(text: string): Diagnostic {
  const what = text.trim() === '' ? 'the file is empty' : 'no ___SECTION___ marker lines: this is not a GTM template export';
  return format(1, 1, `${what} (a .tpl holds ___INFO___, ___TEMPLATE_PARAMETERS___ and ___SANDBOXED_JS_FOR_WEB_TEMPLATE___)`);
}

const TEXT_SECTIONS = ['TERMS_OF_SERVICE', 'NOTES'] as const;
const JSON_SECTIONS = ['INFO', 'VENDOR_DETAILS', 'TEMPLATE_PARAMETERS'] as const;

function readTextSections(sections: Map<string, TplSection>, model: TemplateModel): void {
  const tos = sections.get('TERMS_OF_SERVICE');
  if (tos) model.termsOfService = tos.body;
  const notes = sections.get('NOTES');
  if (notes) model.notes = notes.body;
}

function readJsonSections(sections: Map<string, TplSection>, model: TemplateModel, source: SourceText, problems: Diagnostic[]): void {
  for (const name of JSON_SECTIONS) {
    const section = sections.get(name);
    if (!section) {
      if (name !== 'VENDOR_DETAILS') problems.push(format(1, 1, `missing section ___${name}___`));
      continue;
    }
    source[name] = section.body;
    const value = parseJson(section, problems);
    if (value === undefined) continue;
    if (name === 'VENDOR_DETAILS') model.vendorDetails = value;
    else if (name === 'INFO' && isPlainObject(value)) model.info = value as Info;
    else if (name === 'TEMPLATE_PARAMETERS' && Array.isArray(value)) model.parameters = fields(value, section, problems);
    else problems.push(at(section, name === 'INFO' ? 'must be a JSON object' : 'must be a JSON array'));
  }
}

/** The fields of ___TEMPLATE_PARAMETERS___: each entry must be an object (the field checks rely on it). */
function fields(list: unknown[], section: TplSection, problems: Diagnostic[]): Field[] {
  const bad = list.findIndex((item) => !isPlainObject(item));
  if (bad < 0) return list as Field[];
  problems.push(at(section, `entry ${bad + 1} must be a JSON object (a field)`));
  return [];
}

/** Reads the permissions and the tests; returns where the test code sits in the ___TESTS___ body. */
function readPermissionsAndTests(
  sections: Map<string, TplSection>, model: TemplateModel, source: SourceText, problems: Diagnostic[],
): TestCodeLocations | undefined {
  const permissions = sections.get(PERMISSIONS_SECTION[model.codeSection]);
  if (permissions) {
    source.PERMISSIONS = permissions.body;
    model.permissions = readPermissions(permissions, problems);
  }
  const tests = sections.get('TESTS');
  if (!tests) return undefined;
  source.TESTS = tests.body;
  const read = parseTestsYaml(tests.body);
  for (const p of read.errors) problems.push({ ...p, line: tests.bodyLine + (p.line ?? 1) - 1, message: `___TESTS___: ${p.message}` });
  if (read.tests) model.tests = read.tests;
  return read.code;
}

function uniqueSections(list: TplSection[], problems: Diagnostic[]): Map<string, TplSection> {
  const sections = new Map<string, TplSection>();
  for (const section of list) {
    const first = sections.get(section.name);
    if (first) {
      problems.push(format(section.markerLine, 1, `duplicate section ___${section.name}___ (first at line ${first.markerLine}); this one is ignored`));
    } else {
      sections.set(section.name, section);
    }
  }
  return sections;
}

function pickCodeSection(sections: Map<string, TplSection>, problems: Diagnostic[]): CodeSection {
  const web = sections.get(CODE_SECTION.web);
  const server = sections.get(CODE_SECTION.server);
  if (web && server) {
    problems.push(format(server.markerLine, 1, `a template has one code section: both ___${CODE_SECTION.web}___ and ___${CODE_SECTION.server}___ found`));
  }
  if (!web && !server) problems.push(format(1, 1, `missing section ___${CODE_SECTION.web}___ (or ___${CODE_SECTION.server}___)`));
  return !web && server ? 'server' : 'web';
}

function irregularFraming(sections: TplSection[]): Record<string, SectionFraming> | undefined {
  const irregular = sections.filter((s) => s.lead !== CANONICAL_LEAD || s.tail !== CANONICAL_TAIL);
  if (!irregular.length) return undefined;
  return Object.fromEntries(irregular.map((s) => [s.name, { lead: s.lead, tail: s.tail }]));
}

function extraSections(ordered: TplSection[], handled: Set<string>): ExtraSection[] {
  const extras: ExtraSection[] = [];
  let after: SectionName | undefined;
  for (const section of ordered) {
    if (handled.has(section.name)) after = section.name as SectionName;
    else extras.push(after ? { name: section.name, body: section.body, after } : { name: section.name, body: section.body });
  }
  return extras;
}

function at(section: TplSection, message: string): Diagnostic {
  return format(section.bodyLine, 1, `___${section.name}___ ${message}`);
}

/** A JSON section's value; undefined (and an error at the broken character) when it cannot be read. */
function parseJson(section: TplSection, problems: Diagnostic[]): unknown {
  try {
    return JSON.parse(section.body);
  } catch {
    const lenient = LENIENT_SECTIONS.has(section.name) ? parseLenientJson(section.body) : undefined;
    if (lenient && !lenient.problem) {
      problems.push(...lenient.leniencies.map((spot) => inSection(section, spot)));
      return lenient.value;
    }
    problems.push(inSection(section, lenient?.problem ?? findJsonProblem(section.body) ?? format(1, 1, 'invalid JSON')));
    return undefined;
  }
}

/** A problem found in a section's body, placed in the .tpl. */
function inSection(section: TplSection, d: Diagnostic): Diagnostic {
  return { ...d, line: section.bodyLine + (d.line ?? 1) - 1, message: `___${section.name}___: ${d.message}` };
}

function readPermissions(section: TplSection, problems: Diagnostic[]): Permission[] {
  const value = parseJson(section, problems);
  if (value === undefined) return [];
  try {
    return decodePermissions(value);
  } catch (e) {
    problems.push(at(section, `cannot be read: ${e instanceof Error ? e.message : String(e)}`));
    return [];
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
