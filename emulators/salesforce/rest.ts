import { randomBytes } from 'node:crypto';
import { codeLineCount } from './apex.js';
import type { DeployOptions } from './deploy.js';
import { ApiFault, type DeployRecord, type DeployResult, type Org, type OrgUser } from './org.js';
import type { AuthenticatedCall, Reply } from './server.js';
import { parseSoql, runSoql, SoqlError, type SoqlTable } from './soql.js';

/** REST error body: an array of `{ message, errorCode }`. */
export function restError(status: number, errorCode: string, message: string, detail?: Record<string, unknown>): Reply {
  return { status, body: [{ message, errorCode }], detail: { ...detail, errorCode } };
}

/** The 404 Salesforce answers for a path or record it does not have. */
export const NOT_FOUND = (): Reply => restError(404, 'NOT_FOUND', 'The requested resource does not exist');

/** Release name of an API version (`62.0` → `Winter '25`), as `/services/data` labels them. */
function releaseLabel(version: string): string {
  const n = Math.round(Number(version)) - 59;
  const season = ['Winter', 'Spring', 'Summer'][((n % 3) + 3) % 3];
  return `${season} '${24 + Math.floor(n / 3)}`;
}

/** `GET /services/data`: the API versions the instance serves. */
export function versions(apiVersions: readonly string[]): Reply {
  return {
    status: 200,
    body: apiVersions.map((version) => ({ label: releaseLabel(version), url: `/services/data/v${version}`, version })),
  };
}

/** `GET /services/data/vXX.X`: the resources of one version, with the caller's identity URL. */
export function resources(call: AuthenticatedCall, url: string): Reply {
  const base = `/services/data/v${call.version}`;
  const names = ['tooling', 'metadata', 'eclair', 'folders', 'prechatForms', 'chatter', 'tabs', 'appMenu', 'quickActions', 'queryAll', 'commerce', 'wave', 'analytics', 'search', 'identity', 'composite', 'parameterizedSearch', 'theme', 'nouns', 'event', 'serviceTemplates', 'recent', 'connect', 'licensing', 'limits', 'process', 'async-queries', 'query', 'emailConnect', 'compactLayouts', 'knowledgeManagement', 'sobjects', 'actions', 'support'];
  const body: Record<string, string> = {};
  for (const name of names) body[name] = `${base}/${name}`;
  body.identity = `${url}/id/${call.org.id}/${call.user.id}`;
  return { status: 200, body };
}

/** Salesforce's REST date-time format: `2025-01-31T12:00:00.000+0000`. */
function restDate(iso: string | undefined): string | null {
  return iso ? iso.replace('Z', '+0000') : null;
}

function organizationRow(org: Org): Record<string, unknown> {
  return {
    Id: org.id,
    Name: org.name,
    IsSandbox: org.isSandbox,
    OrganizationType: 'Enterprise Edition',
    InstanceName: org.instanceName,
    TrialExpirationDate: null,
    NamespacePrefix: null,
    CreatedDate: restDate(org.createdDate),
    LanguageLocaleKey: 'en_US',
    DefaultLocaleSidKey: 'en_US',
    TimeZoneSidKey: 'America/Los_Angeles',
    Country: 'US',
    PrimaryContact: org.users[0]?.name ?? null,
    IsReadOnly: false,
  };
}

function userRow(org: Org, user: OrgUser): Record<string, unknown> {
  const [firstName, ...rest] = user.name.split(' ');
  return {
    Id: user.id,
    Username: user.username,
    Name: user.name,
    FirstName: firstName,
    LastName: rest.join(' ') || firstName,
    Email: user.email,
    IsActive: true,
    UserType: 'Standard',
    TimeZoneSidKey: 'America/Los_Angeles',
    LanguageLocaleKey: 'en_US',
    LocaleSidKey: 'en_US',
    CreatedDate: restDate(org.createdDate),
    LastModifiedDate: restDate(org.createdDate),
  };
}

