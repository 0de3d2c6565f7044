// The in-memory form of a .tpl file. Every part of a real export is represented, so that
// writeTemplate(readTemplate(text).model) reproduces the file byte for byte.
import type { Field } from '../fields/json';
import type { Permission } from '../permissions/codec';

export type TemplateType = 'TAG' | 'MACRO' | 'CLIENT';

export interface Brand {
  id: string;
  displayName: string;
  /** `data:image/png;base64,…`; may be missing or "". */
  thumbnail?: string;
}

/**
 * ___INFO___. Key order of the object is the order written; keys not listed here (e.g. future
 * GTM additions) are kept as they come.
 */
export interface Info {
  type: TemplateType;
  /** `cvt_temp_public_id` in every GTM export. */
  id: string;
  version: number;
  securityGroups: string[];
  displayName: string;
  categories?: string[];
  brand?: Brand;
  description: string;
  containerContexts: ('WEB' | 'SERVER' | string)[];
  /** Watermark some authors' exports carry; preserved, never interpreted. */
  __wm?: string;
  [key: string]: unknown;
}

export interface Scenario {
  name: string;
  code: string;
}

export interface TemplateTests {
  scenarios: Scenario[];
  /** Code GTM runs before each scenario; absent in many exports, `''` in others. */
  setup?: string;
}

/** A section the reader does not know (kept, and written back after the section it followed). */
export interface ExtraSection {
  name: string;
  body: string;
  /** The known section it followed in the source; undefined = it came before all of them. */
  after?: SectionName;
}

export type CodeSection = 'web' | 'server';

/** Known section names without the underscores. */
export type SectionName =
  | 'TERMS_OF_SERVICE'
  | 'INFO'
  | 'VENDOR_DETAILS'
  | 'TEMPLATE_PARAMETERS'
  | 'SANDBOXED_JS_FOR_WEB_TEMPLATE'
  | 'SANDBOXED_JS_FOR_SERVER'
  | 'WEB_PERMISSIONS'
  | 'SERVER_PERMISSIONS'
  | 'TESTS'
  | 'NOTES';

/** Sections whose body is a serialised value (JSON or YAML) rather than verbatim text. */
export type StructuredSection = 'INFO' | 'VENDOR_DETAILS' | 'TEMPLATE_PARAMETERS' | 'PERMISSIONS' | 'TESTS';

export interface TemplateModel {
  termsOfService?: string;
  info: Info;
  vendorDetails?: unknown;
  parameters: readonly Field[];
  code: string;
  codeSection: CodeSection;
  /** ___WEB_PERMISSIONS___ (or ___SERVER_PERMISSIONS___ for server code); [] when absent. */
  permissions: Permission[];
  tests?: TemplateTests;
  notes?: string;
  /** The file starts with a UTF-8 byte order mark (most GTM exports do). */
  bom: boolean;
  /** Line ending of the file; default '\n'. */
  lineEnding?: '\n' | '\r\n';
  /** Text before the first marker (e.g. licence comments in hand-made files). */
  preamble?: string;
  extraSections?: ExtraSection[];
  /**
   * Bodies of the structured sections as read. The writer reuses one only when it parses to a
   * value equal to the model's; otherwise it writes the model's value in GTM's format. This keeps
   * hand-edited or unreproducible formatting of unchanged sections intact.
   */
  source?: SourceText;
}

/** How a section was framed when it differed from GTM's `marker\n` + '\n' + body + '\n\n\n'. */
export interface SectionFraming {
  lead: string;
  tail: string;
}

export type SourceText = Partial<Record<StructuredSection, string>> & {
  /** Non-canonical framing found in the source, by marker name; reused like the bodies. */
  framing?: Record<string, SectionFraming>;
  /** Marker names in source order (older exports put permissions before the code). */
  order?: string[];
};
