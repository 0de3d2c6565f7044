// .tpl text → TemplateModel, with every problem reported as a position in the .tpl file instead of
// an exception: broken JSON/YAML, missing or duplicate sections, malformed permissions. Fields and
// permissions are read as leniently as GTM imports them; each lenient spot is a warning.
import type { Field } from '../fields/json';
import { decodePermissions, type Permission } from '../permissions/codec';
import { locationAt } from '../diagnostics/lines';
import { findJsonProblem, parseLenientJson, type JsonProblem } from './json-position';
import type { CodeSection, ExtraSection, Info, SectionFraming, SectionName, SourceText, TemplateModel, TemplateTests } from './model';
import { CANONICAL_LEAD, CANONICAL_TAIL, parseTpl, type TplSection } from './parse';
import { parseTestsYaml } from './tests-yaml';

export interface TplError {
  /** 1-based line in the .tpl file. */
  line: number;
  column: number;
  message: string;
}

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
  /** What stops the model from being trusted. */
  errors: TplError[];
  /** What GTM accepts but strict JSON does not (trailing commas, unquoted names), where it is. */
  warnings: TplError[];
}

/** The JSON sections GTM reads leniently [REAL: see json-position.ts]. */
const LENIENT_SECTIONS = new Set<string>(['TEMPLATE_PARAMETERS', PERMISSIONS_SECTION.web]);

export function readTemplate(text: string): ReadResult {
  const file = parseTpl(text);
  const errors: TplError[] = [];
  const warnings: TplError[] = [];
  const sections = uniqueSections(file.sections, errors);
  const codeSection = pickCodeSection(sections, errors);
  const model: TemplateModel = {
    info: {} as Info,
    parameters: [],
    code: sections.get(CODE_SECTION[codeSection])?.body ?? '',
    codeSection,
    permissions: [],
    bom: file.bom,
    lineEnding: file.lineEnding,
  };
  const source: SourceText = {};
  readTextSections(sections, model);
  const report = { errors, warnings };
  readJsonSections(sections, model, source, report);
  readPermissionsAndTests(sections, model, source, report);

  const handled = new Set<string>([...TEXT_SECTIONS, ...JSON_SECTIONS, 'TESTS', CODE_SECTION[codeSection], PERMISSIONS_SECTION[codeSection]]);
  const extras = extraSections([...sections.values()], handled);
  if (extras.length) model.extraSections = extras;
  if (file.preamble) model.preamble = file.preamble;
  const framing = irregularFraming([...sections.values()]);
  if (framing) source.framing = framing;
  source.order = [...sections.keys()];
  model.source = source;
  return { model, errors: file.sections.length ? errors : [noSections(file.preamble)], warnings };
}

/** One clear message instead of a list of missing sections when the text has no section at all. */
function noSections(text: string): TplError {
  const what = text.trim() === '' ? 'the file is empty' : 'no ___SECTION___ marker lines: this is not a GTM template export';
  return { line: 1, column: 1, message: `${what} (a .tpl holds ___INFO___, ___TEMPLATE_PARAMETERS___ and ___SANDBOXED_JS_FOR_WEB_TEMPLATE___)` };
}

const TEXT_SECTIONS = ['TERMS_OF_SERVICE', 'NOTES'] as const;
const JSON_SECTIONS = ['INFO', 'VENDOR_DETAILS', 'TEMPLATE_PARAMETERS'] as const;

function readTextSections(sections: Map<string, TplSection>, model: TemplateModel): void {
  const tos = sections.get('TERMS_OF_SERVICE');
  if (tos) model.termsOfService = tos.body;
  const notes = sections.get('NOTES');
  if (notes) model.notes = notes.body;
}

interface Report {
  errors: TplError[];
  warnings: TplError[];
}