function deployRequestRow(record: DeployRecord): Record<string, unknown> {
  const result = record.result;
  return {
    Id: record.id,
    Status: result.status,
    CheckOnly: record.checkOnly,
    Type: 'Deploy',
    CreatedDate: restDate(result.createdDate),
    CreatedById: result.createdBy,
    StartDate: restDate(result.startDate),
    CompletedDate: restDate(result.completedDate),
    LastModifiedDate: restDate(result.lastModifiedDate),
    CanceledById: result.canceledBy ?? null,
    ErrorMessage: result.errorMessage ?? null,
    ErrorStatusCode: result.errorStatusCode ?? null,
    IgnoreWarnings: result.ignoreWarnings,
    RollbackOnError: result.rollbackOnError,
    RunTestsEnabled: result.runTestsEnabled,
    StateDetail: result.stateDetail ?? null,
    NumberComponentsTotal: result.numberComponentsTotal,
    NumberComponentsDeployed: result.numberComponentsDeployed,
    NumberComponentErrors: result.numberComponentErrors,
    NumberTestsTotal: result.numberTestsTotal,
    NumberTestsCompleted: result.numberTestsCompleted,
    NumberTestErrors: result.numberTestErrors,
  };
}

function apexRows(org: Org, type: 'ApexClass' | 'ApexTrigger'): Array<Record<string, unknown>> {
  return org.apexSources(type).map(({ component, body }) => ({
    Id: component.id,
    Name: component.fullName,
    NamespacePrefix: null,
    Body: body,
    Status: 'Active',
    IsValid: true,
    LengthWithoutComments: codeLineCount(body),
    CreatedDate: restDate(component.createdDate),
    CreatedById: component.createdById,
    LastModifiedDate: restDate(component.lastModifiedDate),
    LastModifiedById: component.lastModifiedById,
  }));
}

/** Queryable fields per object (what an empty table still answers to). */
const FIELDS: Record<string, readonly string[]> = {
  Organization: ['Id', 'Name', 'IsSandbox', 'OrganizationType', 'InstanceName', 'TrialExpirationDate', 'NamespacePrefix', 'CreatedDate', 'LanguageLocaleKey', 'DefaultLocaleSidKey', 'TimeZoneSidKey', 'Country', 'PrimaryContact', 'IsReadOnly'],
  User: ['Id', 'Username', 'Name', 'FirstName', 'LastName', 'Email', 'IsActive', 'UserType', 'TimeZoneSidKey', 'LanguageLocaleKey', 'LocaleSidKey', 'CreatedDate', 'LastModifiedDate'],
  ApexClass: ['Id', 'Name', 'NamespacePrefix', 'Body', 'Status', 'IsValid', 'LengthWithoutComments', 'CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById'],
  DeployRequest: ['Id', 'Status', 'CheckOnly', 'Type', 'CreatedDate', 'CreatedById', 'StartDate', 'CompletedDate', 'LastModifiedDate', 'CanceledById', 'ErrorMessage', 'ErrorStatusCode', 'IgnoreWarnings', 'RollbackOnError', 'RunTestsEnabled', 'StateDetail', 'NumberComponentsTotal', 'NumberComponentsDeployed', 'NumberComponentErrors', 'NumberTestsTotal', 'NumberTestsCompleted', 'NumberTestErrors'],
};

const TEST_RUN_FIELDS = {
  ApexTestRunResult: ['Id', 'AsyncApexJobId', 'Status', 'ClassesCompleted', 'ClassesEnqueued', 'MethodsEnqueued', 'MethodsCompleted', 'MethodsFailed', 'StartTime', 'EndTime', 'TestTime', 'TestSetupTime', 'UserId'],
  ApexTestQueueItem: ['Id', 'Status', 'ApexClassId', 'TestRunResultId', 'ParentJobId', 'ExtendedStatus'],
  // ApexClass.* is the relationship `sf apex get test` reads (Tooling API Developer Guide, "ApexTestResult": ApexClassId, a lookup to ApexClass).
  ApexTestResult: ['Id', 'QueueItemId', 'StackTrace', 'Message', 'AsyncApexJobId', 'MethodName', 'Outcome', 'ApexClassId', 'ApexLogId', 'IsTestSetup', 'RunTime', 'TestTimestamp', 'ApexClass.Id', 'ApexClass.Name', 'ApexClass.NamespacePrefix'],
} as const;

