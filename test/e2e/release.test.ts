// The protected-branch release end to end: the bundled action on a `push` to main with
// `environment: production`, against the Salesforce org emulator (a sandbox and production) and
// the GitHub emulator (reviews, branch protection, deployments, the artifact service).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { runAction, type ActionRun } from '../support/action-runner.js';
import {
  AUTHOR, BOT, RELEASE_TEAM, onPush, recordArrivalOrder, startGitHubWorld, type GitHubWorld, type MergedPullRequest, type ReviewGiven, type TimelineEntry,
} from '../support/github-world.js';
import { startOrgs, type OrgWorld } from '../support/orgs.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/project/force-app/main/default', import.meta.url));
const CLASSES = 'force-app/main/default/classes';
/** Production's version of Greeting before any release, so the release visibly replaces it. */
const GREETING_IN_PRODUCTION = 'public with sharing class Greeting {\n    public static String hello() { return \'Hi\'; }\n}\n';
const CLASS_META = '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>62.0</apiVersion>\n    <status>Active</status>\n</ApexClass>\n';

let orgs: OrgWorld;
let github: GitHubWorld;

beforeAll(async () => {
  [orgs, github] = await Promise.all([startOrgs(), startGitHubWorld()]);
  orgs.production.putFiles({ 'classes/Greeting.cls': GREETING_IN_PRODUCTION, 'classes/Greeting.cls-meta.xml': CLASS_META });
});
afterAll(async () => {
  await Promise.all([orgs?.close(), github?.close()]);
});

const approvedByTwo: ReviewGiven[] = [
  { user: 'alice', state: 'APPROVED' },
  { user: 'bob', state: 'APPROVED' },
];

/** Where both emulators' logs and production's deploy list stood before a run. */
interface Marks {
  salesforce: number;
  github: number;
  productionDeploys: number;
  artifacts: Set<number>;
  deployments: Set<number>;
}

function mark(): Marks {
  return {
    salesforce: orgs.emulator.requests.at(-1)?.seq ?? 0,
    github: github.mark(),
    productionDeploys: orgs.production.deploys.length,
    artifacts: new Set(github.repo.artifacts().map((a) => a.id)),
    deployments: new Set(github.repo.deployments().map((d) => d.id)),
  };
}

interface Release {
  run: ActionRun;
  pr?: MergedPullRequest;
  runId: number;
  runAttempt: number;
  runtimeToken: string;
  since: Marks;
}

/**
 * Runs the action the way a workflow on `push` to main with `environment: production` does, for
 * the merge commit of `pr` (or `sha`), in a fresh workflow run unless `runId` is given.
 */
async function release(
  target: { pr: MergedPullRequest } | { sha: string },
  options: {
    inputs?: Record<string, string | number | boolean>;
    ref?: string;
    eventName?: string;
    payload?: Record<string, unknown>;
    runId?: number;
    jobId?: string;
    /** Approvals of this run's deployment review for the production environment. */
    deploymentApprovers?: string[];
    /** The checked-out repository; by default a checkout of the release commit. */
    workspace?: string;
  } = {},
): Promise<Release> {
  const pr = 'pr' in target ? target.pr : undefined;
  const sha = pr ? pr.mergeSha : (target as { sha: string }).sha;
  const ref = options.ref ?? 'refs/heads/main';
  const eventName = options.eventName ?? 'push';
  const { runtimeToken, ...context } = github.run({
    sha,
    event: eventName,
    ...(options.runId ? { runId: options.runId } : {}),
    ...(options.jobId ? { jobId: options.jobId } : {}),
    deploymentReviews: (options.deploymentApprovers ?? []).map((user) => ({ user, environment: 'production' })),
  });
  const payload = options.payload ?? { ref, before: '0'.repeat(40), after: sha, repository: { full_name: 'acme/crm', default_branch: 'main' }, pusher: { name: AUTHOR }, head_commit: { id: sha } };
  const since = mark();
  const run = await runAction({
    eventName,
    payload,
    ref,
    sha,
    workspace: options.workspace ?? (pr ? pr.workspace : github.checkout(sha)),
    ...context,
    inputs: {
      environment: 'production',
      'sandbox-auth-url': orgs.sandboxAuthUrl,
      'production-auth-url': orgs.productionAuthUrl,
      'required-approvals': 2,
      ...options.inputs,
    },
  });
  return { run, pr, runId: context.runId, runAttempt: context.runAttempt, runtimeToken, since };
}

function salesforceSince(since: Marks) {
  return orgs.emulator.requests.filter((r) => r.seq > since.salesforce);
}

