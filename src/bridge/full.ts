// The entry of dist/identify-bridge.full.min.js: snippet and engine (every vendor) in one file,
// for one-request setups and inline GTM Custom HTML tags.
import { createEngine } from './engine';
import { installOnPage } from './page';

installOnPage({ create: createEngine });
