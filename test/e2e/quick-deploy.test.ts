import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, test } from '@jest/globals';
import { strFromU8, unzipSync } from 'fflate';
import { runAction, type ActionRun } from '../support/action-runner.js';
import { OWNER, REPO, WRITERS, startGitHubWorld, type GitHubWorld, type MergedPullRequest } from '../support/github-world.js';
import { startOrgs, type OrgWorld } from '../support/orgs.js';

let orgs: OrgWorld;
let github: GitHubWorld;
beforeAll(async () => {
  orgs = await startOrgs();
  github = await startGitHubWorld({ firstRunId: 9100 });
  github.emulator.addRepo({ owner: FORK_OWNER, repo: REPO, forkOf: { owner: OWNER, repo: REPO } });
});
afterAll(async () => {
  await orgs.close();
  await github.close();
});

const credentials = () => ({ 'sandbox-auth-url': orgs.sandboxAuthUrl, 'production-auth-url': orgs.productionAuthUrl });
const mark = () => orgs.emulator.requests.at(-1)?.seq ?? 0;
const since = (seq: number) => orgs.emulator.requests.filter((r) => r.seq > seq && r.orgId === orgs.production.id);

const approved = (files?: Record<string, string | null>) => github.mergedPullRequest({ reviews: [{ user: WRITERS[0], state: 'APPROVED' }], files });
const GREETING = 'force-app/main/default/classes/Greeting.cls';
/** Greeting.cls as the origin's main holds it now, greeting with `word` instead. */
const greetingWith = (word: string) => readFileSync(path.join(github.origin.dir, GREETING), 'utf8').replace(/return '\w+, '/, `return '${word}, '`);

/** The pull request's workflow run, validating its head against the sandbox and production; `fork` runs it from a fork. */
async function validateWithProduction(workspace: string, pr: MergedPullRequest, options: { fork?: boolean } = {}): Promise<ActionRun & { runId: number }> {
  const payload = { number: pr.number, pull_request: { number: pr.number, head: { sha: pr.headSha, ref: 'feature/q' }, base: { ref: 'main' }, user: { login: pr.author } } };
  const env = github.run({ sha: pr.headSha, event: 'pull_request', branch: 'feature/q', ...(options.fork ? { headRepository: { owner: FORK_OWNER, repo: REPO } } : {}) });
  const run = await runAction({ eventName: 'pull_request', payload, sha: pr.headSha, ref: `refs/pull/${pr.number}/merge`, workspace, inputs: { ...credentials(), 'validate-production': 'true' }, ...env });
  return { ...run, runId: env.runId };
}

/** The push of the pull request's merge to main. */
async function release(workspace: string, pr: MergedPullRequest): Promise<ActionRun> {
  return runAction({ eventName: 'push', ref: 'refs/heads/main', sha: pr.mergeSha, workspace, inputs: { ...credentials(), environment: 'production', 'validate-production': 'true' }, ...github.run({ sha: pr.mergeSha }) });
}

/** The ledger artifacts a pull-request run uploaded. */
const ledgerArtifacts = (runId: number) => github.repo.artifacts(runId).filter((a) => a.name.startsWith('salesforce-validation-'));
const ledgerEntry = (runId: number) => JSON.parse(strFromU8(unzipSync(ledgerArtifacts(runId)[0]!.bytes)['validation.json']!)) as Record<string, unknown>;
/** The production-validation Deployments the action used to write (and an attacker still can). */
const ledger = () => github.repo.deployments().filter((d) => d.environment === 'production-validation');
const FORK_OWNER = 'mallory';

