// TemplateModel → .tpl text in GTM's export format: modern section order, `___NAME___\n\n<body>\n\n\n`
// framing, optional BOM, JSON and YAML written as GTM writes them.
import { decodePermissions, encodePermissions } from '../permissions/codec';
import { formatJson, sameJson } from './json-format';
import { parseLenientJson } from './json-position';
import type { SectionName, StructuredSection, TemplateModel } from './model';
import { CANONICAL_LEAD, CANONICAL_TAIL } from './parse';
import { CODE_SECTION, PERMISSIONS_SECTION } from './read';
import { formatTestsYaml, parseTestsYaml } from './tests-yaml';

export interface WriteOptions {
  /**
   * Reuse a structured section's source text when it parses to the model's value (default true).
   * false writes every section in GTM's canonical format (a formatter).
   */
  keepSource?: boolean;
}

export interface WriteResult {
  text: string;
  /** Structured sections whose source text was kept because GTM's canonical format differs from it. */
  keptText: StructuredSection[];
  /** Sections (marker names) whose irregular source framing was kept. */
  keptFraming: string[];
  /** The source's (non-modern) section order was kept. */
  keptOrder: boolean;
}

export function writeTemplate(model: TemplateModel, options?: WriteOptions): string {
  return renderTemplate(model, options).text;
}

export function renderTemplate(model: TemplateModel, options: WriteOptions = {}): WriteResult {
  const keptText: StructuredSection[] = [];
  const keep = options.keepSource ?? true;
  const structured = (name: StructuredSection, canonical: string, reparse: (text: string) => unknown, value: unknown) => {
    const source = keep ? model.source?.[name] : undefined;
    if (source === undefined || source === canonical || !parsesTo(source, reparse, value)) return canonical;
    keptText.push(name);
    return source;
  };

  const sections: [string, string][] = [];
  if (model.termsOfService !== undefined) sections.push(['TERMS_OF_SERVICE', model.termsOfService]);
  sections.push(['INFO', structured('INFO', formatJson(model.info), JSON.parse, model.info)]);
  if (model.vendorDetails !== undefined) {
    sections.push(['VENDOR_DETAILS', structured('VENDOR_DETAILS', formatJson(model.vendorDetails), JSON.parse, model.vendorDetails)]);
  }
  sections.push(['TEMPLATE_PARAMETERS', structured('TEMPLATE_PARAMETERS', formatJson(model.parameters), lenientJson, model.parameters)]);
  sections.push([CODE_SECTION[model.codeSection], model.code]);
  // GTM omits an empty permissions section; a source that had one (`[]`) keeps it.
  const permissionsSource = keep ? model.source?.PERMISSIONS : undefined;
  if (model.permissions.length > 0 || (permissionsSource !== undefined && parsesTo(permissionsSource, readPermissions, []))) {
    const canonical = formatJson(encodePermissions(model.permissions));
    sections.push([PERMISSIONS_SECTION[model.codeSection], structured('PERMISSIONS', canonical, readPermissions, model.permissions)]);
  }
  if (model.tests) sections.push(['TESTS', structured('TESTS', formatTestsYaml(model.tests), (t) => parseTestsYaml(t).tests, model.tests)]);
  if (model.notes !== undefined) sections.push(['NOTES', model.notes]);
  placeExtraSections(sections, model);
  const keptOrder = keep && model.source?.order ? applySourceOrder(sections, model.source.order) : false;

  const keptFraming: string[] = [];
  const frame = ([name, text]: [string, string], index: number) => {
    const found = keep ? model.source?.framing?.[name] : undefined;
    // A tail without a line break is only safe at the end of the file.
    const framing = found && (index === sections.length - 1 || found.tail.endsWith('\n')) ? found : undefined;
    if (framing) keptFraming.push(name);
    return `___${name}___\n${framing?.lead ?? CANONICAL_LEAD}${text}${framing?.tail ?? CANONICAL_TAIL}`;
  };
  const body = (model.preamble ?? '') + sections.map(frame).join('');
  const text = (model.bom ? '\uFEFF' : '') + (model.lineEnding === '\r\n' ? body.replace(/\n/g, '\r\n') : body);
  return { text, keptText, keptFraming, keptOrder };
}

function readPermissions(text: string): unknown {
  return decodePermissions(lenientJson(text));
}

/** A section GTM reads leniently, read as the reader does (so a kept source round-trips). */
function lenientJson(text: string): unknown {
  const read = parseLenientJson(text);
  if (read.problem) throw new SyntaxError(read.problem.message);
  return read.value;
}

function parsesTo(source: string, reparse: (text: string) => unknown, value: unknown): boolean {
  try {
    return sameJson(reparse(source), value);
  } catch {
    return false;
  }
}

/** Unknown sections go back after the known section they followed (first when none; last when it is gone). */
function placeExtraSections(sections: [string, string][], model: TemplateModel): void {
  const extras = model.extraSections ?? [];
  for (const extra of [...extras].reverse().filter((e) => e.after === undefined)) sections.unshift([extra.name, extra.body]);
  for (const extra of extras.filter((e) => e.after !== undefined)) {
    const index = lastIndexOf(sections, extra.after!);
    // after the anchor and after extras already placed behind it
    let insert = index < 0 ? sections.length : index + 1;
    while (index >= 0 && insert < sections.length && isExtra(sections[insert][0], model)) insert++;
    sections.splice(insert, 0, [extra.name, extra.body]);
  }
}

/** Stable-sorts sections into the source's order; sections new to the model stay after their predecessor. */
function applySourceOrder(sections: [string, string][], order: string[]): boolean {
  const rank = new Map(order.map((name, i) => [name, i]));
  let previous = -1;
  const keyed = sections.map((section, i) => {
    const r = rank.get(section[0]);
    if (r !== undefined) previous = r;
    return { section, i, key: r ?? previous + 0.5 };
  });
  keyed.sort((a, b) => a.key - b.key || a.i - b.i);
  const changed = keyed.some((k, i) => k.i !== i);
  keyed.forEach((k, i) => (sections[i] = k.section));
  return changed;
}

function lastIndexOf(sections: [string, string][], name: SectionName): number {
  for (let i = sections.length - 1; i >= 0; i--) if (sections[i][0] === name) return i;
  return -1;
}

function isExtra(name: string, model: TemplateModel): boolean {
  return (model.extraSections ?? []).some((e) => e.name === name);
}
