import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../src/errors.js';
import { list, parseAuthUrl, readSettings, resolveMode } from '../../src/inputs.js';
import type { RunContext } from '../../src/settings.js';
import { actionDefaults } from '../support/action-runner.js';

const workspace = fileURLToPath(new URL('../fixtures/project', import.meta.url));
const context: RunContext = { eventName: 'pull_request', ref: 'refs/pull/7/merge', sha: 'abc', owner: 'acme', repo: 'crm', runId: 1, runAttempt: 1, actor: 'octocat', workspace, serverUrl: 'https://github.com', apiUrl: 'https://api.github.com', payload: {} };
const sandboxAuth = 'force://PlatformCLI::5Aep861secretRefresh@acme--uat.sandbox.my.salesforce.com';

function settingsFrom(inputs: Record<string, string>, ctx: Partial<RunContext> = {}) {
  const values = { ...actionDefaults('ghs_token'), ...inputs };
  const secrets: string[] = [];
  const settings = readSettings((name) => (values[name] ?? '').trim(), (s) => secrets.push(s), { ...context, ...ctx });
  return { settings, secrets };
}

function problemsOf(inputs: Record<string, string>, ctx: Partial<RunContext> = {}): string[] {
  try {
    settingsFrom(inputs, ctx);
  } catch (error) {
    assert.ok(error instanceof InputError, `expected an InputError, got ${error}`);
    return error.problems;
  }
  assert.fail('expected an InputError');
}

