// The type of `data` derived from field definitions. Every builder's return type carries a phantom
// (type-only, never set at run time) record of the keys it adds to `data`; DataOf merges them.
// GROUP children, CHECKBOX subParams and RADIO item subParams are flat keys of `data`, as in GTM.

declare const dataKey: unique symbol;

/** Phantom marker: the keys a field contributes to `data`. */
export type Carries<D> = { readonly [dataKey]?: D };

type DataPart<F> = F extends Carries<infer D> ? (unknown extends D ? {} : NonNullable<D>) : {};

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

export type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The `data` keys contributed by a list of fields (no tag callbacks). */
export type FieldsData<F extends readonly unknown[]> = Simplify<UnionToIntersection<DataPart<F[number]>>>;

export interface TagCallbacks {
  gtmOnSuccess(): void;
  gtmOnFailure(): void;
}

/** `data` of a tag template built from `fields`. */
export type DataOf<F extends readonly unknown[]> = Simplify<FieldsData<F> & TagCallbacks>;

/** `data` of a variable (MACRO) template: no completion callbacks. */
export type MacroDataOf<F extends readonly unknown[]> = FieldsData<F>;

/**
 * A TEXT field's value. GTM passes a string, except that a box holding exactly one `{{Variable}}`
 * passes that variable's native value (number, boolean, object, array, undefined …) through.
 * Typed `unknown` so code must normalise it (makeString / getType) before use.
 */
export type TextValue = unknown;
