// The entry of dist/identify-bridge.engine[.<vendor>].min.js: the production engine, which the
// snippet loads when it needs it (loader.ts), makes itself known on window.
import { createEngine } from './engine-production';
import { ENGINE_GLOBAL } from './engine-files';

(window as unknown as Record<string, unknown>)[ENGINE_GLOBAL] = createEngine;
