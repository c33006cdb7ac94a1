import { isTestClass, markersIn, methodsOf, TEST_FAIL_MARKER, testMethodsOf, type ApexMethod, type ApexUnit } from './apex.js';
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
  /** Percent of the lines of each method the tests reach that they cover (100: every line). */
  coverage: number;
  /** Whether the org requires 75 % (production); a sandbox reports coverage but never fails on it. */
  enforceCoverage: boolean;
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
  const ranBodies: string[] = [];
  for (const unit of testClassesFor(request.testLevel, request.runTests, request.units)) {
    // `@IsTest(SeeAllData=true)` on the class or the method (Apex Developer Guide, "IsTest Annotation").
    const classSeesAllData = /@istest\s*\(\s*seealldata\s*=\s*true\s*\)[^{]*\bclass\b/i.test(unit.body);
    for (const method of testMethodsOf(unit.body)) {
      ranBodies.push(unit.body.slice(method.bodyStart, method.bodyEnd));
      const head = unit.body.slice(Math.max(0, unit.body.lastIndexOf('\n', unit.body.lastIndexOf('@', method.bodyStart)) ), method.bodyStart);
      const seeAllData = classSeesAllData || /@istest\s*\(\s*seealldata\s*=\s*true\s*\)/i.test(head);
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
          seeAllData,
          stackTrace: `Class.${unit.name}.${method.name}: line ${failure.line}, column 1`,
          time,
          type: 'Class',
        });
      } else {
        successes.push({ id: unit.id, methodName: method.name, name: unit.name, seeAllData, time });
      }
    }
  }
  const measured = request.units.filter((unit) => unit.type === 'ApexTrigger' || !isTestClass(unit.body));
  const codeCoverage = ranBodies.length ? measureCoverage(measured, ranBodies, request.coverage) : [];
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
    coverageMet: !request.enforceCoverage || codeCoverageWarnings.length === 0,
  };
}

/**
 * Coverage warnings as a deploy reports them (Apex Developer Guide, "Deploying Apex": "At least
 * 75% of your Apex code must be covered by unit tests" and "Every trigger must have some test
 * coverage"). With RunSpecifiedTests each class and trigger of the deploy must reach 75 % on its
 * own (Metadata API Developer Guide, "Running a Subset of Tests in a Deployment"). Percentages are
 * truncated to whole numbers in the messages, as Salesforce writes them.
 */
function coverageWarnings(request: TestRunRequest, codeCoverage: CodeCoverageResult[]): CodeCoverageWarning[] {
  if (codeCoverage.length === 0) return [];
  if (request.testLevel === 'RunSpecifiedTests') {
    return codeCoverage
      .filter((unit) => request.deployedUnits.has(unit.name) && percent(unit) < REQUIRED_COVERAGE)
      .map((unit) => ({
        id: unit.id,
        name: unit.name,
        message: `Test coverage of selected Apex ${unit.type} is ${Math.floor(percent(unit))}%, at least ${REQUIRED_COVERAGE}% test coverage is required`,
      }));
  }
  const warnings: CodeCoverageWarning[] = codeCoverage
    .filter((unit) => unit.type === 'Trigger' && unit.numLocations > 0 && unit.numLocationsNotCovered === unit.numLocations)
    .map((unit) => ({ id: unit.id, name: unit.name, message: `Test coverage of selected Apex Trigger is 0%, at least 1% test coverage is required` }));
  const locations = codeCoverage.reduce((sum, unit) => sum + unit.numLocations, 0);
  const notCovered = codeCoverage.reduce((sum, unit) => sum + unit.numLocationsNotCovered, 0);
  const orgWide = locations ? ((locations - notCovered) * 100) / locations : 100;
  if (orgWide < REQUIRED_COVERAGE) {
    warnings.push({
      id: codeCoverage[0]!.id,
      message: `Average test coverage across all Apex Classes and Triggers is ${Math.floor(orgWide)}%, at least ${REQUIRED_COVERAGE}% test coverage is required.`,
    });
  }
  return warnings;
}

