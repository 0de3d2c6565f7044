// Parse and scope a piece of sandboxed JavaScript once, for every reader of it (the gate, the
// permission deriver): lint and build hand the same analysis to both.
import { parseSandbox, type ParseError } from './parse';
import { analyseScopes, type ScopeAnalysis } from './scope';

export type CodeAnalysis = { scopes: ScopeAnalysis; error?: undefined } | { scopes?: undefined; error: ParseError };

export function analyseCode(code: string): CodeAnalysis {
  const parsed = parseSandbox(code);
  return parsed.error ? { error: parsed.error } : { scopes: analyseScopes(parsed.program) };
}