describe('readSettings', () => {
  test('reads a pull-request validation with an auth URL and masks the token parts', () => {
    const { settings, secrets } = settingsFrom({ 'sandbox-auth-url': sandboxAuth });
    assert.equal(settings.mode, 'validate');
    assert.equal(settings.environment, 'sandbox');
    assert.deepEqual(settings.sourceDirs, ['force-app']);
    assert.equal(settings.testLevel, 'RunLocalTests');
    assert.equal(settings.coverageThreshold, 75);
    assert.deepEqual(settings.sandbox, { method: 'auth-url', role: 'sandbox', clientId: 'PlatformCLI', clientSecret: '', refreshToken: '5Aep861secretRefresh', loginUrl: 'https://acme--uat.sandbox.my.salesforce.com' });
    assert.ok(secrets.includes(sandboxAuth));
    assert.ok(secrets.includes('5Aep861secretRefresh'));
    assert.ok(secrets.includes('ghs_token'));
  });

  test('rejects an unknown environment, listing the valid values', () => {
    const [problem] = problemsOf({ environment: 'prod-eu', 'sandbox-auth-url': sandboxAuth });
    assert.equal(problem, "Invalid environment 'prod-eu'. Expected one of sandbox, production.");
  });

  test('accepts environment case-insensitively', () => {
    assert.equal(settingsFrom({ environment: 'Sandbox', 'sandbox-auth-url': sandboxAuth }).settings.environment, 'sandbox');
  });

  test('rejects an unknown test level, listing the valid ones', () => {
    const [problem] = problemsOf({ 'test-level': 'Bogus', 'sandbox-auth-url': sandboxAuth });
    assert.match(problem, /^Invalid test-level 'Bogus'\. Expected one of NoTestRun, RunSpecifiedTests, RunLocalTests, RunAllTestsInOrg/);
  });

  test('passes newer Run… test levels through', () => {
    assert.equal(settingsFrom({ 'test-level': 'RunRelevantTests', 'api-version': '66.0', 'sandbox-auth-url': sandboxAuth }).settings.testLevel, 'RunRelevantTests');
    assert.match(problemsOf({ 'test-level': 'RunRelevantTests', 'sandbox-auth-url': sandboxAuth })[0], /needs api-version 66\.0/);
  });

  test('requires tests for RunSpecifiedTests', () => {
    const [problem] = problemsOf({ 'test-level': 'RunSpecifiedTests', 'sandbox-auth-url': sandboxAuth });
    assert.match(problem, /Input 'tests' is required when test-level is RunSpecifiedTests/);
  });

  test('names the missing JWT inputs without echoing secrets', () => {
    const [problem] = problemsOf({ 'sandbox-username': 'ci@acme.com.uat' });
    assert.match(problem, /missing sandbox-client-id and sandbox-jwt-key/);
  });

  test('rejects a malformed auth URL without repeating it', () => {
    const problems = problemsOf({ 'sandbox-auth-url': 'https://not-an-auth-url/secretvalue' });
    assert.match(problems[0], /^Invalid sandbox-auth-url: it does not start with force:\/\//);
    assert.ok(!problems.join(' ').includes('secretvalue'));
  });

  test('rejects a source-dir that does not exist', () => {
    const [problem] = problemsOf({ 'source-dir': 'force-app, missing-app', 'sandbox-auth-url': sandboxAuth });
    assert.match(problem, /^Input 'source-dir': no directory 'missing-app' in the repository/);
  });

  test('reports every problem at once', () => {
    const problems = problemsOf({ environment: 'prod-eu', 'test-level': 'Bogus', 'coverage-threshold': '120', 'dry-run': 'yes' });
    assert.equal(problems.length, 5);
    assert.ok(problems.some((p) => p.startsWith('No sandbox credentials')));
  });

  test('refuses two credential methods for one org', () => {
    const [problem] = problemsOf({ 'sandbox-auth-url': sandboxAuth, 'sandbox-access-token': '00Dxx!token' });
    assert.match(problem, /has auth URL and access token credentials: set exactly one method/);
  });

  test('needs production credentials only when the run reaches production', () => {
    assert.match(problemsOf({ 'sandbox-auth-url': sandboxAuth, environment: 'production' }, { eventName: 'push', ref: 'refs/heads/main' })[0], /^No production credentials/);
    assert.equal(settingsFrom({ 'sandbox-auth-url': sandboxAuth, environment: 'production' }).settings.mode, 'validate');
  });

  test('a rollback needs only production credentials and targets production', () => {
    const { settings } = settingsFrom({ 'production-access-token': '00Dxx!tok', 'production-instance-url': 'https://acme.my.salesforce.com', 'rollback-run-id': '42' }, { eventName: 'workflow_dispatch' });
    assert.equal(settings.mode, 'rollback');
    assert.equal(settings.environment, 'production');
    assert.equal(settings.rollbackRunId, 42);
  });
});

describe('resolveMode', () => {
  test('maps events as SPEC.md says', () => {
    assert.equal(resolveMode('auto', 'pull_request'), 'validate');
    assert.equal(resolveMode('auto', 'pull_request_target'), 'validate');
    assert.equal(resolveMode('auto', 'merge_group'), 'validate');
    assert.equal(resolveMode('auto', 'push'), 'deploy');
    assert.equal(resolveMode('auto', 'workflow_dispatch'), 'deploy');
    assert.equal(resolveMode('auto', 'workflow_dispatch', 7), 'rollback');
    assert.equal(resolveMode('deploy', 'pull_request'), 'deploy');
  });
});

describe('parseAuthUrl', () => {
  test('accepts a bare host and a full http URL with port', () => {
    assert.deepEqual(parseAuthUrl('force://id:sec:tok@acme.my.salesforce.com', 'x'), { clientId: 'id', clientSecret: 'sec', refreshToken: 'tok', loginUrl: 'https://acme.my.salesforce.com' });
    assert.equal((parseAuthUrl('force://id::tok@http://127.0.0.1:8080', 'x') as { loginUrl: string }).loginUrl, 'http://127.0.0.1:8080');
  });
  test('says which part is missing', () => {
    assert.match(parseAuthUrl('force://id:sec@host', 'sandbox-auth-url') as string, /three ':'-separated parts/);
    assert.match(parseAuthUrl('force://id:sec:@host', 'sandbox-auth-url') as string, /refresh token is empty/);
  });
  test('says which part has characters an auth URL cannot hold, without repeating it', () => {
    const problem = parseAuthUrl('force://id:sec:tok!secret@host', 'sandbox-auth-url') as string;
    assert.match(problem, /^Invalid sandbox-auth-url: the refresh token has characters/);
    assert.doesNotMatch(problem, /secret@/);
    assert.match(parseAuthUrl('force://id:sec:tok@host/path', 'x') as string, /instance after '@' is not a host name/);
  });

  // The same rules as the Salesforce CLI: every URL @salesforce/core's AuthInfo.parseSfdxAuthUrl
  // accepts gives the same parts here, and every URL it refuses is refused here too, except the
  // two documented differences (an explicit http(s):// instance; a path after the host refused).
  test('agrees with @salesforce/core AuthInfo.parseSfdxAuthUrl', async () => {
    const { AuthInfo } = await import('@salesforce/core');
    const core = (url: string) => {
      try {
        return AuthInfo.parseSfdxAuthUrl(url);
      } catch {
        return undefined;
      }
    };
    const cases = [
      'force://PlatformCLI::5Aep861KIwKdekr90I4iHdtDgWwRoG7O_6uHrgJ.yVtMS0UaGxRYupvpzdKcZp1ZDXcsTgW8iRnlSyrGZW3Yyc@acme.my.salesforce.com',
      'force://PlatformCLI::5Aep861abc==@acme--uat.sandbox.my.salesforce.com',
      'force://3MVG9.id-x_y:SECRET123=:5Aep861tok@login.salesforce.com:443',
      'force://id:sec:tok@host',
      'force://id::tok@127.0.0.1:8080',
      'force://id:sec:tok:extra@host',
      'force://:sec:tok@host',
      'force://id:sec:@host',
      'force://id:sec:tok===@host',
      'force://id:se c:tok@host',
      'force://id:sec:tok!x@host',
      'force://id:sec:tok@',
      'force://id:sec:tok',
      'https://id:sec:tok@host',
    ];
    for (const url of cases) {
      const theirs = core(url);
      const ours = parseAuthUrl(url, 'x');
      if (theirs === undefined) assert.equal(typeof ours, 'string', `${url}: @salesforce/core refuses it, so should we`);
      else assert.deepEqual(ours, { ...theirs }, url);
    }
    // The extension: an explicit scheme, which @salesforce/core would read as a host named 'http:'.
    assert.deepEqual(parseAuthUrl('force://id::tok@http://127.0.0.1:8080', 'x'), { clientId: 'id', clientSecret: '', refreshToken: 'tok', loginUrl: 'http://127.0.0.1:8080' });
  });
});

test('list splits on commas and newlines', () => {
  assert.deepEqual(list('a, b\nc,,\n'), ['a', 'b', 'c']);
});

test('refuses NoTestRun for a production deploy before anything is submitted', () => {
  const problems = problemsOf({ 'sandbox-auth-url': sandboxAuth, 'production-auth-url': sandboxAuth, environment: 'production', 'test-level': 'NoTestRun' }, { eventName: 'push', ref: 'refs/heads/main' });
  assert.deepEqual(problems, ["Invalid test-level 'NoTestRun' for a deploy that reaches production: Salesforce refuses NoTestRun in production orgs. Use RunLocalTests, RunSpecifiedTests with tests, or RunAllTestsInOrg."]);
});

test('a rollback needs no checkout of the sources', () => {
  const problems: string[] = [];
  const settings = readSettings((name) => ({ 'production-auth-url': sandboxAuth, 'rollback-run-id': '9', 'github-token': 't' } as Record<string, string>)[name] ?? '', () => undefined, { ...context, eventName: 'workflow_dispatch', workspace: '/nonexistent' });
  assert.equal(settings.mode, 'rollback');
  assert.deepEqual(settings.sourceDirs, []);
  assert.deepEqual(problems, []);
});

test('refuses NoTestRun when a validation also runs against production', () => {
  const problems = problemsOf({ 'sandbox-auth-url': sandboxAuth, 'production-auth-url': sandboxAuth, 'validate-production': 'true', 'test-level': 'NoTestRun' });
  assert.match(problems[0], /^Invalid test-level 'NoTestRun' for a validate that reaches production/);
});
