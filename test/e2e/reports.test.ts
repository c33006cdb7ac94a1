import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { XMLParser } from 'fast-xml-parser';
import { copyFixtureProject, runAction, type ActionRun } from '../support/action-runner.js';
import { AUTHOR, startGitHubWorld, type GitHubWorld } from '../support/github-world.js';
import { startOrgs, type OrgWorld } from '../support/orgs.js';

const HEAD_SHA = 'd'.repeat(40);
const CLASSES = 'force-app/main/default/classes';

let world: OrgWorld;
let github: GitHubWorld;
let prNumber: number;
let prEvent: Record<string, unknown>;
beforeAll(async () => {
  world = await startOrgs();
  github = await startGitHubWorld();
  prNumber = github.repo.addPullRequest({ author: AUTHOR, headSha: HEAD_SHA, headRef: 'feature/reports', title: 'Reports' });
  prEvent = { action: 'synchronize', number: prNumber, pull_request: { number: prNumber, head: { sha: HEAD_SHA, ref: 'feature/reports' }, base: { ref: 'main' }, user: { login: AUTHOR } } };
});
afterAll(async () => {
  await world.close();
  await github.close();
});

function validate(workspace: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<ActionRun> {
  const sha = 'e'.repeat(40);
  const context = github.run({ sha, event: 'pull_request' });
  return runAction({ eventName: 'pull_request', payload: prEvent, ref: `refs/pull/${prNumber}/merge`, sha, workspace, inputs: { 'sandbox-auth-url': world.sandboxAuthUrl, ...inputs }, ...context, env: { ...context.env, ...env } });
}

/** The fixture project with one failing test method (the emulator's test-fail marker). */
function projectWithFailingTest(): string {
  const workspace = copyFixtureProject();
  const file = path.join(workspace, CLASSES, 'InvoiceServiceTest.cls');
  const source = readFileSync(file, 'utf8').replace(
    'System.assertEquals(0, InvoiceService.total(new List<Invoice__c>()));',
    'System.assertEquals(0, InvoiceService.total(new List<Invoice__c>())); // emulator:test-fail System.AssertException: Assertion Failed: Expected: 0, Actual: 1',
  );
  writeFileSync(file, source);
  return workspace;
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'property', 'package', 'class', 'line'].includes(name) });

