// The debug engine (and the ESM build's): the config is checked in full before anything starts,
// and every problem is listed (config.ts); core's messages keep their full texts.
import { selectorTest } from './clicks';
import { readConfig } from './config';
import { engineWith } from './engine';

export const createEngine = engineWith((config, win) => readConfig(config, selectorTest(win.document)));
