// template/container.json from the built template text (see spec.ts for what it holds). The
// committed file always carries placeholder keys, so it is the same on every machine; with a
// .env present (or GTM_IDENTIFY_ENV naming one), a copy with its keys goes to dist/container.env.json.
import { checkReferences, formatContainer, writeContainer } from '../toolchain/container-export';
import { envFileOf, PLACEHOLDER_KEYS, readEnvKeys, type KeyValues } from './keys';
import { containerSpec } from './spec';
import type { BuildStepResult } from '../toolchain/builder/step';

export const CONTAINER_PATH = 'template/container.json';
export const ENV_CONTAINER_PATH = 'dist/container.env.json';

/** The container text for these keys, with anything an import would trip over. */
export function containerText(templateText: string, keys: KeyValues): { text: string; problems: string[] } {
  const { container, problems } = writeContainer(containerSpec(templateText, keys));
  return { text: formatContainer(container), problems: [...problems, ...checkReferences(container)] };
}

export async function buildContainer(
  root: string,
  templateText: string,
  env: string | undefined = process.env.GTM_IDENTIFY_ENV,
): Promise<BuildStepResult> {
  const committed = containerText(templateText, PLACEHOLDER_KEYS);
  const files: Record<string, string> = { [CONTAINER_PATH]: committed.text };
  const problems = [...committed.problems];
  const envFile = envFileOf(root, env);
  if (envFile !== null) {
    const read = readEnvKeys(envFile);
    const withKeys = containerText(templateText, read.keys);
    problems.push(...read.problems, ...withKeys.problems);
    files[ENV_CONTAINER_PATH] = withKeys.text;
  }
  return { files, problems };
}
