// The pure decisions behind the rollback-artifact gate: where GitHub says an artifact comes from,
// and whether the bundle holds only what its rollback.json declares.
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { strToU8, zipSync } from 'fflate';
import { Gate, GateError } from '../../src/errors.js';
import type { RunArtifact } from '../../src/github/artifacts.js';
import type { RunAttemptRecord } from '../../src/github/run-provenance.js';
import type { RollbackManifest } from '../../src/rollback/bundle.js';
import { assertDeclaredContents, planOfDeployZip, renderPlan } from '../../src/rollback/contents.js';
import { assertRestorableArtifact } from '../../src/rollback/provenance.js';

const REPO_ID = 700_000_001;
const FORK_ID = 700_000_002;
const SHA = 'b'.repeat(40);
const rule = { runId: 42, repository: 'acme/crm', productionBranches: ['main', 'release/*'] };

const artifact = (workflowRun: Partial<NonNullable<RunArtifact['workflowRun']>> = {}): RunArtifact => ({
  id: 9, name: 'salesforce-rollback-x', workflowRun: { id: 42, repositoryId: REPO_ID, headRepositoryId: REPO_ID, headBranch: 'main', headSha: SHA, ...workflowRun },
});
const attempt = (fields: Partial<RunAttemptRecord> = {}): RunAttemptRecord => ({
  runId: 42, attempt: 1, event: 'push', headBranch: 'main', headSha: SHA,
  repository: { id: REPO_ID, fullName: 'acme/crm', fork: false }, headRepository: { id: REPO_ID, fullName: 'acme/crm', fork: false }, ...fields,
});
const refused = (pattern: RegExp) => (error: unknown) => error instanceof GateError && error.gate === Gate.RollbackArtifact && pattern.test(error.message);

describe('assertRestorableArtifact', () => {
  it('accepts a push or dispatch run of this repository on a production branch', () => {
    assert.match(assertRestorableArtifact(artifact(), [attempt()], rule), /push run 42 of acme\/crm on 'main'/);
    assert.ok(assertRestorableArtifact(artifact({ headBranch: 'release/2026' }), [attempt({ event: 'workflow_dispatch', headBranch: 'release/2026' })], rule));
  });

  it('refuses an artifact GitHub records as uploaded by another run', () => {
    assert.throws(() => assertRestorableArtifact(artifact({ id: 41 }), [attempt()], rule), refused(/uploaded by run 41, not by run 42/));
  });

  it('refuses an artifact without GitHub\'s workflow_run record', () => {
    assert.throws(() => assertRestorableArtifact({ id: 9, name: 'x' }, [attempt()], rule), refused(/no workflow_run/));
  });

  it('refuses pull-request, schedule and workflow_run events', () => {
    for (const event of ['pull_request', 'pull_request_target', 'schedule', 'workflow_run', 'repository_dispatch']) {
      assert.throws(() => assertRestorableArtifact(artifact(), [attempt({ event })], rule), refused(new RegExp(`'${event}' event`)));
    }
  });

  it('refuses a run on a branch outside production-branches, from the run or from the artifact record', () => {
    assert.throws(() => assertRestorableArtifact(artifact({ headBranch: 'feature/x' }), [attempt({ headBranch: 'feature/x' })], rule), refused(/branch 'feature\/x', which is not in production-branches \(main, release\/\*\)/));
    assert.throws(() => assertRestorableArtifact(artifact({ headBranch: 'feature/x' }), [attempt()], rule), refused(/branch 'feature\/x'/));
  });

  it('refuses a run whose head comes from a fork, or a run of another repository', () => {
    const fork = { id: FORK_ID, fullName: 'mallory/crm', fork: true };
    assert.throws(() => assertRestorableArtifact(artifact({ headRepositoryId: FORK_ID }), [attempt({ headRepository: fork })], rule), refused(/fork mallory\/crm/));
    assert.throws(() => assertRestorableArtifact(artifact({ headRepositoryId: FORK_ID }), [attempt()], rule), refused(/fork/));
    assert.throws(() => assertRestorableArtifact(artifact(), [attempt({ repository: { id: 5, fullName: 'other/crm', fork: false } })], rule), refused(/of other\/crm, not of acme\/crm/));
  });

  it('checks every attempt given and refuses when GitHub reports none', () => {
    assert.throws(() => assertRestorableArtifact(artifact(), [attempt(), attempt({ attempt: 2, event: 'pull_request' })], rule), refused(/attempt 2/));
    assert.throws(() => assertRestorableArtifact(artifact(), [], rule), refused(/no attempt/));
  });
});

