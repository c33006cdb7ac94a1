import { existsSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Inputs, OrgInputs, type OrgRole } from './constants.js';
import { InputError, sanitize } from './errors.js';
import { isInside, packageContentProblems } from './salesforce/package-contents.js';
import type { OrgCredentials, ResolvedMode, RunContext, Settings } from './settings.js';

/** Reads one input as the runner passes it (`core.getInput` semantics: trimmed, '' when unset). */
export type InputReader = (name: string) => string;

/** Registers a value with the runner so it is masked in every log line (`core.setSecret`). */
export type SecretRegistrar = (secret: string) => void;

/** Test levels the Metadata API documents; newer `Run…` levels are passed through (with a notice). */
export const KNOWN_TEST_LEVELS = ['NoTestRun', 'RunSpecifiedTests', 'RunLocalTests', 'RunAllTestsInOrg', 'RunRelevantTests'];
const TEST_LEVEL_SHAPE = /^Run[A-Z][A-Za-z]+$/;
const VALIDATE_EVENTS = new Set(['pull_request', 'pull_request_target', 'merge_group']);
const APEX_NAME = /^([A-Za-z][A-Za-z0-9]*__)?[A-Za-z][A-Za-z0-9_]*$/;
const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(\[bot\])?$/;
const TEAM_SLUG = /^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Reads and validates every input before any network call. All problems are collected and
 * thrown together as one InputError, each naming the input, the value received (never a
 * secret) and what is accepted. Secrets are registered for masking the moment they are read.
 */
