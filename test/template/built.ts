// The template built in-process once per test file, as `npm run build` builds it.
import { resolve } from 'node:path';
import { buildTemplate, type TemplateBuild } from '../../src/toolchain/builder/template';
import { runTemplate } from '../../src/toolchain/emulator';
import type { Permission } from '../../src/toolchain/permissions/codec';
import { TEMPLATE } from '../../src/template/index';

export const ROOT = resolve(import.meta.dirname, '../..');

let build: Promise<TemplateBuild> | undefined;

export function builtTemplate(): Promise<TemplateBuild> {
  build ??= buildTemplate(TEMPLATE, { cwd: ROOT });
  return build;
}

type RunOptions = NonNullable<Parameters<typeof runTemplate>[2]>;

/** Runs the built code unmocked with `data`; permissions default to the template's own. */
export async function runBuilt(data: Record<string, unknown>, options: Omit<RunOptions, 'permissions'> & { permissions?: Permission[] }) {
  const { model } = await builtTemplate();
  return runTemplate(model.code, data, { ...options, permissions: options.permissions ?? model.permissions });
}

/** The permissions the built template declares. */
export async function builtPermissions(): Promise<Permission[]> {
  return (await builtTemplate()).model.permissions;
}
