import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { Gate, GateError } from '../../src/errors.js';
import { assertEventMayRun, planRun } from '../../src/plan.js';
import type { RunContext, Settings } from '../../src/settings.js';

function settings(overrides: Partial<Settings> = {}): Settings {
  return {
    environment: 'production',
    requestedMode: 'auto',
    mode: 'deploy',
    sourceDirs: ['force-app'],
    testLevel: 'RunLocalTests',
    tests: [],
    coverageThreshold: 75,
    requiredApprovals: 1,
    approvers: [],
    allowStaleApprovals: false,
    productionBranches: [],
    githubToken: 'ghs_test',
    rollbackRequiredApprovals: 0,
    waitMinutes: 120,
    dryRun: false,
    validateProduction: false,
    delta: false,
    apiVersion: '62.0',
    resultsDir: '/tmp/results',
    ...overrides,
  };
}

function context(eventName: string, ref = 'refs/heads/main'): RunContext {
  return {
    eventName, ref, sha: 'a'.repeat(40), owner: 'acme', repo: 'crm', runId: 42, runAttempt: 1, actor: 'alice',
    workspace: '/tmp/ws', serverUrl: 'https://github.com', apiUrl: 'https://api.github.com', payload: {},
  };
}

const productionDeployGates = [Gate.Branch, Gate.OrgIdentity, Gate.Validation, Gate.Approvals, Gate.Snapshot];

describe('planRun with mode auto', () => {
  for (const event of ['pull_request', 'pull_request_target', 'merge_group']) {
    test(`validates against the sandbox on ${event}, touching no production org`, () => {
      const plan = planRun(settings(), context(event, 'refs/pull/7/merge'));
      assert.equal(plan.mode, 'validate');
      assert.equal(plan.production, false);
      assert.deepEqual(plan.orgs, ['sandbox']);
      assert.deepEqual(plan.gates, [Gate.OrgIdentity, Gate.Validation]);
    });
  }

  test('deploys to production on push, through every production gate in SPEC order', () => {
    const plan = planRun(settings(), context('push'));
    assert.equal(plan.mode, 'deploy');
    assert.equal(plan.target, 'production');
    assert.equal(plan.production, true);
    assert.deepEqual(plan.orgs, ['sandbox', 'production']);
    assert.deepEqual(plan.gates, productionDeployGates);
  });

  test('deploys on workflow_dispatch without a rollback run id', () => {
    const plan = planRun(settings(), context('workflow_dispatch'));
    assert.equal(plan.mode, 'deploy');
    assert.equal(plan.production, true);
    assert.deepEqual(plan.gates, productionDeployGates);
  });

  test('rolls production back on workflow_dispatch with a rollback run id, needing only the production org', () => {
    const plan = planRun(settings({ rollbackRunId: 9001, environment: 'sandbox' }), context('workflow_dispatch'));
    assert.equal(plan.mode, 'rollback');
    assert.equal(plan.target, 'production');
    assert.equal(plan.production, true);
    assert.deepEqual(plan.orgs, ['production']);
    assert.deepEqual(plan.gates, [Gate.RollbackPermission, Gate.OrgIdentity, Gate.RollbackArtifact, Gate.Snapshot, Gate.Validation]);
  });

  test('only validates on any other trigger, such as schedule', () => {
    const plan = planRun(settings(), context('schedule'));
    assert.equal(plan.mode, 'validate');
    assert.equal(plan.production, false);
  });
});

describe('planRun with an explicit mode', () => {
  test('a deploy with environment sandbox deploys to the sandbox without production gates', () => {
    const plan = planRun(settings({ requestedMode: 'deploy', environment: 'sandbox' }), context('push'));
    assert.equal(plan.mode, 'deploy');
    assert.equal(plan.target, 'sandbox');
    assert.equal(plan.production, false);
    assert.deepEqual(plan.orgs, ['sandbox']);
    assert.deepEqual(plan.gates, [Gate.OrgIdentity]);
  });

  test('mode validate on push validates even though push would deploy under auto', () => {
    const plan = planRun(settings({ requestedMode: 'validate' }), context('push'));
    assert.equal(plan.mode, 'validate');
    assert.equal(plan.production, false);
  });

  test('validate-production in a pull-request run also connects the production org', () => {
    const plan = planRun(settings({ validateProduction: true }), context('pull_request', 'refs/pull/7/merge'));
    assert.equal(plan.validateProduction, true);
    assert.deepEqual(plan.orgs, ['sandbox', 'production']);
    assert.equal(plan.production, false);
  });

  test('validate-production has no effect on a release, which decides between quick and full deploy itself', () => {
    const plan = planRun(settings({ validateProduction: true }), context('push'));
    assert.equal(plan.validateProduction, false);
  });

  test('carries dry-run through to the plan', () => {
    assert.equal(planRun(settings({ dryRun: true }), context('push')).dryRun, true);
    assert.equal(planRun(settings(), context('push')).dryRun, false);
  });
});

describe('assertEventMayRun', () => {
  for (const event of ['pull_request', 'pull_request_target', 'merge_group']) {
    test(`refuses mode deploy on ${event}, naming the event and how to release instead`, () => {
      assert.throws(
        () => assertEventMayRun(settings({ requestedMode: 'deploy' }), context(event, 'refs/pull/7/merge')),
        (error: unknown) => {
          assert.ok(error instanceof GateError);
          assert.equal(error.gate, Gate.Branch);
          assert.match(error.message, new RegExp(`'${event}'`));
          assert.match(error.message, /never reach/);
          assert.match(error.message, /push to a production branch/);
          assert.match(error.message, /workflow_dispatch/);
          return true;
        },
      );
    });
  }

  test('refuses mode rollback on a pull_request event', () => {
    assert.throws(
      () => assertEventMayRun(settings({ requestedMode: 'rollback', rollbackRunId: 5 }), context('pull_request')),
      /Gate 'branch' refused: event 'pull_request' asked for mode 'rollback'/,
    );
  });

  test('lets a pull-request event validate', () => {
    assertEventMayRun(settings(), context('pull_request'));
    assertEventMayRun(settings({ requestedMode: 'validate' }), context('pull_request_target'));
  });

  for (const event of ['workflow_run', 'repository_dispatch', 'schedule', 'workflow_call', 'release', 'issue_comment', 'check_suite', '']) {
    test(`refuses a production deploy and a rollback on '${event}', before any network call`, () => {
      assert.throws(
        () => assertEventMayRun(settings({ requestedMode: 'deploy', environment: 'production' }), context(event)),
        (error: unknown) => {
          assert.ok(error instanceof GateError);
          assert.equal(error.gate, Gate.Branch);
          assert.equal(error.status, 'blocked');
          assert.match(error.message, /asked for a production deploy, but production deploys and rollbacks run only for push and workflow_dispatch events/);
          return true;
        },
      );
      assert.throws(() => assertEventMayRun(settings({ requestedMode: 'rollback', rollbackRunId: 5 }), context(event)), /asked for a production rollback/);
    });
  }

  test('lets a schedule deploy to a sandbox', () => {
    assert.match(assertEventMayRun(settings({ requestedMode: 'deploy', environment: 'sandbox' }), context('schedule')), /a schedule event may deploy to sandbox/);
  });

  test('lets push and workflow_dispatch deploy', () => {
    assertEventMayRun(settings({ requestedMode: 'deploy', environment: 'production' }), context('push'));
    assertEventMayRun(settings({ environment: 'production' }), context('workflow_dispatch'));
    assertEventMayRun(settings({ requestedMode: 'rollback', rollbackRunId: 5 }), context('workflow_dispatch'));
  });
});
