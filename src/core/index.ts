// The public surface of core for the template and the bridge: the engine, the model, the
// vendor WINDOW declarations and storage key (for GTM permissions), rules and key mapping.
export { runIdentify } from './engine';
export type { EngineConfig, EngineOutcome } from './engine';
export { normalize } from './normalize';
export { DEFAULT_CONSENT_TYPE, KNOWN_CONSENT_TYPES } from './consent';
export type { ConsentConfig } from './consent';
export { STORAGE_KEY } from './dedupe';
export { VENDOR_IDS, WINDOWS } from './vendors/index';
export { DEFAULT_RULES, findRule, inputFromMessage, ruleMatches } from './rules';
export type { Rule } from './rules';
export { applyKeyMapping, applyMapping, mapKeys, readPath } from './mapping';
export type { KeyMappingRow, MappedValues } from './mapping';
export { formatMessage } from './messages';
export { LIMITS } from './limits';
export { createLane } from './lane';
export type { Lane } from './lane';
export { md5 } from './md5';
export type * from './model';
export type { Platform } from './platform';
