export * from './builders';
export * from './check';
export type { Carries, DataOf, FieldsData, MacroDataOf, TagCallbacks, TextValue } from './data';
export type * from './json';
export * from './rules';
