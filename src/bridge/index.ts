// The ESM build (the package's entry): start(config) runs the snippet (snippet.ts) on the page,
// which imports the engine (engine.ts) with a dynamic import() on the first message a rule may
// match, so that bundlers split it off into a chunk of its own.
import type { BridgeConfig } from './config';
import type { Win } from './platform';
import { startBridge, type BridgeHandle } from './snippet';
import { notLoaded } from './engine-files';

export type { BridgeConfig, ClickConfig, DestinationConfig, RuleConfig } from './config';
export type { EngineOutcome, VendorResult, Message } from '../core/index';
export type { BridgeHandle } from './snippet';

/**
 * Starts the bridge on `win` (default: the page's window). A config with problems logs one
 * console warning listing them and starts nothing; nothing here throws at the page.
 */
export function start(config: BridgeConfig, win: Win = window): BridgeHandle {
  const load = () => import('./engine-debug').then((engine) => engine.createEngine, (error) => Promise.reject(notLoaded(error)));
  return startBridge(config, win, { load });
}
