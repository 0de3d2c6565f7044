// The Community Template Gallery's view of a repository
// (docs/reference/gtm-template-format.md#gallery): template.tpl, metadata.yaml and LICENSE (only
// the Apache-2.0 text) at the root, README.md recommended. checkGallery lists every rule a
// directory breaks; `npm run gallery` assembles dist/gallery/ from template/ and the repository
// root and checks it.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { GALLERY_TERMS_OF_SERVICE, readTemplate } from '../toolchain/tpl';
import { failing } from '../toolchain/diagnostics/diagnostic';

/** Source of each gallery file, relative to the repository root. */
export const GALLERY_SOURCES = {
  'template.tpl': 'template/template.tpl',
  'metadata.yaml': 'template/metadata.yaml',
  LICENSE: 'LICENSE',
  'README.md': 'README.md',
} as const;

export type GalleryFile = keyof typeof GALLERY_SOURCES;
export const GALLERY_DIR = 'dist/gallery';

/** Categories seen in published templates (docs/reference/gtm-template-format.md#sections). */
const KNOWN_CATEGORIES = [
  'ADVERTISING', 'AFFILIATE_MARKETING', 'ANALYTICS', 'ATTRIBUTION', 'CHAT', 'CONVERSIONS', 'EXPERIMENTATION', 'HEAT_MAP',
  'MARKETING', 'PERSONALIZATION', 'REMARKETING', 'SALES', 'SESSION_RECORDING', 'TAG_MANAGEMENT', 'UTILITY',
];

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isHttpsUrl = (v: unknown) => typeof v === 'string' && /^https:\/\/[^\s/]+\.[^\s]+$/.test(v);

export function checkTemplateForGallery(text: string): string[] {
  const read = readTemplate(text);
  const model = read.model;
  const problems = failing(read.problems).map((e) => `template.tpl line ${e.line}: ${e.message}`);
  if (model.termsOfService?.trim() !== GALLERY_TERMS_OF_SERVICE) problems.push('template.tpl: the ___TERMS_OF_SERVICE___ section does not accept the gallery terms');
  const info = model.info;
  if (!info) return [...problems, 'template.tpl: no ___INFO___ section'];
  if (info.type !== 'TAG') problems.push('template.tpl: ___INFO___ type is not TAG');
  if (info.id !== 'cvt_temp_public_id') problems.push('template.tpl: ___INFO___ id is not cvt_temp_public_id');
  if (!info.displayName?.trim()) problems.push('template.tpl: ___INFO___ has no displayName');
  if (!info.description?.trim()) problems.push('template.tpl: ___INFO___ has no description');
  const categories = info.categories ?? [];
  if (categories.length === 0) problems.push('template.tpl: ___INFO___ has no categories (the gallery requires them)');
  for (const c of categories) if (!KNOWN_CATEGORIES.includes(c)) problems.push(`template.tpl: category ${c} is not a gallery category`);
  const brand = info.brand;
  if (!brand) problems.push('template.tpl: ___INFO___ has no brand');
  else {
    if (!/^(github\.com_[\w.-]+|brand_dummy)$/.test(brand.id)) problems.push(`template.tpl: brand id ${brand.id} is neither github.com_<owner> nor brand_dummy`);
    if (!brand.displayName?.trim()) problems.push('template.tpl: brand has no displayName');
    if (!/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/.test(brand.thumbnail ?? '')) problems.push('template.tpl: brand thumbnail is not a base64 PNG or JPEG data URL');
  }
  if (JSON.stringify(info.containerContexts) !== '["WEB"]') problems.push('template.tpl: containerContexts is not ["WEB"]');
  return problems;
}

export function checkMetadata(text: string): string[] {
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    return [`metadata.yaml does not parse: ${(error as Error).message}`];
  }
  if (!isObject(value)) return ['metadata.yaml is not a mapping'];
  const problems: string[] = [];
  for (const key of Object.keys(value)) if (!['homepage', 'documentation', 'versions'].includes(key)) problems.push(`metadata.yaml: unknown key ${key}`);
  if (!isHttpsUrl(value.homepage)) problems.push('metadata.yaml: homepage is not an https URL');
  if (!isHttpsUrl(value.documentation)) problems.push('metadata.yaml: documentation is not an https URL');
  const versions = value.versions;
  if (!Array.isArray(versions) || versions.length === 0) return [...problems, 'metadata.yaml: versions is not a non-empty list'];
  versions.forEach((version: unknown, i) => {
    if (!isObject(version)) return problems.push(`metadata.yaml: version ${i + 1} is not a mapping`);
    if (typeof version.sha !== 'string' || !/^[0-9a-f]{40}$/.test(version.sha)) problems.push(`metadata.yaml: version ${i + 1} sha is not a 40-hex commit id`);
    if (typeof version.changeNotes !== 'string' || version.changeNotes.trim() === '') problems.push(`metadata.yaml: version ${i + 1} has no changeNotes`);
  });
  return problems;
}

/** The LICENSE holds the Apache License 2.0 and nothing else. */
export function checkLicense(text: string): string[] {
  const problems: string[] = [];
  const body = text.trim();
  if (!/^Apache License\s+Version 2\.0, January 2004\s+http:\/\/www\.apache\.org\/licenses\//.test(body)) problems.push('LICENSE does not start with the Apache License 2.0 header');
  if (!body.includes('TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION') || !body.includes('END OF TERMS AND CONDITIONS')) problems.push('LICENSE is not the complete Apache License 2.0');
  if (/Permission is hereby granted|GNU GENERAL PUBLIC LICENSE|Mozilla Public License|BSD/i.test(body)) problems.push('LICENSE holds more than the Apache License 2.0');
  return problems;
}

/** Every gallery rule the files break (names are gallery-root names). */
export function checkGallery(files: Record<string, string>): string[] {
  const problems: string[] = [];
  const names = Object.keys(files).sort();
  const expected = Object.keys(GALLERY_SOURCES).sort();
  if (names.join() !== expected.join()) problems.push(`the gallery root holds ${names.join(', ')}; it must hold exactly ${expected.join(', ')}`);
  if (names.filter((n) => n.endsWith('.tpl')).length !== 1) problems.push('the gallery root must hold exactly one template');
  if (files['template.tpl'] !== undefined) problems.push(...checkTemplateForGallery(files['template.tpl']));
  if (files['metadata.yaml'] !== undefined) problems.push(...checkMetadata(files['metadata.yaml']));
  if (files.LICENSE !== undefined) problems.push(...checkLicense(files.LICENSE));
  if (files['README.md'] !== undefined && files['README.md'].trim() === '') problems.push('README.md is empty');
  return problems;
}

/** The gallery files read from their sources in the repository. */
export async function galleryFiles(root: string): Promise<Record<GalleryFile, string>> {
  const entries = await Promise.all(
    (Object.entries(GALLERY_SOURCES) as [GalleryFile, string][]).map(async ([name, source]) => [name, await readFile(`${root}/${source}`, 'utf8')] as const),
  );
  return Object.fromEntries(entries) as Record<GalleryFile, string>;
}
