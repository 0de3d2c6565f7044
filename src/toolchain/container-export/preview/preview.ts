// A local preview of a container in a browser page, without GTM's servers: the page's data
// layer is processed as GTM would (messages in order, gtag consent commands, clicks as
// gtm.click), triggers are evaluated, and tags of the container's custom templates run through
// the emulator on the real window (createBrowserPage). Built-in tag types are not run.
import { isArguments, isPlainObject } from '../../../datalayer/kinds';
import type { PageEnvironment } from '../../emulator/page/page';
import { runTemplate, type TemplateRun } from '../../emulator/run-template';
import { readTemplate } from '../../tpl/read';
import { failing } from '../../diagnostics/diagnostic';
import type { Permission } from '../../permissions/codec';
import type { ContainerExport, Tag } from '../model';
import { templateTagType } from '../write';
import { triggerFires } from './conditions';
import { dataOf } from './tag-data';
import { resolver, type EventContext } from './variables';

export interface FiredTag {
  tag: Tag;
  event: string;
  data: Record<string, unknown>;
  run: Promise<TemplateRun<PageEnvironment>>;
}

export interface PreviewOptions {
  page: PageEnvironment;
  /** Told about every tag that fires (its run settles when the tag has finished). */
  onTag?: (fired: FiredTag) => void;
  /** Problems such as a missing variable; the preview carries on with the next tag. */
  onError?: (error: Error) => void;
}

interface CompiledTemplate {
  code: string;
  permissions: readonly Permission[];
}

function templatesOf(container: ContainerExport): Map<string, CompiledTemplate> {
  const v = container.containerVersion;
  const byType = new Map<string, CompiledTemplate>();
  for (const template of v.customTemplate ?? []) {
    const { model, problems } = readTemplate(template.templateData);
    const errors = failing(problems);
    if (errors.length > 0) throw new Error(`template "${template.name}" line ${errors[0].line}: ${errors[0].message}`);
    byType.set(templateTagType(v.containerId, template.templateId), { code: model.code, permissions: model.permissions ?? [] });
  }
  return byType;
}

function applyConsent(page: PageEnvironment, message: unknown): void {
  if (!isArguments(message) && !Array.isArray(message)) return;
  const args = Array.from(message as ArrayLike<unknown>);
  if (args[0] !== 'consent' || !isPlainObject(args[2])) return;
  if (args[1] === 'default') page.consent.setDefault(args[2]);
  if (args[1] === 'update') page.consent.update(args[2]);
}

/** Starts processing the page's data layer (messages already there first); returns a stop function. */
export function startPreview(container: ContainerExport, options: PreviewOptions): () => void {
  const { page } = options;
  const report = options.onError ?? ((error: Error) => console.error('[container preview]', error));
  const templates = templatesOf(container);
  const tags = container.containerVersion.tag ?? [];
  const triggers = new Map((container.containerVersion.trigger ?? []).map((t) => [t.triggerId, t]));
  const win = page.window as unknown as Window & Record<string, unknown>;
  const dataLayer = (Array.isArray(win[page.dataLayerName]) ? win[page.dataLayerName] : (win[page.dataLayerName] = [])) as unknown[];

  const fire = (tag: Tag, context: EventContext, resolve: (value: string) => unknown) => {
    const template = templates.get(tag.type);
    if (!template) return;
    const data = dataOf(tag.parameter, resolve);
    const run = runTemplate(template.code, data, { page, permissions: template.permissions, templateId: tag.type });
    options.onTag?.({ tag, event: String(context.message.event), data, run });
  };

  const process = (message: unknown) => {
    applyConsent(page, message);
    if (!isPlainObject(message) || typeof message.event !== 'string') return;
    const context: EventContext = { message, dataLayer: dataLayer.slice() };
    const resolve = resolver(container, context);
    for (const tag of tags) {
      try {
        const fires = tag.firingTriggerId.some((id) => {
          const trigger = triggers.get(id);
          return trigger !== undefined && triggerFires(trigger, message.event, resolve);
        });
        if (fires) fire(tag, context, resolve);
      } catch (error) {
        report(error instanceof Error ? error : new Error(String(error)));
      }
    }
  };

  // GTM processes each push after it lands in the array; keep any push the page had wrapped
  const previousPush = dataLayer.push;
  dataLayer.push = function push(...messages: unknown[]) {
    const result = previousPush.apply(dataLayer, messages);
    for (const message of messages) process(message);
    return result;
  };
  for (const message of dataLayer.slice()) process(message);

  const onClick = (event: Event) => {
    const element = event.target as Element | null;
    if (!element || typeof element.getAttribute !== 'function') return;
    dataLayer.push({
      event: 'gtm.click',
      'gtm.element': element,
      'gtm.elementClasses': element.getAttribute('class') ?? '',
      'gtm.elementId': element.id ?? '',
      'gtm.elementTarget': element.getAttribute('target') ?? '',
      'gtm.elementUrl': element.getAttribute('href') ?? '',
    });
  };
  win.document.addEventListener('click', onClick, true);
  return () => {
    win.document.removeEventListener('click', onClick, true);
    dataLayer.push = previousPush;
  };
}
