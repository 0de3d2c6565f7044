import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { moduleWeights, REQUIRES_ROW } from '../../src/toolchain/builder/weight';
import { readTemplate } from '../../src/toolchain/tpl/read';

describe('per-module weight of the template code', () => {
  const { model } = readTemplate(readFileSync('template/template.tpl', 'utf8'));
  const weights = moduleWeights(model.code);

  it('gives every bundled module a row, and the rows add up to the whole code section', () => {
    expect(weights.map((row) => row.module)).toEqual(expect.arrayContaining([
      REQUIRES_ROW, 'src/template/code.ts', 'src/template/platform.ts', 'src/core/engine.ts', 'src/core/vendors/gist.ts',
    ]));
    expect(weights.reduce((sum, row) => sum + row.bytes, 0)).toBe(Buffer.byteLength(model.code));
  });

  it('counts UTF-8 bytes and lists the heaviest module first', () => {
    expect(moduleWeights("const a=require('a');\n// src/x.ts\nvar é=10;\n// src/y.ts\nvar b=2;\n")).toEqual([
      { module: 'src/x.ts', bytes: 23 }, { module: REQUIRES_ROW, bytes: 22 }, { module: 'src/y.ts', bytes: 21 },
    ]);
  });
});
