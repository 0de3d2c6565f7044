// What one identify may carry, far above any real use (a marketer's table has tens of rows, a
// traits object tens of keys) and low enough that a runaway variable or page object cannot freeze
// the page inside GTM. Whatever goes past a cap is left out with a warning, never cut silently.
// rows: read from one table (traits, tags, key mapping); tags: in one identify, all sources
// together; values: at every nesting level of the traits, and again of the company; textLength:
// characters in one text value (a longer value is left out, not cut); characters: of text in all
// the traits together, and again in the company (Segment refuses a call over 32 KB anyway).
export const LIMITS = { rows: 500, tags: 500, values: 1000, textLength: 8192, characters: 32768 };
