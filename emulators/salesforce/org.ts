import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { isTestClass, methodsOf, testMethodsOf, type ApexUnit, type SourceProblem } from './apex.js';
import {
  apexBody,
  evaluateDeploy,
  parseManifest,
  readDeployZip,
  writeManifest,
  type DeployEvaluation,
  type DeployMessage,
  type DeployOptions,
  type DeployPackage,
} from './deploy.js';
import type { IdFactory } from './ids.js';
import {
  componentsFromFiles,
  parentOfChildType,
  typeInfo,
  MetadataStore,
  type ComponentRef,
  type MetadataAuthor,
  type StoredComponent,
} from './metadata-store.js';
import { filterPermissionFile, isPermissionContainer } from './profiles.js';
import { standardObjectComponents } from './standard-objects.js';
import { measureCoverage, runApexTests, testClassesFor, type RunTestsResult, type ScriptedTestFailure } from './test-run.js';

/** An error the API reports by code, as a SOAP fault (`sf:<code>`) or a REST error body. */
export class ApiFault extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFault';
  }
}

/** Deploy states of the Metadata API's DeployStatus enum. */
export type DeployStatus = 'Pending' | 'InProgress' | 'FinalizingDeploy' | 'Succeeded' | 'SucceededPartial' | 'Failed' | 'Canceling' | 'Canceled';

/** DeployResult, as checkDeployStatus returns it (and the REST deployRequest's `deployResult`). */
export interface DeployResult {
  canceledBy?: string;
  canceledByName?: string;
  checkOnly: boolean;
  completedDate?: string;
  createdBy: string;
  createdByName: string;
  createdDate: string;
  details?: {
    componentFailures: DeployMessage[];
    componentSuccesses: DeployMessage[];
    runTestResult?: RunTestsResult;
  };
  done: boolean;
  errorMessage?: string;
  errorStatusCode?: string;
  id: string;
  ignoreWarnings: boolean;
  lastModifiedDate: string;
  numberComponentErrors: number;
  numberComponentsDeployed: number;
  numberComponentsTotal: number;
  numberTestErrors: number;
  numberTestsCompleted: number;
  numberTestsTotal: number;
  rollbackOnError: boolean;
  runTestsEnabled: boolean;
  startDate?: string;
  stateDetail?: string;
  status: DeployStatus;
  success: boolean;
}

/** One ApexCodeCoverage row: what one test method covered of one class or trigger. */
export interface CodeCoverageRow {
  id: string;
  testClassId: string;
  testMethodName: string;
  unitId: string;
  unitName: string;
  unitType: 'ApexClass' | 'ApexTrigger';
  coveredLines: number[];
  uncoveredLines: number[];
}

/** Every deploy an org received, with its options and its latest result (details included). */
export interface DeployRecord {
  id: string;
  /** Which API submitted it. */
  api: 'soap' | 'rest';
  options: DeployOptions;
  checkOnly: boolean;
  /** The test level in effect: as requested, else the org's default once the deploy started. */
  testLevel?: string;
  runTests: string[];
  rollbackOnError: boolean;
  /** For a quick deploy, the validation it deploys. */
  validatedDeployRequestId?: string;
  /** Components package.xml and the destructive manifests name. */
  components: ComponentRef[];
  /** What the zip's package.xml lists, and what its destructive manifests list (absent for a quick deploy). */
  packageMembers?: ComponentRef[];
  destructiveMembers?: ComponentRef[];
  /** checkDeployStatus calls (SOAP or REST) this deploy has answered. */
  polls: number;
  result: DeployResult;
}

/** FileProperties, as listMetadata and a retrieve report them. */
export interface FileProperties {
  createdById: string;
  createdByName: string;
  createdDate: string;
  fileName: string;
  fullName: string;
  id: string;
  lastModifiedById: string;
  lastModifiedByName: string;
  lastModifiedDate: string;
  manageableState?: string;
  namespacePrefix?: string;
  type: string;
}

/** RetrieveResult, as checkRetrieveStatus returns it. */
export interface RetrieveResult {
  done: boolean;
  errorMessage?: string;
  errorStatusCode?: string;
  fileProperties: FileProperties[];
  id: string;
  messages: Array<{ fileName: string; problem: string }>;
  status: 'Pending' | 'InProgress' | 'Succeeded' | 'Failed';
  success: boolean;
  zipFile?: string;
}

/** A RetrieveRequest reduced to what the emulator honours. */
export interface RetrieveRequest {
  apiVersion?: string;
  singlePackage: boolean;
  types: Map<string, string[]>;
}

/** A user of an emulated org. */
export interface OrgUser {
  id: string;
  username: string;
  email: string;
  name: string;
}

/** What an org needs from the emulator around it. */
export interface OrgHost {
  url: string;
  ids: IdFactory;
  latestApiVersion: string;
  /** Registers a username emulator-wide (usernames are unique across Salesforce). */
  claimUsername(username: string, org: Org): void;
  issueAccessToken(orgId: string, userId: string): string;
  issueRefreshToken(orgId: string, userId: string, clientId: string): string;
}

/** How to create an org. */
export interface OrgSpec {
  name: string;
  isSandbox: boolean;
  /** 18-character `00D` id; generated when absent. */
  id?: string;
  instanceName?: string;
  /** Org-wide coverage percent its Apex test runs report (default 85). */
  coverage?: number;
  /** checkDeployStatus / checkRetrieveStatus calls before an operation is done (default 3). */
  pollsToComplete?: number;
  /** A clock: operations also advance with time, not only per status check. */
  clock?: ClockSpec;
}

