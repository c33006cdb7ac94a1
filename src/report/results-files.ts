import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import libCoverage from 'istanbul-lib-coverage';
import libReport from 'istanbul-lib-report';
import CoberturaReport from 'istanbul-reports/lib/cobertura/index.js';
import JsonReport from 'istanbul-reports/lib/json/index.js';
import JsonSummaryReport from 'istanbul-reports/lib/json-summary/index.js';
import LcovOnlyReport from 'istanbul-reports/lib/lcovonly/index.js';
import { apexFileCoverage } from './coverage.js';
import type { RunReport } from './run-report.js';
import { testedOperation } from './tested-operation.js';
import { junitXml } from './test-results.js';

/** Where the test reports of a run were written. */
export interface TestResultFiles {
  junitFile: string;
  coverageDir?: string;
}

/**
 * Writes the JUnit XML and coverage reports of the last operation that ran tests, laid out as
 * `sf project deploy --results-dir` lays them out: `junit/junit.xml` and `coverage/` with
 * cobertura.xml, coverage-summary.json (json-summary), coverage.json (json) and lcov.info,
 * produced by the istanbul reporters the CLI uses. Returns undefined when no operation ran tests.
 */
export function writeTestResults(report: RunReport, resultsDir: string, workspace: string, now = new Date()): TestResultFiles | undefined {
  const operation = testedOperation(report);
  if (!operation) return undefined;
  const junitDir = path.join(resultsDir, 'junit');
  mkdirSync(junitDir, { recursive: true });
  const junitFile = path.join(junitDir, 'junit.xml');
  writeFileSync(junitFile, junitXml(operation, { timestamp: now.toISOString(), orgId: report.orgs[operation.role]?.id }));

  const classes = operation.outcome.classCoverage;
  if (!classes.length) return { junitFile };
  const coverageDir = path.join(resultsDir, 'coverage');
  mkdirSync(coverageDir, { recursive: true });
  const map = libCoverage.createCoverageMap({});
  const sources = new Map<string, string>();
  for (const cls of classes) {
    const relative = operation.sources?.[cls.name] ?? `${cls.type === 'Trigger' ? 'triggers' : 'classes'}/${cls.name}.${cls.type === 'Trigger' ? 'trigger' : 'cls'}`;
    const file = path.resolve(workspace, relative);
    const source = operation.sources?.[cls.name] && existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (source !== undefined) sources.set(file, source);
    map.addFileCoverage(apexFileCoverage(file, cls, source) as unknown as libCoverage.FileCoverageData);
  }
  const context = libReport.createContext({ dir: coverageDir, coverageMap: map, defaultSummarizer: 'flat', sourceFinder: (file: string) => sources.get(file) ?? '' });
  Object.defineProperty(context, 'writer', { value: wholeFileWriter(coverageDir) });
  const reports = [
    new CoberturaReport({ file: 'cobertura.xml', projectRoot: workspace }),
    new JsonSummaryReport({ file: 'coverage-summary.json' }),
    new JsonReport({ file: 'coverage.json' }),
    new LcovOnlyReport({ file: 'lcov.info', projectRoot: workspace }),
  ];
  for (const r of reports) r.execute(context);
  return { junitFile, coverageDir };
}

/**
 * istanbul's file writer sends every fragment a report writes to its own write(2): tens of
 * thousands for the cobertura.xml of a 2,450-class project (0.17 s of the report). This one keeps
 * a file's fragments and writes the file once, when the report closes it. The reports used here
 * call writeFile, then write / println / colorize, then close.
 */
function wholeFileWriter(baseDir: string) {
  return {
    writeFile(file: string) {
      const target = path.resolve(baseDir, file);
      const parts: string[] = [];
      return {
        write: (text: string) => void parts.push(text),
        println: (text: string) => void parts.push(`${text}\n`),
        colorize: (text: string) => text,
        close: () => {
          mkdirSync(path.dirname(target), { recursive: true });
          writeFileSync(target, parts.join(''));
        },
      };
    },
  };
}