function percent(unit: CodeCoverageResult): number {
  return unit.numLocations ? ((unit.numLocations - unit.numLocationsNotCovered) * 100) / unit.numLocations : 100;
}

const BUILT_IN_DML = /\b(insert|update|upsert|delete|undelete)\s+[\w(]|\bDatabase\.(insert|update|upsert|delete|undelete)\s*\(/i;

/**
 * Coverage computed from the code: starting from the test methods that ran, a method is reached
 * when reached code calls it (`Cls.method(`, `new Cls(`, `.method(` on a class the code names,
 * or an unqualified call inside its own class), and a trigger when reached code does DML and
 * names the trigger's object. The lines of reached methods are covered (the first `percent` of
 * them, for a knob below 100); every other executable line is a location not covered, at its
 * real line number. Units without executable lines are left out, as Salesforce leaves them out.
 */
export function measureCoverage(units: readonly ApexUnit[], testBodies: readonly string[], percentOfReached: number): CodeCoverageResult[] {
  const methods = new Map(units.map((unit) => [unit, methodsOf(unit)]));
  const triggerObjects = new Map(units.filter((u) => u.type === 'ApexTrigger').map((u) => [u, /\btrigger\s+\w+\s+on\s+(\w+)/i.exec(u.body)?.[1]?.toLowerCase() ?? '']));
  const reached = new Set<ApexMethod>();
  const queue: Array<{ text: string; owner?: ApexUnit }> = testBodies.map((text) => ({ text }));
  const reach = (method: ApexMethod, owner: ApexUnit): void => {
    if (reached.has(method)) return;
    reached.add(method);
    queue.push({ text: method.body, owner });
  };
  while (queue.length) {
    const { text, owner } = queue.shift()!;
    const lower = text.toLowerCase();
    const doesDml = BUILT_IN_DML.test(text);
    for (const unit of units) {
      const unitMethods = methods.get(unit)!;
      if (unit.type === 'ApexTrigger') {
        const object = triggerObjects.get(unit)!;
        if (doesDml && object && new RegExp(`\\b${object}\\b`, 'i').test(text)) unitMethods.forEach((m) => reach(m, unit));
        continue;
      }
      const name = unit.name.toLowerCase();
      const names = unit === owner || new RegExp(`\\b${name}\\b`).test(lower);
      if (!names) continue;
      const constructed = unit !== owner && new RegExp(`\\bnew\\s+${name}\\s*\\(`).test(lower);
      for (const method of unitMethods) {
        const called =
          (method.isConstructor && constructed) ||
          new RegExp(`\\b${name}\\s*\\.\\s*${method.key}\\s*\\(`).test(lower) ||
          (!method.isConstructor && !method.isStatic && new RegExp(`\\.\\s*${method.key}\\s*\\(`).test(lower)) ||
          (unit === owner && new RegExp(`(^|[^.\\w])${method.key}\\s*\\(`).test(lower));
        if (called) reach(method, unit);
      }
    }
  }
  const share = Math.min(100, Math.max(0, percentOfReached)) / 100;
  const results: CodeCoverageResult[] = [];
  for (const unit of units) {
    const unitMethods = methods.get(unit)!;
    const all = [...new Set(unitMethods.flatMap((m) => m.lines))].sort((a, b) => a - b);
    if (all.length === 0) continue;
    const covered = new Set(
      unitMethods.filter((m) => reached.has(m)).flatMap((m) => m.lines.slice(0, Math.round(m.lines.length * share))),
    );
    const missed = all.filter((line) => !covered.has(line));
    results.push({
      id: unit.id,
      locationsNotCovered: missed.map((line) => ({ column: 0, line, numExecutions: 0, time: -1 })),
      name: unit.name,
      numLocations: all.length,
      numLocationsNotCovered: missed.length,
      type: unit.type === 'ApexTrigger' ? 'Trigger' : 'Class',
    });
  }
  return results;
}
