// Loading the engine as a <script> (the IIFE snippet): from `engineFolder`, or from the folder of
// the snippet's own script src, the file for the one vendor the config names, or the file with
// every vendor, or in debug mode the debug engine (engine-files.ts). The engine script sets window.identifyBridgeEngine when it
// runs. A failure (404, network, Content-Security-Policy) rejects with the reason; the script
// element is removed either way, so that a later attempt starts afresh.
import { ENGINE_GLOBAL, engineFile } from './engine-files';
import type { CreateEngine } from './engine';
import type { Win } from './platform';
import type { SnippetSettings } from './snippet';

export function scriptLoader(win: Win, scriptSrc: string | undefined) {
  return (settings: SnippetSettings) => new Promise<CreateEngine>((resolve, reject) => {
    const engine = () => win[ENGINE_GLOBAL] as CreateEngine | undefined;
    if (typeof engine() === 'function') return resolve(engine()!);
    // the folder of the snippet's URL ('https://cdn.example.com/b/x.js?v=1' → 'https://cdn.example.com/b/')
    const folder = settings.engineFolder ? settings.engineFolder.replace(/\/?$/, '/') : scriptSrc && scriptSrc.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
    if (!folder) throw new Error('the snippet was not loaded from a URL: set engineFolder');
    const url = folder + engineFile(settings.vendor, settings.debug);
    const doc = win.document;
    const script = doc.createElement('script');
    script.onload = script.onerror = (event: Event) => {
      script.remove();
      if (typeof engine() === 'function') resolve(engine()!);
      else reject(new Error(url + (event.type === 'load' ? ' defined no engine' : ' could not be loaded (not found, offline or refused by a Content-Security-Policy)')));
    };
    script.async = true;
    script.src = url;
    (doc.head || doc.documentElement).appendChild(script);
  });
}