/**
 * Coverage objects of the Tooling API (Tooling API Developer Guide, "ApexCodeCoverage",
 * "ApexCodeCoverageAggregate", "ApexOrgWideCoverage"). The guide spells the field
 * `ApexClassorTriggerId`; records come back as `ApexClassOrTriggerId`, and SOQL names are
 * case-insensitive, so both work. `Coverage` is the complex value `{ coveredLines, namespace,
 * uncoveredLines }`. ApexClassOrTrigger is polymorphic: its records are typed `Name`, with the
 * URL of the ApexClass or ApexTrigger (captured Tooling API answers).
 */
const COVERAGE_FIELDS = {
  ApexCodeCoverage: ['Id', 'ApexTestClassId', 'TestMethodName', 'ApexClassOrTriggerId', 'NumLinesCovered', 'NumLinesUncovered', 'Coverage', 'ApexTestClass.Id', 'ApexTestClass.Name', 'ApexClassOrTrigger.Id', 'ApexClassOrTrigger.Name'],
  ApexCodeCoverageAggregate: ['Id', 'ApexClassOrTriggerId', 'NumLinesCovered', 'NumLinesUncovered', 'Coverage', 'ApexClassOrTrigger.Id', 'ApexClassOrTrigger.Name'],
  ApexOrgWideCoverage: ['Id', 'PercentCovered'],
} as const;

