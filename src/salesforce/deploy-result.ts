/** States of a Metadata API deploy (DeployStatus in the Metadata API WSDL). */
export enum DeployStatus {
  Pending = 'Pending',
  InProgress = 'InProgress',
  Succeeded = 'Succeeded',
  SucceededPartial = 'SucceededPartial',
  Failed = 'Failed',
  Canceling = 'Canceling',
  Canceled = 'Canceled',
  FinalizingDeploy = 'FinalizingDeploy',
  FinalizingDeployFailed = 'FinalizingDeployFailed',
}

/** A component Salesforce refused, with its place in the metadata-format zip. */
export interface ComponentFailure {
  type: string;
  fullName: string;
  /** Path inside the deploy zip, e.g. classes/Foo.cls. */
  fileName: string;
  line?: number;
  column?: number;
  problem: string;
  problemType: string;
}

/** A failed Apex test method. */
export interface TestFailure {
  className: string;
  methodName: string;
  message: string;
  stackTrace: string;
  /** Line in the test class where it failed, read from the stack trace. */
  line?: number;
  /** Milliseconds the method ran (RunTestFailure.time). */
  time: number;
}

/** A passed Apex test method (RunTestSuccess). */
export interface TestSuccess {
  className: string;
  methodName: string;
  /** Milliseconds the method ran. */
  time: number;
}

/** Coverage of one class or trigger (CodeCoverageResult): what Salesforce measured, no more. */
export interface ClassCoverage {
  name: string;
  type: 'Class' | 'Trigger';
  /** Code locations (lines that count for coverage). */
  locations: number;
  /** Locations no test reached. */
  notCovered: number;
  /** The lines of those locations that Salesforce listed (it may list fewer than `notCovered`). */
  uncoveredLines: number[];
}

/** What a finished (or running) deploy reported, read from a raw DeployResult. */
export interface DeployOutcome {
  id: string;
  status: string;
  done: boolean;
  success: boolean;
  checkOnly: boolean;
  componentsTotal: number;
  componentsDeployed: number;
  componentErrors: number;
  testsTotal: number;
  testsCompleted: number;
  testsRun: number;
  testsFailed: number;
  /** Org-wide coverage percent of the classes the run measured, when tests ran. */
  coverage?: number;
  componentFailures: ComponentFailure[];
  /** Problems Salesforce reported as warnings (e.g. a destructive change of a missing component). */
  componentWarnings: string[];
  testFailures: TestFailure[];
  testSuccesses: TestSuccess[];
  /** Milliseconds the test run took (RunTestsResult.totalTime). */
  testTime: number;
  /** Per class and trigger coverage, in the order Salesforce reported it. */
  classCoverage: ClassCoverage[];
  coverageWarnings: string[];
  errorMessage?: string;
  errorStatusCode?: string;
}

/** Whether a status is final. */
export function isFinished(status: string): boolean {
  return [DeployStatus.Succeeded, DeployStatus.SucceededPartial, DeployStatus.Failed, DeployStatus.Canceled, DeployStatus.FinalizingDeployFailed].includes(status as DeployStatus);
}

/**
 * Reads a raw DeployResult (SOAP via jsforce's schema, or REST JSON) into a DeployOutcome. jsforce
 * fills absent fields with defaults and SOAP may give one item where a list is expected, so every
 * list goes through asArray and every number through toNumber.
 */
