// Reports in istanbul's own formats: lcov.info (editors, CI services), an HTML report and the
// text summary the command prints. Sources are read from what the run had (the .tpl text, the
// map's sourcesContent), never again from disk.
import libCoverage, { type CoverageMapData } from 'istanbul-lib-coverage';
import libReport from 'istanbul-lib-report';
import reports from 'istanbul-reports';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ReportInput {
  /** Output directory (created). */
  dir: string;
  data: CoverageMapData;
  /** Source text by absolute path. */
  sources: ReadonlyMap<string, string>;
  /** lcov paths are relative to it. */
  projectRoot: string;
}

export interface Report {
  /** istanbul's text summary, one entry per line. */
  summary: string[];
  /** Percentage of code lines run. */
  linesPct: number;
}

const SUMMARY_FILE = 'coverage-summary.txt';

export function writeReport(input: ReportInput): Report {
  const coverageMap = libCoverage.createCoverageMap(input.data);
  const context = libReport.createContext({
    dir: input.dir,
    coverageMap,
    defaultSummarizer: 'nested',
    sourceFinder: (path) => input.sources.get(path) ?? '',
  });
  reports.create('lcovonly', { file: 'lcov.info', projectRoot: input.projectRoot }).execute(context);
  reports.create('html', {}).execute(context);
  reports.create('text-summary', { file: SUMMARY_FILE }).execute(context);
  const summary = readFileSync(join(input.dir, SUMMARY_FILE), 'utf8').split('\n').filter((line) => line.trim() !== '');
  return { summary, linesPct: coverageMap.getCoverageSummary().lines.pct };
}
