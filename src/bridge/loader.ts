// Loading the engine as a <script> (the IIFE snippet): from `engineFolder`, or from the folder of
// the snippet's own script src, the file for the one vendor the config names, or the file with
// every vendor, or in debug mode the debug engine (engine-files.ts). The engine script sets
// window.identifyBridgeEngine when it runs (one already there is used as it is). A failure (404,
// network, Content-Security-Policy, a file that is no engine) rejects with what the snippet says; the script
// element is removed either way, so that a later attempt starts afresh.
import { ENGINE_GLOBAL, engineFile, notLoaded } from './engine-files';
import type { CreateEngine } from './engine';
import type { Win } from './platform';
import type { VendorId } from '../core/model';
import { isText, list } from './config-read';

export const scriptLoader = (win: Win, scriptSrc: string | undefined) => (config: Record<string, unknown>) =>
  new Promise<CreateEngine>((resolve, reject) => {
    const loaded = () => typeof win[ENGINE_GLOBAL] === 'function' && (resolve(win[ENGINE_GLOBAL] as CreateEngine), true);
    if (loaded()) return;
    // the folder of the snippet's URL ('https://cdn.example.com/b/x.js?v=1' → 'https://cdn.example.com/b/')
    const folder = isText(config.engineFolder) ? config.engineFolder.replace(/\/?$/, '/') : scriptSrc && scriptSrc.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
    if (!folder) return reject(notLoaded('no script src to load it from: set engineFolder'));
    // the one vendor every destination names, whose engine is the smallest (an unknown vendor's
    // engine is not found: debug mode, the debug engine, says what is wrong), else every vendor's
    const vendors = list(config.destinations).map((destination) => destination && destination.vendor);
    const vendor = isText(vendors[0]) && vendors.every((each) => each === vendors[0]) ? (vendors[0] as VendorId) : null;
    const url = folder + engineFile(vendor, config.debug === true);
    const script = win.document.createElement('script');
    script.onload = script.onerror = () => {
      script.remove();
      if (!loaded()) reject(notLoaded(url + ' failed (not found, offline or refused by a Content-Security-Policy)'));
    };
    script.async = true; // as browsers treat added scripts anyway; happy-dom needs it said
    script.src = url;
    win.document.head.appendChild(script);
  });
