// Chromium for the end-to-end tests, the docs' screenshots and the bench, driven by playwright-core.
// Debian's /usr/bin/chromium when it is installed, else the headless Chromium that the
// @sparticuz/chromium npm package ships inside it: `npm ci` is all the set-up there is, with no
// root and no download outside the npm registry.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { DemoVendor, Received } from './shared';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Where the browser comes from: `CHROMIUM_PATH` (a binary), Debian's package, or the npm package. */
export type ChromiumSource = { kind: 'path'; path: string } | { kind: 'debian'; path: string } | { kind: 'packaged' };

/**
 * The browser to launch. `CHROMIUM_PATH` names a binary; `GTM_IDENTIFY_BROWSER=packaged` (or
 * `debian`) forces a choice; otherwise Debian's when installed, else the packaged one.
 */
export function chooseChromium(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): ChromiumSource {
  if (env.CHROMIUM_PATH) return { kind: 'path', path: env.CHROMIUM_PATH };
  const forced = env.GTM_IDENTIFY_BROWSER;
  if (forced !== undefined && forced !== '' && forced !== 'packaged' && forced !== 'debian') {
    throw oneLineError(`GTM_IDENTIFY_BROWSER is "${forced}"; use "packaged", "debian" or leave it unset`);
  }
  if (forced === 'debian' || (forced !== 'packaged' && exists(DEBIAN_CHROMIUM))) return { kind: 'debian', path: DEBIAN_CHROMIUM };
  return { kind: 'packaged' };
}

/** Launches the chosen Chromium; when it cannot start, rejects with one line that says why. */
export async function launchChromium(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  const source = chooseChromium(env);
  const where = source.kind === 'path' ? `CHROMIUM_PATH=${source.path}` : source.kind === 'debian' ? `Debian's ${source.path}` : 'the packaged @sparticuz/chromium';
  try {
    if (source.kind !== 'packaged') return await chromium.launch({ executablePath: source.path, args: CHROMIUM_ARGS });
    const executablePath = await packagedChromium();
    // the package's fonts, for a machine without fontconfig's (text in screenshots)
    const fonts = existsSync('/etc/fonts/fonts.conf') ? {} : { FONTCONFIG_PATH: join(dirname(executablePath), 'fonts') };
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS, env: { ...env, ...fonts } });
  } catch (error) {
    throw oneLineError(`Chromium could not start (${where}): ${reason(error)}`);
  }
}

/** An error printed as its message alone: the cause, not playwright's launch log or a stack. */
function oneLineError(message: string): Error {
  const error = new Error(message);
  error.stack = `Error: ${message}`;
  return error;
}

/** The line of a launch failure that names the cause (a missing file or library, a refused exec). */
function reason(error: unknown): string {
  const lines = String(error instanceof Error ? error.message : error).split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => /error while loading|no such file|ENOENT|EACCES|permission denied|cannot find|not found/i.test(l)) ?? lines[0] ?? 'unknown error';
}

let packaged: Promise<string> | undefined;

/** The packaged Chromium's binary, unpacked once per machine and version. */
function packagedChromium(): Promise<string> {
  packaged ??= unpackOnce();
  return packaged;
}

/**
 * The package unpacks into the temp folder and reuses whatever file is there, even a half-written
 * one: a lock directory lets one process (test workers run in parallel) unpack while the others
 * wait, and a marker per version says the unpacking finished.
 */
async function unpackOnce(): Promise<string> {
  const { default: sparticuz } = await import('@sparticuz/chromium');
  const main = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  const version = (JSON.parse(readFileSync(join(dirname(main), '../../package.json'), 'utf8')) as { version: string }).version;
  const marker = join(tmpdir(), `gtm-identify-chromium-${version}.unpacked`);
  const lock = join(tmpdir(), 'gtm-identify-chromium.lock');
  while (!existsSync(marker)) {
    if (!takeLock(lock)) {
      await sleep(250);
      continue;
    }
    try {
      if (!existsSync(marker)) {
        rmSync(join(tmpdir(), 'chromium'), { force: true }); // another version's, or an interrupted unpack
        await sparticuz.executablePath();
        writeFileSync(marker, '');
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return sparticuz.executablePath();
}

/** Takes the lock, breaking one left for two minutes by a process that died while unpacking. */
function takeLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > 120_000) rmSync(lock, { recursive: true, force: true });
    return false;
  }
}

/** Everything the vendors received in this tab so far. */
export function received(page: Page): Promise<Received[]> {
  return page.evaluate(() => JSON.parse(sessionStorage.getItem('demo.received') ?? '[]'));
}

/** Waits until each vendor has received a call with this method. */
export async function waitForCalls(page: Page, vendors: readonly DemoVendor[], method: string): Promise<Received[]> {
  await page.waitForFunction(
    ({ vendors, method }) => {
      const calls = JSON.parse(sessionStorage.getItem('demo.received') ?? '[]') as { vendor: string; method: string }[];
      return vendors.every((v) => calls.some((c) => c.vendor === v && c.method === method));
    },
    { vendors, method },
  );
  return received(page);
}

/** Fills in and submits the sign-in form (the page pushes user_sign_in). */
export async function signIn(page: Page): Promise<void> {
  await page.click('#sign-in-button');
}