/** Writes a ledger entry as a GitHub Deployment through the REST API, as anyone with `deployments: write` can. */
async function forgeLedgerEntry(payload: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${github.emulator.apiUrl}/repos/${OWNER}/${REPO}/deployments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${github.token}`, 'content-type': 'application/json', accept: 'application/vnd.github+json' },
    body: JSON.stringify({ ref: payload.sha, task: 'salesforce:validation', environment: 'production-validation', payload, auto_merge: false, required_contexts: [], transient_environment: true, production_environment: false }),
  });
  assert.equal(response.status, 201, await response.text());
}

test('a release quick deploys the production validation of its pull request', async () => {
  const change = approved();
  const workspace = change.workspace;
  const pr = await validateWithProduction(workspace, change);
  assert.equal(pr.outputs.status, 'succeeded', pr.stdout);
  assert.match(pr.outputs['production-validation-id'], /^0Af/);
  assert.deepEqual(ledgerArtifacts(pr.runId).map((a) => a.name), [`salesforce-validation-${orgs.production.id}-${pr.runId}-1`]);
  const entry = ledgerEntry(pr.runId);
  assert.deepEqual({ validationId: entry.validationId, sha: entry.sha }, { validationId: pr.outputs['production-validation-id'], sha: change.headSha });
  assert.equal(ledger().length, 0, 'the pull-request run wrote a GitHub Deployment');

  const seq = mark();
  const run = await release(workspace, change);
  assert.equal(run.exitCode, 0, run.stdout);
  assert.equal(run.outputs.status, 'succeeded');
  assert.equal(run.outputs['quick-deployed'], 'true');
  assert.match(run.stdout, new RegExp(`Production validation ${pr.outputs['production-validation-id']} of this exact content .* is confirmed by Salesforce`));
  const production = since(seq);
  assert.equal(production.filter((r) => r.kind === 'soap.deployRecentValidation').length, 1);
  assert.equal(production.filter((r) => r.kind === 'soap.deploy' && r.detail?.checkOnly === false).length, 0, 'a full deploy was sent as well');
  const quick = orgs.production.deploys.find((d) => d.id === run.outputs['deploy-id']);
  assert.equal(quick?.validatedDeployRequestId, pr.outputs['production-validation-id']);
  assert.ok(orgs.production.component('ApexClass', 'InvoiceService'));
});

test('a release of different content runs a full deploy', async () => {
  const change = approved();
  // The pull request run validated other content than the release packages.
  const validated = github.checkout(change.mergeSha);
  const file = path.join(validated, GREETING);
  writeFileSync(file, readFileSync(file, 'utf8').replace('Hello, ', 'Hi, '));
  await validateWithProduction(validated, change);
  const seq = mark();
  const run = await release(change.workspace, change);
  assert.equal(run.outputs.status, 'succeeded', run.stdout);
  assert.equal(run.outputs['quick-deployed'], 'false');
  assert.equal(since(seq).filter((r) => r.kind === 'soap.deployRecentValidation').length, 0);
  assert.match(run.summary, /quick deploy: not used, no production validation of the approved head [0-9a-f]{7} could be confirmed: artifact 'salesforce-validation-\w+-\d+-1' of run \d+: it validated other content than this package/);
});

test('a validation invalidated by a later deploy falls back to a full deploy', async () => {
  const open = github.openPullRequest({ reviews: [{ user: WRITERS[0], state: 'APPROVED' }], files: { [GREETING]: greetingWith('Howdy') } });
  const pr = await validateWithProduction(github.checkout(open.headSha), { ...open, mergeSha: open.headSha, workspace: '' });
  assert.equal(pr.outputs.status, 'succeeded', pr.stdout);
  // Another release reaches production in between (the whole source, as every release without
  // delta deploys it), which invalidates every validation.
  const other = approved();
  assert.equal((await release(other.workspace, other)).outputs.status, 'succeeded');

  const change = github.mergePullRequest(open);
  const seq = mark();
  const run = await release(change.workspace, change);
  assert.equal(run.exitCode, 0, run.stdout);
  assert.equal(run.outputs['quick-deployed'], 'false');
  assert.match(run.stdout, /Salesforce refused the quick deploy of validation .*Running a full deploy with tests instead/);
  const production = since(seq);
  assert.equal(production.filter((r) => r.kind === 'soap.deployRecentValidation').length, 1);
  assert.equal(production.filter((r) => r.kind === 'soap.deploy' && r.detail?.checkOnly === false).length, 1);
  assert.match(orgs.production.component('ApexClass', 'Greeting')!.files['classes/Greeting.cls'], /Howdy, /);
});

test('a release does not use a validation recorded for another head commit, even of the same content', async () => {
  const validated = approved({ [GREETING]: greetingWith('Salut') });
  assert.equal((await validateWithProduction(validated.workspace, validated)).outputs.status, 'succeeded');
  // The same content reaches main through another pull request, whose head was never validated.
  const released = approved();
  const seq = mark();
  const run = await release(released.workspace, released);
  assert.equal(run.exitCode, 0, run.stdout);
  assert.equal(run.outputs['quick-deployed'], 'false');
  assert.match(run.summary, new RegExp(`quick deploy: not used, no pull_request run of this repository on the approved head ${released.headSha.slice(0, 7)} recorded a production validation`));
  const production = since(seq);
  assert.equal(production.filter((r) => r.kind === 'soap.deployRecentValidation').length, 0);
  assert.equal(production.filter((r) => r.kind === 'soap.deploy' && r.detail?.checkOnly === false).length, 1);
});

test('a forged ledger Deployment naming a validation of other components is ignored: the genuine validation is quick deployed', async () => {
  // Someone validates a package with an extra class against production in a pull request of their own …
  const other = github.checkout(github.origin.main());
  const classes = path.join(other, 'force-app/main/default/classes');
  writeFileSync(path.join(classes, 'Backdoor.cls'), 'public with sharing class Backdoor {\n    public static void run() {}\n}\n');
  writeFileSync(path.join(classes, 'Backdoor.cls-meta.xml'), readFileSync(path.join(classes, 'Greeting.cls-meta.xml')));
  const foreign = await validateWithProduction(other, approved());
  assert.equal(foreign.outputs.status, 'succeeded', foreign.stdout);
  const foreignValidation = foreign.outputs['production-validation-id'];

  // … and, next to the genuine validation of the approved change, writes a ledger Deployment that
  // pairs that validation with the approved head.
  const change = approved({ [GREETING]: greetingWith('Hej') });
  const genuine = await validateWithProduction(change.workspace, change);
  assert.equal(genuine.outputs.status, 'succeeded', genuine.stdout);
  await forgeLedgerEntry({ ...ledgerEntry(genuine.runId), validationId: foreignValidation, validatedAt: new Date(Date.now() + 1000).toISOString() });

  const seq = mark();
  const run = await release(change.workspace, change);
  assert.equal(run.exitCode, 0, run.stdout);
  assert.equal(run.outputs.status, 'succeeded');
  assert.equal(run.outputs['quick-deployed'], 'true');
  assert.equal(orgs.production.deploys.find((d) => d.id === run.outputs['deploy-id'])?.validatedDeployRequestId, genuine.outputs['production-validation-id']);
  assert.equal(since(seq).filter((r) => r.kind === 'soap.deployRecentValidation').length, 1);
  assert.equal(orgs.production.component('ApexClass', 'Backdoor'), undefined);
  assert.match(orgs.production.component('ApexClass', 'Greeting')!.files['classes/Greeting.cls'], /Hej, /);
});

test('a forged production-validation Deployment naming a validation of other content with the same components is never quick deployed', async () => {
  // Someone validates other content of the same components (a changed Greeting) against production …
  const evil = github.checkout(github.origin.main());
  const evilFile = path.join(evil, GREETING);
  writeFileSync(evilFile, readFileSync(evilFile, 'utf8').replace(/return '\w+, '/, "return 'Pwned, '"));
  const foreign = await validateWithProduction(evil, github.mergedPullRequest({}));
  assert.equal(foreign.outputs.status, 'succeeded', foreign.stdout);
  const foreignValidation = foreign.outputs['production-validation-id'];

  // … the approved change is validated too, and a newer ledger Deployment (deployments: write)
  // pairs the foreign validation with the approved head and the approved content's digest.
  const change = approved({ [GREETING]: greetingWith('Moin') });
  const genuine = await validateWithProduction(change.workspace, change);
  assert.equal(genuine.outputs.status, 'succeeded', genuine.stdout);
  await forgeLedgerEntry({ ...ledgerEntry(genuine.runId), validationId: foreignValidation, validatedAt: new Date(Date.now() + 1000).toISOString() });

  const run = await release(change.workspace, change);
  assert.equal(run.exitCode, 0, run.stdout);
  assert.equal(run.outputs.status, 'succeeded');
  assert.notEqual(orgs.production.deploys.find((d) => d.id === run.outputs['deploy-id'])?.validatedDeployRequestId, foreignValidation, 'the foreign validation was quick deployed');
  assert.match(orgs.production.component('ApexClass', 'Greeting')!.files['classes/Greeting.cls'], /Moin, /);
  assert.doesNotMatch(orgs.production.component('ApexClass', 'Greeting')!.files['classes/Greeting.cls'], /Pwned, /);
});

test('a validation of the approved head recorded by a run from a fork is never quick deployed', async () => {
  // A fork's pull request runs whatever workflow the fork wrote; its artifacts prove nothing.
  const change = approved({ [GREETING]: greetingWith('Ciao') });
  const fromFork = await validateWithProduction(change.workspace, change, { fork: true });
  assert.equal(fromFork.outputs.status, 'succeeded', fromFork.stdout);
  assert.equal(ledgerArtifacts(fromFork.runId).length, 1);

  const seq = mark();
  const run = await release(change.workspace, change);
  assert.equal(run.exitCode, 0, run.stdout);
  assert.equal(run.outputs['quick-deployed'], 'false');
  assert.match(run.summary, new RegExp(`quick deploy: not used, no pull_request run of this repository on the approved head ${change.headSha.slice(0, 7)} recorded a production validation \\(not counted: run ${fromFork.runId} ran on a commit from ${FORK_OWNER}/${REPO} \\(a fork\\)`));
  const production = since(seq);
  assert.equal(production.filter((r) => r.kind === 'soap.deployRecentValidation').length, 0);
  assert.equal(production.filter((r) => r.kind === 'soap.deploy' && r.detail?.checkOnly === false).length, 1);
});

test('a validation that completed ten days ago by the org clock is not quick deployed', async () => {
  const change = approved({ [GREETING]: greetingWith('Servus') });
  const pr = await validateWithProduction(change.workspace, change);
  assert.equal(pr.outputs.status, 'succeeded', pr.stdout);
  // The org completed it ten days and a minute ago; its ledger artifact is as fresh as ever.
  const validation = orgs.production.deploys.find((d) => d.id === pr.outputs['production-validation-id'])!;
  validation.result.completedDate = new Date(Date.now() - 10 * 86400000 - 60000).toISOString();

  const seq = mark();
  const run = await release(change.workspace, change);
  assert.equal(run.exitCode, 0, run.stdout);
  assert.equal(run.outputs['quick-deployed'], 'false');
  assert.match(run.summary, /quick deploy: not used, .*10\.0 days before the org's time .*a validation can be quick deployed for 10 days/);
  const production = since(seq);
  assert.ok(production.some((r) => r.kind === 'soap.getServerTimestamp'), 'the org clock was not asked');
  assert.equal(production.filter((r) => r.kind === 'soap.deployRecentValidation').length, 0);
  assert.equal(production.filter((r) => r.kind === 'soap.deploy' && r.detail?.checkOnly === false).length, 1);
});
