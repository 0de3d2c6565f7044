export { formatJson, quoteJsonString } from './json-format';
export { findJsonProblem } from './json-position';
export type * from './model';
export { parseTpl, type TplFile, type TplSection } from './parse';
export { CODE_SECTION, PERMISSIONS_SECTION, readTemplate, type ReadResult } from './read';
export { GALLERY_TERMS_OF_SERVICE } from './terms';
export { formatTestsYaml, parseTestsYaml } from './tests-yaml';
export { renderTemplate, writeTemplate, type WriteOptions, type WriteResult } from './write';
