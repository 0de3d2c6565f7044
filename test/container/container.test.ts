// template/container.json: what the build writes, checked the way an import relies on it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContainer, CONTAINER_PATH, containerText, ENV_CONTAINER_PATH } from '../../src/container/build';
import { PLACEHOLDER_KEYS, VENDOR_KEYS } from '../../src/container/keys';
import { FIELDS } from '../../src/template/fields';
import {
  checkReferences, checkShape, checkTagParameters, tagParameters, type ContainerExport, type Parameter,
} from '../../src/toolchain/container-export';
import { readTemplate } from '../../src/toolchain/tpl';
import { failing } from '../../src/toolchain/diagnostics/diagnostic';

const root = join(__dirname, '../..');
const templateText = readFileSync(join(root, 'template/template.tpl'), 'utf8');
const committed = readFileSync(join(root, CONTAINER_PATH), 'utf8');
const container = JSON.parse(committed) as ContainerExport;
const v = container.containerVersion;
const param = (parameters: Parameter[], key: string) => parameters.find((p) => p.key === key);
const tagNamed = (name: string) => v.tag.find((t) => t.name === name) ?? expect.unreachable(`no tag ${name}`);
const triggerOf = (tagName: string) => v.trigger.find((t) => t.triggerId === tagNamed(tagName).firingTriggerId[0]);

describe('the committed container', () => {
  it('is what the build makes from the committed template, without a .env', () => {
    expect(containerText(templateText, PLACEHOLDER_KEYS)).toEqual({ text: committed, problems: [] });
  });

  it('embeds template/template.tpl byte for byte as its only custom template', () => {
    expect(v.customTemplate).toHaveLength(1);
    expect(v.customTemplate[0].templateData).toBe(templateText);
  });

  it('has the shape of a GTM export (format 2)', () => {
    expect(checkShape(container)).toEqual([]);
    expect(container.exportFormatVersion).toBe(2);
    expect(v.container.usageContext).toEqual(['WEB']);
  });

  it('refers only to triggers, variables, folders and templates it holds, with unique ids and names', () => {
    expect(checkReferences(container)).toEqual([]);
    expect(v.folder).toHaveLength(1);
    for (const item of [...v.tag, ...v.trigger, ...v.variable]) expect(item.parentFolderId).toBe(v.folder[0].folderId);
  });

  it('sets only fields of the embedded template, each in the shape that field stores', () => {
    const { model, problems } = readTemplate(v.customTemplate[0].templateData);
    expect(failing(problems)).toEqual([]);
    for (const tag of v.tag) {
      expect(tag.type).toBe(`cvt_${v.containerId}_${v.customTemplate[0].templateId}`);
      expect(checkTagParameters(tag.name, tag.parameter, model.parameters)).toEqual([]);
    }
  });

  it('identifies on user_sign_in, user_sign_up and user_identify with the matching event kind, and resets on user_logout', () => {
    const cases = [
      ['Identify - sign in', 'user_sign_in', 'identify', 'sign_in'],
      ['Identify - sign up', 'user_sign_up', 'identify', 'sign_up'],
      ['Identify - profile update', 'user_identify', 'identify', 'identify'],
      ['Identify - reset on logout', 'user_logout', 'reset', undefined],
    ] as const;
    for (const [name, event, action, kind] of cases) {
      const trigger = triggerOf(name);
      expect(trigger?.type).toBe('CUSTOM_EVENT');
      expect(trigger?.customEventFilter?.[0].parameter.map((p) => p.value)).toEqual(['{{_event}}', event]);
      expect(param(tagNamed(name).parameter, 'action')?.value).toBe(action);
      expect(param(tagNamed(name).parameter, 'event')?.value).toBe(kind);
    }
    expect(param(tagNamed('Identify - sign in').parameter, 'userId')?.value).toBe('{{DLV - userId}}');
  });

  it('tags brand on Get Dealer Details clicks, from the data layer by button text and from the data attribute by selector', () => {
    const byText = tagNamed('Identify - Get Dealer Details click (brand from data layer)');
    const byAttribute = tagNamed('Identify - tagged click (brand from data attribute)');
    const rows = (tag: typeof byText) => param(tag.parameter, 'tagRows')?.list?.map((row) => row.map?.map((cell) => [cell.key, cell.value]));
    expect(rows(byText)).toEqual([[['name', 'brand'], ['value', '{{DLV - oemname}}']]]);
    expect(rows(byAttribute)).toEqual([[['name', 'brand'], ['value', '{{CJS - data-identify-brand}}']]]);
    expect(triggerOf(byText.name)?.filter?.map((c) => [c.type, ...c.parameter.map((p) => p.value)])).toEqual([
      ['EQUALS', '{{Click Text}}', 'Get Dealer Details'],
      ['CSS_SELECTOR', '{{Click Element}}', '[data-identify-event], [data-identify-event] *', 'true'],
    ]);
    expect(triggerOf(byAttribute.name)?.filter?.map((c) => [c.type, ...c.parameter.map((p) => p.value)])).toEqual([
      ['CSS_SELECTOR', '{{Click Element}}', '[data-identify-event], [data-identify-event] *'],
    ]);
    expect(v.variable.find((x) => x.name === 'DLV - oemname')?.parameter.find((p) => p.key === 'name')?.value).toBe('oemname');
    expect(v.builtInVariable.map((b) => b.name).sort()).toEqual(['Click Element', 'Click Text', 'Event']);
  });

  it('holds one Constant per vendor key, with an obvious placeholder, and every tag reads its keys from them', () => {
    expect(Object.keys(VENDOR_KEYS).sort()).toEqual([
      'antsomiPortalId', 'antsomiPropertyId', 'connectoLicenseKey', 'customerioWriteKey', 'gistAppId', 'segmentWriteKey',
    ]);
    for (const tag of v.tag) {
      for (const [field, key] of Object.entries(VENDOR_KEYS)) expect(param(tag.parameter, field)?.value, tag.name).toBe(`{{${key.constant}}}`);
    }
    for (const key of Object.values(VENDOR_KEYS)) {
      const constant = v.variable.find((x) => x.name === key.constant);
      expect(constant?.type).toBe('c');
      expect(constant?.parameter).toEqual([{ type: 'TEMPLATE', key: 'value', value: key.placeholder }]);
      expect(key.placeholder).toMatch(/^YOUR_[A-Z_]+$/);
    }
  });
});