function table(org: Org, object: string, tooling: boolean, sobjects: string): SoqlTable {
  const make = (name: string, fields: readonly string[], rows: Array<Record<string, unknown>>, relationships?: SoqlTable['relationships']): SoqlTable => ({ name, fields, rows, ...(relationships ? { relationships } : {}) });
  const lookup = (prefix: string, type?: string) => (row: Record<string, unknown>) => {
    const id = row[`${prefix}.Id`];
    if (typeof id !== 'string') return null;
    const target = id.startsWith('01q') ? 'ApexTrigger' : 'ApexClass';
    return { type: type ?? target, url: `${sobjects}/${target}/${id}` };
  };
  switch (object.toLowerCase()) {
    case 'organization':
      return make('Organization', FIELDS.Organization!, [organizationRow(org)]);
    case 'user':
      return make('User', FIELDS.User!, org.users.map((user) => userRow(org, user)));
    case 'apexclass':
      return make('ApexClass', FIELDS.ApexClass!, apexRows(org, 'ApexClass'));
    case 'apextrigger':
      return make('ApexTrigger', FIELDS.ApexClass!, apexRows(org, 'ApexTrigger'));
    case 'apextestrunresult':
    case 'apextestqueueitem':
    case 'apextestresult': {
      const name = ({ apextestrunresult: 'ApexTestRunResult', apextestqueueitem: 'ApexTestQueueItem', apextestresult: 'ApexTestResult' } as const)[object.toLowerCase() as 'apextestresult'];
      const rows = testRunRows(org, name);
      if (tooling) return make(name, TEST_RUN_FIELDS[name], rows, name === 'ApexTestResult' ? { ApexClass: lookup('ApexClass', 'ApexClass') } : undefined);
      break;
    }
    case 'apexcodecoverage':
      if (tooling) return make('ApexCodeCoverage', COVERAGE_FIELDS.ApexCodeCoverage, codeCoverageRows(org), { ApexTestClass: lookup('ApexTestClass', 'ApexClass'), ApexClassOrTrigger: lookup('ApexClassOrTrigger', 'Name') });
      break;
    case 'apexcodecoverageaggregate':
      if (tooling) return make('ApexCodeCoverageAggregate', COVERAGE_FIELDS.ApexCodeCoverageAggregate, aggregateCoverageRows(org), { ApexClassOrTrigger: lookup('ApexClassOrTrigger', 'Name') });
      break;
    case 'apexorgwidecoverage':
      if (tooling) return make('ApexOrgWideCoverage', COVERAGE_FIELDS.ApexOrgWideCoverage, [orgWideCoverageRow(org)]);
      break;
    case 'deployrequest':
      org.tick();
      if (tooling) return make('DeployRequest', FIELDS.DeployRequest!, org.deploys.map(deployRequestRow));
  }
  throw new SoqlError(
    'INVALID_TYPE',
    `sObject type '${object}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
  );
}

/** ApexCodeCoverage rows: per test method and class or trigger it reached. */
function codeCoverageRows(org: Org): Array<Record<string, unknown>> {
  const names = new Map(org.apexSources('ApexClass').map(({ component }) => [component.id, component.fullName]));
  return [...org.codeCoverage.values()].map((row) => ({
    Id: row.id,
    ApexTestClassId: row.testClassId,
    TestMethodName: row.testMethodName,
    ApexClassOrTriggerId: row.unitId,
    NumLinesCovered: row.coveredLines.length,
    NumLinesUncovered: row.uncoveredLines.length,
    Coverage: { coveredLines: row.coveredLines, namespace: null, uncoveredLines: row.uncoveredLines },
    'ApexTestClass.Id': row.testClassId,
    'ApexTestClass.Name': names.get(row.testClassId) ?? null,
    'ApexClassOrTrigger.Id': row.unitId,
    'ApexClassOrTrigger.Name': row.unitName,
  }));
}

/**
 * ApexCodeCoverageAggregate rows: per class or trigger any test method reached, the union of the
 * lines its tests covered; every other executable line is uncovered.
 */
function aggregateCoverageRows(org: Org): Array<Record<string, unknown>> {
  const byUnit = new Map<string, { name: string; covered: Set<number>; all: Set<number> }>();
  for (const row of org.codeCoverage.values()) {
    const unit = byUnit.get(row.unitId) ?? { name: row.unitName, covered: new Set<number>(), all: new Set<number>() };
    for (const line of row.coveredLines) unit.covered.add(line);
    for (const line of [...row.coveredLines, ...row.uncoveredLines]) unit.all.add(line);
    byUnit.set(row.unitId, unit);
  }
  return [...byUnit].map(([id, unit]) => {
    const lines = [...unit.all].sort((a, b) => a - b);
    const coveredLines = lines.filter((line) => unit.covered.has(line));
    const uncoveredLines = lines.filter((line) => !unit.covered.has(line));
    return {
      Id: `715${id.slice(3)}`,
      ApexClassOrTriggerId: id,
      NumLinesCovered: coveredLines.length,
      NumLinesUncovered: uncoveredLines.length,
      Coverage: { coveredLines, namespace: null, uncoveredLines },
      'ApexClassOrTrigger.Id': id,
      'ApexClassOrTrigger.Name': unit.name,
    };
  });
}

/**
 * The one ApexOrgWideCoverage row: covered lines over the executable lines of every class and
 * trigger of the org that is not a test (Apex Developer Guide, "Testing and Code Coverage":
 * "coverage is based on the total number of code lines in the organization"). PercentCovered is
 * an int; the emulator truncates, as deploy messages do.
 */
function orgWideCoverageRow(org: Org): Record<string, unknown> {
  const aggregates = aggregateCoverageRows(org);
  const covered = aggregates.reduce((sum, row) => sum + Number(row.NumLinesCovered), 0);
  const total = org.executableLineCount();
  return { Id: `716${org.id.slice(3)}`, PercentCovered: total ? Math.floor((covered * 100) / total) : 0 };
}

/** Tooling rows of the Apex test runs (ApexTestRunResult, ApexTestQueueItem, ApexTestResult). */
function testRunRows(org: Org, object: 'ApexTestRunResult' | 'ApexTestQueueItem' | 'ApexTestResult'): Array<Record<string, unknown>> {
  return org.testRuns.flatMap((run): Array<Record<string, unknown>> => {
    const tests = [...run.result.successes.map((t) => ({ ...t, outcome: 'Pass', message: null, stackTrace: null })), ...run.result.failures.map((t) => ({ ...t, outcome: 'Fail' }))];
    if (object === 'ApexTestRunResult') {
      return [{
        Id: `05m${run.id.slice(3)}`,
        AsyncApexJobId: run.id,
        Status: 'Completed',
        ClassesCompleted: run.classIds.length,
        ClassesEnqueued: run.classIds.length,
        MethodsEnqueued: tests.length,
        MethodsCompleted: tests.length,
        MethodsFailed: run.result.numFailures,
        StartTime: restDate(run.startedAt),
        EndTime: restDate(run.completedAt),
        TestTime: run.result.totalTime,
        TestSetupTime: 0,
        UserId: run.userId,
      }];
    }
    // One queue item per test class of this run (its id unique to the run, as each run enqueues its own).
    const queueItemId = (classId: string): string => `709${run.id.slice(3, 15)}${String(run.classIds.indexOf(classId)).padStart(3, '0')}`;
    if (object === 'ApexTestQueueItem') {
      return run.classIds.map((classId) => ({ Id: queueItemId(classId), Status: 'Completed', ApexClassId: classId, TestRunResultId: `05m${run.id.slice(3)}`, ParentJobId: run.id, ExtendedStatus: `(${tests.filter((t) => t.id === classId).length}/${tests.filter((t) => t.id === classId).length})` }));
    }
    return tests.map((test, index) => ({
      Id: `07M${run.id.slice(3, 15)}${String(index).padStart(3, '0')}`,
      QueueItemId: queueItemId(test.id),
      StackTrace: test.stackTrace ?? null,
      Message: test.message ?? null,
      AsyncApexJobId: run.id,
      MethodName: test.methodName,
      Outcome: test.outcome,
      ApexClassId: test.id,
      ApexLogId: null,
      IsTestSetup: false,
      RunTime: test.time,
      TestTimestamp: restDate(run.startedAt),
      'ApexClass.Id': test.id,
      'ApexClass.Name': test.name,
      'ApexClass.NamespacePrefix': null,
    }));
  });
}

/** `POST .../tooling/runTestsSynchronous` (a RunTestsResult) and `.../runTestsAsynchronous` (the test run id). */
export function runTests(call: AuthenticatedCall, asynchronous: boolean): Reply {
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(call.body.toString('utf8') || '{}') as Record<string, unknown>;
  } catch (error) {
    return restError(400, 'JSON_PARSER_ERROR', (error as Error).message);
  }
  try {
    const run = call.org.runTests(payload, call.user.id, asynchronous);
    const detail = { id: run.id, numTestsRun: run.result.numTestsRun, numFailures: run.result.numFailures };
    return { status: 200, body: asynchronous ? run.id : run.result, detail };
  } catch (error) {
    if (error instanceof ApiFault) return restError(400, error.code, error.message);
    throw error;
  }
}

/** Key prefixes of the queryable objects, as `columns=true` reports them. */
const KEY_PREFIXES: Record<string, string> = { Organization: '00D', User: '005', ApexClass: '01p', ApexTrigger: '01q', DeployRequest: '0Af' };

/** The Apex type of a column, read from a value of it (any row) and its name. */
function apexTypeOf(field: string, rows: ReadonlyArray<Record<string, unknown>>): string {
  const value = rows.map((row) => row[field]).find((v) => v !== null && v !== undefined);
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'number') return 'Integer';
  if (field === 'Id' || (field.endsWith('Id') && /^[0-9A-Za-z]{18}$/.test(String(value ?? '')))) return 'Id';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return 'Datetime';
  return 'String';
}

/**
 * `query?q=...&columns=true`: the query's column metadata instead of its records (what
 * `sf data query` asks for to lay out its table).
 */
function queryColumns(source: SoqlTable, fields: string[]): Reply {
  const canonical = fields.map((field) => source.fields.find((name) => name.toLowerCase() === field.toLowerCase()) ?? field);
  const columnMetadata = canonical.map((field) => {
    const apexType = apexTypeOf(field, source.rows);
    return {
      aggregate: false,
      apexType,
      booleanType: apexType === 'Boolean',
      columnName: field,
      custom: field.endsWith('__c'),
      displayName: field,
      foreignKeyName: null,
      insertable: false,
      joinColumns: [],
      numberType: apexType === 'Integer',
      textType: apexType === 'String',
      updatable: false,
    };
  });
  return {
    status: 200,
    body: { columnMetadata, entityName: source.name, groupBy: false, idSelected: canonical.includes('Id'), keyPrefix: KEY_PREFIXES[source.name] ?? null },
  };
}

/**
 * `GET .../query?q=` and `.../tooling/query?q=` over Organization, User, ApexClass, ApexTrigger and
 * (tooling) DeployRequest; with `columns=true`, the column metadata of the query.
 */
export function query(call: AuthenticatedCall, tooling: boolean): Reply {
  const soql = call.query.get('q') ?? '';
  try {
    const parsed = parseSoql(soql);
    const source = table(call.org, parsed.object, tooling, `/services/data/v${call.version}${tooling ? '/tooling' : ''}/sobjects`);
    if (call.query.get('columns') === 'true') {
      runSoql({ ...parsed, limit: 0 }, source); // an unknown field is INVALID_FIELD here too
      return { ...queryColumns(source, parsed.fields), detail: { soql, columns: true } };
    }
    const base = `/services/data/v${call.version}${tooling ? '/tooling' : ''}/sobjects/${source.name}`;
    const records = runSoql(parsed, source).map((row) => ({
      attributes: { type: source.name, url: `${base}/${String(row.Id ?? '')}` },
      ...row,
    }));
    const body = tooling
      ? { size: records.length, totalSize: records.length, done: true, queryLocator: null, entityTypeName: source.name, records }
      : { totalSize: records.length, done: true, records };
    return { status: 200, body, detail: { soql } };
  } catch (error) {
    if (error instanceof SoqlError) return restError(400, error.code, error.message, { soql });
    throw error;
  }
}

/** `GET .../sobjects/{User|Organization}/{id}`. */
export function sobject(call: AuthenticatedCall, type: string, id: string): Reply {
  const base = `/services/data/v${call.version}/sobjects/${type}/${id}`;
  let row: Record<string, unknown> | undefined;
  if (type === 'Organization' && call.org.id.startsWith(id.slice(0, 15))) row = organizationRow(call.org);
  if (type === 'User') {
    const user = call.org.users.find((u) => u.id.startsWith(id.slice(0, 15)));
    if (user) row = userRow(call.org, user);
  }
  if (!row) return NOT_FOUND();
  return { status: 200, body: { attributes: { type, url: base }, ...row } };
}

/** `GET .../limits`. */
export function limits(call: AuthenticatedCall): Reply {
  const max = 100_000;
  const cap = (used: number, maximum: number): { Max: number; Remaining: number } => ({ Max: maximum, Remaining: Math.max(0, maximum - used) });
  return {
    status: 200,
    body: {
      DailyApiRequests: cap(call.org.apiRequests, max),
      DailyAsyncApexExecutions: cap(0, 250_000),
      DailyBulkApiBatches: cap(0, 15_000),
      DailyBulkV2QueryJobs: cap(0, 10_000),
      DailyDurableStreamingApiEvents: cap(0, 1_000_000),
      DailyGenericStreamingApiEvents: cap(0, 10_000),
      DailyStreamingApiEvents: cap(0, 1_000_000),
      DataStorageMB: cap(0, 5_120),
      FileStorageMB: cap(0, 5_120),
      HourlyODataCallout: cap(0, 10_000),
      MassEmail: cap(0, 5_000),
      SingleEmail: cap(0, 5_000),
    },
  };
}

/** Deploy options in the REST API's shape, with the defaults the API echoes. */
function deployOptionsJson(options: DeployOptions): Record<string, unknown> {
  return {
    allowMissingFiles: options.allowMissingFiles ?? false,
    autoUpdatePackage: options.autoUpdatePackage ?? false,
    checkOnly: options.checkOnly ?? false,
    ignoreWarnings: options.ignoreWarnings ?? false,
    performRetrieve: options.performRetrieve ?? false,
    purgeOnDelete: options.purgeOnDelete ?? false,
    rollbackOnError: options.rollbackOnError ?? true,
    runTests: options.runTests ?? [],
    singlePackage: options.singlePackage ?? false,
    testLevel: options.testLevel ?? null,
  };
}

/** A DeployResult without `details` unless they were asked for. */
export function deployResultView(result: DeployResult, includeDetails: boolean): DeployResult {
  if (!includeDetails) {
    const { details: _details, ...summary } = result;
    return summary;
  }
  return { ...result, details: result.details ?? { componentFailures: [], componentSuccesses: [] } };
}

function deployRequestJson(call: AuthenticatedCall, record: DeployRecord, includeDetails: boolean): Record<string, unknown> {
  return {
    id: record.id,
    validatedDeployRequestId: record.validatedDeployRequestId ?? null,
    url: `${call.baseUrl}/services/data/v${call.version}/metadata/deployRequest/${record.id}${includeDetails ? '?includeDetails=true' : ''}`,
    deployOptions: deployOptionsJson(record.options),
    deployResult: deployResultView(record.result, includeDetails),
  };
}

/** Log detail of a submitted deploy: never the zip, never a token. */
export function deployDetail(record: DeployRecord): Record<string, unknown> {
  return {
    id: record.id,
    checkOnly: record.checkOnly,
    testLevel: record.options.testLevel,
    runTests: record.runTests,
    rollbackOnError: record.rollbackOnError,
    components: record.components.length,
    ...(record.validatedDeployRequestId ? { validatedDeployRequestId: record.validatedDeployRequestId } : {}),
  };
}

/** Reads REST (JSON) deploy options into the WSDL's typed options. */
export function deployOptionsFromJson(json: Record<string, unknown>): DeployOptions {
  const flag = (name: string): boolean | undefined => (json[name] === undefined || json[name] === null ? undefined : json[name] === true || json[name] === 'true');
  const runTests = json.runTests;
  return {
    allowMissingFiles: flag('allowMissingFiles'),
    autoUpdatePackage: flag('autoUpdatePackage'),
    checkOnly: flag('checkOnly'),
    ignoreWarnings: flag('ignoreWarnings'),
    performRetrieve: flag('performRetrieve'),
    purgeOnDelete: flag('purgeOnDelete'),
    rollbackOnError: flag('rollbackOnError'),
    runTests: Array.isArray(runTests) ? runTests.map(String) : typeof runTests === 'string' ? [runTests] : undefined,
    singlePackage: flag('singlePackage'),
    testLevel: typeof json.testLevel === 'string' ? json.testLevel : undefined,
  };
}

interface MultipartPart {
  name?: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

function parseMultipart(body: Buffer, contentType: string): MultipartPart[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) return [];
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    const raw = body.subarray(start + 2, next - 2); // drop the CRLF after the delimiter and before the next
    const headerEnd = raw.indexOf('\r\n\r\n');
    const headers = raw.subarray(0, headerEnd).toString('utf8');
    parts.push({
      name: /name="([^"]*)"/i.exec(headers)?.[1],
      filename: /filename="([^"]*)"/i.exec(headers)?.[1],
      contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim(),
      data: raw.subarray(headerEnd + 4),
    });
    at = next;
  }
  return parts;
}

/**
 * `POST .../metadata/deployRequest`: multipart with a JSON part (`json` per the docs,
 * `entity_content` from jsforce) holding `deployOptions` and a `file` part with the zip; or a
 * JSON body `{ validatedDeployRequestId }` for a quick deploy. Answers 201.
 */
export function createDeployRequest(call: AuthenticatedCall): Reply {
  const contentType = String(call.headers['content-type'] ?? '');
  try {
    let record: DeployRecord;
    if (contentType.startsWith('multipart/')) {
      const parts = parseMultipart(call.body, contentType);
      const jsonPart = parts.find((part) => part.contentType?.startsWith('application/json') || part.name === 'json' || part.name === 'entity_content');
      const filePart = parts.find((part) => part !== jsonPart && (part.name === 'file' || part.contentType === 'application/zip'));
      if (!filePart) return restError(400, 'INVALID_OPERATION', 'A deployRequest needs a file part holding the zip');
      const json = jsonPart ? (JSON.parse(jsonPart.data.toString('utf8')) as { deployOptions?: Record<string, unknown> }) : {};
      record = call.org.submitDeploy(filePart.data, deployOptionsFromJson(json.deployOptions ?? {}), 'rest', call.user.id);
    } else {
      const json = JSON.parse(call.body.toString('utf8') || '{}') as { validatedDeployRequestId?: string };
      if (!json.validatedDeployRequestId) return restError(400, 'INVALID_OPERATION', 'Expected a multipart deploy or validatedDeployRequestId');
      record = call.org.submitQuickDeploy(json.validatedDeployRequestId, 'rest', call.user.id);
    }
    return { status: 201, body: deployRequestJson(call, record, false), detail: deployDetail(record) };
  } catch (error) {
    if (error instanceof ApiFault) return restError(400, error.code, error.message);
    if (error instanceof SyntaxError) return restError(400, 'JSON_PARSER_ERROR', error.message);
    throw error;
  }
}

/** `GET .../metadata/deployRequest/<id>[?includeDetails=true]`: one status check. */
export function deployRequestStatus(call: AuthenticatedCall, id: string): Reply {
  try {
    const record = call.org.checkDeploy(id);
    const includeDetails = call.query.get('includeDetails') === 'true';
    return { status: 200, body: deployRequestJson(call, record, includeDetails), detail: { id: record.id, status: record.result.status } };
  } catch (error) {
    if (error instanceof ApiFault) return NOT_FOUND();
    throw error;
  }
}

/** `PATCH .../metadata/deployRequest/<id>` with `{"deployResult":{"status":"Canceling"}}`: answers 202. */
export function cancelDeployRequest(call: AuthenticatedCall, id: string): Reply {
  let json: { deployResult?: { status?: string } };
  try {
    json = JSON.parse(call.body.toString('utf8') || '{}') as typeof json;
  } catch (error) {
    return restError(400, 'JSON_PARSER_ERROR', (error as Error).message);
  }
  if (json.deployResult?.status !== 'Canceling') {
    return restError(400, 'INVALID_OPERATION', 'Only {"deployResult":{"status":"Canceling"}} can be sent to a deployRequest');
  }
  try {
    if (call.finishFirst) call.org.finishDeploy(id);
    const record = call.org.cancelDeploy(id, call.user.id);
    return { status: 202, body: deployRequestJson(call, record, false), detail: { id: record.id, status: record.result.status } };
  } catch (error) {
    // A finished deploy: the same INVALID_ID_FIELD "Deployment already completed" as SOAP.
    if (error instanceof ApiFault && /already completed/.test(error.message)) return restError(400, error.code, error.message, { id });
    if (error instanceof ApiFault) return NOT_FOUND();
    throw error;
  }
}

/**
 * `POST /cometd/<version>`: the Streaming API's Bayeux endpoint (Streaming API Developer Guide,
 * "Streaming API endpoint": `/cometd/<API version>`, the session in an `Authorization: OAuth`
 * header; message shapes from the Bayeux Protocol 1.0 meta channels). `sf apex get test` hands
 * shakes here before it reads a finished test run; the emulator answers the meta channels and
 * publishes no events (its test runs finish at once, and the CLI also polls ApexTestQueueItem).
 */
export function cometd(call: AuthenticatedCall): Reply {
  let messages: Array<Record<string, unknown>>;
  try {
    const parsed = JSON.parse(call.body.toString('utf8') || '[]') as unknown;
    messages = (Array.isArray(parsed) ? parsed : [parsed]) as Array<Record<string, unknown>>;
  } catch (error) {
    return restError(400, 'JSON_PARSER_ERROR', (error as Error).message);
  }
  const answers = messages.map((message) => {
    const channel = String(message.channel ?? '');
    const base = { channel, ...(message.id !== undefined ? { id: message.id } : {}) };
    switch (channel) {
      case '/meta/handshake':
        return {
          ...base,
          version: '1.0',
          minimumVersion: '1.0',
          supportedConnectionTypes: ['long-polling'],
          clientId: `${call.org.id.slice(3, 9)}${randomBytes(12).toString('hex')}`,
          successful: true,
          advice: { interval: 0, timeout: 110000, reconnect: 'retry' },
        };
      case '/meta/connect':
        // No long poll: the next connect comes after the advised interval.
        return { ...base, clientId: message.clientId, successful: true, advice: { interval: 1000, timeout: 110000, reconnect: 'retry' } };
      case '/meta/subscribe':
      case '/meta/unsubscribe':
        return { ...base, clientId: message.clientId, subscription: message.subscription, successful: true };
      case '/meta/disconnect':
        return { ...base, clientId: message.clientId, successful: true };
      default:
        return { ...base, successful: false, error: `403::Unknown channel` };
    }
  });
  return { status: 200, body: answers, detail: { channels: messages.map((m) => String(m.channel ?? '')) } };
}