export function readSettings(read: InputReader, setSecret: SecretRegistrar, context: RunContext): Settings {
  const problems: string[] = [];
  const secret = (name: string): string => {
    const value = read(name);
    if (value) setSecret(value);
    return value;
  };

  const environment = oneOf(read, Inputs.Environment, ['sandbox', 'production'], 'sandbox', problems, true) as OrgRole;
  const requestedMode = oneOf(read, Inputs.Mode, ['auto', 'validate', 'deploy', 'rollback'], 'auto', problems) as Settings['requestedMode'];
  const rollbackRunId = positiveInteger(read, Inputs.RollbackRunId, problems);
  const mode = resolveMode(requestedMode, context.eventName, rollbackRunId);
  if (mode === 'rollback' && rollbackRunId === undefined) {
    problems.push(`Input '${Inputs.RollbackRunId}' is required in rollback mode: set it to the id of the workflow run whose release should be undone.`);
  }

  const testLevel = read(Inputs.TestLevel) || 'RunLocalTests';
  const apiVersion = read(Inputs.ApiVersion) || '62.0';
  if (!/^\d{2,3}\.0$/.test(apiVersion)) {
    problems.push(`Invalid ${Inputs.ApiVersion} '${sanitize(apiVersion)}'. Expected a Salesforce API version such as 62.0.`);
  }
  if (!KNOWN_TEST_LEVELS.includes(testLevel) && !TEST_LEVEL_SHAPE.test(testLevel)) {
    problems.push(`Invalid ${Inputs.TestLevel} '${sanitize(testLevel)}'. Expected one of ${KNOWN_TEST_LEVELS.slice(0, 4).join(', ')} (or a newer level the Metadata API accepts, such as RunRelevantTests).`);
  } else if (testLevel === 'RunRelevantTests' && parseFloat(apiVersion) < 66) {
    problems.push(`${Inputs.TestLevel} 'RunRelevantTests' needs ${Inputs.ApiVersion} 66.0 or later; received '${sanitize(apiVersion)}'.`);
  }
  const tests = list(read(Inputs.Tests));
  if (testLevel === 'RunSpecifiedTests' && tests.length === 0) {
    problems.push(`Input '${Inputs.Tests}' is required when ${Inputs.TestLevel} is RunSpecifiedTests: list the Apex test classes to run (newline or comma separated).`);
  }
  for (const name of tests.filter((t) => !APEX_NAME.test(t))) {
    problems.push(`Invalid Apex class name '${sanitize(name)}' in ${Inputs.Tests}. Expected names such as AccountServiceTest or ns__AccountServiceTest.`);
  }
  if (tests.length > 0 && testLevel !== 'RunSpecifiedTests') {
    problems.push(`Input '${Inputs.Tests}' is only used with ${Inputs.TestLevel} RunSpecifiedTests; received ${Inputs.TestLevel} '${sanitize(testLevel)}'.`);
  }

  const coverageThreshold = number(read, Inputs.CoverageThreshold, 75, 0, 100, problems);
  const requiredApprovals = integer(read, Inputs.RequiredApprovals, 1, 0, 100, problems);
  const rollbackRequiredApprovals = integer(read, Inputs.RollbackRequiredApprovals, 0, 0, 100, problems);
  const rollbackRunAttempt = positiveInteger(read, Inputs.RollbackRunAttempt, problems);
  const waitMinutes = number(read, Inputs.WaitMinutes, 120, 1, 24 * 60, problems);
  const approvers = list(read(Inputs.Approvers));
  for (const approver of approvers.filter((a) => !GITHUB_LOGIN.test(a) && !TEAM_SLUG.test(a))) {
    problems.push(`Invalid entry '${sanitize(approver)}' in ${Inputs.Approvers}. Expected GitHub logins (octocat) or team slugs (acme/release-managers).`);
  }
  const productionBranches = list(read(Inputs.ProductionBranches)).map((b) => b.replace(/^refs\/heads\//, ''));
  const allowStaleApprovals = boolean(read, Inputs.AllowStaleApprovals, false, problems);
  const dryRun = boolean(read, Inputs.DryRun, false, problems);
  const validateProduction = boolean(read, Inputs.ValidateProduction, false, problems);
  const delta = boolean(read, Inputs.Delta, false, problems);
  const resultsDir = resultsFolder(read(Inputs.ResultsDir), context.workspace, problems);
  const rollbackArtifactName = read(Inputs.RollbackArtifactName) || undefined;
  if (rollbackArtifactName && !/^[^"<>:|*?\\/\r\n]{1,200}$/.test(rollbackArtifactName)) {
    problems.push(`Invalid ${Inputs.RollbackArtifactName} '${sanitize(rollbackArtifactName)}'. Artifact names may not contain " : < > | * ? \\ / or line breaks.`);
  }

  // A rollback deploys only the artifact it restores, so it needs no checkout of the sources.
  const { sourceDirs, manifest } = mode === 'rollback' ? { sourceDirs: [], manifest: undefined } : packaging(read, context.workspace, problems);

  const githubToken = secret(Inputs.GitHubToken);
  const sandbox = credentials('sandbox', read, secret, setSecret, problems);
  const production = credentials('production', read, secret, setSecret, problems);

  // A rollback always restores production, whatever `environment` says.
  const target: OrgRole = mode === 'rollback' ? 'production' : environment;
  const needs = orgsNeeded(mode, target, validateProduction);
  if (testLevel === 'NoTestRun' && needs.includes('production')) {
    problems.push(`Invalid ${Inputs.TestLevel} 'NoTestRun' for a ${mode} that reaches production: Salesforce refuses NoTestRun in production orgs. Use RunLocalTests, RunSpecifiedTests with tests, or RunAllTestsInOrg.`);
  }
  for (const role of needs) {
    if (!(role === 'sandbox' ? sandbox : production)) {
      problems.push(`No ${role} credentials: this ${mode} run needs the ${role} org. Set ${role}-auth-url, or ${role}-username + ${role}-client-id + ${role}-jwt-key, or ${role}-access-token.`);
    }
  }
  if (!githubToken && (mode !== 'validate' || target === 'production')) {
    problems.push(`Input '${Inputs.GitHubToken}' is empty: a ${mode} run needs it for approvals, deployments and artifacts. Leave it at its default, \${{ github.token }}.`);
  }

  if (problems.length > 0) throw new InputError(problems);
  return {
    environment: target,
    requestedMode,
    mode,
    sourceDirs,
    manifest,
    testLevel,
    tests,
    coverageThreshold,
    requiredApprovals,
    approvers,
    allowStaleApprovals,
    productionBranches,
    sandbox,
    production,
    githubToken,
    rollbackRunId,
    rollbackRunAttempt,
    rollbackArtifactName,
    rollbackRequiredApprovals,
    waitMinutes,
    dryRun,
    validateProduction,
    delta,
    apiVersion,
    resultsDir,
  };
}

/**
 * The results folder: as given (relative to the workspace), or one per step under RUNNER_TEMP so
 * two steps of a job do not overwrite each other's reports (GITHUB_ACTION is the step's id).
 */
function resultsFolder(given: string, workspace: string, problems: string[]): string {
  if (given) {
    if (/[\0\r\n]/.test(given)) problems.push(`Invalid ${Inputs.ResultsDir} '${sanitize(given)}'. Expected a folder path on one line.`);
    return path.resolve(workspace, given);
  }
  const step = (process.env.GITHUB_ACTION ?? '').replace(/[^A-Za-z0-9_.-]/g, '_') || 'results';
  return path.join(process.env.RUNNER_TEMP || tmpdir(), 'salesforce-gated-deploy', step);
}

/** `mode: auto` resolved from the event, as SPEC.md's table says. */
export function resolveMode(requested: Settings['requestedMode'], eventName: string, rollbackRunId?: number): ResolvedMode {
  if (requested !== 'auto') return requested;
  if (VALIDATE_EVENTS.has(eventName)) return 'validate';
  if (eventName === 'push') return 'deploy';
  if (eventName === 'workflow_dispatch') return rollbackRunId !== undefined ? 'rollback' : 'deploy';
  // Any other trigger (schedule, workflow_call, …) only validates unless asked to do more.
  return 'validate';
}

/** The orgs a run talks to, so that only those need credentials. */
export function orgsNeeded(mode: ResolvedMode, environment: OrgRole, validateProduction: boolean): OrgRole[] {
  if (mode === 'rollback') return ['production'];
  if (mode === 'validate') return validateProduction ? ['sandbox', 'production'] : ['sandbox'];
  return environment === 'production' ? ['sandbox', 'production'] : ['sandbox'];
}

/** Splits a newline- or comma-separated list input. */
export function list(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * The parts of an SFDX auth URL, by the rules of @salesforce/core's AuthInfo.parseSfdxAuthUrl
 * (`^force://([a-zA-Z0-9._-]+={0,2}):([a-zA-Z0-9._-]*={0,2}):([a-zA-Z0-9._-]+={0,2})@([a-zA-Z0-9:._-]+)`,
 * the login URL being https://<host>): client id, client secret (may be empty), refresh token, each
 * of those characters with at most two trailing `=`. Written out rather than imported, because
 * loading @salesforce/core at start-up, before any input is checked, costs more than this function
 * (ADR 0005), and so that each broken part gets its own message. Two differences: the instance
 * may be written as an http(s) URL (`@http://127.0.0.1:8080` for a local org emulator; a bare host
 * is https, as in the CLI), and anything after the host is refused where the CLI drops it
 * silently. test/unit/inputs.test.ts checks both parsers agree otherwise.
 */
const AUTH_URL_PART = /^[a-zA-Z0-9._-]*={0,2}$/;
const AUTH_URL_HOST = /^[a-zA-Z0-9:._-]+$/;

/** Parses an SFDX auth URL; the message never repeats the value, which is a secret. */
export function parseAuthUrl(value: string, inputName: string): { clientId: string; clientSecret: string; refreshToken: string; loginUrl: string } | string {
  const expected = `Expected force://<clientId>:<clientSecret>:<refreshToken>@<instance>, as 'sf org display --verbose' prints it`;
  if (!value.startsWith('force://')) return `Invalid ${inputName}: it does not start with force://. ${expected}.`;
  const rest = value.slice('force://'.length);
  const at = rest.lastIndexOf('@');
  if (at < 0) return `Invalid ${inputName}: no '@<instance>' part. ${expected}.`;
  const parts = rest.slice(0, at).split(':');
  if (parts.length !== 3) return `Invalid ${inputName}: expected three ':'-separated parts before '@', found ${parts.length}. ${expected}.`;
  const [clientId, clientSecret, refreshToken] = parts as [string, string, string];
  if (!clientId) return `Invalid ${inputName}: the client id is empty. ${expected}.`;
  if (!refreshToken) return `Invalid ${inputName}: the refresh token is empty. ${expected}.`;
  for (const [label, part] of [['client id', clientId], ['client secret', clientSecret], ['refresh token', refreshToken]] as const) {
    if (!AUTH_URL_PART.test(part)) return `Invalid ${inputName}: the ${label} has characters an auth URL cannot hold (letters, digits, '.', '_', '-', up to two trailing '='). ${expected}.`;
  }
  const instance = rest.slice(at + 1).replace(/\/+$/, '');
  const scheme = /^https?:\/\//.exec(instance)?.[0] ?? 'https://';
  const host = instance.startsWith(scheme) ? instance.slice(scheme.length) : instance;
  if (!AUTH_URL_HOST.test(host) || !isHttpUrl(`${scheme}${host}`)) return `Invalid ${inputName}: the instance after '@' is not a host name (with an optional port) or an http(s) URL of one. ${expected}.`;
  return { clientId, clientSecret, refreshToken, loginUrl: `${scheme}${host}` };
}

function credentials(role: OrgRole, read: InputReader, secret: (name: string) => string, setSecret: SecretRegistrar, problems: string[]): OrgCredentials | undefined {
  const name = (suffix: OrgInputs): string => `${role}-${suffix}`;
  const authUrl = secret(name(OrgInputs.AuthUrl));
  const accessToken = secret(name(OrgInputs.AccessToken));
  const jwtKey = secret(name(OrgInputs.JwtKey));
  const username = read(name(OrgInputs.Username));
  const clientId = read(name(OrgInputs.ClientId));
  const instanceUrl = (read(name(OrgInputs.InstanceUrl)) || (role === 'sandbox' ? 'https://test.salesforce.com' : 'https://login.salesforce.com')).replace(/\/+$/, '');

  const methods = [authUrl && 'auth URL', (username || clientId || jwtKey) && 'JWT bearer', accessToken && 'access token'].filter(Boolean);
  if (methods.length > 1) {
    problems.push(`The ${role} org has ${methods.join(' and ')} credentials: set exactly one method (${name(OrgInputs.AuthUrl)}; or ${name(OrgInputs.Username)} + ${name(OrgInputs.ClientId)} + ${name(OrgInputs.JwtKey)}; or ${name(OrgInputs.AccessToken)}).`);
    return undefined;
  }
  if (!isHttpUrl(instanceUrl)) {
    problems.push(`Invalid ${name(OrgInputs.InstanceUrl)} '${sanitize(instanceUrl)}'. Expected an http(s) URL such as https://acme.my.salesforce.com.`);
    return undefined;
  }
  if (authUrl) {
    const parsed = parseAuthUrl(authUrl, name(OrgInputs.AuthUrl));
    if (typeof parsed === 'string') {
      problems.push(parsed);
      return undefined;
    }
    // The parts are masked on their own too: an error from a client may quote just one of them.
    for (const part of [parsed.refreshToken, parsed.clientSecret]) if (part) setSecret(part);
    return { method: 'auth-url', role, ...parsed };
  }
  if (username || clientId || jwtKey) {
    const missing = [
      !username && name(OrgInputs.Username),
      !clientId && name(OrgInputs.ClientId),
      !jwtKey && name(OrgInputs.JwtKey),
    ].filter(Boolean);
    if (missing.length > 0) {
      problems.push(`Incomplete JWT bearer credentials for the ${role} org: missing ${missing.join(' and ')}. The JWT flow needs ${name(OrgInputs.Username)}, ${name(OrgInputs.ClientId)} and ${name(OrgInputs.JwtKey)}.`);
      return undefined;
    }
    const privateKey = jwtKey.replace(/\\n/g, '\n');
    // The runner masks a multi-line secret line by line only if each line is registered.
    for (const line of privateKey.split('\n')) if (line.trim().length >= 8 && !line.startsWith('-----')) setSecret(line.trim());
    if (!/-----BEGIN (RSA |ENCRYPTED )?PRIVATE KEY-----/.test(privateKey)) {
      problems.push(`Invalid ${name(OrgInputs.JwtKey)}: expected a PEM private key starting with -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----.`);
      return undefined;
    }
    return { method: 'jwt', role, username, clientId, privateKey, loginUrl: instanceUrl };
  }
  if (accessToken) return { method: 'access-token', role, accessToken, instanceUrl };
  return undefined;
}

/**
 * The package inputs, with every problem of them: missing folders or manifest, and what a package
 * may not hold (SPEC.md "Evidence": a path outside the workspace or in a dot-folder, a symbolic
 * link leading out of its package directory), all before any network call.
 */
function packaging(read: InputReader, workspace: string, problems: string[]): { sourceDirs: string[]; manifest?: string } {
  const found: string[] = [];
  const result = packagingInputs(read, workspace, found);
  problems.push(...found);
  const manifestFound = result.manifest !== undefined && !found.some((p) => p.startsWith(`Input '${Inputs.Manifest}': no file`));
  problems.push(...packageContentProblems(workspace, result.sourceDirs, manifestFound ? result.manifest : undefined));
  return result;
}

function packagingInputs(read: InputReader, workspace: string, problems: string[]): { sourceDirs: string[]; manifest?: string } {
  const manifest = read(Inputs.Manifest) || undefined;
  if (manifest && !isFileUnder(workspace, manifest)) {
    problems.push(`Input '${Inputs.Manifest}': no file '${sanitize(manifest)}' in the repository (${workspace}). Expected the path of a package.xml relative to the repository root.`);
  }
  const given = list(read(Inputs.SourceDir));
  if (given.length > 0) {
    for (const dir of given) {
      const resolved = path.resolve(workspace, dir);
      // A folder outside the repository is reported by packageContentProblems.
      if (isInside(path.resolve(workspace), resolved) && (!existsSync(resolved) || !statSync(resolved).isDirectory())) {
        problems.push(`Input '${Inputs.SourceDir}': no directory '${sanitize(dir)}' in the repository (${workspace}). Expected SFDX source-format folders such as force-app.`);
      }
    }
    return { sourceDirs: given, manifest };
  }
  const project = path.join(workspace, 'sfdx-project.json');
  if (!existsSync(project)) {
    if (!manifest) {
      problems.push(`Input '${Inputs.SourceDir}' is empty and there is no sfdx-project.json at the repository root (${workspace}) to take packageDirectories from. Set ${Inputs.SourceDir} or ${Inputs.Manifest}, or check out the repository first (actions/checkout).`);
    }
    return { sourceDirs: [], manifest };
  }
  try {
    const dirs = (JSON.parse(readFileSync(project, 'utf8')).packageDirectories ?? []).map((d: { path: string }) => d.path);
    if (dirs.length === 0) problems.push(`sfdx-project.json has no packageDirectories; set ${Inputs.SourceDir}.`);
    return { sourceDirs: dirs, manifest };
  } catch (error) {
    problems.push(`sfdx-project.json could not be read as JSON (${(error as Error).message}); set ${Inputs.SourceDir} or fix the file.`);
    return { sourceDirs: [], manifest };
  }
}

function isFileUnder(workspace: string, file: string): boolean {
  const resolved = path.resolve(workspace, file);
  return isInside(path.resolve(workspace), resolved) && existsSync(resolved) && statSync(resolved).isFile();
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

function oneOf(read: InputReader, name: string, accepted: string[], fallback: string, problems: string[], caseInsensitive = false): string {
  const raw = read(name) || fallback;
  const value = caseInsensitive ? raw.toLowerCase() : raw;
  if (accepted.includes(value)) return value;
  problems.push(`Invalid ${name} '${sanitize(raw)}'. Expected one of ${accepted.join(', ')}.`);
  return fallback;
}

function boolean(read: InputReader, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = read(name);
  if (!raw) return fallback;
  if (['true', 'True', 'TRUE'].includes(raw)) return true;
  if (['false', 'False', 'FALSE'].includes(raw)) return false;
  problems.push(`Invalid ${name} '${sanitize(raw)}'. Expected true or false.`);
  return fallback;
}

function number(read: InputReader, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = read(name);
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    problems.push(`Invalid ${name} '${sanitize(raw)}'. Expected a number from ${min} to ${max}.`);
    return fallback;
  }
  return value;
}

function integer(read: InputReader, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = read(name);
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`Invalid ${name} '${sanitize(raw)}'. Expected a whole number from ${min} to ${max}.`);
    return fallback;
  }
  return value;
}

function positiveInteger(read: InputReader, name: string, problems: string[]): number | undefined {
  const raw = read(name);
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    problems.push(`Invalid ${name} '${sanitize(raw)}'. Expected a positive whole number (a workflow run id or attempt).`);
    return undefined;
  }
  return value;
}
