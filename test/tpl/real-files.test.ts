// Round-trips real GTM exports kept outside the repository (third-party files are never committed):
//   GTM_TPL_REAL_DIR=/path/to/tpls npx vitest run test/tpl/real-files.test.ts
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTemplate } from '../../src/toolchain/tpl/read';
import { renderTemplate } from '../../src/toolchain/tpl/write';

const dir = process.env.GTM_TPL_REAL_DIR;
const files = dir ? readdirSync(dir).filter((f) => f.endsWith('.tpl')) : [];

describe.skipIf(!dir)('real .tpl files in GTM_TPL_REAL_DIR', () => {
  it('the directory holds .tpl files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(`${file} reads without errors and writes back byte for byte`, () => {
      const text = readFileSync(join(dir!, file), 'utf8');
      const { model, errors } = readTemplate(text);
      expect(errors).toEqual([]);
      expect(renderTemplate(model).text).toBe(text);
    });
  }
});
