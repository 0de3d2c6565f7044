// The JSON shapes of a GTM container export (exportFormatVersion 2), as GTM writes them
// (docs/reference/gtm-template-format.md#container-export): enum values UPPER_CASE, booleans and
// numbers as strings, ids as decimal strings scoped to the container.

export type ParameterType = 'TEMPLATE' | 'BOOLEAN' | 'INTEGER' | 'LIST' | 'MAP';

/** One tag/variable/trigger parameter; LIST holds `list`, MAP holds `map`, the others `value`. */
export interface Parameter {
  type: ParameterType;
  key?: string;
  value?: string;
  list?: Parameter[];
  map?: Parameter[];
}

export type ConditionType =
  | 'EQUALS'
  | 'CONTAINS'
  | 'STARTS_WITH'
  | 'ENDS_WITH'
  | 'MATCH_REGEX'
  | 'CSS_SELECTOR'
  | 'GREATER'
  | 'LESS';

/** arg0 (usually `{{Variable}}`), arg1 (the operand), optional `negate`. */
export interface Condition {
  type: ConditionType;
  parameter: Parameter[];
}

interface Scoped {
  accountId: string;
  containerId: string;
}

export interface Tag extends Scoped {
  tagId: string;
  name: string;
  type: string;
  parameter: Parameter[];
  fingerprint: string;
  firingTriggerId: string[];
  blockingTriggerId?: string[];
  parentFolderId?: string;
  tagFiringOption: 'ONCE_PER_EVENT' | 'UNLIMITED' | 'ONCE_PER_LOAD';
  monitoringMetadata: { type: 'MAP' };
  consentSettings: { consentStatus: 'NOT_SET' | 'NOT_NEEDED' | 'NEEDED' };
  notes?: string;
}

export type TriggerType = 'CUSTOM_EVENT' | 'CLICK' | 'LINK_CLICK' | 'PAGEVIEW' | 'DOM_READY' | 'WINDOW_LOADED';

export interface Trigger extends Scoped {
  triggerId: string;
  name: string;
  type: TriggerType;
  customEventFilter?: Condition[];
  filter?: Condition[];
  autoEventFilter?: Condition[];
  fingerprint: string;
  parentFolderId?: string;
  notes?: string;
}

/** `v` data layer variable, `c` constant, `aev` auto-event variable, `jsm` custom JavaScript … */
export interface Variable extends Scoped {
  variableId: string;
  name: string;
  type: string;
  parameter: Parameter[];
  fingerprint: string;
  parentFolderId?: string;
  formatValue: Record<string, never>;
  notes?: string;
}

export interface Folder extends Scoped {
  folderId: string;
  name: string;
  fingerprint: string;
}

export type BuiltInVariableType =
  | 'PAGE_URL'
  | 'PAGE_HOSTNAME'
  | 'PAGE_PATH'
  | 'REFERRER'
  | 'EVENT'
  | 'CLICK_ELEMENT'
  | 'CLICK_CLASSES'
  | 'CLICK_ID'
  | 'CLICK_TARGET'
  | 'CLICK_URL'
  | 'CLICK_TEXT';

export interface BuiltInVariable extends Scoped {
  type: BuiltInVariableType;
  name: string;
}

export interface CustomTemplate extends Scoped {
  templateId: string;
  name: string;
  fingerprint: string;
  /** The whole .tpl file as one string. */
  templateData: string;
}

export interface ContainerInfo extends Scoped {
  path: string;
  name: string;
  publicId: string;
  usageContext: ['WEB'];
  fingerprint: string;
  tagManagerUrl: string;
}

export interface ContainerVersion extends Scoped {
  path: string;
  containerVersionId: string;
  container: ContainerInfo;
  tag: Tag[];
  trigger: Trigger[];
  variable: Variable[];
  folder: Folder[];
  builtInVariable: BuiltInVariable[];
  fingerprint: string;
  tagManagerUrl: string;
  customTemplate: CustomTemplate[];
}

export interface ContainerExport {
  exportFormatVersion: 2;
  exportTime: string;
  containerVersion: ContainerVersion;
}

/** Built-in trigger ids that are not listed in `trigger[]`. */
export const ALL_PAGES_TRIGGER_ID = '2147479553';
