// The entry of dist/identify-bridge.engine.debug.min.js: the debug engine (every vendor), which
// the snippet loads at start when the config says `debug: true`. It brings the texts of the
// production snippet's message codes along (snippet-texts.ts), so that debug mode says everything
// in words.
import { createEngine } from './engine-debug';
import { ENGINE_GLOBAL } from './engine-files';
import { SNIPPET_TEXTS } from './snippet-texts';

(window as unknown as Record<string, unknown>)[ENGINE_GLOBAL] = Object.assign(createEngine, { texts: SNIPPET_TEXTS });
