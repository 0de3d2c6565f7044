// writeContainer: a container described by names (tags name their triggers, everything sits in
// one folder) → a complete export with ids assigned in order, the custom template's tag type
// `cvt_<containerId>_<templateId>` and content fingerprints. Same spec, same bytes: no clock.
import { BUILT_IN_NAMES } from './builtins';
import type {
  BuiltInVariableType,
  Condition,
  ContainerExport,
  Parameter,
  Tag,
  Trigger,
  TriggerType,
  Variable,
} from './model';
import { ALL_PAGES_TRIGGER_ID } from './model';

export interface VariableSpec {
  name: string;
  type: string;
  parameter: Parameter[];
  notes?: string;
}

export interface TriggerSpec {
  name: string;
  type: TriggerType;
  customEventFilter?: Condition[];
  filter?: Condition[];
  notes?: string;
}

export interface TagSpec {
  name: string;
  /** Parameters of the custom template's fields. */
  parameter: Parameter[];
  /** Trigger names; 'All Pages' is GTM's built-in trigger. */
  triggers: string[];
  firingOption?: Tag['tagFiringOption'];
  notes?: string;
}

export interface ContainerSpec {
  name: string;
  publicId: string;
  accountId: string;
  containerId: string;
  /** Fixed, so that the output is reproducible ("YYYY-MM-DD hh:mm:ss"). */
  exportTime: string;
  folder: string;
  template: { name: string; templateData: string };
  builtIns: BuiltInVariableType[];
  variables: VariableSpec[];
  triggers: TriggerSpec[];
  tags: TagSpec[];
}

export const ALL_PAGES = 'All Pages';

/** A deterministic fingerprint (FNV-1a of the item's JSON), in GTM's decimal-string form. */
export function fingerprintOf(value: unknown): string {
  let hash = 0x811c9dc5;
  const text = JSON.stringify(value);
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return String(hash);
}

/** The custom template's tag type, as GTM names it in a container. */
export const templateTagType = (containerId: string, templateId: string): string => `cvt_${containerId}_${templateId}`;

/** The export, or the names a tag refers to that the spec does not define. */
export function writeContainer(spec: ContainerSpec): { container: ContainerExport; problems: string[] } {
  const scope = { accountId: spec.accountId, containerId: spec.containerId };
  const base = `accounts/${spec.accountId}/containers/${spec.containerId}`;
  const url = `https://tagmanager.google.com/#/container/${base}/workspaces?apiLink=container`;
  const folderId = '1';
  const templateId = '1';
  const problems: string[] = [];
  const withPrint = <T extends object>(item: T): T & { fingerprint: string } => ({ ...item, fingerprint: fingerprintOf(item) });

  const variable: Variable[] = spec.variables.map((v, i) =>
    withPrint({ ...scope, variableId: String(i + 1), name: v.name, type: v.type, parameter: v.parameter, parentFolderId: folderId, formatValue: {}, ...(v.notes ? { notes: v.notes } : {}) }),
  );
  const trigger: Trigger[] = spec.triggers.map((t, i) =>
    withPrint({ ...scope, triggerId: String(i + 1), name: t.name, type: t.type, ...(t.customEventFilter ? { customEventFilter: t.customEventFilter } : {}), ...(t.filter ? { filter: t.filter } : {}), parentFolderId: folderId, ...(t.notes ? { notes: t.notes } : {}) }),
  );
  const triggerIds = new Map<string, string>([[ALL_PAGES, ALL_PAGES_TRIGGER_ID], ...trigger.map((t): [string, string] => [t.name, t.triggerId])]);
  const type = templateTagType(spec.containerId, templateId);
  const tag: Tag[] = spec.tags.map((t, i) => {
    const firing = t.triggers.map((name) => triggerIds.get(name) ?? (problems.push(`tag "${t.name}" fires on unknown trigger "${name}"`), ''));
    return withPrint({
      ...scope, tagId: String(i + 1), name: t.name, type, parameter: t.parameter, firingTriggerId: firing, parentFolderId: folderId,
      tagFiringOption: t.firingOption ?? 'ONCE_PER_EVENT', monitoringMetadata: { type: 'MAP' as const }, consentSettings: { consentStatus: 'NOT_SET' as const },
      ...(t.notes ? { notes: t.notes } : {}),
    });
  });

  const container: ContainerExport = {
    exportFormatVersion: 2,
    exportTime: spec.exportTime,
    containerVersion: {
      path: `${base}/versions/0`,
      ...scope,
      containerVersionId: '0',
      container: withPrint({ path: base, ...scope, name: spec.name, publicId: spec.publicId, usageContext: ['WEB'] as ['WEB'], tagManagerUrl: url }),
      tag,
      trigger,
      variable,
      folder: [withPrint({ ...scope, folderId, name: spec.folder })],
      builtInVariable: spec.builtIns.map((t) => ({ ...scope, type: t, name: BUILT_IN_NAMES[t] })),
      fingerprint: '0',
      tagManagerUrl: url,
      customTemplate: [withPrint({ ...scope, templateId, name: spec.template.name, templateData: spec.template.templateData })],
    },
  };
  container.containerVersion.fingerprint = fingerprintOf(container.containerVersion);
  return { container, problems };
}

/** The file text: 4-space JSON as GTM exports it, ending in a newline. */
export function formatContainer(container: ContainerExport): string {
  return JSON.stringify(container, null, 4) + '\n';
}
