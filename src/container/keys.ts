// Vendor keys of the ready-made container: one Constant variable per key. The committed
// container holds the placeholders; when the project has a .env (or GTM_IDENTIFY_ENV names
// another file), the build reads its keys with dotenv into dist/container.env.json, which git ignores.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'dotenv';

export interface VendorKey {
  /** The .env variable. */
  env: string;
  /** The Constant variable's name in the container. */
  constant: string;
  placeholder: string;
  /** Characters the template accepts (core's KEY_CHARS or digits). */
  pattern: RegExp;
}

const KEY = /^[A-Za-z0-9_-]+$/;
const DIGITS = /^[0-9]+$/;

export const VENDOR_KEYS = {
  segmentWriteKey: { env: 'SEGMENT_WRITE_KEY', constant: 'Const - Segment write key', placeholder: 'YOUR_SEGMENT_WRITE_KEY', pattern: KEY },
  customerioWriteKey: { env: 'CUSTOMERIO_WRITE_KEY', constant: 'Const - Customer.io write key', placeholder: 'YOUR_CUSTOMERIO_WRITE_KEY', pattern: KEY },
  gistAppId: { env: 'GIST_APP_ID', constant: 'Const - Gist app id', placeholder: 'YOUR_GIST_APP_ID', pattern: KEY },
  connectoLicenseKey: { env: 'CONNECTO_LICENSE_KEY', constant: 'Const - Connecto license key', placeholder: 'YOUR_CONNECTO_LICENSE_KEY', pattern: KEY },
  // Antsomi's ids are numbers: the word placeholder makes the tag report "not allowed" until replaced.
  antsomiPortalId: { env: 'ANTSOMI_PORTAL_ID', constant: 'Const - Antsomi portal id', placeholder: 'YOUR_ANTSOMI_PORTAL_ID', pattern: DIGITS },
  antsomiPropertyId: { env: 'ANTSOMI_PROPERTY_ID', constant: 'Const - Antsomi property id', placeholder: 'YOUR_ANTSOMI_PROPERTY_ID', pattern: DIGITS },
} as const satisfies Record<string, VendorKey>;

export type KeyField = keyof typeof VENDOR_KEYS;
export type KeyValues = Record<KeyField, string>;

export const PLACEHOLDER_KEYS = Object.fromEntries(
  Object.entries(VENDOR_KEYS).map(([field, key]) => [field, key.placeholder]),
) as KeyValues;

/**
 * Which .env file the build reads: GTM_IDENTIFY_ENV names one ('0' = none), otherwise the
 * project's .env when it exists. Its keys only ever go into the git-ignored copy.
 */
export function envFileOf(root: string, setting: string | undefined): string | null {
  if (setting === '0') return null;
  if (setting === undefined || setting === '' || setting === '1') {
    const file = resolve(root, '.env');
    return existsSync(file) ? file : null;
  }
  return resolve(root, setting);
}

/** Keys from a .env text; a missing key keeps its placeholder, a malformed one is a problem. */
function keysFromEnv(text: string): { keys: KeyValues; problems: string[] } {
  const env = parse(text);
  const keys = { ...PLACEHOLDER_KEYS };
  const problems: string[] = [];
  for (const [field, key] of Object.entries(VENDOR_KEYS) as [KeyField, VendorKey][]) {
    const value = env[key.env]?.trim();
    if (value === undefined || value === '') continue;
    if (key.pattern.test(value)) keys[field] = value;
    else problems.push(`${key.env} has characters the template does not accept (${key.pattern.source})`);
  }
  return { keys, problems };
}

export function readEnvKeys(file: string): { keys: KeyValues; problems: string[] } {
  if (!existsSync(file)) return { keys: PLACEHOLDER_KEYS, problems: [`${file} does not exist (GTM_IDENTIFY_ENV names it)`] };
  return keysFromEnv(readFileSync(file, 'utf8'));
}
