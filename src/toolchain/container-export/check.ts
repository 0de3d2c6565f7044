// Checks a container export the way an import would need it to hold: the shape of
// docs/reference/gtm-template-format.md#container-export, unique ids and names, no reference
// to a missing trigger, folder, variable or template, and tag parameters that match the fields
// of the custom template they use.
import { isObject } from '../../sandbox/object';
import type { Field } from '../fields/json';
import { BUILT_IN_NAMES, INTERNAL_REFERENCES } from './builtins';
import type { ContainerExport, Parameter } from './model';
import { ALL_PAGES_TRIGGER_ID } from './model';
import { flattenParameters, referencesIn } from './parameters';
import { templateTagType } from './write';

/** Problems with the top-level shape; none means the value can be read as a ContainerExport. */
export function checkShape(value: unknown): string[] {
  if (!isObject(value)) return ['the export is not a JSON object'];
  const problems: string[] = [];
  if (value.exportFormatVersion !== 2) problems.push('exportFormatVersion is not 2');
  if (typeof value.exportTime !== 'string' || !/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(value.exportTime)) problems.push('exportTime is not "YYYY-MM-DD hh:mm:ss"');
  const version = value.containerVersion;
  if (!isObject(version)) return [...problems, 'containerVersion is missing'];
  for (const key of ['tag', 'trigger', 'variable', 'folder', 'builtInVariable', 'customTemplate']) {
    if (version[key] !== undefined && !Array.isArray(version[key])) problems.push(`containerVersion.${key} is not an array`);
  }
  if (!isObject(version.container)) problems.push('containerVersion.container is missing');
  for (const key of ['accountId', 'containerId', 'containerVersionId']) {
    if (typeof version[key] !== 'string') problems.push(`containerVersion.${key} is not a string`);
  }
  return problems;
}

function duplicates(kind: string, values: string[]): string[] {
  return values.filter((value, i) => values.indexOf(value) !== i).map((value) => `${kind} "${value}" is used twice`);
}

/** Every cross-reference of the export resolves, and ids and names are unique per kind. */
export function checkReferences(container: ContainerExport): string[] {
  const v = container.containerVersion;
  const tags = v.tag ?? [];
  const triggers = v.trigger ?? [];
  const variables = v.variable ?? [];
  const folders = v.folder ?? [];
  const builtIns = v.builtInVariable ?? [];
  const templates = v.customTemplate ?? [];
  const problems = [
    ...duplicates('tag id', tags.map((t) => t.tagId)), ...duplicates('tag name', tags.map((t) => t.name)),
    ...duplicates('trigger id', triggers.map((t) => t.triggerId)), ...duplicates('trigger name', triggers.map((t) => t.name)),
    ...duplicates('variable id', variables.map((x) => x.variableId)), ...duplicates('variable name', variables.map((x) => x.name)),
    ...duplicates('folder id', folders.map((f) => f.folderId)), ...duplicates('template id', templates.map((t) => t.templateId)),
  ];
  const triggerIds = new Set([ALL_PAGES_TRIGGER_ID, ...triggers.map((t) => t.triggerId)]);
  const folderIds = new Set(folders.map((f) => f.folderId));
  const templateTypes = new Set(templates.map((t) => templateTagType(v.containerId, t.templateId)));
  const names = new Set([...INTERNAL_REFERENCES, ...variables.map((x) => x.name), ...builtIns.map((b) => b.name)]);
  for (const b of builtIns) if (BUILT_IN_NAMES[b.type] !== b.name) problems.push(`built-in variable ${b.type} is not named "${BUILT_IN_NAMES[b.type]}"`);

  const scoped = [v, ...tags, ...triggers, ...variables, ...folders, ...builtIns, ...templates];
  if (scoped.some((item) => item.accountId !== v.accountId || item.containerId !== v.containerId)) problems.push('an item belongs to another account or container');

  const checkRefs = (owner: string, parameters: readonly Parameter[]) => {
    for (const p of flattenParameters(parameters)) {
      for (const name of referencesIn(p.value ?? '')) if (!names.has(name)) problems.push(`${owner} refers to missing variable {{${name}}}`);
    }
  };
  for (const tag of tags) {
    const owner = `tag "${tag.name}"`;
    if (tag.type.startsWith('cvt_') && !templateTypes.has(tag.type)) problems.push(`${owner} has type ${tag.type}, which no custom template in the container has`);
    if (tag.firingTriggerId.length === 0) problems.push(`${owner} has no firing trigger`);
    for (const id of [...tag.firingTriggerId, ...(tag.blockingTriggerId ?? [])]) if (!triggerIds.has(id)) problems.push(`${owner} refers to missing trigger ${id}`);
    if (tag.parentFolderId !== undefined && !folderIds.has(tag.parentFolderId)) problems.push(`${owner} is in missing folder ${tag.parentFolderId}`);
    checkRefs(owner, tag.parameter);
  }
  for (const trigger of triggers) {
    const owner = `trigger "${trigger.name}"`;
    if (trigger.parentFolderId !== undefined && !folderIds.has(trigger.parentFolderId)) problems.push(`${owner} is in missing folder ${trigger.parentFolderId}`);
    for (const c of [...(trigger.customEventFilter ?? []), ...(trigger.filter ?? []), ...(trigger.autoEventFilter ?? [])]) checkRefs(owner, c.parameter);
  }
  for (const variable of variables) {
    const owner = `variable "${variable.name}"`;
    if (variable.parentFolderId !== undefined && !folderIds.has(variable.parentFolderId)) problems.push(`${owner} is in missing folder ${variable.parentFolderId}`);
    checkRefs(owner, variable.parameter);
  }
  return problems;
}

