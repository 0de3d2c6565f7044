// The entry of dist/identify-bridge.engine.debug.min.js: the debug engine (every vendor), which
// the snippet loads at start when the config says `debug: true`.
import { createEngine } from './engine-debug';
import { ENGINE_GLOBAL } from './engine-files';

(window as unknown as Record<string, unknown>)[ENGINE_GLOBAL] = createEngine;
