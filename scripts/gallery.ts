// `npm run gallery`: dist/gallery/ = a Community Template Gallery repository's root
// (template.tpl, metadata.yaml, LICENSE, README.md), checked against the gallery's rules.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkGallery, GALLERY_DIR, galleryFiles } from '../src/container/gallery';

const root = process.cwd();
const files = await galleryFiles(root);
const problems = checkGallery(files);
if (problems.length > 0) {
  for (const problem of problems) console.error(`gallery: ${problem}`);
  process.exit(1);
}
const dir = resolve(root, GALLERY_DIR);
await rm(dir, { recursive: true, force: true });
await mkdir(dir, { recursive: true });
for (const [name, text] of Object.entries(files)) await writeFile(resolve(dir, name), text);
console.log(`wrote ${GALLERY_DIR}/: ${(await readdir(dir)).sort().join(', ')}`);
console.log('Push these files to the root of a public GitHub repository, then submit it in GTM (Templates → Search Gallery → ⋮ → Submit template).');