export function readDeployResult(raw: Record<string, any>): DeployOutcome {
  const details = raw.details ?? {};
  const runTestResult = details.runTestResult ?? {};
  const problems = asArray(details.componentFailures).filter((f) => !isTrue(f.success));
  const componentWarnings = problems.filter((f) => f.problemType === 'Warning' && isTrue(raw.success)).map((f) => `${f.fullName ?? f.fileName}: ${f.problem}`);
  // A warning only fails a deploy that does not ignore warnings; then it is why it failed.
  const succeeded = isTrue(raw.success);
  const componentFailures = problems
    .filter((f) => f.problemType !== 'Warning' || !succeeded)
    .map((f) => ({
      type: String(f.componentType ?? ''),
      fullName: String(f.fullName ?? ''),
      fileName: String(f.fileName ?? ''),
      line: positive(f.lineNumber),
      column: positive(f.columnNumber),
      problem: String(f.problem ?? 'Unknown problem'),
      problemType: String(f.problemType ?? 'Error'),
    }));
  const testFailures = asArray(runTestResult.failures).map((f) => {
    const className = String(f.name ?? '');
    const stackTrace = String(f.stackTrace ?? '');
    return { className, methodName: String(f.methodName ?? ''), message: String(f.message ?? ''), stackTrace, line: stackLine(stackTrace, className), time: toNumber(f.time) };
  });
  const testSuccesses = asArray(runTestResult.successes).map((t) => ({ className: String(t.name ?? ''), methodName: String(t.methodName ?? ''), time: toNumber(t.time) }));
  const codeCoverage = asArray(runTestResult.codeCoverage);
  const classCoverage = codeCoverage.map((c) => ({
    name: String(c.name ?? ''),
    type: (c.type === 'Trigger' ? 'Trigger' : 'Class') as ClassCoverage['type'],
    locations: toNumber(c.numLocations),
    notCovered: toNumber(c.numLocationsNotCovered),
    uncoveredLines: [...new Set(asArray(c.locationsNotCovered).map((l) => toNumber(l.line)).filter((n) => n > 0))].sort((a, b) => a - b),
  }));
  const coverageWarnings = asArray(runTestResult.codeCoverageWarnings).map((w) => String(w.message ?? ''));
  const testsRun = toNumber(runTestResult.numTestsRun) || toNumber(raw.numberTestsCompleted) + toNumber(raw.numberTestErrors);
  return {
    id: String(raw.id ?? ''),
    status: String(raw.status ?? ''),
    done: isTrue(raw.done),
    success: isTrue(raw.success),
    checkOnly: isTrue(raw.checkOnly),
    componentsTotal: toNumber(raw.numberComponentsTotal),
    componentsDeployed: toNumber(raw.numberComponentsDeployed),
    componentErrors: toNumber(raw.numberComponentErrors),
    testsTotal: toNumber(raw.numberTestsTotal),
    testsCompleted: toNumber(raw.numberTestsCompleted),
    testsRun,
    testsFailed: toNumber(runTestResult.numFailures) || toNumber(raw.numberTestErrors) || testFailures.length,
    coverage: orgWideCoverage(codeCoverage),
    componentFailures,
    componentWarnings,
    testFailures,
    testSuccesses,
    testTime: toNumber(runTestResult.totalTime),
    classCoverage,
    coverageWarnings,
    errorMessage: raw.errorMessage ? String(raw.errorMessage) : undefined,
    errorStatusCode: raw.errorStatusCode ? String(raw.errorStatusCode) : undefined,
  };
}

/** Covered locations over all locations of the measured classes, in percent with at most two decimals. */
export function orgWideCoverage(codeCoverage: Array<Record<string, any>>): number | undefined {
  let locations = 0;
  let uncovered = 0;
  for (const c of codeCoverage) {
    locations += toNumber(c.numLocations);
    uncovered += toNumber(c.numLocationsNotCovered);
  }
  if (locations === 0) return undefined;
  return Math.round(((locations - uncovered) / locations) * 10000) / 100;
}

/** The line of `className` in an Apex stack trace such as `Class.FooTest.testIt: line 12, column 1`. */
export function stackLine(stackTrace: string, className: string): number | undefined {
  const escaped = className.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`Class\\.${escaped}\\.[^:]*: line (\\d+)`).exec(stackTrace) ?? /line (\d+)/.exec(stackTrace);
  return match ? Number(match[1]) : undefined;
}

/** A one-line reason for a failed outcome, for messages. */
export function failureSummary(outcome: DeployOutcome): string {
  const parts: string[] = [];
  if (outcome.componentFailures.length) parts.push(`${outcome.componentFailures.length} component failure(s), first: ${outcome.componentFailures[0].fullName}: ${outcome.componentFailures[0].problem}`);
  if (outcome.testFailures.length) parts.push(`${outcome.testFailures.length} test failure(s), first: ${outcome.testFailures[0].className}.${outcome.testFailures[0].methodName}: ${outcome.testFailures[0].message}`);
  parts.push(...outcome.coverageWarnings);
  if (outcome.errorMessage) parts.push(outcome.errorMessage);
  return parts.join('; ') || `status ${outcome.status}`;
}

function asArray<T = Record<string, any>>(value: unknown): T[] {
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]) as T[];
}

function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

function toNumber(value: unknown): number {
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
}

function positive(value: unknown): number | undefined {
  const n = toNumber(value);
  return n > 0 ? n : undefined;
}
