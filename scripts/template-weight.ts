// npm run bench, the template part: bytes each source module adds to template/template.tpl's
// code section, so that the cost of every feature is visible.
import { readFileSync } from 'node:fs';
import { moduleWeights } from '../src/toolchain/builder/weight';
import { readTemplate } from '../src/toolchain/tpl/read';

export function printTemplateWeight(path = 'template/template.tpl'): void {
  const { model } = readTemplate(readFileSync(path, 'utf8'));
  const total = Buffer.byteLength(model.code);
  console.log(`\n${path} code section by module: ${total.toLocaleString('en')} B (budget 60,000 B, goal 40,960 B)`);
  for (const { module, bytes } of moduleWeights(model.code)) {
    console.log(`  ${module.padEnd(40)} ${bytes.toLocaleString('en').padStart(7)} B  ${((bytes / total) * 100).toFixed(1).padStart(5)} %`);
  }
}