function readJsonSections(sections: Map<string, TplSection>, model: TemplateModel, source: SourceText, { errors, warnings }: Report): void {
  for (const name of JSON_SECTIONS) {
    const section = sections.get(name);
    if (!section) {
      if (name !== 'VENDOR_DETAILS') errors.push({ line: 1, column: 1, message: `missing section ___${name}___` });
      continue;
    }
    source[name] = section.body;
    const value = parseJson(section, { errors, warnings });
    if (value === undefined) continue;
    if (name === 'VENDOR_DETAILS') model.vendorDetails = value;
    else if (name === 'INFO' && isPlainObject(value)) model.info = value as Info;
    else if (name === 'TEMPLATE_PARAMETERS' && Array.isArray(value)) model.parameters = fields(value, section, errors);
    else errors.push(at(section, name === 'INFO' ? 'must be a JSON object' : 'must be a JSON array'));
  }
}

/** The fields of ___TEMPLATE_PARAMETERS___: each entry must be an object (the field checks rely on it). */
function fields(list: unknown[], section: TplSection, errors: TplError[]): Field[] {
  const bad = list.findIndex((item) => !isPlainObject(item));
  if (bad < 0) return list as Field[];
  errors.push(at(section, `entry ${bad + 1} must be a JSON object (a field)`));
  return [];
}

function readPermissionsAndTests(sections: Map<string, TplSection>, model: TemplateModel, source: SourceText, report: Report): void {
  const { errors } = report;
  const permissions = sections.get(PERMISSIONS_SECTION[model.codeSection]);
  if (permissions) {
    source.PERMISSIONS = permissions.body;
    model.permissions = readPermissions(permissions, report);
  }
  const tests = sections.get('TESTS');
  if (tests) {
    source.TESTS = tests.body;
    const parsed = readTests(tests, errors);
    if (parsed) model.tests = parsed;
  }
}

function uniqueSections(list: TplSection[], errors: TplError[]): Map<string, TplSection> {
  const sections = new Map<string, TplSection>();
  for (const section of list) {
    const first = sections.get(section.name);
    if (first) {
      errors.push({ line: section.markerLine, column: 1, message: `duplicate section ___${section.name}___ (first at line ${first.markerLine}); this one is ignored` });
    } else {
      sections.set(section.name, section);
    }
  }
  return sections;
}

function pickCodeSection(sections: Map<string, TplSection>, errors: TplError[]): CodeSection {
  const web = sections.get(CODE_SECTION.web);
  const server = sections.get(CODE_SECTION.server);
  if (web && server) {
    errors.push({ line: server.markerLine, column: 1, message: `a template has one code section: both ___${CODE_SECTION.web}___ and ___${CODE_SECTION.server}___ found` });
  }
  if (!web && !server) errors.push({ line: 1, column: 1, message: `missing section ___${CODE_SECTION.web}___ (or ___${CODE_SECTION.server}___)` });
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

function at(section: TplSection, message: string): TplError {
  return { line: section.bodyLine, column: 1, message: `___${section.name}___ ${message}` };
}

/** A JSON section's value; undefined (and an error at the broken character) when it cannot be read. */
function parseJson(section: TplSection, { errors, warnings }: Report): unknown {
  try {
    return JSON.parse(section.body);
  } catch {
    const lenient = LENIENT_SECTIONS.has(section.name) ? parseLenientJson(section.body) : undefined;
    if (lenient && !lenient.problem) {
      warnings.push(...lenient.leniencies.map((spot) => atOffset(section, spot)));
      return lenient.value;
    }
    errors.push(atOffset(section, lenient?.problem ?? findJsonProblem(section.body) ?? { offset: 0, message: 'invalid JSON' }));
    return undefined;
  }
}

function atOffset(section: TplSection, { offset, message }: JsonProblem): TplError {
  const { line, column } = locationAt(section.body, offset);
  return { line: section.bodyLine + line - 1, column, message: `___${section.name}___: ${message}` };
}

function readPermissions(section: TplSection, report: Report): Permission[] {
  const value = parseJson(section, report);
  if (value === undefined) return [];
  try {
    return decodePermissions(value);
  } catch (e) {
    report.errors.push(at(section, `cannot be read: ${e instanceof Error ? e.message : String(e)}`));
    return [];
  }
}

function readTests(section: TplSection, errors: TplError[]): TemplateTests | undefined {
  const { tests, errors: problems } = parseTestsYaml(section.body);
  for (const p of problems) {
    errors.push({ line: section.bodyLine + p.line - 1, column: p.column, message: `___TESTS___: ${p.message}` });
  }
  return tests;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
