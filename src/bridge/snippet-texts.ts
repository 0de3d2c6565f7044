// What the codes of the production snippet's messages stand for. The snippet's sources write their
// texts in words, so this is empty here; the build fills it for the debug engine, which hands it to
// the snippet (snippet-codes.ts).
export const SNIPPET_TEXTS: Record<string, string> = {};
