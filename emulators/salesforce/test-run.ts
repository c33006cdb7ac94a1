import { codeLineCount, isTestClass, markersIn, TEST_FAIL_MARKER, testMethodsOf, type ApexUnit } from './apex.js';
import { compareText } from './metadata-store.js';

/** RunTestFailure, as the Metadata API WSDL defines it. */
export interface RunTestFailure {
  id: string;
  message: string;
  methodName: string;
  name: string;
  namespace?: string | null;
  packageName: string;
  seeAllData: boolean;
  stackTrace: string;
  time: number;
  type: 'Class';
}

/** RunTestSuccess, as the WSDL defines it. */
export interface RunTestSuccess {
  id: string;
  methodName: string;
  name: string;
  namespace?: string | null;
  seeAllData: boolean;
  time: number;
}

/** CodeLocation, one line a test run did not reach. */
export interface CodeLocation {
  column: number;
  line: number;
  numExecutions: number;
  time: number;
}

/** CodeCoverageResult, per class or trigger. */
export interface CodeCoverageResult {
  id: string;
  locationsNotCovered: CodeLocation[];
  name: string;
  namespace?: string | null;
  numLocations: number;
  numLocationsNotCovered: number;
  type: 'Class' | 'Trigger';
}

/** CodeCoverageWarning; `name` is absent for the org-wide warning. */
export interface CodeCoverageWarning {
  id: string;
  message: string;
  name?: string | null;
  namespace?: string | null;
}

/** RunTestsResult, `details.runTestResult` of a DeployResult. */
export interface RunTestsResult {
  codeCoverage: CodeCoverageResult[];
  codeCoverageWarnings: CodeCoverageWarning[];
  failures: RunTestFailure[];
  flowCoverage: never[];
  flowCoverageWarnings: never[];
  numFailures: number;
  numTestsRun: number;
  successes: RunTestSuccess[];
  totalTime: number;
}

/** A failure scripted by the test author for one test method. */
export interface ScriptedTestFailure {
  message: string;
  line?: number;
}

/** What a test run needs: the Apex the org holds after the deploy and how tests were asked for. */
export interface TestRunRequest {
  units: readonly ApexUnit[];
  testLevel: string;
  runTests: readonly string[];
  /** Names of the classes and triggers the deploy carries, for RunSpecifiedTests' per-unit rule. */
  deployedUnits: ReadonlySet<string>;
  scriptedFailures: ReadonlyMap<string, ScriptedTestFailure>;
  /** Org-wide coverage percent the run reports. */
  coverage: number;
}

/** Coverage Salesforce requires for a deploy to production (and to pass a validation). */
export const REQUIRED_COVERAGE = 75;

/** Test classes a test level runs, in the order they run. */
export function testClassesFor(level: string, runTests: readonly string[], units: readonly ApexUnit[]): ApexUnit[] {
  const testClasses = units.filter((unit) => unit.type === 'ApexClass' && isTestClass(unit.body));
  if (level === 'NoTestRun') return [];
  if (level === 'RunSpecifiedTests') {
    const wanted = new Set(runTests.map((name) => name.toLowerCase()));
    return testClasses.filter((unit) => wanted.has(unit.name.toLowerCase()));
  }
  // RunLocalTests, RunAllTestsInOrg and levels this emulator does not know (RunRelevantTests):
  // the org has no managed packages, so all of them run every test class.
  return testClasses.sort((a, b) => compareText(a.name, b.name));
}

/** Number of test methods a test level will run. */
export function countTests(level: string, runTests: readonly string[], units: readonly ApexUnit[]): number {
  return testClassesFor(level, runTests, units).reduce((sum, unit) => sum + testMethodsOf(unit.body).length, 0);
}

/**
 * Runs the tests: every test method passes unless a `// emulator:test-fail` marker sits in its
 * body or a failure was scripted for it. Coverage is then spread over the non-test units so that
 * the org-wide figure is exactly the org's configured percentage.
 */
