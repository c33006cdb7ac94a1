import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from '@jest/globals';
import { readReleaseRecord, RELEASE_FILE, releaseArtifactName, writeReleaseRecord, type ReleaseRecord } from '../../src/github/release-record.js';
import { pullRequestEvidenceProblem, releaseEvidenceProblem, type EvidenceArtifact, type EvidenceRun } from '../../src/github/run-evidence.js';

const REPO = 'acme/crm';
const HEAD = 'a'.repeat(40);
const run = (over: Partial<EvidenceRun> = {}): EvidenceRun => ({ id: 7, event: 'pull_request', headSha: HEAD, headBranch: 'feature/x', repository: REPO, repositoryId: 100, headRepository: REPO, ...over });
const artifact = (over: Partial<EvidenceArtifact> = {}, origin: Partial<NonNullable<EvidenceArtifact['workflowRun']>> = {}): EvidenceArtifact => ({
  id: 1, name: 'salesforce-validation-00D000000000001EAA-7-1', expired: false,
  workflowRun: { id: 7, headSha: HEAD, headBranch: 'feature/x', repositoryId: 100, headRepositoryId: 100, ...origin }, ...over,
});

test('counts a ledger artifact only from a pull_request run of this repository on the approved head', () => {
  assert.equal(pullRequestEvidenceProblem(run(), artifact(), REPO, HEAD), undefined);
  assert.equal(pullRequestEvidenceProblem(run(), artifact(), 'ACME/CRM', HEAD.toUpperCase()), undefined);
  assert.match(pullRequestEvidenceProblem(run({ event: 'pull_request_target' }), artifact(), REPO, HEAD)!, /triggered by 'pull_request_target', not pull_request/);
  assert.match(pullRequestEvidenceProblem(run({ event: 'push' }), artifact(), REPO, HEAD)!, /not pull_request/);
  assert.match(pullRequestEvidenceProblem(run(), artifact(), REPO, 'b'.repeat(40))!, /ran on aaaaaaa, not the approved head bbbbbbb/);
});

test('never counts an artifact of a fork, of another repository or of another run', () => {
  assert.match(pullRequestEvidenceProblem(run({ headRepository: 'mallory/crm' }), artifact(), REPO, HEAD)!, /from mallory\/crm \(a fork\)/);
  assert.match(pullRequestEvidenceProblem(run({ headRepository: undefined }), artifact(), REPO, HEAD)!, /a fork/);
  assert.match(pullRequestEvidenceProblem(run({ repository: 'other/crm' }), artifact(), REPO, HEAD)!, /belongs to other\/crm/);
  assert.match(pullRequestEvidenceProblem(run(), artifact({}, { id: 8 }), REPO, HEAD)!, /uploaded by run 8, not run 7/);
  assert.match(pullRequestEvidenceProblem(run(), artifact({ workflowRun: undefined }), REPO, HEAD)!, /uploaded by run unknown/);
  assert.match(pullRequestEvidenceProblem(run(), artifact({}, { headRepositoryId: 555 }), REPO, HEAD)!, /from another repository or a fork/);
  assert.match(pullRequestEvidenceProblem(run(), artifact({}, { headSha: 'c'.repeat(40) }), REPO, HEAD)!, /uploaded on ccccccc, not aaaaaaa/);
  assert.match(pullRequestEvidenceProblem(run(), artifact({ expired: true }), REPO, HEAD)!, /has expired/);
});

test('counts a release artifact only from a push or workflow_dispatch run on a production branch', () => {
  const release = (over: Partial<EvidenceRun> = {}) => run({ event: 'push', headBranch: 'main', ...over });
  const uploaded = artifact({ name: 'salesforce-release-00D000000000001EAA-7-1' }, { headBranch: 'main' });
  assert.equal(releaseEvidenceProblem(release(), uploaded, REPO, ['main']), undefined);
  assert.equal(releaseEvidenceProblem(release({ event: 'workflow_dispatch', headBranch: 'release/2026' }), uploaded, REPO, ['main', 'release/*']), undefined);
  assert.match(releaseEvidenceProblem(release({ headBranch: 'feature/legacy' }), uploaded, REPO, ['main'])!, /branch 'feature\/legacy', which is not a production branch \(main\)/);
  assert.match(releaseEvidenceProblem(release({ event: 'pull_request' }), uploaded, REPO, ['main'])!, /not push or workflow_dispatch/);
  assert.match(releaseEvidenceProblem(release({ event: 'workflow_run' }), uploaded, REPO, ['main'])!, /not push or workflow_dispatch/);
  assert.match(releaseEvidenceProblem(release({ headRepository: 'mallory/crm' }), uploaded, REPO, ['main'])!, /a fork/);
  assert.match(releaseEvidenceProblem(release(), artifact({}, { id: 99 }), REPO, ['main'])!, /uploaded by run 99/);
});

test('a release record reads back only when well formed', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'release-record-'));
  const record: ReleaseRecord = { orgId: '00D000000000001EAA', commit: HEAD, deployId: '0Af000000000001AAA', quickDeployed: false, rollbackArtifact: 'salesforce-rollback-00D000000000001EAA-7-1', runId: 7, runAttempt: 1, deployedAt: '2026-12-01T00:00:00.000Z' };
  assert.deepEqual(writeReleaseRecord(dir, record), [RELEASE_FILE]);
  assert.deepEqual(readReleaseRecord(dir), record);
  writeFileSync(path.join(dir, RELEASE_FILE), JSON.stringify({ ...record, commit: 'main' }));
  assert.equal(readReleaseRecord(dir), undefined);
  writeFileSync(path.join(dir, RELEASE_FILE), '[]');
  assert.equal(readReleaseRecord(dir), undefined);
  assert.equal(releaseArtifactName('00D000000000001EAA', 7, 2), 'salesforce-release-00D000000000001EAA-7-2');
});
