// Which Chromium the tests, the screenshots and the bench launch: Debian's when installed, else
// the one packaged in @sparticuz/chromium, so `npm ci` on a machine without Debian's is enough.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseChromium, DEBIAN_CHROMIUM, launchChromium } from '../../src/demo/browser';

const installed = (path: string) => path === DEBIAN_CHROMIUM;
const missing = () => false;

describe('the choice of Chromium', () => {
  it('is Debian’s /usr/bin/chromium when it is installed', () => {
    expect(chooseChromium({}, installed)).toEqual({ kind: 'debian', path: DEBIAN_CHROMIUM });
  });

  it('is the packaged Chromium on a machine without Debian’s', () => {
    expect(chooseChromium({}, missing)).toEqual({ kind: 'packaged' });
  });

  it('is the packaged Chromium when GTM_IDENTIFY_BROWSER=packaged, even with Debian’s installed', () => {
    expect(chooseChromium({ GTM_IDENTIFY_BROWSER: 'packaged' }, installed)).toEqual({ kind: 'packaged' });
  });

  it('is the binary CHROMIUM_PATH names, before anything else', () => {
    expect(chooseChromium({ CHROMIUM_PATH: '/opt/chrome/chrome', GTM_IDENTIFY_BROWSER: 'packaged' }, installed))
      .toEqual({ kind: 'path', path: '/opt/chrome/chrome' });
  });

  it('refuses an unknown GTM_IDENTIFY_BROWSER value and says which ones work', () => {
    expect(() => chooseChromium({ GTM_IDENTIFY_BROWSER: 'firefox' }, installed))
      .toThrow('GTM_IDENTIFY_BROWSER is "firefox"; use "packaged", "debian" or leave it unset');
  });
});

describe('launching Chromium', () => {
  it('starts the Chromium packaged in @sparticuz/chromium and runs a page in it', async () => {
    const main = createRequire(import.meta.url).resolve('@sparticuz/chromium');
    const { version } = JSON.parse(readFileSync(join(dirname(main), '../../package.json'), 'utf8')) as { version: string };
    const browser = await launchChromium({ ...process.env, CHROMIUM_PATH: '', GTM_IDENTIFY_BROWSER: 'packaged' });
    try {
      // the package's major version is the Chromium major it ships
      expect(browser.version().split('.')[0]).toBe(version.split('.')[0]);
      const page = await browser.newPage();
      await page.setContent('<button onclick="this.textContent = 1 + 1">add</button>');
      await page.click('button');
      expect(await page.textContent('button')).toBe('2');
    } finally {
      await browser.close();
    }
  }, 180_000);

  it('fails with one line that says why when the browser cannot start', async () => {
    const error = await launchChromium({ ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^Chromium could not start \(CHROMIUM_PATH=\/nonexistent\/chromium\): \S.*$/);
    expect((error as Error).stack).not.toContain('\n');
  });
});
