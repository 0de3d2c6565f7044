// What the snippet loads and how the loaded engine makes itself known: named once, for the
// build (which writes the files) and for the snippet (which loads them).
import type { VendorId } from '../core/model';

/**
 * The production engine file for `vendor` alone, or with every vendor
 * ('identify-bridge.engine.segment.min.js'); with `debug`, the debug engine (every vendor).
 */
export const engineFile = (vendor?: VendorId | null, debug?: boolean) =>
  'identify-bridge.engine' + (debug ? '.debug' : vendor ? '.' + vendor : '') + '.min.js';

/** The rule number the snippet hands over with a tagged click no rule claims (an identify of the visitor, its data as tags). */
export const UNCLAIMED_CLICK = -1;

/** The window property an engine script sets to its createEngine when it runs. */
export const ENGINE_GLOBAL = 'identifyBridgeEngine';

/**
 * What the snippet says when the engine did not load: the loaders' rejection (loader.ts, and the ESM
 * build's import()), so the one-file build, which never loads, carries none of it. In words also in
 * the production snippet (this module's texts are not coded): no debug engine is there to explain it.
 */
export const notLoaded = (reason: unknown) => 'engine not loaded (the next match retries): ' + String(reason);