describe('files for other tools', () => {
  let run: ActionRun;
  let resultsDir: string;
  beforeAll(async () => {
    resultsDir = path.join(tmpdir(), `reports-e2e-${process.pid}`);
    run = await validate(projectWithFailingTest(), { 'results-dir': resultsDir });
  });

  test('a validation with a failing test writes JUnit XML a standard parser reads, at the junit-file output', () => {
    assert.equal(run.exitCode, 1, run.stdout);
    assert.equal(run.outputs.status, 'failed');
    assert.equal(run.outputs['junit-file'], path.join(resultsDir, 'junit', 'junit.xml'));
    const doc = xml.parse(readFileSync(run.outputs['junit-file']!, 'utf8'));
    const [suite] = doc.testsuites.testsuite;
    assert.equal(suite.name, 'force.apex');
    const validationId = run.outputs['validation-id']!;
    const reported = world.sandbox.deploy(validationId).result.details!.runTestResult!;
    assert.equal(Number(suite.tests), reported.numTestsRun);
    assert.equal(Number(suite.failures), reported.numFailures);
    assert.equal(Number(suite.failures), 1);
    assert.equal(suite.testcase.length, reported.numTestsRun);
    const failing = suite.testcase.filter((c: any) => c.failure !== undefined);
    assert.equal(failing.length, 1);
    assert.equal(failing[0].classname, 'InvoiceServiceTest');
    assert.equal(failing[0].name, 'totalsNothing');
    assert.match(failing[0].failure.message, /Assertion Failed: Expected: 0, Actual: 1/);
    assert.match(failing[0].failure['#text'], /Class\.InvoiceServiceTest\.totalsNothing: line \d+/);
    for (const c of suite.testcase) assert.match(c.time, /^\d+\.\d{3}$/);
    const props = Object.fromEntries(suite.properties.property.map((p: any) => [p.name, p.value]));
    assert.equal(props.deployId, validationId);
    assert.equal(props.outcome, 'Failed');
  });

  test('cobertura XML has a class with per-line hits for every class Salesforce measured, at coverage-dir', () => {
    assert.equal(run.outputs['coverage-dir'], path.join(resultsDir, 'coverage'));
    const reported = world.sandbox.deploy(run.outputs['validation-id']!).result.details!.runTestResult!.codeCoverage;
    assert.ok(reported.length > 0);
    const doc = xml.parse(readFileSync(path.join(run.outputs['coverage-dir']!, 'cobertura.xml'), 'utf8'));
    const classes = doc.coverage.packages.package.flatMap((p: any) => p.classes.class);
    for (const unit of reported) {
      const cls = classes.find((c: any) => c.name === `${unit.name}.${unit.type === 'Trigger' ? 'trigger' : 'cls'}` || c.filename.endsWith(`/${unit.name}.cls`));
      assert.ok(cls, `no cobertura class for ${unit.name}`);
      const lines = cls.lines.line;
      assert.equal(lines.length, unit.numLocations, `${unit.name}: one line per location`);
      assert.equal(lines.filter((l: any) => l.hits === '0').length, unit.numLocationsNotCovered, `${unit.name}: uncovered lines`);
      for (const loc of unit.locationsNotCovered) assert.ok(lines.some((l: any) => Number(l.number) === loc.line && l.hits === '0'), `${unit.name}: line ${loc.line} uncovered`);
      assert.equal(Number(cls['line-rate']).toFixed(2), ((unit.numLocations - unit.numLocationsNotCovered) / unit.numLocations).toFixed(2));
    }
    // A class the repository has is named by its source path, as coverage tools expect.
    assert.ok(classes.some((c: any) => c.filename === `${CLASSES}/InvoiceService.cls`), JSON.stringify(classes.map((c: any) => c.filename)));
  });

  test('the json-summary totals equal what Salesforce reported', () => {
    const reported = world.sandbox.deploy(run.outputs['validation-id']!).result.details!.runTestResult!.codeCoverage;
    const summary = JSON.parse(readFileSync(path.join(run.outputs['coverage-dir']!, 'coverage-summary.json'), 'utf8'));
    const total = reported.reduce((sum, u) => sum + u.numLocations, 0);
    const missed = reported.reduce((sum, u) => sum + u.numLocationsNotCovered, 0);
    assert.equal(summary.total.lines.total, total);
    assert.equal(summary.total.lines.covered, total - missed);
    // istanbul floors its percentages to two decimals.
    assert.equal(summary.total.lines.pct, Math.floor(((total - missed) * 10000) / total) / 100);
    assert.ok(existsSync(path.join(run.outputs['coverage-dir']!, 'lcov.info')));
    assert.ok(existsSync(path.join(run.outputs['coverage-dir']!, 'coverage.json')));
  });

  test('the job summary puts the failures right under the verdict and per-class coverage in it', () => {
    const s = run.summary;
    assert.match(s, /Fix the failures below and push again\./);
    const at = (text: string) => s.indexOf(text);
    assert.ok(at('### Failures') > 0 && at('### Failures') < at('### Gates'), 'failures come before the gates');
    assert.match(s, /\| Sandbox validation \| Apex test \| InvoiceServiceTest\.totalsNothing \| \d+ \| System\.AssertException/);
    assert.ok(at('### Coverage by class') > at('### Gates'));
    for (const unit of world.sandbox.deploy(run.outputs['validation-id']!).result.details!.runTestResult!.codeCoverage) {
      assert.match(s, new RegExp(`\\| ${unit.name} \\| ${unit.numLocations - unit.numLocationsNotCovered}/${unit.numLocations} \\|`));
    }
    assert.match(s, /<summary>Timing<\/summary>/);
  });

  test('the log has a group per phase with its elapsed time, and progress lines with percentages', () => {
    const groups = [...run.stdout.matchAll(/^::group::(.*)$/gm)].map((m) => m[1]);
    assert.ok(groups.includes("Gate 'org identity'"), groups.join(', '));
    assert.ok(groups.includes('Sandbox validation'), groups.join(', '));
    assert.equal((run.stdout.match(/^::group::/gm) ?? []).length, (run.stdout.match(/^::endgroup::/gm) ?? []).length, 'every group is closed');
    assert.match(run.stdout, /^✗ Sandbox validation failed after \d+(\.\d)? s\.$/m);
    assert.match(run.stdout, /^✓ Gate 'org identity' took \d+(\.\d)? s\.$/m);
    assert.match(run.stdout, /sandbox validation 0Af\w+: \w+, components \d+\/\d+ \(\d+%\)/);
    assert.match(run.stdout, /tests \d+\/\d+ \(\d+%\)/);
    // The failures are listed under the final error in the log too, as the message says.
    const failedAt = run.stdout.indexOf('::error::');
    assert.ok(failedAt >= 0 && run.stdout.indexOf('InvoiceServiceTest.totalsNothing', failedAt) > failedAt);
  });

  test('the pull-request comment is condensed: verdict, failures, approvals, what merging would do, no org tables', () => {
    const [comment] = github.repo.comments(prNumber);
    assert.ok(comment);
    const body = comment.body;
    assert.match(body, /### ❌ Validation failed/);
    assert.match(body, /InvoiceServiceTest\.totalsNothing/);
    assert.match(body, /\*\*Approvals\*\* for the release: ⏳ 0 of 1/);
    assert.match(body, /\*\*What merging would do\*\*/);
    assert.match(body, /\*\*Tests\*\*: 1\/2 passed · coverage [\d.]+% org-wide/);
    assert.doesNotMatch(body, /### Orgs|### Salesforce operations|### Coverage by class|Timing/);
    assert.ok(body.length < run.summary.length);
  });
});

describe('annotations', () => {
  test('a failing run emits at most 10 errors in its step, the failure message and a "more failures" one included', async () => {
    const workspace = copyFixtureProject();
    for (let i = 0; i < 14; i++) {
      writeFileSync(path.join(workspace, CLASSES, `Broken${i}.cls`), `public class Broken${i} {\n    Integer x = 1 // emulator:compile-error Missing ';' at 'x'\n}\n`);
      writeFileSync(path.join(workspace, CLASSES, `Broken${i}.cls-meta.xml`), readFileSync(path.join(workspace, CLASSES, 'Greeting.cls-meta.xml')));
    }
    const run = await validate(workspace);
    assert.equal(run.exitCode, 1);
    const errors = run.annotations.filter((a) => a.level === 'error');
    assert.equal(errors.length, 10, errors.map((e) => e.title ?? e.message).join('\n'));
    assert.ok(errors.some((e) => /^\d+ more failures are listed in the job summary\.$/.test(e.message)));
    assert.match(errors.at(-1)!.message, /Gate 'validation' refused/);
    assert.match(run.summary, /\| Broken13 \|/, 'the summary lists every failure');
  });
});

describe('the log', () => {
  test("the libraries' own logging goes to the debug log, out of the run's lines", async () => {
    // jsforce logs every request with console.log at JSFORCE_LOG_LEVEL=DEBUG.
    const run = await validate(copyFixtureProject(), {}, { JSFORCE_LOG_LEVEL: 'DEBUG' });
    assert.equal(run.exitCode, 0, run.stdout);
    const library = run.stdout.split('\n').filter((l) => /\bDEBUG\b/.test(l));
    assert.ok(library.length > 0, 'jsforce logged nothing at DEBUG');
    for (const line of library) assert.match(line, /^::debug::\[library\] /);
    assert.equal(run.stderr.trim(), '');
    assert.match(run.stdout, /^::group::Sandbox validation$/m);
  });
});
