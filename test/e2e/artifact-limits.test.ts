// Artifacts at their limits, end to end through the bundled action against both emulators:
// a rollback whose artifact is a zip bomb (3 MiB that expands to 3 GiB) or whose zip lies about
// its sizes is refused with nothing extracted beyond the limits and nothing deployed; and a
// release's artifact upload survives a 503 and a reset on FinalizeArtifact, and a FinalizeArtifact
// answer lost after the service processed it.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import type { EmulatedOrg } from '../../emulators/salesforce/index.js';
import { copyFixtureProject, runAction, type ActionRun } from '../support/action-runner.js';
import { OWNER, REPO, WRITERS, startGitHubWorld, type GitHubWorld } from '../support/github-world.js';
import { startOrgs, type OrgWorld } from '../support/orgs.js';
import { deflatedEntry, writeZip, zerosDeflated } from '../support/zip-bomb.js';

const DISPATCHER = WRITERS[0];

let orgs: OrgWorld;
let github: GitHubWorld;
let artifactLib: typeof import('@actions/artifact');

beforeAll(async () => {
  [orgs, github] = await Promise.all([startOrgs({ pollsToComplete: 1 }), startGitHubWorld({ firstRunId: 9500 })]);
  // The test uploads the attacker's artifacts itself, with the real client, as a step of a run would.
  process.env.GITHUB_API_URL = github.emulator.apiUrl;
  process.env.ACTIONS_RESULTS_URL = github.emulator.resultsUrl;
  delete process.env.GITHUB_SERVER_URL;
  artifactLib = await import('@actions/artifact');
});
afterAll(async () => {
  await Promise.all([orgs?.close(), github?.close()]);
});

type OrgState = Record<string, Record<string, string>>;
function stateOf(org: EmulatedOrg): OrgState {
  const state: OrgState = {};
  for (const { type, fullName } of org.components()) state[`${type}:${fullName}`] = org.component(type, fullName)!.files;
  return state;
}

/** Bytes of every file under a folder. */
function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/**
 * Uploads a zip as it is (skipArchive: no zip around it) under the run's default rollback
 * artifact name, from a push run on main: what any step of a production-branch workflow could do
 * with the runtime token.
 */
async function uploadRawZip(zip: Buffer): Promise<number> {
  const { runId, runAttempt, runtimeToken } = github.run({ sha: 'd'.repeat(40), event: 'push', branch: 'main', actor: WRITERS[2] });
  const dir = mkdtempSync(path.join(tmpdir(), 'bomb-'));
  const file = path.join(dir, `salesforce-rollback-${orgs.production.id}-${runId}-${runAttempt}`);
  writeFileSync(file, zip);
  process.env.ACTIONS_RUNTIME_TOKEN = runtimeToken;
  const { id } = await new artifactLib.DefaultArtifactClient().uploadArtifact(path.basename(file), [file], dir, { skipArchive: true });
  assert.ok(id);
  return runId;
}

/** A `workflow_dispatch` rollback of run `of`, with its RUNNER_TEMP where the test can weigh it. */
async function rollback(of: number): Promise<{ run: ActionRun; runnerTemp: string }> {
  const sha = 'c'.repeat(40);
  const { runtimeToken: _, ...context } = github.run({ sha, event: 'workflow_dispatch', actor: DISPATCHER });
  const runnerTemp = mkdtempSync(path.join(tmpdir(), 'runner-temp-'));
  const run = await runAction({
    eventName: 'workflow_dispatch',
    payload: { inputs: { 'rollback-run-id': String(of) }, ref: 'refs/heads/main', sender: { login: DISPATCHER } },
    workspace: copyFixtureProject('rollback-v2'),
    ref: 'refs/heads/main',
    sha,
    actor: DISPATCHER,
    ...context,
    env: { ...context.env, RUNNER_TEMP: runnerTemp },
    inputs: { 'rollback-run-id': of, 'production-auth-url': orgs.productionAuthUrl },
  });
  return { run, runnerTemp };
}