/**
 * How long operations take in org time, and how fast org time runs. With `scale: 60` one real
 * second is one org minute. A deploy is Pending for `queueMs`, deploys its components at
 * `perComponentMs` each, runs its tests at `perTestMs` each, and a deploy that changes the org
 * then spends `finalizeMs` in FinalizingDeploy (Metadata API Developer Guide, "DeployResult":
 * status FinalizingDeploy; such a deploy can no longer be canceled, "cancelDeploy()").
 */
export interface ClockSpec {
  scale?: number;
  queueMs?: number;
  perComponentMs?: number;
  perTestMs?: number;
  finalizeMs?: number;
  cancelMs?: number;
  retrieveMs?: number;
}

const DEFAULT_CLOCK: Required<ClockSpec> = {
  scale: 1,
  queueMs: 1000,
  perComponentMs: 100,
  perTestMs: 500,
  finalizeMs: 1500,
  cancelMs: 1000,
  retrieveMs: 1500,
};

/**
 * Documented Metadata API limits (Metadata API Developer Guide, "Deploying and Retrieving
 * Metadata" / Salesforce App Limits, "Platform Metadata"): "You can deploy or retrieve up to
 * 10,000 files at once. The maximum size of the deployed or retrieved .zip file is 39 MB."
 */
export const MAX_FILES = 10_000;
export const MAX_ZIP_BYTES = 39 * 1024 * 1024;

const QUICK_DEPLOY_WINDOW_MS = 10 * 24 * 60 * 60 * 1000;

interface DeployJob {
  record: DeployRecord;
  pkg?: DeployPackage;
  evaluation?: DeployEvaluation;
  author: MetadataAuthor;
  /** Status checks the deploy has run for; it is done at pollsToComplete. */
  steps: number;
  /** Real time (ms) the deploy reached the head of the org's queue, for the clock. */
  headSince?: number;
  /** Real time (ms) a cancel was asked for. */
  cancelAskedAt?: number;
}

interface RetrieveJob {
  id: string;
  request: RetrieveRequest;
  polls: number;
  submittedAt: number;
  result?: RetrieveResult;
  /** Files and bytes of the zip the retrieve built (or would have, when over the limits), for the request log. */
  size?: { files: number; zipBytes: number };
}

/** One emulated Salesforce org: users, metadata, deploys and retrieves. */
export class Org {
  readonly id: string;
  readonly name: string;
  readonly isSandbox: boolean;
  readonly instanceName: string;
  readonly createdDate = new Date().toISOString();
  /** Org-wide coverage percent test runs report; settable. */
  coverage: number;
  /** Status checks before an async operation is done; settable. */
  pollsToComplete: number;
  /** The org's clock, when operations advance with time too; settable (undefined: per status check only). */
  clock?: Required<ClockSpec>;
  readonly users: OrgUser[] = [];
  readonly deploys: DeployRecord[] = [];
  /** API requests answered for this org today, for the limits resource. */
  apiRequests = 0;
  private readonly store: MetadataStore;
  private readonly jobs = new Map<string, DeployJob>();
  private readonly retrieves = new Map<string, RetrieveJob>();
  private readonly compileErrors = new Map<string, SourceProblem[]>();
  private readonly testFailures = new Map<string, ScriptedTestFailure>();

  constructor(
    spec: OrgSpec,
    private readonly host: OrgHost,
  ) {
    this.id = spec.id ?? host.ids.next('00D');
    if (!/^00D[0-9A-Za-z]{15}$/.test(this.id)) throw new Error(`Org id '${this.id}' must be an 18-character 00D id`);
    this.name = spec.name;
    this.isSandbox = spec.isSandbox;
    this.instanceName = spec.instanceName ?? (spec.isSandbox ? 'CS201' : 'NA224');
    this.coverage = spec.coverage ?? 100;
    this.pollsToComplete = Math.max(1, spec.pollsToComplete ?? 3);
    this.store = new MetadataStore(host.ids);
    this.setClock(spec.clock);
    const at = this.createdDate;
    for (const content of standardObjectComponents()) this.store.putStandard(content, this.systemAuthor(), at);
  }

  /** Turns the clock on (with these durations and scale) or off (`undefined`). */
  setClock(clock: ClockSpec | undefined): void {
    this.clock = clock ? { ...DEFAULT_CLOCK, ...clock } : undefined;
  }

  /** Adds a user; usernames are unique across the whole emulator, as across Salesforce. */
  addUser(user: { username: string; id?: string; email?: string }): { id: string; username: string } {
    const id = user.id ?? this.host.ids.next('005');
    this.host.claimUsername(user.username, this);
    const local = user.username.split('@')[0] ?? user.username;
    const name = local.charAt(0).toUpperCase() + local.slice(1);
    this.users.push({ id, username: user.username, email: user.email ?? user.username, name: `${name} User` });
    return { id, username: user.username };
  }

  /** The user with that username or id. */
  user(usernameOrId: string): OrgUser {
    const user = this.users.find((u) => u.username === usernameOrId || u.id === usernameOrId);
    if (!user) throw new Error(`Org ${this.name} has no user '${usernameOrId}'`);
    return user;
  }

