// The entry of dist/identify-bridge.full.debug.min.js: snippet and debug engine (every vendor) in
// one file: the one-file build to use while setting up.
import { createEngine } from './engine-debug';
import { installOnPage } from './page';

installOnPage({ create: createEngine });