/** A push release of `fixture` in a fresh run, approved by a writer who is not its author. */
async function release(fixture: string): Promise<{ run: ActionRun; runId: number; since: number }> {
  const pr = github.mergedPullRequest({ tree: fixture, reviews: [{ user: WRITERS[1], state: 'APPROVED' }] });
  const { runtimeToken: _, ...context } = github.run({ sha: pr.mergeSha, event: 'push' });
  const since = github.mark();
  const run = await runAction({
    eventName: 'push',
    payload: { ref: 'refs/heads/main', before: '0'.repeat(40), after: pr.mergeSha, repository: { full_name: `${OWNER}/${REPO}`, default_branch: 'main' }, head_commit: { id: pr.mergeSha } },
    workspace: pr.workspace,
    ref: 'refs/heads/main',
    sha: pr.mergeSha,
    ...context,
    inputs: { environment: 'production', 'required-approvals': 1, 'sandbox-auth-url': orgs.sandboxAuthUrl, 'production-auth-url': orgs.productionAuthUrl },
  });
  return { run, runId: context.runId, since };
}

const salesforceMark = (): number => orgs.emulator.requests.at(-1)?.seq ?? 0;
const productionCallsSince = (seq: number, kinds: string[]) =>
  orgs.emulator.requests.filter((r) => r.seq > seq && r.orgId === orgs.production.id && kinds.includes(r.kind));

/** Refused at the rollback artifact gate: blocked, nothing deployed or retrieved, production as it was. */
function assertRefusedUntouched(run: ActionRun, seq: number, before: OrgState): void {
  assert.notEqual(run.exitCode, 0, run.stdout);
  assert.equal(run.outputs.status, 'blocked', run.stdout);
  assert.deepEqual(productionCallsSince(seq, ['soap.deploy', 'soap.retrieve']), [], 'a deploy or retrieve reached production');
  assert.deepEqual(stateOf(orgs.production), before, 'production changed');
  assert.equal(run.outputs['deploy-id'], undefined);
}

describe('rollback artifacts are bounded before they are unpacked', () => {
  test('a rollback whose artifact is a 3 MiB zip bomb expanding to 3 GiB is refused before extraction, naming the limit; nothing deployed', async () => {
    const zeros = zerosDeflated(3 * 1024);
    const bomb = writeZip([
      deflatedEntry('package.xml', '<?xml version="1.0" encoding="UTF-8"?>\n<Package xmlns="http://soap.sforce.com/2006/04/metadata"><version>62.0</version></Package>\n'),
      { name: 'staticresources/Payload.resource', deflated: zeros.deflated, crc: zeros.crc, declaredSize: zeros.size },
    ]);
    assert.ok(bomb.length < 4 * 1024 * 1024, `the bomb is ${bomb.length} bytes`);
    const runId = await uploadRawZip(bomb);

    const before = stateOf(orgs.production);
    const seq = salesforceMark();
    const { run, runnerTemp } = await rollback(runId);
    assertRefusedUntouched(run, seq, before);
    assert.match(run.stdout, /Gate 'rollback artifact' refused: .*refused before extraction: its zip declares 3,221,2\d\d,\d\d\d bytes uncompressed, over the limit of 629,145,600 bytes for a rollback artifact.*Nothing was extracted/);
    // What the run left on disk: not one byte of the payload (the downloaded zip is deleted too).
    assert.ok(bytesUnder(runnerTemp) < 64 * 1024, `${bytesUnder(runnerTemp)} bytes left in RUNNER_TEMP`);
    const restoreDirs = readdirSync(runnerTemp, { recursive: true }).map(String).filter((p) => /rollback-restore-[^/]*$/.test(p));
    assert.ok(restoreDirs.length > 0, 'the rollback made no restore folder');
    for (const dir of restoreDirs) assert.equal(readdirSync(path.join(runnerTemp, dir)).length, 0, `${dir} holds extracted files`);
  });

  test('a zip whose central directory understates an entry is stopped at the declared size while inflating; nothing deployed', async () => {
    // 1 GiB of zeros declared as 1,000 bytes: the directory passes every check, inflating does not.
    const zeros = zerosDeflated(1024);
    const liar = writeZip([{ name: 'classes/Discounts.cls', deflated: zeros.deflated, crc: zeros.crc, declaredSize: 1000 }]);
    const runId = await uploadRawZip(liar);

    const before = stateOf(orgs.production);
    const seq = salesforceMark();
    const { run, runnerTemp } = await rollback(runId);
    assertRefusedUntouched(run, seq, before);
    assert.match(run.stdout, /refused while extracting: entry "classes\/Discounts\.cls" inflates past the 1,000 bytes its central directory declares/);
    assert.ok(bytesUnder(runnerTemp) < 64 * 1024, `${bytesUnder(runnerTemp)} bytes left in RUNNER_TEMP`);
  });

  test('a zip over the file-count limit is refused before extraction, naming the limit', async () => {
    const entries = Array.from({ length: 40_011 }, (_, i) => deflatedEntry(`classes/C${i}.cls`, ''));
    const runId = await uploadRawZip(writeZip(entries));
    const before = stateOf(orgs.production);
    const seq = salesforceMark();
    const { run, runnerTemp } = await rollback(runId);
    assertRefusedUntouched(run, seq, before);
    assert.match(run.stdout, /its zip declares 40,011 entries, over the limit of 40,010 files/);
    assert.ok(bytesUnder(runnerTemp) < 64 * 1024);
  });
});

