import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, test } from '@jest/globals';
import { runAction, type ActionRun } from '../support/action-runner.js';
import { OWNER, REPO, WRITERS, startGitHubWorld, type GitHubWorld, type MergedPullRequest } from '../support/github-world.js';
import { startOrgs, type OrgWorld } from '../support/orgs.js';

let orgs: OrgWorld;
let github: GitHubWorld;
beforeAll(async () => {
  orgs = await startOrgs();
  github = await startGitHubWorld({ firstRunId: 9100 });
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

/** The pull request's workflow run, validating its head against the sandbox and production. */
async function validateWithProduction(workspace: string, pr: MergedPullRequest): Promise<ActionRun> {
  const payload = { number: pr.number, pull_request: { number: pr.number, head: { sha: pr.headSha, ref: 'feature/q' }, base: { ref: 'main' }, user: { login: pr.author } } };
  return runAction({ eventName: 'pull_request', payload, sha: pr.headSha, ref: `refs/pull/${pr.number}/merge`, workspace, inputs: { ...credentials(), 'validate-production': 'true' }, ...github.run({ sha: pr.headSha, event: 'pull_request' }) });
}

/** The push of the pull request's merge to main. */
async function release(workspace: string, pr: MergedPullRequest): Promise<ActionRun> {
  return runAction({ eventName: 'push', ref: 'refs/heads/main', sha: pr.mergeSha, workspace, inputs: { ...credentials(), environment: 'production', 'validate-production': 'true' }, ...github.run({ sha: pr.mergeSha }) });
}

const ledger = () => github.repo.deployments().filter((d) => d.environment === 'production-validation');

/** Writes a ledger entry through the REST API, as anyone with `deployments: write` can. */
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
  const entries = ledger().length;
  const pr = await validateWithProduction(workspace, change);
  assert.equal(pr.outputs.status, 'succeeded', pr.stdout);
  assert.match(pr.outputs['production-validation-id'], /^0Af/);
  const recorded = ledger().slice(entries);
  assert.equal(recorded.length, 1);
  assert.deepEqual(
    { validationId: (recorded[0].payload as { validationId: string }).validationId, sha: (recorded[0].payload as { sha: string }).sha },
    { validationId: pr.outputs['production-validation-id'], sha: change.headSha },
  );

  const seq = mark();
  const run = await release(workspace, change);
  assert.equal(run.exitCode, 0, run.stdout);
  assert.equal(run.outputs.status, 'succeeded');
  assert.equal(run.outputs['quick-deployed'], 'true');
  assert.match(run.stdout, /Production validation 0Af\w+ of this exact content .* is confirmed by Salesforce/);
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
  assert.match(run.stdout, new RegExp(`No production validation of this exact content for the approved head ${change.headSha.slice(0, 7)}`));
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
  assert.match(run.stdout, new RegExp(`No production validation of this exact content for the approved head ${released.headSha.slice(0, 7)}`));
  const production = since(seq);
  assert.equal(production.filter((r) => r.kind === 'soap.deployRecentValidation').length, 0);
  assert.equal(production.filter((r) => r.kind === 'soap.deploy' && r.detail?.checkOnly === false).length, 1);
});

test('a forged ledger entry naming a validation of other components is refused once Salesforce is asked', async () => {
  // Someone validates a package with an extra class against production in a pull request of their own …
  const other = github.checkout(github.origin.main());
  const classes = path.join(other, 'force-app/main/default/classes');
  writeFileSync(path.join(classes, 'Backdoor.cls'), 'public with sharing class Backdoor {\n    public static void run() {}\n}\n');
  writeFileSync(path.join(classes, 'Backdoor.cls-meta.xml'), readFileSync(path.join(classes, 'Greeting.cls-meta.xml')));
  const foreign = await validateWithProduction(other, approved());
  assert.equal(foreign.outputs.status, 'succeeded', foreign.stdout);
  const foreignValidation = foreign.outputs['production-validation-id'];

  // … and, next to the genuine entry of the approved change, writes one that pairs that
  // validation with the approved head and content.
  const change = approved({ [GREETING]: greetingWith('Hej') });
  const workspace = change.workspace;
  const entries = ledger().length;
  assert.equal((await validateWithProduction(workspace, change)).outputs.status, 'succeeded');
  const genuine = ledger().slice(entries)[0].payload as Record<string, unknown>;
  await forgeLedgerEntry({ ...genuine, validationId: foreignValidation, validatedAt: new Date(Date.now() + 1000).toISOString() });

  const seq = mark();
  const run = await release(workspace, change);
  assert.equal(run.exitCode, 0, run.stdout);
  assert.equal(run.outputs.status, 'succeeded');
  assert.equal(run.outputs['quick-deployed'], 'false');
  assert.match(run.stdout, new RegExp(`names production validation ${foreignValidation} for this content, but Salesforce reports that it would deploy ApexClass:Backdoor, which this package does not`));
  const production = since(seq);
  assert.ok(production.some((r) => r.kind === 'soap.checkDeployStatus'), 'the validation was not checked with Salesforce');
  assert.equal(production.filter((r) => r.kind === 'soap.deployRecentValidation').length, 0);
  assert.equal(production.filter((r) => r.kind === 'soap.deploy' && r.detail?.checkOnly === false).length, 1);
  assert.equal(orgs.production.component('ApexClass', 'Backdoor'), undefined);
  assert.match(orgs.production.component('ApexClass', 'Greeting')!.files['classes/Greeting.cls'], /Hej, /);
});
