// Loading the engine as a <script> (the IIFE snippet): from `engineFolder`, or from the folder of
// the snippet's own script src, the file for the one vendor the config names, or the file with
// every vendor, or in debug mode the debug engine (engine-files.ts). The engine script sets
// window.identifyBridgeEngine when it runs (one already there is used as it is). A failure (404,
// network, Content-Security-Policy, a file that is no engine) rejects with the reason, a text; the script
// element is removed either way, so that a later attempt starts afresh.
import { ENGINE_GLOBAL, engineFile } from './engine-files';
import type { CreateEngine } from './engine';
import type { Win } from './platform';
import type { SnippetSettings } from './snippet';
import { isText } from './config-read';

export const scriptLoader = (win: Win, scriptSrc: string | undefined) => (settings: SnippetSettings) =>
  new Promise<CreateEngine>((resolve, reject) => {
    const loaded = () => typeof win[ENGINE_GLOBAL] === 'function' && (resolve(win[ENGINE_GLOBAL] as CreateEngine), true);
    if (loaded()) return;
    // the folder of the snippet's URL ('https://cdn.example.com/b/x.js?v=1' → 'https://cdn.example.com/b/')
    const folder = isText(settings.engineFolder) ? settings.engineFolder.replace(/\/?$/, '/') : scriptSrc && scriptSrc.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
    if (!folder) throw 'no script src to load it from: set engineFolder';
    const url = folder + engineFile(settings.vendor, settings.debug);
    const script = win.document.createElement('script');
    script.onload = script.onerror = () => {
      script.remove();
      if (!loaded()) reject(url + ' failed (not found, offline or refused by a Content-Security-Policy)');
    };
    script.async = true; // as browsers treat added scripts anyway; happy-dom needs it said
    script.src = url;
    win.document.head.appendChild(script);
  });