describe('assertDeclaredContents', () => {
  const manifest = (files: string[], extra: Partial<RollbackManifest> = {}): RollbackManifest => ({
    orgId: '00D000000000001AAA', commit: 'c', createdAt: 't',
    components: [{ type: 'ApexClass', fullName: 'Discounts' }, { type: 'CustomField', fullName: 'Account.Tier__c' }, { type: 'LightningComponentBundle', fullName: 'priceCard' }, { type: 'Layout', fullName: 'Account-Account %28Sales%29 Layout' }],
    files: Object.fromEntries(files.map((f) => [f, '0'.repeat(64)])), ...extra,
  });
  const honest = ['package.xml', 'classes/Discounts.cls', 'classes/Discounts.cls-meta.xml', 'objects/Account.object', 'lwc/priceCard/priceCard.js', 'lwc/priceCard/priceCard.js-meta.xml', 'layouts/Account-Account %28Sales%29 Layout.layout'];

  it('accepts the files of the declared components and the declared destructive manifest', () => {
    assertDeclaredContents(manifest(honest));
    assertDeclaredContents(manifest([...honest, 'destructiveChanges.xml'], { destructive: [{ type: 'ApexClass', fullName: 'Loyalty' }] }));
  });

  it('refuses a hidden destructiveChangesPre.xml or destructiveChangesPost.xml, naming it', () => {
    assert.throws(() => assertDeclaredContents(manifest([...honest, 'destructiveChangesPre.xml'])), refused(/'destructiveChangesPre\.xml' would delete components that rollback\.json does not declare \(it declares none to delete\)/));
    assert.throws(() => assertDeclaredContents(manifest([...honest, 'destructiveChangesPost.xml'], { destructive: [{ type: 'ApexClass', fullName: 'Loyalty' }] })), refused(/'destructiveChangesPost\.xml'/));
    assert.throws(() => assertDeclaredContents(manifest([...honest, 'destructiveChanges.xml'])), refused(/'destructiveChanges\.xml'/));
  });

  it('refuses other root files and files no declared component owns, naming them', () => {
    assert.throws(() => assertDeclaredContents(manifest([...honest, 'notes.txt'])), refused(/'notes\.txt' at the bundle root/));
    assert.throws(() => assertDeclaredContents(manifest([...honest, 'objects/Invoice__c.object'])), refused(/'objects\/Invoice__c\.object' belongs to no component/));
    assert.throws(() => assertDeclaredContents(manifest([...honest, 'classes/DiscountsEvil.cls'])), refused(/'classes\/DiscountsEvil\.cls'/));
  });
});

describe('planOfDeployZip', () => {
  it('reads restores and Pre and Post deletions from the zip Salesforce receives', () => {
    const pkg = (members: string, name: string) => strToU8(`<Package xmlns="http://soap.sforce.com/2006/04/metadata"><types><members>${members}</members><name>${name}</name></types></Package>`);
    const plan = planOfDeployZip(zipSync({
      'package.xml': pkg('Discounts', 'ApexClass'),
      'destructiveChangesPre.xml': pkg('Invoice__c', 'CustomObject'),
      'destructiveChangesPost.xml': pkg('Loyalty', 'ApexClass'),
      'classes/Discounts.cls': strToU8('x'),
    }));
    assert.deepEqual(plan, {
      restores: [{ type: 'ApexClass', fullName: 'Discounts' }],
      deletesBefore: [{ type: 'CustomObject', fullName: 'Invoice__c' }],
      deletesAfter: [{ type: 'ApexClass', fullName: 'Loyalty' }],
    });
    const markdown = renderPlan(plan, { runId: 42, attempt: 1, artifactName: 'a', attemptNote: 'the earliest attempt' }, ['gone']);
    assert.match(markdown, /attempt 1 of run 42 \(the earliest attempt\)/);
    assert.match(markdown, /deletes 1 component\(s\) before the restore \(destructiveChangesPre\): CustomObject Invoice__c/);
    assert.match(markdown, /data loss: gone/);
  });
});
