// The template's sources, one per .tpl section (src/toolchain/builder/template.ts builds them).
import type { TemplateSource } from '../toolchain/builder/template';
import { FIELDS } from './fields';
import { INFO } from './info';
import { NOTES } from './notes';
import { QUERIED_KEYS } from './permissions';

/** Scenario files of ___TESTS___, in the order their scenarios are listed. */
export const SCENARIO_FILES = [
  'src/template/tests/segment.scenarios.ts',
  'src/template/tests/customerio.scenarios.ts',
  'src/template/tests/gist.scenarios.ts',
  'src/template/tests/mutiny.scenarios.ts',
  'src/template/tests/connecto.scenarios.ts',
  'src/template/tests/antsomi.scenarios.ts',
  'src/template/tests/input.scenarios.ts',
  'src/template/tests/datalayer.scenarios.ts',
  'src/template/tests/consent.scenarios.ts',
  'src/template/tests/dedupe.scenarios.ts',
  'src/template/tests/validation.scenarios.ts',
  'src/template/tests/identity.scenarios.ts',
  'src/template/tests/traits.scenarios.ts',
  'src/template/tests/tags.scenarios.ts',
  'src/template/tests/company.scenarios.ts',
  'src/template/tests/gist-properties.scenarios.ts',
  'src/template/tests/antsomi-attributes.scenarios.ts',
  'src/template/tests/connecto-more.scenarios.ts',
];

export const TEMPLATE: TemplateSource = {
  info: INFO,
  fields: FIELDS,
  entry: 'src/template/code.ts',
  // Every byte of the code lands in every page's container: compact whitespace, names kept.
  compact: true,
  sandboxModules: ['src/sandbox/lang.ts'],
  tests: { setup: 'src/template/tests/setup.ts', files: SCENARIO_FILES },
  notes: NOTES,
  // The keys platform.ts asks GTM about at run time: declared here, not carried in the code.
  queried: QUERIED_KEYS,
};