export function runApexTests(request: TestRunRequest): { result: RunTestsResult; coverageMet: boolean } {
  const failures: RunTestFailure[] = [];
  const successes: RunTestSuccess[] = [];
  for (const unit of testClassesFor(request.testLevel, request.runTests, request.units)) {
    for (const method of testMethodsOf(unit.body)) {
      const time = 8 + ((unit.name.length * 7 + method.name.length * 13) % 40);
      const marker = markersIn(unit.body, TEST_FAIL_MARKER, method.bodyStart, method.bodyEnd)[0];
      const scripted = request.scriptedFailures.get(`${unit.name}.${method.name}`.toLowerCase());
      const failure = scripted ? { message: scripted.message, line: scripted.line ?? method.line } : marker;
      if (failure) {
        failures.push({
          id: unit.id,
          message: failure.message,
          methodName: method.name,
          name: unit.name,
          packageName: unit.name,
          seeAllData: false,
          stackTrace: `Class.${unit.name}.${method.name}: line ${failure.line}, column 1`,
          time,
          type: 'Class',
        });
      } else {
        successes.push({ id: unit.id, methodName: method.name, name: unit.name, seeAllData: false, time });
      }
    }
  }
  const covered = request.units.filter((unit) => unit.type === 'ApexTrigger' || !isTestClass(unit.body));
  const codeCoverage = distributeCoverage(covered, request.coverage);
  const codeCoverageWarnings = coverageWarnings(request, codeCoverage);
  const numTestsRun = failures.length + successes.length;
  return {
    result: {
      codeCoverage,
      codeCoverageWarnings,
      failures,
      flowCoverage: [],
      flowCoverageWarnings: [],
      numFailures: failures.length,
      numTestsRun,
      successes,
      totalTime: [...failures, ...successes].reduce((sum, test) => sum + test.time, 0),
    },
    coverageMet: codeCoverageWarnings.length === 0,
  };
}

function coverageWarnings(request: TestRunRequest, codeCoverage: CodeCoverageResult[]): CodeCoverageWarning[] {
  if (codeCoverage.length === 0) return [];
  if (request.testLevel === 'RunSpecifiedTests') {
    // With specified tests, each class and trigger in the deploy must be covered on its own.
    return codeCoverage
      .filter((unit) => request.deployedUnits.has(unit.name) && percent(unit) < REQUIRED_COVERAGE)
      .map((unit) => ({
        id: unit.id,
        name: unit.name,
        message: `Test coverage of selected Apex ${unit.type} is ${Math.floor(percent(unit))}%, at least ${REQUIRED_COVERAGE}% test coverage is required`,
      }));
  }
  const locations = codeCoverage.reduce((sum, unit) => sum + unit.numLocations, 0);
  const notCovered = codeCoverage.reduce((sum, unit) => sum + unit.numLocationsNotCovered, 0);
  const orgWide = ((locations - notCovered) / locations) * 100;
  if (orgWide >= REQUIRED_COVERAGE) return [];
  return [
    {
      id: codeCoverage[0]!.id,
      message: `Average test coverage across all Apex Classes and Triggers is ${Math.floor(orgWide)}%, at least ${REQUIRED_COVERAGE}% test coverage is required.`,
    },
  ];
}

function percent(unit: CodeCoverageResult): number {
  return ((unit.numLocations - unit.numLocationsNotCovered) / unit.numLocations) * 100;
}

/**
 * Picks numLocations per unit (proportional to its code lines) and numLocationsNotCovered so
 * that covered/total over all units equals `coverage` to one decimal. The total is the smallest
 * multiple of the denominator of `coverage`/100 that gives every unit at least its line count.
 */
function distributeCoverage(units: readonly ApexUnit[], coverage: number): CodeCoverageResult[] {
  if (units.length === 0) return [];
  const permille = Math.round(Math.min(100, Math.max(0, coverage)) * 10);
  const step = 1000 / gcd(permille, 1000);
  const weights = units.map((unit) => codeLineCount(unit.body));
  const lines = weights.reduce((sum, weight) => sum + weight, 0);
  const total = Math.ceil(lines / step) * step;
  const numLocations = apportion(total, weights).map((share) => Math.max(1, share));
  const sum = numLocations.reduce((a, b) => a + b, 0);
  const notCovered = apportion(sum - Math.round((sum * permille) / 1000), numLocations);
  return units.map((unit, i) => {
    const missed = Math.min(notCovered[i]!, numLocations[i]!);
    return {
      id: unit.id,
      locationsNotCovered: Array.from({ length: Math.min(missed, 50) }, (_, n) => ({
        column: 0,
        line: n + 1,
        numExecutions: 0,
        time: -1,
      })),
      name: unit.name,
      numLocations: numLocations[i]!,
      numLocationsNotCovered: missed,
      type: unit.type === 'ApexTrigger' ? 'Trigger' : 'Class',
    };
  });
}

/** Splits `total` into integer shares proportional to `weights` (largest remainder method). */
function apportion(total: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((a, b) => a + b, 0) || 1;
  const exact = weights.map((weight) => (total * weight) / weightSum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((value, i) => ({ i, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder);
  for (const { i } of byRemainder) {
    if (left-- <= 0) break;
    shares[i]!++;
  }
  return shares;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
