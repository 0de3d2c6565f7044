// The source map of the final template code: esbuild's map (its output → TypeScript) carried
// through post-processing and compaction (their offset maps). Coverage uses
// it to show TypeScript lines for a built .tpl. Text the compiler inserted (the require lines)
// maps nowhere; the sources' text travels in the map, so it stays readable without them.
import { GenMapping, maybeAddSegment, setSourceContent, toEncodedMap, type EncodedSourceMap } from '@jridgewell/gen-mapping';
import { TraceMap, eachMapping, sourceContentFor } from '@jridgewell/trace-mapping';
import { LineIndex } from '../diagnostics/lines';

/** `finalOffset` tells where an offset of esbuild's output `raw` ended up in `code`, if anywhere. */
export function composeCodeMap(
  esbuildMap: string, raw: string, code: string, finalOffset: (rawOffset: number) => number | undefined,
): EncodedSourceMap {
  const map = new TraceMap(esbuildMap);
  const rawLines = new LineIndex(raw);
  const finalLines = new LineIndex(code);
  const composed = new GenMapping();
  eachMapping(map, (m) => {
    if (m.source === null) return;
    const at = finalOffset(rawLines.offset({ line: m.generatedLine, column: m.generatedColumn + 1 }));
    if (at === undefined) return;
    const generated = finalLines.location(at);
    maybeAddSegment(composed, generated.line - 1, generated.column - 1, m.source, m.originalLine - 1, m.originalColumn);
  });
  for (const source of map.resolvedSources) setSourceContent(composed, source, sourceContentFor(map, source));
  return toEncodedMap(composed);
}
