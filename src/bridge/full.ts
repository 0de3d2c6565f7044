// The entry of dist/identify-bridge.full.min.js: snippet and production engine (every vendor) in
// one file, for one-request setups and inline GTM Custom HTML tags.
import { createEngine } from './engine-production';
import { installOnPage } from './page';

installOnPage({ create: createEngine });
