// The Community Template Gallery's rules (docs/reference/gtm-template-format.md#gallery) on the
// files `npm run gallery` publishes.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkGallery, checkLicense, checkMetadata, checkTemplateForGallery, GALLERY_DIR, galleryFiles,
} from '../../src/container/gallery';

const root = join(__dirname, '../..');

describe('the gallery repository root', () => {
  it('breaks no gallery rule', async () => {
    expect(checkGallery(await galleryFiles(root))).toEqual([]);
  });

  it('is assembled by npm run gallery with exactly template.tpl, metadata.yaml, LICENSE and README.md', async () => {
    execFileSync(process.execPath, ['scripts/run.mjs', 'scripts/gallery.ts'], { cwd: root, stdio: 'pipe' });
    const dir = join(root, GALLERY_DIR);
    expect(readdirSync(dir).sort()).toEqual(['LICENSE', 'README.md', 'metadata.yaml', 'template.tpl']);
    const files = await galleryFiles(root);
    for (const [name, text] of Object.entries(files)) expect(readFileSync(join(dir, name), 'utf8'), name).toBe(text);
  }, 30_000);
});

describe('the gallery checks', () => {
  const template = readFileSync(join(root, 'template/template.tpl'), 'utf8');

  it('accept the built template: ToS accepted, TAG with brand, categories and description', () => {
    expect(checkTemplateForGallery(template)).toEqual([]);
  });

  it('refuse a template without the terms of service, categories, brand or description', () => {
    const info = /___INFO___\n\n(\{[\s\S]*?\n\})/.exec(template)?.[1] ?? expect.unreachable('no ___INFO___');
    const parsed = JSON.parse(info);
    const bare = { ...parsed, description: '' };
    delete bare.categories;
    delete bare.brand;
    const stripped = template.replace(/^___TERMS_OF_SERVICE___\n\n[\s\S]*?\n\n\n/, '').replace(info, JSON.stringify(bare, null, 2));
    expect(checkTemplateForGallery(stripped)).toEqual([
      'template.tpl: the ___TERMS_OF_SERVICE___ section does not accept the gallery terms',
      'template.tpl: ___INFO___ has no description',
      'template.tpl: ___INFO___ has no categories (the gallery requires them)',
      'template.tpl: ___INFO___ has no brand',
    ]);
  });

  it('refuse metadata.yaml without https links or a 40-hex sha with change notes', () => {
    expect(checkMetadata('homepage: example.com\nversions:\n  - sha: abc\n')).toEqual([
      'metadata.yaml: homepage is not an https URL',
      'metadata.yaml: documentation is not an https URL',
      'metadata.yaml: version 1 sha is not a 40-hex commit id',
      'metadata.yaml: version 1 has no changeNotes',
    ]);
  });

  it('refuse a LICENSE that is not only the Apache License 2.0', () => {
    const apache = readFileSync(join(root, 'LICENSE'), 'utf8');
    expect(checkLicense(apache)).toEqual([]);
    expect(checkLicense(`${apache}\nMIT License\n\nPermission is hereby granted, free of charge …`)).toEqual(['LICENSE holds more than the Apache License 2.0']);
    expect(checkLicense('MIT License')).toEqual(['LICENSE does not start with the Apache License 2.0 header', 'LICENSE is not the complete Apache License 2.0']);
  });

  it('refuse a root with a second template or a missing file', async () => {
    const files = await galleryFiles(root);
    const { LICENSE: _, ...noLicense } = files;
    expect(checkGallery({ ...noLicense, 'other.tpl': files['template.tpl'] })).toEqual([
      'the gallery root holds README.md, metadata.yaml, other.tpl, template.tpl; it must hold exactly LICENSE, README.md, metadata.yaml, template.tpl',
      'the gallery root must hold exactly one template',
    ]);
  });
});