/** Requests after the mark that could change production: a deploy that is not check-only, or a quick deploy, by any API. */
function productionChanges(since: Marks) {
  return salesforceSince(since).filter(
    (r) => r.orgId === orgs.production.id && (r.kind === 'soap.deployRecentValidation' || r.kind === 'rest.deployRequest.create' || (r.kind === 'soap.deploy' && r.detail?.checkOnly === false)),
  );
}

/**
 * Runs `react` once, when the first Salesforce request matching `match` arrives. The emulator
 * logs a request before it parses it, so the match is looked at a microtask later, by which
 * time its kind and org are filled in and the action is still waiting for the answer.
 */
function whenSalesforceReceives(match: (entry: { kind: string; orgId?: string }) => boolean, react: () => void): () => void {
  let reacted = false;
  return onPush(orgs.emulator.requests, (entry) =>
    queueMicrotask(() => {
      if (reacted || !match(entry)) return;
      reacted = true;
      react();
    }),
  );
}

/** The message the run failed with (core.setFailed's `::error::` line). */
function failure(run: ActionRun): string {
  const annotation = run.annotations.filter((a) => a.level === 'error' && !a.file).at(-1);
  assert.ok(annotation, `the run did not fail with a message:\n${run.stdout}`);
  return annotation.message;
}

/** The gates of a production release, in the order SPEC.md reports them. */
const SPEC_GATES = ['branch', 'org identity', 'validation', 'approvals', 'rollback snapshot'];

/** The job summary's gate checklist as [state, gate] pairs, in the order it lists them. */
function gateChecklist(run: ActionRun): Array<[string, string]> {
  const states: Record<string, string> = { '✅': 'passed', '⛔': 'refused', '⏭️': 'skipped', '⬜': 'not reached' };
  return [...run.summary.matchAll(/^- (✅|⛔|⏭️|⬜) \*\*([^*]+)\*\*/gmu)].map((m) => [states[m[1]!]!, m[2]!]);
}

/** Every secret a release handles, none of which may reach anything a user can read. */
function secretsOf(r: Release): string[] {
  const refreshToken = (authUrl: string) => /^force:\/\/[^:]*:[^:]*:([^@]+)@/.exec(authUrl)![1]!;
  return [orgs.sandboxAuthUrl, orgs.productionAuthUrl, refreshToken(orgs.sandboxAuthUrl), refreshToken(orgs.productionAuthUrl), r.runtimeToken, github.token];
}

