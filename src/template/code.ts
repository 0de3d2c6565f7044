// The template's sandboxed code: `data` (the fields, typed from fields/index.ts) → core's
// IdentifyInput and EngineConfig → runIdentify on GTM's APIs → exactly one gtmOnSuccess or
// gtmOnFailure. No vendor rule lives here: every check, mapping and message is core's.
// The sandbox has no try/catch, so nothing here may throw: every value from a field is read
// with getType-based checks before use.
import { copyFromDataLayer, getType, makeTableMap, makeString } from 'gtm-sandbox';
import { LIMITS, applyKeyMapping, formatMessage, runIdentify } from '../core/index';
import { permit } from '../sandbox/permit';
import { destinations } from './destinations';
import { debugLogger, gtmPlatform } from './platform';
import type { EngineConfig, IdentifyInput } from '../core/index';
import type { TemplateData } from './fields';

declare const data: TemplateData;

/** The Company field (a name or an object) with the Company details table over it. */
function company(): unknown {
  const rows = data.companyRows;
  // Rows whose detail is not text are left out: makeTableMap turns each detail into a property
  // name, which throws for an object that cannot become text (e.g. {toString: 'x'} from a variable).
  const details = getType(rows) === 'array' && rows !== undefined
    ? makeTableMap(rows.filter((row) => getType(row) === 'object' && getType(row.key) === 'string'), 'key', 'value')
    : undefined;
  if (!details) return data.company;
  const base = data.company;
  const baseType = getType(base);
  const merged: { [key: string]: unknown } = baseType === 'string' || baseType === 'number' ? { name: base } : {};
  const from = baseType === 'object' ? [base as { [key: string]: unknown }, details] : [details];
  from.forEach((object) => {
    for (let key in object) merged[key] = object[key];
  });
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
 * The key-mapping rows, each read from the data layer with copyFromDataLayer (GTM's model of
 * the triggering event), as core's applyKeyMapping expects: a source object and rows whose
 * `from` is a path into it. Each value is stored under the row's own slot ('row1', …) so that
 * dotted data layer keys are read by GTM, not split again by core.
 */
function withKeyMapping(base: IdentifyInput, log: (message: string) => void): IdentifyInput {
  const rows = data.keyMapping;
  if (getType(rows) !== 'array' || rows === undefined) return base;
  const source: { [slot: string]: unknown } = {};
  const mapped = rows.map((row, index) => {
    // Rows past the cap are not read; core leaves them out and says so.
    if (index >= LIMITS.rows || getType(row) !== 'object') return row;
    const key = permit(getType(row.from) === 'string' ? (row.from as string).trim() : row.from, '*');
    if (key === undefined || key === '') return row;
    const slot = 'row' + makeString(index + 1);
    source[slot] = copyFromDataLayer(key);
    const name = getType(row.to) === 'string' && (row.to as string).trim() !== '' ? row.to : key;
    return { from: slot, to: name, as: row.as, type: row.type };
  });
  return applyKeyMapping(source, mapped, base, (severity, message) => log(formatMessage({ level: severity, vendor: null, text: message })));
}

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