describe('the container checks', () => {
  const broken = (change: (copy: ContainerExport) => void) => {
    const copy = JSON.parse(committed) as ContainerExport;
    change(copy);
    return copy;
  };

  it('report a tag firing on a trigger the container does not hold', () => {
    const copy = broken((c) => (c.containerVersion.tag[0].firingTriggerId = ['999']));
    expect(checkReferences(copy)).toContain('tag "Identify - sign in" refers to missing trigger 999');
  });

  it('report a reference to a variable the container does not hold', () => {
    const copy = broken((c) => c.containerVersion.variable.splice(c.containerVersion.variable.findIndex((x) => x.name === 'DLV - oemname'), 1));
    expect(checkReferences(copy)).toContain('tag "Identify - Get Dealer Details click (brand from data layer)" refers to missing variable {{DLV - oemname}}');
  });

  it('report duplicate ids', () => {
    const copy = broken((c) => (c.containerVersion.trigger[1].triggerId = c.containerVersion.trigger[0].triggerId));
    expect(checkReferences(copy)).toContain(`trigger id "${v.trigger[0].triggerId}" is used twice`);
  });

  it('report a parameter that is not a field, and a table written as text', () => {
    const parameters: Parameter[] = [
      { type: 'TEMPLATE', key: 'userID', value: 'x' },
      { type: 'TEMPLATE', key: 'tagRows', value: 'brand=Audi' },
    ];
    expect(checkTagParameters('t', parameters, FIELDS)).toEqual([
      't: parameter "userID" is not a field of the template',
      't: "tagRows" is TEMPLATE, the SIMPLE_TABLE field stores LIST',
    ]);
  });

  it('report a table column and a select choice the field does not have', () => {
    const parameters: Parameter[] = [
      { type: 'LIST', key: 'tagRows', list: [{ type: 'MAP', map: [{ type: 'TEMPLATE', key: 'label', value: 'vip' }] }] },
      { type: 'TEMPLATE', key: 'action', value: 'logout' },
    ];
    expect(checkTagParameters('t', parameters, FIELDS)).toEqual(['t: "tagRows" has no column "label"', 't: "logout" is not a choice of "action"']);
  });
});