/** The template's fields by name, nested ones included (they are flat keys of `data`). */
export function fieldsByName(fields: readonly Field[]): Map<string, Field> {
  const byName = new Map<string, Field>();
  const visit = (list: readonly Field[]) => {
    for (const field of list) {
      byName.set(field.name, field);
      visit(field.subParams ?? []);
      for (const item of field.radioItems ?? []) visit(item.subParams ?? []);
    }
  };
  visit(fields);
  return byName;
}

/** The parameter type GTM stores for a field's value. */
export function parameterTypeOf(field: Field): Parameter['type'] | null {
  switch (field.type) {
    case 'CHECKBOX': return 'BOOLEAN';
    case 'SIMPLE_TABLE': case 'PARAM_TABLE': return 'LIST';
    case 'GROUP': case 'LABEL': return null;
    default: return 'TEMPLATE';
  }
}

function columnsOf(field: Field): string[] {
  return field.simpleTableColumns?.map((c) => c.name) ?? field.paramTableColumns?.map((c) => c.param.name) ?? [];
}

/** Each parameter of a tag is a field of its template, with the value shape that field stores. */
export function checkTagParameters(owner: string, parameters: readonly Parameter[], fields: readonly Field[]): string[] {
  const byName = fieldsByName(fields);
  const problems: string[] = [];
  for (const p of parameters) {
    const field = p.key === undefined ? undefined : byName.get(p.key);
    if (!field) {
      problems.push(`${owner}: parameter "${p.key}" is not a field of the template`);
      continue;
    }
    const expected = parameterTypeOf(field);
    if (p.type !== expected) problems.push(`${owner}: "${p.key}" is ${p.type}, the ${field.type} field stores ${expected ?? 'nothing'}`);
    if (p.type === 'BOOLEAN' && p.value !== 'true' && p.value !== 'false') problems.push(`${owner}: "${p.key}" is not "true" or "false"`);
    if (p.type === 'LIST') {
      const columns = columnsOf(field);
      for (const row of p.list ?? []) {
        if (row.type !== 'MAP') problems.push(`${owner}: a row of "${p.key}" is not a MAP`);
        for (const cell of row.map ?? []) if (!columns.includes(cell.key ?? '')) problems.push(`${owner}: "${p.key}" has no column "${cell.key}"`);
      }
    }
    const items = field.selectItems ?? field.radioItems;
    if (items && !field.macrosInSelect && p.type === 'TEMPLATE' && !items.some((item) => String(item.value) === p.value)) {
      problems.push(`${owner}: "${p.value}" is not a choice of "${p.key}"`);
    }
  }
  return problems;
}
