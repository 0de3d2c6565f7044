// The container-export writer: typed export JSON, builders, a writer that assigns ids from
// names, and checks an import relies on.
export * from './model';
export * from './parameters';
export * from './builtins';
export * from './write';
export * from './check';
export * from './field-values';