describe('the artifact service failing during a release', () => {
  test('a 503 on FinalizeArtifact is retried by @actions/artifact: the release succeeds with its rollback artifact', async () => {
    github.emulator.faults.add({ kind: 'twirp.FinalizeArtifact', fault: 'http-503', times: 1 });
    const { run, runId, since } = await release('rollback-v1');
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.status, 'succeeded');
    const finalizes = github.requestsSince(since).filter((r) => r.kind === 'twirp.FinalizeArtifact');
    assert.equal(finalizes[0]?.status, 503);
    assert.equal(finalizes[1]?.status, 200);
    assert.ok(github.repo.artifacts(runId).some((a) => a.name === run.outputs['rollback-artifact']));
  });

  test('a reset on FinalizeArtifact (which @actions/artifact does not retry) is retried by a new upload: the release succeeds', async () => {
    github.emulator.faults.add({ kind: 'twirp.FinalizeArtifact', fault: 'reset', times: 1 });
    const { run, runId, since } = await release('rollback-v2');
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.status, 'succeeded');
    const kinds = github.requestsSince(since).filter((r) => r.kind.startsWith('twirp.CreateArtifact') || r.kind === 'twirp.FinalizeArtifact').map((r) => `${r.kind} ${r.status}`);
    assert.deepEqual(kinds.slice(0, 4), ['twirp.CreateArtifact 200', 'twirp.FinalizeArtifact 0', 'twirp.CreateArtifact 200', 'twirp.FinalizeArtifact 200']);
    const artifacts = github.repo.artifacts(runId).filter((a) => a.name === run.outputs['rollback-artifact']);
    assert.equal(artifacts.length, 1);
  });

  test('a FinalizeArtifact processed whose answer is lost: the release adopts the finalized artifact, uploads nothing twice, reads it back', async () => {
    github.emulator.faults.add({ kind: 'twirp.FinalizeArtifact', fault: 'reset-after', times: 1 });
    const { run, runId, since } = await release('rollback-v1');
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.status, 'succeeded');
    const seen = github.requestsSince(since).filter((r) => r.kind.startsWith('twirp.'));
    const name = run.outputs['rollback-artifact']!;
    // One upload of the rollback artifact: the lost answer was a success, found by name in the
    // run's artifacts, so no second CreateArtifact of it (the release record is another artifact).
    assert.deepEqual(seen.filter((r) => r.kind === 'twirp.CreateArtifact' && r.detail === name).length, 1);
    const finalize = seen.find((r) => r.kind === 'twirp.FinalizeArtifact');
    assert.equal(finalize?.status, 0);
    assert.match(finalize?.detail ?? '', /reset after handling \(answer 200 lost\)/);
    assert.ok(seen.findIndex((r) => r.kind === 'twirp.ListArtifacts') > seen.indexOf(finalize!), 'looked the artifact up after the lost answer');
    const artifacts = github.repo.artifacts(runId).filter((a) => a.name === run.outputs['rollback-artifact']);
    assert.equal(artifacts.length, 1);
    // The snapshot gate read it back and verified every checksum before production was touched.
    assert.match(run.stdout, /Read back rollback artifact '[^']+': checksums of \d+ file\(s\) verified/);
    assert.equal(run.outputs['rollback-artifact'], artifacts[0]!.name);
  });
});
