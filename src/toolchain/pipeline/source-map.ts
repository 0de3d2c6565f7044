// Positions in generated code traced back to the sources through a source map. A position inside
// a mapped segment keeps its offset from the segment start when the generated and original text
// up to it are identical (esbuild maps `function all(...rest)` at `all`, not at `...`); generated
// code with no mapping of its own (esbuild's glue) borrows the nearest mapped position.
import { LEAST_UPPER_BOUND, TraceMap, originalPositionFor, traceSegment } from '@jridgewell/trace-mapping';
import type { Location } from '../diagnostics/lines';

/** A position as source maps count it: 1-based line, 0-based column. */
interface MapPosition {
  line: number;
  column: number;
}

export interface SourcePosition {
  /** As written in the map's `sources`. */
  source: string;
  /** 1-based line and column (diagnostics/lines.ts). */
  line: number;
  column: number;
}

const END_OF_LINE = 1e9;

export class SourceTracer {
  private readonly map: TraceMap;
  private readonly generatedLines: string[];
  private readonly sourceLines = new Map<number, string[]>();

  constructor(map: string, generated: string) {
    this.map = new TraceMap(map);
    this.generatedLines = generated.split('\n');
  }

  /** The source location of a generated location. */
  trace(location: Location): SourcePosition | undefined {
    const at = { line: location.line, column: location.column - 1 };
    const found = this.inSegment(at) ?? this.after(at) ?? this.before(at.line - 1);
    return found && { ...found, column: found.column + 1 };
  }

  private inSegment(at: MapPosition, extrapolate = true): SourcePosition | undefined {
    const segment = traceSegment(this.map, at.line - 1, at.column);
    if (!segment || segment.length < 4) return undefined;
    const [generatedColumn, sourceIndex, line, column] = segment as [number, number, number, number];
    const delta = at.column - generatedColumn;
    const generatedText = (this.generatedLines[at.line - 1] ?? '').slice(generatedColumn, at.column);
    const sourceText = (this.lines(sourceIndex)[line] ?? '').slice(column, column + delta);
    const shift = extrapolate && delta > 0 && generatedText === sourceText ? delta : 0;
    return { source: this.map.resolvedSources[sourceIndex] ?? '', line: line + 1, column: column + shift };
  }

  private after(at: MapPosition): SourcePosition | undefined {
    const found = originalPositionFor(this.map, { line: at.line, column: at.column, bias: LEAST_UPPER_BOUND });
    return found.source === null ? undefined : { source: found.source, line: found.line, column: found.column };
  }

  private before(line: number): SourcePosition | undefined {
    for (let l = line; l >= 1; l--) {
      const found = this.inSegment({ line: l, column: END_OF_LINE }, false);
      if (found) return found;
    }
    return undefined;
  }

  private lines(sourceIndex: number): string[] {
    let lines = this.sourceLines.get(sourceIndex);
    if (!lines) {
      lines = (this.map.sourcesContent?.[sourceIndex] ?? '').split('\n');
      this.sourceLines.set(sourceIndex, lines);
    }
    return lines;
  }
}
