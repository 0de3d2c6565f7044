// What the engine runs on: a config turned into EngineSettings, trusting it. The production
// engine reads the config with this alone (the full check, config.ts, stays in the debug build,
// which explains every problem); the debug engine checks first and then reads with this too, so
// that both builds turn a good config into the same settings. Never throws: a value of the wrong
// kind reads as absent.
import { DEFAULT_RULES } from '../core/rules';
import { isUnsafeKey } from '../core/checks';
import type { ConsentConfig, Destination, KeyMappingRow, Rule } from '../core/index';
import { isPlainObject } from '../datalayer/kinds';
import { list } from './config-read';

/** A rule as the engine runs it: a core Rule (its key mapping built from the paths) and where it reads from. */
export interface BridgeRule {
  rule: Rule;
  source: 'message' | 'model';
}

export interface EngineSettings {
  destinations: Destination[];
  /** the config's rules in order, then core's defaults unless defaultRules is false (the snippet numbers them so) */
  rules: BridgeRule[];
  debug: boolean;
  dedupe: boolean;
  consent: ConsentConfig | null;
  userIdHash: 'none' | 'sha256' | 'md5' | undefined;
  useEmailAsUserId: boolean;
}

type Bag = Record<string, unknown>;

/** A destination: its vendor, and the item itself as the options (vendor modules read the keys they know by name). */
const destinationOf = (item: Bag) => ({ vendor: item.vendor, options: item }) as Destination;

/** Rows for a rule's traits ({name: path | {path, type}}) or tags (a list of names, or {name: path}). */
function tableRows(value: unknown, as: 'trait' | 'tag'): KeyMappingRow[] {
  const entries = Array.isArray(value) ? value.map((key) => [key, key]) : isPlainObject(value) ? Object.entries(value) : [];
  return entries.filter(([key]) => typeof key === 'string' && !isUnsafeKey(key)).map(([key, from]) =>
    (isPlainObject(from) ? { to: key, as, from: from.path, type: from.type } : { to: key, as, from }) as KeyMappingRow);
}

/** A rule of the config (one that is not an object reads as an empty identify rule, so that the numbering holds). */
export function ruleOf(item: unknown): BridgeRule {
  const given: Bag = isPlainObject(item) ? item : {};
  const mapping: KeyMappingRow[] = [];
  if (given.userId !== undefined) mapping.push({ as: 'userId', from: given.userId } as KeyMappingRow);
  if (given.email !== undefined) mapping.push({ as: 'email', from: given.email } as KeyMappingRow);
  const rule: Rule = {
    action: given.action === 'reset' ? 'reset' : 'identify',
    identifyEvent: given.identifyEvent as Rule['identifyEvent'],
    mapping: mapping.concat(tableRows(given.traits, 'trait'), tableRows(given.tags, 'tag')),
  };
  return { rule, source: given.source === 'model' ? 'model' : 'message' };
}

const DEFAULT_BRIDGE_RULES: BridgeRule[] = DEFAULT_RULES.map((rule) => ({ rule, source: 'message' }));

/** The settings a config gives, unchecked. */
export function engineSettings(config: Bag): EngineSettings {
  const consent = config.consent;
  return {
    destinations: list(config.destinations).filter(isPlainObject).map(destinationOf),
    rules: list(config.rules).map(ruleOf).concat(config.defaultRules === false ? [] : DEFAULT_BRIDGE_RULES),
    debug: config.debug === true,
    dedupe: config.dedupe === true,
    consent: consent === true ? {} : isPlainObject(consent) ? consent as ConsentConfig : null, // core reads type and whenDenied
    userIdHash: config.userIdHash as EngineSettings['userIdHash'],
    useEmailAsUserId: config.useEmailAsUserId === true,
  };
}
