// `npm run screenshots [name…]`: the docs' screenshots in Chromium → docs/screenshots/*.png.
// Names: demo (the demo pages), coverage (the HTML report of `gtm-tpl test --coverage`);
// default: all.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium, signIn, waitForCalls } from '../src/demo/browser';
import { startDemo } from '../src/demo/server';
import { VENDORS } from '../src/demo/shared';
import { runCli } from '../src/toolchain/cli/main';

const root = process.cwd();
const dir = resolve(root, 'docs/screenshots');
const wanted = process.argv.slice(2);
const shots: Record<string, (browser: Browser) => Promise<void>> = { demo: demoShots, coverage: coverageShot };
const unknown = wanted.filter((name) => !(name in shots));
if (unknown.length > 0) throw new Error(`unknown screenshot set ${unknown.join(', ')}; known: ${Object.keys(shots).join(', ')}`);
await mkdir(dir, { recursive: true });

const browser = await launchChromium();
try {
  for (const [name, take] of Object.entries(shots)) if (wanted.length === 0 || wanted.includes(name)) await take(browser);
} finally {
  await browser.close();
}

async function newPage(browser: Browser, url: string) {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  await page.goto(url);
  return page;
}

async function shot(page: Awaited<ReturnType<typeof newPage>>, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: resolve(dir, name), fullPage });
  console.log(`wrote docs/screenshots/${name}`);
}

async function demoShots(browser: Browser): Promise<void> {
  const demo = await startDemo({ root });
  try {
    const page = await newPage(browser, `${demo.url}/?via=container`);
    await signIn(page);
    await waitForCalls(page, VENDORS.filter((v) => v !== 'antsomi'), 'identify');
    await page.waitForLoadState('networkidle');
    await shot(page, 'demo-sign-in.png');
    await page.evaluate(() => sessionStorage.removeItem('demo.received'));
    await page.click('a[href="/cars/audi-q5"]');
    await page.click('#dealer-tagged');
    await waitForCalls(page, VENDORS.filter((v) => v !== 'antsomi'), 'identify');
    await page.waitForLoadState('networkidle');
    await shot(page, 'demo-dealer-details.png');

    const denied = await newPage(browser, `${demo.url}/?via=container&consent=denied`);
    await signIn(denied);
    await denied.waitForFunction(() => (window as any).__demo.tagLog.some((t: { status: string }) => t.status !== 'running'));
    await shot(denied, 'demo-consent-denied.png');
  } finally {
    await demo.close();
  }
}

/**
 * The TypeScript view of the coverage report of this project's template, as `gtm-tpl test
 * --coverage` writes it: the src/core files, and a file scrolled to its first line no scenario runs.
 */
async function coverageShot(browser: Browser): Promise<void> {
  const cwd = await mkdtemp(join(tmpdir(), 'gtm-tpl-coverage-'));
  try {
    const io = { out: () => undefined, err: (line: string) => console.error(line), readFile: (path: string) => readFileSync(path, 'utf8'), cwd };
    const code = await runCli(['test', resolve(root, 'template/template.tpl'), '--coverage'], io);
    if (code !== 0) throw new Error(`gtm-tpl test --coverage exited ${code}`);
    const report = (path: string) => pathToFileURL(join(cwd, 'coverage/typescript', path)).href;
    await shot(await newPage(browser, report('core/index.html')), 'gtm-tpl-coverage.png');
    const file = await newPage(browser, report('core/vendors/gist.ts.html'));
    await file.evaluate(() => document.querySelector('.cstat-no')?.scrollIntoView({ block: 'center' }));
    await shot(file, 'gtm-tpl-coverage-file.png', false);
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}
