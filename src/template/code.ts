// The template's sandboxed code: `data` (the fields, typed from fields/index.ts) → core's
// IdentifyInput and EngineConfig → runIdentify on GTM's APIs → exactly one gtmOnSuccess or
// gtmOnFailure. No vendor rule lives here: every check, mapping and message is core's.
// The sandbox has no try/catch, so nothing here may throw: every value from a field is read
// with getType-based checks before use.
import { copyFromDataLayer, getType, makeTableMap } from 'gtm-sandbox';
import { applyMapping, formatMessage, runIdentify } from '../core/index';
import { destinations } from './destinations';
import { dataLayerKey, debugLogger, gtmPlatform } from './platform';
import type { EngineConfig, IdentifyInput } from '../core/index';
import type { TemplateData } from './fields';

declare const data: TemplateData;

/** The Company field (a name or an object) with the Company details table over it. */
function company(): unknown {
  const rows = data.companyRows;
  // Rows whose detail is not text are left out: makeTableMap turns each detail into a property
  // name, which throws for an object that cannot become text (e.g. {toString: 'x'} from a variable).
  const details = getType(rows) === 'array'
    ? makeTableMap((rows as NonNullable<typeof rows>).filter((row) => getType(row) === 'object' && getType(row.key) === 'string'), 'key', 'value')
    : undefined;
  const base = data.company;
  if (!details) return base;
  // The Company field's own object (a copy GTM made for this run) takes the details; text or a
  // number is its name.
  const baseType = getType(base);
  const merged = (baseType === 'object' ? base : baseType === 'string' || baseType === 'number' ? { name: base } : {}) as { [key: string]: unknown };
  for (let key in details) merged[key] = details[key];
  return merged;
}

function input(): IdentifyInput {
  return {
    action: data.action,
    event: data.event,
    userId: data.userId,
    email: data.email,
    useEmailAsUserId: data.useEmailAsUserId,
    traitRows: data.traitRows,
    traits: data.traitsObject,
    tags: [data.tagsText, data.tagRows],
    company: company(),
    userIdHash: data.userIdHash,
  };
}

/**
 * The key-mapping rows as core's applyMapping places them, each row's key read from the data layer
 * with copyFromDataLayer (GTM's model of the triggering event: GTM, not core, splits dotted keys).
 */
const withKeyMapping = (base: IdentifyInput, log: (message: string) => void): IdentifyInput =>
  applyMapping((key) => copyFromDataLayer(dataLayerKey(key) as string), data.keyMapping, base,
    (severity, message) => log(formatMessage({ level: severity, vendor: null, text: message })));

function config(): EngineConfig {
  return {
    source: 'gtm_template',
    destinations: destinations(data as unknown as { [name: string]: unknown }),
    dedupe: data.dedupe === true,
    consent: data.consentRequired === true ? { type: data.consentType, whenDenied: data.consentWhenDenied } : null,
  };
}

/** runIdentify calls back exactly once, so exactly one of gtmOnSuccess / gtmOnFailure runs. */
function main(): void {
  const log = debugLogger();
  runIdentify(withKeyMapping(input(), log), config(), gtmPlatform(log), (outcome) => {
    if (outcome.ok) data.gtmOnSuccess();
    else data.gtmOnFailure();
  });
}

main();