describe('tag parameters from the template fields', () => {
  it('write checkboxes as BOOLEAN, tables as LIST of MAP and the rest as TEMPLATE', () => {
    expect(tagParameters(FIELDS, { sendGist: true, tagRows: [{ name: 'brand', value: 'Audi' }], userId: '{{DLV - userId}}' })).toEqual([
      { type: 'BOOLEAN', key: 'sendGist', value: 'true' },
      { type: 'TEMPLATE', key: 'userId', value: '{{DLV - userId}}' },
      { type: 'LIST', key: 'tagRows', list: [{ type: 'MAP', map: [{ type: 'TEMPLATE', key: 'name', value: 'brand' }, { type: 'TEMPLATE', key: 'value', value: 'Audi' }] }] },
    ]);
  });

  it('refuse a name that is not a field, at compile time and at run time', () => {
    // @ts-expect-error a renamed or misspelt field does not compile
    expect(() => tagParameters(FIELDS, { userID: 'x' })).toThrow('"userID" is not a field of the template');
    // @ts-expect-error a select only takes its choices (or a variable)
    expect(tagParameters(FIELDS, { action: 'logout' })).toHaveLength(1);
  });
});

describe('vendor keys at build time', () => {
  const project = () => {
    const dir = mkdtempSync(join(tmpdir(), 'container-env-'));
    writeFileSync(join(dir, '.env'), 'SEGMENT_WRITE_KEY=abc123\nGIST_APP_ID=gist_9\nANTSOMI_PORTAL_ID=not-a-number\n');
    return dir;
  };

  it('stay out of the committed container, and are not read with GTM_IDENTIFY_ENV=0', async () => {
    const built = await buildContainer(project(), templateText, '0');
    expect(Object.keys(built.files)).toEqual([CONTAINER_PATH]);
    expect(built.files[CONTAINER_PATH]).toBe(committed);
  });

  it('are not needed: without a .env only the placeholder container is written', async () => {
    const built = await buildContainer(mkdtempSync(join(tmpdir(), 'container-noenv-')), templateText, undefined);
    expect(built).toEqual({ files: { [CONTAINER_PATH]: committed }, problems: [] });
  });

  it('go from the project .env into dist/container.env.json, and a malformed key is a problem', async () => {
    const built = await buildContainer(project(), templateText, undefined);
    expect(built.files[CONTAINER_PATH]).toBe(committed);
    const withKeys = JSON.parse(built.files[ENV_CONTAINER_PATH]) as ContainerExport;
    const value = (name: string) => withKeys.containerVersion.variable.find((x) => x.name === name)?.parameter[0].value;
    expect(value('Const - Segment write key')).toBe('abc123');
    expect(value('Const - Gist app id')).toBe('gist_9');
    expect(value('Const - Antsomi portal id')).toBe('YOUR_ANTSOMI_PORTAL_ID');
    expect(value('Const - Connecto license key')).toBe('YOUR_CONNECTO_LICENSE_KEY');
    expect(built.problems).toEqual(['ANTSOMI_PORTAL_ID has characters the template does not accept (^[0-9]+$)']);
  });

  it('name a missing .env file', async () => {
    const built = await buildContainer(project(), templateText, 'missing.env');
    expect(built.problems[0]).toMatch(/missing\.env does not exist/);
  });
});
