// The production engine: it trusts the config (settings.ts) instead of checking it, and the build
// gives core's messages short codes instead of texts (message-codes.ts). The snippet loads it
// unless the config says `debug: true`; the debug engine explains every problem.
import { engineWith } from './engine';
import { engineSettings } from './settings';

export const createEngine = engineWith((config) => ({ settings: engineSettings(config as unknown as Record<string, unknown>), problems: [] }));