  /** A refresh token for the user, as an OAuth web login by `clientId` would leave. */
  issueRefreshToken(username: string, clientId = 'PlatformCLI'): string {
    return this.host.issueRefreshToken(this.id, this.user(username).id, clientId);
  }

  /** A session id usable directly as a Bearer token or SOAP session id. */
  issueAccessToken(username: string): string {
    return this.host.issueAccessToken(this.id, this.user(username).id);
  }

  /** SFDX auth URL `force://PlatformCLI::<refreshToken>@<emulator URL>` for the user. */
  authUrl(username: string): string {
    return `force://PlatformCLI::${this.issueRefreshToken(username)}@${this.host.url}`;
  }

  /** Components the org holds; the standard objects and fields every org has only with `includeStandard`. */
  components(options: { includeStandard?: boolean } = {}): ComponentRef[] {
    return this.store
      .list()
      .filter((component) => options.includeStandard || !component.standard)
      .map(({ type, fullName }) => ({ type, fullName }));
  }

  /** One component in metadata format: its files as a retrieve of it alone would return them. */
  component(type: string, fullName: string): { type: string; fullName: string; files: Record<string, string> } | undefined {
    if (!this.store.has(type, fullName)) return undefined;
    const files = Object.fromEntries([...this.store.render([{ type, fullName }])].map(([path, bytes]) => [path, strFromU8(bytes)]));
    return { type, fullName, files };
  }

  /**
   * Stores metadata-format files (`classes/Foo.cls`, `objects/Widget__c.object`, ...) as they
   * are, without a deploy: how a test gives an org its starting metadata.
   */
  putFiles(files: Record<string, string | Uint8Array>): void {
    const bytes = new Map(Object.entries(files).map(([path, content]) => [path, typeof content === 'string' ? strToU8(content) : content]));
    const hints = new Map<string, string>();
    const manifest = bytes.get('package.xml');
    if (manifest) {
      for (const [type, members] of parseManifest(strFromU8(manifest))) for (const member of members) hints.set(member, type);
    }
    bytes.delete('package.xml');
    for (const path of [...bytes.keys()]) if (/^destructiveChanges(Pre|Post)?\.xml$/.test(path)) bytes.delete(path);
    const author = this.systemAuthor();
    for (const content of componentsFromFiles(bytes, hints)) this.store.put(content, author, new Date().toISOString());
  }

  /** Stores every component of a metadata-format zip (package root detected as a deploy does). */
  seedFromZip(zip: Uint8Array): void {
    const entries = unzipSync(zip);
    const manifest = Object.keys(entries).find((path) => path === 'package.xml' || path.endsWith('/package.xml')) ?? 'package.xml';
    const root = manifest.slice(0, -'package.xml'.length);
    this.putFiles(
      Object.fromEntries(Object.entries(entries).filter(([path]) => path.startsWith(root)).map(([path, b]) => [path.slice(root.length), b])),
    );
  }