function assertNoSecrets(r: Release): void {
  const { run } = r;
  const visible = [run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n'), run.stderr, run.summary, JSON.stringify(run.outputs)].join('\n');
  for (const secret of secretsOf(r)) assert.ok(!visible.includes(secret), `a secret (${secret.slice(0, 6)}…) reached the log, summary or outputs`);
}

/**
 * What every refused or failed release guarantees: a non-zero exit with the status, a message
 * naming the gate, and production untouched — no deploy, no rollback artifact, no GitHub deployment.
 */
function assertStoppedBeforeProduction(r: Release, expected: { status: 'blocked' | 'failed'; gate: string; message: RegExp }): void {
  const { run, since } = r;
  assert.equal(run.exitCode, 1, run.stdout);
  assert.equal(run.outputs.status, expected.status);
  const message = failure(run);
  assert.ok(message.startsWith(`Gate '${expected.gate}' refused: `), `the message does not name gate '${expected.gate}': ${message}`);
  assert.match(message, expected.message);
  const checklist = gateChecklist(run);
  assert.ok(checklist.some(([state, gate]) => state === 'refused' && gate === expected.gate), `the summary does not show gate '${expected.gate}' refused: ${JSON.stringify(checklist)}`);
  assert.ok(!checklist.some(([state, gate]) => state === 'passed' && gate === 'rollback snapshot'), 'the summary shows the rollback snapshot as passed');

  assert.deepEqual(productionChanges(since), [], 'a deploy was submitted to production');
  assert.equal(orgs.production.deploys.slice(since.productionDeploys).filter((d) => !d.checkOnly).length, 0, 'production recorded a deploy');
  assert.deepEqual(github.requestsSince(since.github).filter((q) => q.kind === 'twirp.FinalizeArtifact'), [], 'a rollback artifact was finalized');
  assert.deepEqual(github.repo.artifacts().filter((a) => a.finalized && !since.artifacts.has(a.id)).map((a) => a.name), [], 'a rollback artifact was stored');
  assert.deepEqual(github.repo.deployments().filter((d) => !since.deployments.has(d.id)).map((d) => d.environment), [], 'a GitHub deployment was recorded');
  assert.equal(run.outputs['deploy-id'], undefined);
  assert.equal(run.outputs['rollback-artifact'], undefined);
  assertNoSecrets(r);
}

describe('a release that passes every gate', () => {
  let r: Release;
  let timeline: Array<TimelineEntry<{ kind: string; orgId?: string; detail?: unknown }>>;

  beforeAll(async () => {
    const arrivals = recordArrivalOrder<{ kind: string; orgId?: string; detail?: unknown }>({
      salesforce: orgs.emulator.requests,
      github: github.emulator.requests,
    });
    try {
      r = await release({ pr: github.mergedPullRequest({ reviews: approvedByTwo }) });
    } finally {
      arrivals.stop();
    }
    timeline = arrivals.timeline();
  });

  /** Index in the merged timeline of the first (or last) request matching. */
  const at = (which: 'first' | 'last', match: (e: TimelineEntry<any>) => boolean, what: string): number => {
    const index = which === 'first' ? timeline.findIndex(match) : timeline.findLastIndex(match);
    assert.ok(index >= 0, `no ${what} in the request logs`);
    return index;
  };
  const sf = (kind: string, orgId: string, extra: (detail: any) => boolean = () => true) => (e: TimelineEntry<any>) =>
    e.source === 'salesforce' && e.entry.kind === kind && e.entry.orgId === orgId && extra(e.entry.detail);
  const gh = (kind: string) => (e: TimelineEntry<any>) => e.source === 'github' && e.entry.kind === kind;

  test('succeeds with the deploy id and the rollback artifact named after the production org and the run', () => {
    const { run } = r;
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.status, 'succeeded');
    assert.match(run.outputs['deploy-id'], /^0Af[A-Za-z0-9]{15}$/);
    assert.match(run.outputs['validation-id'], /^0Af[A-Za-z0-9]{15}$/);
    assert.notEqual(run.outputs['deploy-id'], run.outputs['validation-id']);
    assert.equal(orgs.production.id.length, 18);
    assert.equal(run.outputs['rollback-artifact'], `salesforce-rollback-${orgs.production.id}-${r.runId}-${r.runAttempt}`);
    assert.equal(run.outputs.components, '7');
    assert.equal(run.outputs['quick-deployed'], 'false');
    const deploy = orgs.production.deploys.find((d) => d.id === run.outputs['deploy-id']);
    assert.ok(deploy, 'production has no deploy with the deploy-id output');
    assert.equal(deploy.checkOnly, false);
    assert.equal(deploy.rollbackOnError, true);
    assert.equal(deploy.result.status, 'Succeeded');
    const validation = orgs.sandbox.deploys.find((d) => d.id === run.outputs['validation-id']);
    assert.ok(validation, 'the sandbox has no deploy with the validation-id output');
    assert.equal(validation.checkOnly, true);
  });

  test('validates on the sandbox, snapshots production, stores and reads back the artifact, and only then deploys to production', () => {
    const validationSubmitted = at('first', sf('soap.deploy', orgs.sandbox.id, (d) => d?.checkOnly === true), 'check-only deploy on the sandbox');
    const validationId = (timeline[validationSubmitted]!.entry.detail as { id: string }).id;
    const validationFinished = at('last', sf('soap.checkDeployStatus', orgs.sandbox.id, (d) => d?.id === validationId), 'status check of the sandbox validation');
    assert.equal((timeline[validationFinished]!.entry.detail as { status: string }).status, 'Succeeded');
    const retrieve = at('first', sf('soap.retrieve', orgs.production.id), 'retrieve from production');
    const finalized = at('first', gh('twirp.FinalizeArtifact'), 'FinalizeArtifact');
    const listed = at('first', (e) => gh('twirp.ListArtifacts')(e) && e.order > timeline[finalized]!.order, 'ListArtifacts after the upload');
    const signed = at('first', (e) => gh('twirp.GetSignedArtifactURL')(e) && e.order > timeline[finalized]!.order, 'GetSignedArtifactURL after the upload');
    const downloaded = at('first', (e) => gh('blob.get')(e) && e.order > timeline[signed]!.order, 'blob download after the upload');
    const deployed = at('first', sf('soap.deploy', orgs.production.id, (d) => d?.checkOnly === false), 'deploy to production');

    const steps = { validationSubmitted, validationFinished, retrieve, finalized, listed, signed, downloaded, deployed };
    const order = Object.entries(steps).sort(([, a], [, b]) => a - b).map(([name]) => name);
    assert.deepEqual(order, Object.keys(steps));
    assert.equal((timeline[deployed]!.entry.detail as { id: string }).id, r.run.outputs['deploy-id']);
    // Exactly one production deploy, and nothing else that could change production before it.
    assert.equal(timeline.filter(sf('soap.deploy', orgs.production.id)).length, 1);
    assert.equal(timeline.findIndex((e) => e.source === 'salesforce' && e.entry.orgId === orgs.production.id && /deploy/i.test(e.entry.kind)), deployed);
  });

  test('stores the artifact with production as it was before the release', () => {
    const [artifact] = github.repo.artifacts(r.runId);
    assert.ok(artifact, 'the run has no artifact');
    assert.equal(artifact.name, r.run.outputs['rollback-artifact']);
    assert.equal(artifact.finalized, true);
    const files = unzipSync(artifact.bytes);
    assert.equal(strFromU8(files['classes/Greeting.cls']!), GREETING_IN_PRODUCTION);
    const manifest = JSON.parse(strFromU8(files['rollback.json']!)) as { orgId: string; commit: string };
    assert.equal(manifest.orgId, orgs.production.id);
    assert.equal(manifest.commit, r.pr!.mergeSha);
  });

  test('leaves production holding the release: every component with the repository content', () => {
    const inProduction = orgs.production.components().map((c) => `${c.type}:${c.fullName}`);
    for (const component of ['ApexClass:Greeting', 'ApexClass:InvoiceService', 'ApexClass:InvoiceServiceTest', 'CustomObject:Invoice__c', 'CustomField:Invoice__c.Amount__c']) {
      assert.ok(inProduction.includes(component), `production lacks ${component}`);
    }
    for (const name of ['Greeting', 'InvoiceService', 'InvoiceServiceTest']) {
      const files = orgs.production.component('ApexClass', name)?.files ?? {};
      assert.equal(files[`classes/${name}.cls`], readFileSync(path.join(FIXTURE, 'classes', `${name}.cls`), 'utf8'), `production's ${name} is not the repository's`);
    }
    const object = orgs.production.component('CustomObject', 'Invoice__c')?.files['objects/Invoice__c.object'] ?? '';
    assert.match(object, /<fullName>Amount__c<\/fullName>/);
    assert.equal(orgs.production.component('ApexClass', 'Ignored'), undefined, 'a .forceignore\'d class reached production');
  });

  test('records a GitHub deployment to production whose latest status is success, with the deploy id, the artifact and a Setup link', () => {
    const deployments = github.repo.deployments().filter((d) => d.sha === r.pr!.mergeSha);
    assert.equal(deployments.length, 1);
    const [deployment] = deployments;
    assert.equal(deployment!.environment, 'production');
    assert.equal(deployment!.production_environment, true);
    const payload = deployment!.payload as Record<string, unknown>;
    assert.equal(payload.rollbackArtifact, r.run.outputs['rollback-artifact']);
    assert.equal(payload.orgId, orgs.production.id);
    assert.equal(payload.runId, r.runId);
    const latest = deployment!.statuses.at(-1)!;
    assert.deepEqual(deployment!.statuses.map((s) => s.state), ['in_progress', 'success']);
    assert.match(latest.description, new RegExp(r.run.outputs['deploy-id']!));
    assert.ok(latest.description.includes(r.run.outputs['rollback-artifact']!), latest.description);
    const setup = new URL(latest.environment_url);
    assert.equal(setup.origin, orgs.emulator.url);
    assert.equal(setup.pathname, '/lightning/setup/DeployStatus/page');
    assert.equal(setup.searchParams.get('address'), `/changemgmt/monitorDeploymentsDetails.apexp?asyncId=${r.run.outputs['deploy-id']}`);
    assert.equal(latest.log_url, `https://github.com/acme/crm/actions/runs/${r.runId}`);
    assert.equal(r.run.outputs['deployment-id'], String(deployment!.id));
  });

  test('checks the approvals again after the validation, and right before touching production', () => {
    const reviewReads = timeline.map((e, i) => (gh('rest.pulls.listReviews')(e) ? i : -1)).filter((i) => i >= 0);
    assert.equal(reviewReads.length, 3, 'the reviews were not read three times');
    const validationSubmitted = at('first', sf('soap.deploy', orgs.sandbox.id), 'sandbox validation');
    const validationFinished = at('last', sf('soap.checkDeployStatus', orgs.sandbox.id), 'sandbox validation status');
    const retrieve = at('first', sf('soap.retrieve', orgs.production.id), 'production retrieve');
    assert.ok(reviewReads[0]! < validationSubmitted, 'the first approval check did not come before the validation');
    assert.ok(reviewReads[1]! > validationFinished && reviewReads[1]! < retrieve, 'the second approval check did not come between the validation and the snapshot');
    const productionDeploy = at('first', sf('soap.deploy', orgs.production.id, (d) => d?.checkOnly === false), 'production deploy');
    const finalized = at('first', gh('twirp.FinalizeArtifact'), 'rollback artifact finalized'); // the release record follows the deploy
    assert.ok(reviewReads[2]! > finalized && reviewReads[2]! < productionDeploy, 'the last approval check did not come between the snapshot and the production deploy');
    assert.match(r.run.stdout, /Gate 'approvals' passed: 2 of 2 required approval\(s\) \(alice, bob\), checked before validation/);
    assert.match(r.run.stdout, /Gate 'approvals' passed: 2 of 2 required approval\(s\) \(alice, bob\), checked right before the production deploy/);
  });

  test('reports the gates in the job summary as a checklist in SPEC order, all passed, with a link to the deploy in Setup', () => {
    assert.deepEqual(gateChecklist(r.run), SPEC_GATES.map((gate) => ['passed', gate]));
    assert.match(r.run.summary, /Salesforce Gated Deploy: deploy succeeded/);
    assert.match(r.run.summary, new RegExp(`/lightning/setup/DeployStatus/page\\?address=[^)]*asyncId%3D${r.run.outputs['deploy-id']}`));
  });

  test('writes no secret to the log, the summary or the outputs', () => {
    assert.ok(r.run.masked.length > 0, 'the action registered no secret with the runner');
    assertNoSecrets(r);
    // Values the run itself registered (the Salesforce session ids among them) are never written
    // either. Debug lines are left out: @actions/artifact logs the signed blob URLs it gets at
    // debug level, relying on the runner to mask the signatures it registered.
    const logged = [...r.run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::') && !l.startsWith('::debug::')), r.run.stderr, r.run.summary, JSON.stringify(r.run.outputs)].join('\n');
    const sessionIds = r.run.masked.filter((m) => /^00D\w{12}!/.test(m));
    assert.equal(sessionIds.length, 2, 'the sandbox and production session ids were not masked');
    for (const value of new Set(r.run.masked)) assert.ok(!logged.includes(value), `a masked value (${value.slice(0, 6)}…) was written`);
  });
});

describe('GitHub failing to record how the production deploy ended', () => {
  /** Releases `pr`, with `times` answers `fault` to the deployment-status writes that follow the production deploy's submission. */
  async function releaseWithStatusFaults(pr: MergedPullRequest, fault: 'http-502' | 'http-403', times: number): Promise<Release> {
    const stop = whenSalesforceReceives((q) => q.kind === 'soap.deploy' && q.orgId === orgs.production.id, () =>
      github.emulator.faults.add({ kind: 'rest.repos.createDeploymentStatus', fault, times }),
    );
    try {
      return await release({ pr });
    } finally {
      stop();
      github.emulator.faults.clear();
    }
  }
  const statusWrites = (r: Release) => github.requestsSince(r.since.github).filter((q) => q.kind === 'rest.repos.createDeploymentStatus').map((q) => q.status);

  test('retries a deployment status GitHub failed to take, so the deployment shows the success', async () => {
    const pr = github.mergedPullRequest({ reviews: approvedByTwo });
    const r = await releaseWithStatusFaults(pr, 'http-502', 1);
    assert.equal(r.run.exitCode, 0, r.run.stdout);
    assert.equal(r.run.outputs.status, 'succeeded');
    assert.deepEqual(statusWrites(r), [201, 502, 201]);
    const [deployment] = github.repo.deployments().filter((d) => d.sha === pr.mergeSha);
    assert.deepEqual(deployment?.statuses.map((s) => s.state), ['in_progress', 'success']);
  });

  test('still reports a production deploy that succeeded as succeeded when GitHub refuses its status, with a warning', async () => {
    const pr = github.mergedPullRequest({ reviews: approvedByTwo });
    // A 403 (a token without deployments: write) is not worth retrying, unlike the 502 above.
    const r = await releaseWithStatusFaults(pr, 'http-403', 1);
    const { run } = r;
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.status, 'succeeded');
    assert.equal(orgs.production.deploys.find((d) => d.id === run.outputs['deploy-id'])?.result.status, 'Succeeded');
    assert.deepEqual(statusWrites(r), [201, 403]);
    const warning = run.annotations.find((a) => a.level === 'warning' && /deployment/.test(a.message));
    assert.ok(warning, run.stdout);
    assert.match(warning.message, /Recording status 'success' on GitHub deployment \d+ failed \(HTTP 403/);
    assert.deepEqual(github.repo.deployments().find((d) => d.sha === pr.mergeSha)?.statuses.map((s) => s.state), ['in_progress']);
    assert.equal(run.outputs['deployment-id'], String(github.repo.deployments().find((d) => d.sha === pr.mergeSha)?.id));
  });
});

describe('a release a gate refuses stops before production', () => {
  test('blocks a release whose only approvals are the author\'s own and a bot\'s', async () => {
    const pr = github.mergedPullRequest({ reviews: [{ user: AUTHOR, state: 'APPROVED' }, { user: BOT, state: 'APPROVED' }] });
    const r = await release({ pr });
    assertStoppedBeforeProduction(r, { status: 'blocked', gate: 'approvals', message: /0\/2 approvals for pull request #\d+/ });
    const message = failure(r.run);
    assert.match(message, /carol — author of the pull request/);
    assert.match(message, /renovate\[bot\] — bot/);
    assert.match(message, /To pass: needs 2 more approvals from users with write access \(not the author, not a bot\)/);
  });

  test('blocks a release approved on an earlier commit than the pull request\'s head at merge', async () => {
    const pr = github.mergedPullRequest({ reviews: [{ user: 'alice', state: 'APPROVED' }, { user: 'bob', state: 'APPROVED', on: 'earlier' }] });
    const r = await release({ pr });
    assertStoppedBeforeProduction(r, { status: 'blocked', gate: 'approvals', message: /1\/2 approvals/ });
    const message = failure(r.run);
    assert.match(message, new RegExp(`bob — stale: approved ${pr.earlierSha.slice(0, 7)}, head is ${pr.headSha.slice(0, 7)}`));
    assert.match(message, new RegExp(`needs 1 more approval .* on commit ${pr.headSha.slice(0, 7)} of pull request #${pr.number}`));
  });

  test('blocks a release with an outstanding request for changes, whatever the approvals', async () => {
    const pr = github.mergedPullRequest({ reviews: [...approvedByTwo, { user: 'dave', state: 'CHANGES_REQUESTED' }] });
    const r = await release({ pr });
    assertStoppedBeforeProduction(r, { status: 'blocked', gate: 'approvals', message: /2\/2 approvals/ });
    assert.match(failure(r.run), new RegExp(`To pass: dave must approve pull request #${pr.number} or the review must be dismissed`));
  });

  test('blocks a release whose approver is not in approvers', async () => {
    const pr = github.mergedPullRequest({ reviews: [...approvedByTwo, { user: 'dave', state: 'APPROVED' }] });
    const r = await release({ pr }, { inputs: { approvers: `alice, ${RELEASE_TEAM}`, 'required-approvals': 3 } });
    assertStoppedBeforeProduction(r, { status: 'blocked', gate: 'approvals', message: /2\/3 approvals/ });
    const message = failure(r.run);
    assert.match(message, /alice \(review\), dave \(review\)/, 'the listed login and the team member count');
    assert.match(message, /bob — not in approvers/);
    assert.match(message, new RegExp(`needs 1 more approval from a user with write access listed in approvers \\(alice, ${RELEASE_TEAM}\\)`));
  });

  test('blocks the production deploy when an approval is dismissed while the sandbox validates', async () => {
    const pr = github.mergedPullRequest({ reviews: approvedByTwo });
    const bobsApproval = pr.reviewIds[1]!;
    const stop = whenSalesforceReceives((q) => q.kind === 'soap.deploy' && q.orgId === orgs.sandbox.id, () => github.repo.dismissReview(pr.number, bobsApproval));
    let r: Release;
    try {
      r = await release({ pr });
    } finally {
      stop();
    }
    assertStoppedBeforeProduction(r, { status: 'blocked', gate: 'approvals', message: /1\/2 approvals for pull request #\d+ \(head \w{7}\): alice \(review\)\. To pass: needs 1 more approval/ });
    assert.match(r.run.stdout, /Gate 'approvals' passed: 2 of 2 required approval\(s\) \(alice, bob\), checked before validation/);
    assert.match(r.run.outputs['validation-id'], /^0Af/, 'the validation did not run between the two checks');
    assert.deepEqual(gateChecklist(r.run).filter(([, gate]) => gate === 'validation' || gate === 'approvals'), [['passed', 'validation'], ['refused', 'approvals']]);
    assert.equal(salesforceSince(r.since).filter((q) => q.orgId === orgs.production.id && q.kind === 'soap.retrieve').length, 0, 'production was snapshotted after the approval was dismissed');
  });

  test('blocks a release from a branch that is not protected', async () => {
    const pr = github.mergedPullRequest({ reviews: approvedByTwo });
    github.protectMain(false);
    let r: Release;
    try {
      r = await release({ pr });
    } finally {
      github.protectMain(true);
    }
    assertStoppedBeforeProduction(r, { status: 'blocked', gate: 'branch', message: /Branch 'main' is not protected on GitHub\. Protect it/ });
    assert.equal(salesforceSince(r.since).length, 0, 'Salesforce was called for a release from an unprotected branch');
  });

  test('blocks a release from a branch that is not in production-branches', async () => {
    const pr = github.mergedPullRequest({ reviews: approvedByTwo });
    github.repo.setBranch('hotfix/invoices', { protected: true, sha: pr.mergeSha });
    const r = await release({ pr }, { ref: 'refs/heads/hotfix/invoices', inputs: { 'production-branches': 'main, release/*' } });
    assertStoppedBeforeProduction(r, { status: 'blocked', gate: 'branch', message: /Branch 'hotfix\/invoices' is not in production-branches \(main, release\/\*\)\. Run the release from main or add the branch to production-branches/ });
    assert.equal(salesforceSince(r.since).length, 0);
  });

  test('blocks a release whose sandbox credentials reach a production org', async () => {
    const pr = github.mergedPullRequest({ reviews: approvedByTwo });
    const r = await release({ pr }, { inputs: { 'sandbox-auth-url': orgs.productionAuthUrl } });
    assertStoppedBeforeProduction(r, { status: 'blocked', gate: 'org identity', message: /the sandbox credentials reach 'Acme' \(00D\w{15}\), which is a production org \(Organization\.IsSandbox = false\)\. Use sandbox credentials that log in to a sandbox/ });
    assert.equal(salesforceSince(r.since).filter((q) => q.kind.startsWith('soap.')).length, 0, 'a Metadata API call was made');
  });

  test('blocks a pull_request event that asks for mode deploy', async () => {
    const pr = github.mergedPullRequest({ reviews: approvedByTwo });
    const payload = { action: 'synchronize', number: pr.number, pull_request: { number: pr.number, head: { sha: pr.headSha, ref: 'feature/invoices' }, base: { ref: 'main' }, user: { login: AUTHOR } } };
    const r = await release({ sha: pr.headSha }, { eventName: 'pull_request', ref: `refs/pull/${pr.number}/merge`, payload, inputs: { mode: 'deploy' } });
    assertStoppedBeforeProduction(r, { status: 'blocked', gate: 'branch', message: /event 'pull_request' asked for mode 'deploy', but a pull-request event can never reach a deploy or rollback.*Use mode 'validate'/ });
    assert.equal(salesforceSince(r.since).length, 0);
    assert.deepEqual(github.repo.deployments().filter((d) => d.sha === pr.headSha), []);
  });

  test('blocks a release whose production credentials reach a sandbox', async () => {
    const pr = github.mergedPullRequest({ reviews: approvedByTwo });
    const r = await release({ pr }, { inputs: { 'production-auth-url': orgs.sandboxAuthUrl } });
    assertStoppedBeforeProduction(r, { status: 'blocked', gate: 'org identity', message: /the production credentials reach 'Acme UAT' \(00D\w{15}\), which is a sandbox \(Organization\.IsSandbox = true\)\. Use production credentials that log in to the production org/ });
    assert.equal(salesforceSince(r.since).filter((q) => q.kind.startsWith('soap.')).length, 0, 'a Metadata API call was made');
  });

  test('blocks a release of a commit that no reviewed pull request brought in', async () => {
    const sha = github.pushToMain({ 'changes/direct.md': 'Pushed without a pull request.\n' });
    const r = await release({ sha });
    assertStoppedBeforeProduction(r, { status: 'blocked', gate: 'approvals', message: new RegExp(`0/2 approvals for commit ${sha.slice(0, 7)} \\(no pull request was merged into it, so only this run's deployment review for 'production' can approve it\\)`) });
    assert.match(failure(r.run), /needs 2 more approvals .* in this run's deployment review for environment 'production'/);
  });

  test('counts a person who approved both the pull request and the deployment review once', async () => {
    const pr = github.mergedPullRequest({ reviews: [{ user: 'alice', state: 'APPROVED' }] });
    const r = await release({ pr }, { deploymentApprovers: ['alice', AUTHOR] });
    assertStoppedBeforeProduction(r, { status: 'blocked', gate: 'approvals', message: /1\/2 approvals for pull request #\d+ \(head \w{7}\): alice \(review\)\./ });
    assert.match(failure(r.run), /carol — author of the pull request: approving the deployment of one’s own change is self-approval \(deployment review\)/);
  });
});

describe('a release that breaks before production stops before production', () => {
  test('fails a release whose sandbox validation fails an Apex test', async () => {
    const pr = github.mergedPullRequest({ reviews: approvedByTwo });
    orgs.sandbox.scriptTestFailure('InvoiceServiceTest', 'totalsAmounts', { message: 'System.AssertException: Assertion Failed: Expected: 15, Actual: 10', line: 6 });
    let r: Release;
    try {
      r = await release({ pr });
    } finally {
      orgs.sandbox.clearScripts();
    }
    assertStoppedBeforeProduction(r, { status: 'failed', gate: 'validation', message: /Sandbox validation 0Af\w+ Failed: .*Fix the failures below and push again\./ });
    assert.equal(r.run.outputs['tests-failed'], '1');
    assert.ok(r.run.annotations.some((a) => a.file === `${CLASSES}/InvoiceServiceTest.cls` && a.line === 6), r.run.stdout);
    assert.equal(salesforceSince(r.since).filter((q) => q.orgId === orgs.production.id && q.kind === 'soap.retrieve').length, 0, 'production was snapshotted after a failed validation');
  });

  test('fails a release whose rollback artifact cannot be uploaded, before production is touched', async () => {
    const pr = github.mergedPullRequest({ reviews: approvedByTwo });
    // 403 is not retried by the artifact client, so one fault exhausts it.
    github.emulator.faults.add({ kind: 'twirp.CreateArtifact', fault: 'http-403', times: 1 });
    let r: Release;
    try {
      r = await release({ pr });
    } finally {
      github.emulator.faults.clear();
    }
    assertStoppedBeforeProduction(r, { status: 'failed', gate: 'rollback snapshot', message: /Uploading the rollback artifact 'salesforce-rollback-00D\w{15}-\d+-1' failed: .*403.* Production was not touched/ });
    assert.equal(github.requestsSince(r.since.github).filter((q) => q.kind === 'twirp.CreateArtifact' && q.status === 403).length, 1);
  });

  test('fails a release whose artifact name is already taken in the run, before production is touched', async () => {
    const pr = github.mergedPullRequest({ reviews: approvedByTwo });
    // Another job of the same run (a matrix job releasing the same org) saved the artifact first.
    const first = await release({ pr }, { inputs: { 'dry-run': true }, jobId: 'release-a' });
    assert.equal(first.run.outputs.status, 'skipped', first.run.stdout);
    const r = await release({ pr }, { runId: first.runId, jobId: 'release-b' });
    assert.equal(r.runId, first.runId);
    assertStoppedBeforeProduction(r, { status: 'failed', gate: 'rollback snapshot', message: /Uploading the rollback artifact 'salesforce-rollback-00D\w{15}-\d+-1' failed: .*409.*Production was not touched/ });
    assert.equal(github.repo.artifacts(r.runId).filter((a) => a.finalized).length, 1, 'the first job\'s artifact is not the only one');
  });
});

describe('a dry run', () => {
  test('passes every gate, with a pull-request approval and a deployment-review approval, and stores the rollback artifact, but submits nothing to production', async () => {
    const pr = github.mergedPullRequest({ reviews: [{ user: 'alice', state: 'APPROVED' }] });
    const r = await release({ pr }, { inputs: { 'dry-run': true }, deploymentApprovers: ['dave'] });
    const { run } = r;
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.status, 'skipped');
    const name = `salesforce-rollback-${orgs.production.id}-${r.runId}-1`;
    assert.equal(run.outputs['rollback-artifact'], name);
    assert.equal(run.outputs['deploy-id'], undefined);
    assert.match(run.outputs['validation-id'], /^0Af/);
    assert.deepEqual(gateChecklist(run), SPEC_GATES.map((gate) => ['passed', gate]));
    assert.match(run.summary, /Salesforce Gated Deploy: deploy skipped/);
    assert.match(run.stdout, /Gate 'approvals' passed: 2 of 2 required approval\(s\) \(alice, dave\), checked right before the production deploy/);
    assert.match(run.stdout, /Dry run: every gate passed and the rollback artifact .* is saved; nothing was submitted to production\./);

    const calls = github.requestsSince(r.since.github).map((q) => q.kind);
    assert.ok(calls.includes('twirp.FinalizeArtifact') && calls.includes('blob.get'), 'the artifact was not uploaded and read back');
    assert.deepEqual(github.repo.artifacts(r.runId).map((a) => [a.name, a.finalized]), [[name, true]]);
    assert.deepEqual(productionChanges(r.since), []);
    assert.equal(orgs.production.deploys.length, r.since.productionDeploys);
    assert.deepEqual(github.repo.deployments().filter((d) => d.sha === pr.mergeSha), []);
    assertNoSecrets(r);
  });
});