  /** Stores every component of a metadata-format folder on disk. */
  seedFromFolder(folder: string): void {
    const files: Record<string, Uint8Array> = {};
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else files[relative(folder, path).split(sep).join('/')] = readFileSync(path);
      }
    };
    walk(folder);
    this.putFiles(files);
  }

  /** Removes a component (and a parent's children) without a deploy. */
  removeComponent(type: string, fullName: string): boolean {
    return this.store.delete(type, fullName);
  }

  /** Makes every deploy carrying this class (or trigger) report a compile error. */
  scriptCompileError(className: string, error: { line: number; column?: number; message: string }): void {
    const key = className.toLowerCase();
    this.compileErrors.set(key, [...(this.compileErrors.get(key) ?? []), error]);
  }

  /** Makes the test method fail whenever a test run includes it. */
  scriptTestFailure(className: string, methodName: string, error: { message: string; line?: number }): void {
    this.testFailures.set(`${className}.${methodName}`.toLowerCase(), error);
  }

  /** Forgets scripted compile errors and test failures. */
  clearScripts(): void {
    this.compileErrors.clear();
    this.testFailures.clear();
  }

  /**
   * Accepts a deploy, or refuses it the way Salesforce refuses options a production org does not
   * allow (a fault at submission, not a failed DeployResult).
   */
  submitDeploy(zip: Uint8Array, options: DeployOptions, api: 'soap' | 'rest', userId: string): DeployRecord {
    if (!this.isSandbox) {
      if (options.testLevel === 'NoTestRun') {
        throw new ApiFault('INVALID_OPERATION', 'testLevel of NoTestRun cannot be used in production organizations');
      }
      if (options.rollbackOnError === false) {
        throw new ApiFault('INVALID_OPERATION', 'rollbackOnError option must be true on a production org');
      }
      if (options.purgeOnDelete) {
        throw new ApiFault('INVALID_OPERATION', 'purgeOnDelete option can only be used on a non-active org');
      }
    }
    if (options.testLevel === 'RunSpecifiedTests' && !options.runTests?.length) {
      throw new ApiFault('INVALID_OPERATION', 'runTests must be specified when testLevel is RunSpecifiedTests');
    }
    if (zip.length > MAX_ZIP_BYTES) {
      throw new ApiFault(
        'LIMIT_EXCEEDED',
        `The deploy zip is ${zip.length} bytes; the maximum size of a deployed .zip file is 39 MB (${MAX_ZIP_BYTES} bytes)`,
      );
    }
    let pkg: DeployPackage;
    try {
      pkg = readDeployZip(zip);
    } catch (error) {
      throw new ApiFault('INVALID_OPERATION', `Invalid zip file: ${(error as Error).message}`);
    }
    const fileCount = pkg.files.size + pkg.destructive.length + (pkg.manifest ? 1 : 0);
    if (fileCount > MAX_FILES) {
      throw new ApiFault('LIMIT_EXCEEDED', `Too many files in the deploy: ${fileCount}; the limit is ${MAX_FILES} files`);
    }
    const components = [
      ...[...(pkg.manifest ?? [])].flatMap(([type, members]) => members.map((fullName) => ({ type, fullName }))),
      ...pkg.destructive.flatMap((manifest) => manifest.refs),
    ];
    return this.enqueue({ options, api, userId, components, pkg }).record;
  }

  /**
   * Quick deploy: allowed for a check-only deploy of this org that succeeded with tests run,
   * completed within 10 days, with no deploy completed in the org since.
   */
  submitQuickDeploy(validationId: string, api: 'soap' | 'rest', userId: string): DeployRecord {
    const validation = this.jobs.get(to18Lenient(validationId, this.jobs));
    const result = validation?.record.result;
    const completedAt = result?.completedDate ? Date.parse(result.completedDate) : 0;
    const deployedSince = this.deploys.some(
      (deploy) =>
        !deploy.checkOnly &&
        (deploy.result.status === 'Succeeded' || deploy.result.status === 'SucceededPartial') &&
        Date.parse(deploy.result.completedDate ?? '') >= completedAt,
    );
    const alreadyQuickDeployed = this.deploys.some(
      (deploy) =>
        deploy.validatedDeployRequestId === validation?.record.id &&
        deploy.result.status !== 'Failed' &&
        deploy.result.status !== 'Canceled',
    );
    const eligible =
      validation?.evaluation &&
      result?.checkOnly &&
      result.status === 'Succeeded' &&
      result.runTestsEnabled &&
      Date.now() - completedAt <= QUICK_DEPLOY_WINDOW_MS &&
      !deployedSince &&
      !alreadyQuickDeployed;
    if (!eligible || !validation.evaluation) {
      throw new ApiFault('INVALID_ID_FIELD', `No validation found for ID ${validationId} that can be quick deployed`);
    }
    const evaluation = validation.evaluation;
    const job = this.enqueue({
      options: { ...validation.record.options, checkOnly: false },
      api,
      userId,
      components: validation.record.components,
      validatedDeployRequestId: validation.record.id,
    });
    job.evaluation = {
      ...evaluation,
      componentFailures: [],
      numberComponentErrors: 0,
      runTestsEnabled: false,
      numberTestsTotal: 0,
      numberTestErrors: 0,
      runTestResult: undefined,
      status: 'Succeeded',
    };
    job.record.testLevel = evaluation.testLevel;
    return job.record;
  }

  /** Answers one status check of a deploy; each check moves the org's running deploy one step. */
  checkDeploy(id: string): DeployRecord {
    this.tick();
    const job = this.job(id);
    job.record.polls++;
    if (job.record.result.status === 'Canceling') this.finishCancel(job);
    else {
      const running = this.runningJob();
      if (running) this.advance(running);
    }
    return job.record;
  }

  /** The deploy with that id, without counting a status check (the clock still moves it). */
  deploy(id: string): DeployRecord {
    this.tick();
    return this.job(id).record;
  }

  /**
   * Asks a deploy to stop (Metadata API Developer Guide, "cancelDeploy()"): a queued deploy is
   * canceled at once (`done: true`); a running one becomes Canceling and is Canceled at its next
   * status check (or once the clock's cancelMs passed); a deploy in FinalizingDeploy "can't be
   * canceled" and goes on to commit; a finished one is the fault INVALID_ID_FIELD "Deployment
   * already completed", an unknown id INVALID_ID_FIELD "Invalid deploy ID".
   */
  cancelDeploy(id: string, userId: string): DeployRecord {
    this.tick();
    const job = this.job(id);
    const result = job.record.result;
    if (result.done) throw new ApiFault('INVALID_ID_FIELD', 'Deployment already completed');
    if (result.status === 'FinalizingDeploy' || result.status === 'Canceling') return job.record;
    const user = this.user(userId);
    Object.assign(result, { canceledBy: user.id, canceledByName: user.name, lastModifiedDate: now() });
    if (result.status === 'Pending') this.finishCancel(job);
    else {
      result.status = 'Canceling';
      job.cancelAskedAt = Date.now();
    }
    return job.record;
  }

  /**
   * Runs a deploy to its end now, as if its time had passed (a Canceling one ends Canceled):
   * how the `finish-first` fault lets a deploy finish between a client's status check and its
   * cancel. The deploy ends whatever its place in the org's queue.
   */
  finishDeploy(id: string): DeployRecord {
    this.tick();
    const job = this.job(id);
    const result = job.record.result;
    if (result.done) return job.record;
    if (result.status === 'Canceling') this.finishCancel(job);
    else {
      if (result.status === 'Pending') this.start(job);
      this.complete(job);
    }
    return job.record;
  }

  /** Moves every operation as far as the clock says (nothing without a clock). */
  tick(): void {
    const clock = this.clock;
    if (!clock) return;
    for (let running = this.runningJob(); running; running = this.runningJob()) {
      const job = running;
      const result = job.record.result;
      const at = Date.now();
      job.headSince ??= at;
      if (result.status === 'Canceling') {
        if ((at - (job.cancelAskedAt ?? at)) * clock.scale < clock.cancelMs) return;
        this.finishCancel(job);
        continue;
      }
      const elapsed = (at - job.headSince) * clock.scale;
      if (result.status === 'Pending') {
        if (elapsed < clock.queueMs) return;
        this.start(job);
      }
      const evaluation = job.evaluation!;
      const componentsEnd = clock.queueMs + evaluation.numberComponentsTotal * clock.perComponentMs;
      const testsEnd = componentsEnd + (evaluation.runTestsEnabled ? evaluation.numberTestsTotal * clock.perTestMs : 0);
      const finalizes = !job.record.checkOnly && evaluation.status !== 'Failed';
      if (elapsed >= testsEnd + (finalizes ? clock.finalizeMs : 0)) {
        this.complete(job);
        continue;
      }
      if (finalizes && elapsed >= testsEnd) {
        Object.assign(result, {
          status: 'FinalizingDeploy',
          stateDetail: undefined,
          lastModifiedDate: now(),
          numberComponentsDeployed: evaluation.numberComponentsTotal,
          numberTestsCompleted: evaluation.numberTestsTotal - evaluation.numberTestErrors,
        } satisfies Partial<DeployResult>);
        return;
      }
      const componentShare = evaluation.numberComponentsTotal ? Math.min(1, (elapsed - clock.queueMs) / (evaluation.numberComponentsTotal * clock.perComponentMs)) : 1;
      const testShare = evaluation.numberTestsTotal && elapsed > componentsEnd ? Math.min(1, (elapsed - componentsEnd) / (evaluation.numberTestsTotal * clock.perTestMs)) : 0;
      Object.assign(result, {
        lastModifiedDate: now(),
        numberComponentsDeployed: Math.max(result.numberComponentsDeployed, Math.floor(evaluation.numberComponentsTotal * componentShare)),
        numberTestsCompleted: Math.max(result.numberTestsCompleted, Math.floor(evaluation.numberTestsTotal * testShare)),
        stateDetail: elapsed < componentsEnd || !evaluation.runTestsEnabled ? 'Processing Type: ' + (job.record.components[0]?.type ?? 'ApexClass') : 'Running Apex tests',
      });
      return;
    }
  }

  private runningJob(): DeployJob | undefined {
    return this.deploys.map((record) => this.jobs.get(record.id)!).find((j) => !j.record.result.done);
  }

  /** Starts a retrieve; its result is built once it is done, from the metadata of that moment. */
  submitRetrieve(request: RetrieveRequest): string {
    const id = this.host.ids.next('09S');
    this.retrieves.set(id, { id, request, polls: 0, submittedAt: Date.now() });
    return id;
  }

  /** Answers one checkRetrieveStatus call. */
  checkRetrieve(id: string, includeZip: boolean): RetrieveResult {
    const job = this.retrieves.get(to18Lenient(id, this.retrieves));
    if (!job) throw new ApiFault('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
    job.polls++;
    const timeUp = this.clock ? (Date.now() - job.submittedAt) * this.clock.scale >= this.clock.retrieveMs : false;
    if (job.polls < this.pollsToComplete && !job.result && !timeUp) {
      return { done: false, fileProperties: [], id: job.id, messages: [], status: job.polls === 1 ? 'Pending' : 'InProgress', success: false };
    }
    job.result ??= this.buildRetrieve(job);
    return includeZip ? job.result : { ...job.result, zipFile: undefined };
  }

  /** Files and zip bytes of a finished retrieve (its request log detail), undefined while it runs. */
  retrieveSize(id: string): { files: number; zipBytes: number } | undefined {
    return this.retrieves.get(to18Lenient(id, this.retrieves))?.size;
  }

  /**
   * Runs Apex tests outside a deploy, as the Tooling API's `runTestsSynchronous` and
   * `runTestsAsynchronous` resources do (Tooling API Developer Guide, "Running Tests Using the
   * REST API"): `tests: [{ className | classId, testMethods? }]`, or `classNames`, or a
   * `testLevel` (RunLocalTests, RunAllTestsInOrg). An asynchronous run finishes at once; its
   * results are what ApexTestRunResult, ApexTestQueueItem and ApexTestResult answer.
   */
  runTests(payload: Record<string, unknown>, userId: string, asynchronous: boolean): { id: string; result: RunTestsResult } {
    const units = [...this.apexSources('ApexClass'), ...this.apexSources('ApexTrigger')].map(({ component, body }) => ({
      type: component.type as 'ApexClass' | 'ApexTrigger',
      name: component.fullName,
      id: component.id,
      body,
    }));
    const tests = Array.isArray(payload.tests) ? (payload.tests as Array<{ className?: string; classId?: string }>) : [];
    const byClassNames = typeof payload.classNames === 'string' ? payload.classNames.split(',').map((n) => n.trim()) : [];
    const named = [...tests.map((t) => t.className ?? units.find((u) => u.id.slice(0, 15) === String(t.classId ?? '').slice(0, 15))?.name ?? ''), ...byClassNames].filter(Boolean);
    for (const name of named) {
      if (!units.some((u) => u.type === 'ApexClass' && u.name.toLowerCase() === name.toLowerCase())) {
        throw new ApiFault('INVALID_INPUT', `No test class found named ${name}`);
      }
    }
    const level = named.length ? 'RunSpecifiedTests' : String(payload.testLevel ?? 'RunLocalTests');
    const { result } = runApexTests({
      units,
      testLevel: level,
      runTests: named,
      deployedUnits: new Set(),
      scriptedFailures: this.testFailures,
      coverage: this.coverage,
      enforceCoverage: false,
    });
    const skipCoverage = payload.skipCodeCoverage === true || payload.skipCodeCoverage === 'true';
    const final = skipCoverage ? { ...result, codeCoverage: [], codeCoverageWarnings: [] } : result;
    const id = this.host.ids.next('707');
    const at = now();
    if (!skipCoverage) this.recordCoverage(units, level, named);
    this.testRuns.push({ id, userId, result: final, classIds: [...new Set([...final.successes, ...final.failures].map((t) => t.id))], startedAt: at, completedAt: at });
    return { id, result: final };
  }

  /**
   * What ApexCodeCoverage holds (Tooling API Developer Guide, "ApexCodeCoverage": "code coverage
   * test results for an Apex class or trigger", per test class and method): one row per test
   * method and class or trigger it ran at least one line of, with the covered and uncovered line
   * numbers; a method run again replaces its rows. Filled by Apex test runs outside a deploy
   * (runTestsSynchronous / runTestsAsynchronous), which is what `sf apex run test` reads back.
   */
  readonly codeCoverage = new Map<string, CodeCoverageRow>();

  private recordCoverage(units: ApexUnit[], level: string, named: string[]): void {
    const measured = units.filter((unit) => unit.type === 'ApexTrigger' || !isTestClass(unit.body));
    for (const testClass of testClassesFor(level, named, units)) {
      for (const method of testMethodsOf(testClass.body)) {
        for (const key of [...this.codeCoverage.keys()]) if (key.startsWith(`${testClass.id}\u0000${method.name.toLowerCase()}\u0000`)) this.codeCoverage.delete(key);
        for (const unit of measureCoverage(measured, [testClass.body.slice(method.bodyStart, method.bodyEnd)], this.coverage)) {
          if (unit.numLocationsNotCovered === unit.numLocations) continue;
          const uncovered = unit.locationsNotCovered.map((location) => location.line);
          const all = executableLines(measured.find((u) => u.id === unit.id)!);
          this.codeCoverage.set(`${testClass.id}\u0000${method.name.toLowerCase()}\u0000${unit.id}`, {
            id: this.host.ids.next('714'),
            testClassId: testClass.id,
            testMethodName: method.name,
            unitId: unit.id,
            unitName: unit.name,
            unitType: unit.type === 'Trigger' ? 'ApexTrigger' : 'ApexClass',
            coveredLines: all.filter((line) => !uncovered.includes(line)),
            uncoveredLines: uncovered,
          });
        }
      }
    }
  }

  /** Executable lines of every class and trigger that is not a test: the base of org-wide coverage. */
  executableLineCount(): number {
    return [...this.apexSources('ApexClass'), ...this.apexSources('ApexTrigger')]
      .filter(({ component, body }) => component.type === 'ApexTrigger' || !isTestClass(body))
      .reduce((sum, { component, body }) => sum + executableLines({ type: component.type as 'ApexClass' | 'ApexTrigger', name: component.fullName, id: component.id, body }).length, 0);
  }

  /** Asynchronous Apex test runs, for the tooling objects that report them. */
  readonly testRuns: Array<{ id: string; userId: string; result: RunTestsResult; classIds: string[]; startedAt: string; completedAt: string }> = [];

  /** Apex classes or triggers with their source, for SOQL over ApexClass / ApexTrigger. */
  apexSources(type: 'ApexClass' | 'ApexTrigger'): Array<{ component: StoredComponent; body: string }> {
    return this.store.list(type).map((component) => ({ component, body: apexBody(component) ?? '' }));
  }

  /** FileProperties of the org's components of a type, as listMetadata returns them. */
  listMetadata(type: string): FileProperties[] {
    // Folders of reports, dashboards, documents and email templates are listed as their own types.
    const folderOf: Record<string, string> = { ReportFolder: 'Report', DashboardFolder: 'Dashboard', DocumentFolder: 'Document', EmailFolder: 'EmailTemplate' };
    if (folderOf[type]) {
      return this.store
        .list(folderOf[type])
        .filter((component) => !component.fullName.includes('/'))
        .map((component) => ({ ...this.fileProperties(component, ''), type }));
    }
    // Standard fields are part of their object, not components listMetadata(CustomField) names.
    return this.store
      .list(type)
      .filter((component) => !(component.standard && type === 'CustomField'))
      .map((component) => this.fileProperties(component, ''));
  }

  private systemAuthor(): MetadataAuthor {
    const user = this.users[0];
    return { id: user?.id ?? '005000000000000AAA', name: user?.name ?? 'Automated Process' };
  }

  private job(id: string): DeployJob {
    const job = this.jobs.get(to18Lenient(id, this.jobs));
    // The id of another org's deploy is as unknown here as a made-up one: INVALID_ID_FIELD
    // "Invalid deploy ID" (Metadata API Developer Guide, "cancelDeploy()", faults).
    if (!job) throw new ApiFault('INVALID_ID_FIELD', 'Invalid deploy ID');
    return job;
  }

  private enqueue(submission: {
    options: DeployOptions;
    api: 'soap' | 'rest';
    userId: string;
    components: ComponentRef[];
    pkg?: DeployPackage;
    validatedDeployRequestId?: string;
  }): DeployJob {
    const { options, api, userId, components, pkg, validatedDeployRequestId } = submission;
    const user = this.user(userId);
    const id = this.host.ids.next('0Af');
    const created = now();
    const record: DeployRecord = {
      id,
      api,
      options,
      checkOnly: options.checkOnly ?? false,
      testLevel: options.testLevel,
      runTests: options.runTests ?? [],
      rollbackOnError: options.rollbackOnError ?? true,
      validatedDeployRequestId,
      components,
      ...(pkg
        ? {
            packageMembers: [...(pkg.manifest ?? [])].flatMap(([type, members]) => members.map((fullName) => ({ type, fullName }))),
            destructiveMembers: pkg.destructive.flatMap((manifest) => manifest.refs),
          }
        : {}),
      polls: 0,
      result: {
        checkOnly: options.checkOnly ?? false,
        createdBy: user.id,
        createdByName: user.name,
        createdDate: created,
        done: false,
        id,
        ignoreWarnings: options.ignoreWarnings ?? false,
        lastModifiedDate: created,
        numberComponentErrors: 0,
        numberComponentsDeployed: 0,
        numberComponentsTotal: 0,
        numberTestErrors: 0,
        numberTestsCompleted: 0,
        numberTestsTotal: 0,
        rollbackOnError: options.rollbackOnError ?? true,
        runTestsEnabled: false,
        status: 'Pending',
        success: false,
      },
    };
    const job: DeployJob = { record, pkg, author: { id: user.id, name: user.name }, steps: 0 };
    this.tick();
    if (!this.runningJob()) job.headSince = Date.now();
    this.jobs.set(id, job);
    this.deploys.push(record);
    return job;
  }

  private advance(job: DeployJob): void {
    const result = job.record.result;
    if (result.status === 'Canceling') return this.finishCancel(job);
    job.steps++;
    // With three or more checks to go, the first one still finds the deploy queued, as real ones often are.
    if (job.steps === 1 && this.pollsToComplete >= 3) return;
    if (result.status === 'Pending') this.start(job);
    if (job.steps >= this.pollsToComplete) return this.complete(job);
    if (result.status === 'FinalizingDeploy') return;
    // Components deploy in the first half of the run, tests run in the second.
    const share = job.steps / this.pollsToComplete;
    const evaluation = job.evaluation!;
    Object.assign(result, {
      lastModifiedDate: now(),
      numberComponentsDeployed: Math.floor(evaluation.numberComponentsTotal * Math.min(1, share * 2)),
      numberTestsCompleted: Math.floor(evaluation.numberTestsTotal * Math.max(0, share * 2 - 1)),
      stateDetail: share < 0.5 || !evaluation.runTestsEnabled ? 'Processing Type: ' + (job.record.components[0]?.type ?? 'ApexClass') : 'Running Apex tests',
    });
  }

  /** Leaves the queue: the deploy is evaluated against the org of this moment. */
  private start(job: DeployJob): void {
    const result = job.record.result;
    job.evaluation ??= evaluateDeploy(job.pkg!, job.record.options, {
      store: this.store,
      isSandbox: this.isSandbox,
      coverage: this.coverage,
      compileErrors: this.compileErrors,
      testFailures: this.testFailures,
      now: now(),
    });
    job.record.testLevel = job.evaluation.testLevel;
    Object.assign(result, {
      status: 'InProgress',
      startDate: now(),
      numberComponentsTotal: job.evaluation.numberComponentsTotal,
      numberTestsTotal: job.evaluation.numberTestsTotal,
      runTestsEnabled: job.evaluation.runTestsEnabled,
    });
  }

  /** The next queued deploy starts its clock when the one before it ends. */
  private handOver(): void {
    const next = this.runningJob();
    if (next) next.headSince ??= Date.now();
  }

  private complete(job: DeployJob): void {
    const evaluation = job.evaluation!;
    const { record } = job;
    const succeeded = evaluation.status !== 'Failed';
    if (succeeded && !record.checkOnly) {
      const at = now();
      for (const step of evaluation.steps) {
        if (step.kind === 'put') this.store.put(step.content, job.author, at);
        else this.store.delete(step.ref.type, step.ref.fullName);
      }
    }
    const errors = evaluation.numberComponentErrors;
    const completed = now();
    Object.assign(record.result, {
      completedDate: completed,
      lastModifiedDate: completed,
      done: true,
      success: succeeded,
      status: evaluation.status,
      stateDetail: undefined,
      numberComponentErrors: errors,
      numberComponentsDeployed: Math.max(0, evaluation.numberComponentsTotal - errors),
      numberTestsCompleted: evaluation.numberTestsTotal - evaluation.numberTestErrors,
      numberTestErrors: evaluation.numberTestErrors,
      details: {
        componentFailures: evaluation.componentFailures,
        componentSuccesses: evaluation.componentSuccesses,
        runTestResult: evaluation.runTestResult,
      },
    } satisfies Partial<DeployResult>);
    this.handOver();
  }

  private finishCancel(job: DeployJob): void {
    const completed = now();
    Object.assign(job.record.result, {
      status: 'Canceled',
      done: true,
      success: false,
      completedDate: completed,
      lastModifiedDate: completed,
      stateDetail: undefined,
    } satisfies Partial<DeployResult>);
    this.handOver();
  }

  private buildRetrieve(job: RetrieveJob): RetrieveResult {
    const prefix = job.request.singlePackage ? '' : 'unpackaged/';
    const selection: StoredComponent[] = [];
    const messages: RetrieveResult['messages'] = [];
    for (const [type, members] of job.request.types) {
      for (const member of members) {
        if (member === '*') {
          // A wildcard names custom components only; standard objects must be named.
          selection.push(...this.store.list(type).filter((component) => !component.standard));
        } else if (this.store.has(type, member)) {
          selection.push(this.store.get(type, member) ?? this.standardParent(type, member));
        } else {
          messages.push({ fileName: `${prefix}package.xml`, problem: `Entity of type '${type}' named '${member}' cannot be found` });
        }
      }
    }
    const version = job.request.apiVersion ?? this.host.latestApiVersion;
    const zipEntries: Record<string, Uint8Array> = { [`${prefix}package.xml`]: strToU8(writeManifest(job.request.types, version)) };
    const requested = [...job.request.types].flatMap(([type, members]) => members.map((fullName) => ({ type, fullName })));
    for (const [path, bytes] of this.store.render(selection)) {
      const permissions = selection.find((c) => isPermissionContainer(c.type) && c.files?.has(path));
      zipEntries[prefix + path] = permissions ? strToU8(filterPermissionFile(strFromU8(bytes), requested)) : bytes;
    }
    job.size = { files: Object.keys(zipEntries).length, zipBytes: 0 };
    if (Object.keys(zipEntries).length > MAX_FILES) {
      return {
        done: true,
        errorStatusCode: 'LIMIT_EXCEEDED',
        errorMessage: `Too many files in the retrieve: ${Object.keys(zipEntries).length}; the limit is ${MAX_FILES} files`,
        fileProperties: [],
        id: job.id,
        messages: [],
        status: 'Failed',
        success: false,
      };
    }
    const author = this.systemAuthor();
    const at = now();
    const packageProperties: FileProperties = {
      createdById: author.id,
      createdByName: author.name,
      createdDate: at,
      fileName: `${prefix}package.xml`,
      fullName: `${prefix}package.xml`,
      id: '',
      lastModifiedById: author.id,
      lastModifiedByName: author.name,
      lastModifiedDate: at,
      manageableState: 'unmanaged',
      type: 'Package',
    };
    const unique = [...new Map(selection.map((c) => [`${c.type}\u0000${c.fullName}`, c])).values()];
    const zip = zipSync(zipEntries);
    job.size.zipBytes = zip.length;
    // The same limit as a deploy's (see MAX_ZIP_BYTES): "The maximum size of the deployed or
    // retrieved .zip file is 39 MB" (Metadata API Developer Guide, "Metadata API Limits").
    if (zip.length > MAX_ZIP_BYTES) {
      return {
        done: true,
        errorStatusCode: 'LIMIT_EXCEEDED',
        errorMessage: `The retrieved zip is ${zip.length} bytes; the maximum size of a retrieved .zip file is 39 MB (${MAX_ZIP_BYTES} bytes)`,
        fileProperties: [],
        id: job.id,
        messages: [],
        status: 'Failed',
        success: false,
      };
    }
    return {
      done: true,
      fileProperties: [...unique.map((component) => this.fileProperties(component, prefix)), packageProperties],
      id: job.id,
      messages,
      status: 'Succeeded',
      success: true,
      zipFile: Buffer.from(zip).toString('base64'),
    };
  }

  /** A standard object the org has only children of (Account with custom fields) stands in with their audit data. */
  private standardParent(type: string, fullName: string): StoredComponent {
    const child = this.store.childrenOf(type, fullName)[0]!;
    const info = typeInfo(type)!;
    return { ...child, type, fullName, id: '', elements: [], fileName: `${info.directoryName}/${fullName}.${info.suffix}` };
  }

  private fileProperties(component: StoredComponent, prefix: string): FileProperties {
    const parent = parentOfChildType(component.type);
    return {
      createdById: component.createdById,
      createdByName: component.createdByName,
      createdDate: component.createdDate,
      fileName: prefix + (parent ? component.fileName : component.fileName.replace(/-meta\.xml$/, '')),
      fullName: component.fullName,
      id: component.id,
      lastModifiedById: component.lastModifiedById,
      lastModifiedByName: component.lastModifiedByName,
      lastModifiedDate: component.lastModifiedDate,
      manageableState: 'unmanaged',
      type: component.type,
    };
  }
}

function now(): string {
  return new Date().toISOString();
}

/** Finds a map key by an 18-character id or its 15-character form, as Salesforce accepts both. */
function to18Lenient(id: string, map: ReadonlyMap<string, unknown>): string {
  if (id.length !== 15) return id;
  for (const key of map.keys()) if (key.startsWith(id)) return key;
  return id;
}

/** The executable lines of a class or trigger (those coverage counts), in order. */
function executableLines(unit: ApexUnit): number[] {
  return [...new Set(methodsOf(unit).flatMap((method) => method.lines))].sort((a, b) => a - b);
}
