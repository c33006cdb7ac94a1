// npm run demo: the whole gated pipeline against the built-in emulators, printed as a user sees
// it in GitHub: a pull-request validation, a release to production, a second release, and a
// rollback of that second release. It runs the committed dist/index.js exactly as the runner does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runAction, type ActionRun } from '../test/support/action-runner.js';
import { AUTHOR, startGitHubWorld, WRITERS } from '../test/support/github-world.js';
import { startOrgs } from '../test/support/orgs.js';
import { changeProject, generateProject } from '../test/support/sfdx-project.js';

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const dim = (s: string) => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s);

function heading(title: string): void {
  console.log(`\n${bold(`━━ ${title} ${'━'.repeat(Math.max(0, 88 - title.length))}`)}\n`);
}

/** The step's log as GitHub shows it: workflow commands rendered, masks and debug lines hidden. */
function printRun(run: ActionRun): void {
  for (const line of run.stdout.split('\n')) {
    if (!line || line.startsWith('::add-mask::') || line.startsWith('::debug::') || line.startsWith('::group::') || line.startsWith('::endgroup::')) continue;
    const command = /^::(error|warning|notice)([^:]*)::(.*)$/.exec(line);
    if (command) {
      const props = Object.fromEntries(command[2].trim().split(',').filter(Boolean).map((p) => p.split('=')));
      const where = props.file ? `${props.file}${props.line ? `#L${props.line}` : ''}: ` : '';
      const label = { error: 'Error', warning: 'Warning', notice: 'Notice' }[command[1]];
      console.log(`  ${bold(label!)}: ${where}${(props.title ? `${decodeURIComponent(props.title)}: ` : '')}${command[3].replace(/%0A/g, '\n      ').replace(/%25/g, '%')}`);
    } else console.log(`  ${line}`);
  }
  console.log(dim(`\n  exit code ${run.exitCode}; outputs: ${Object.entries(run.outputs).map(([k, v]) => `${k}=${v}`).join(' ')}`));
  console.log(dim('\n  ── job summary ──'));
  // Collapsed sections stay collapsed, as GitHub shows them.
  const summary = run.summary.replace(/<details><summary>(.*?)<\/summary>[\s\S]*?<\/details>/g, '▸ $1 (collapsed)').replace(/\n{3,}/g, '\n\n');
  for (const line of summary.split('\n')) console.log(`  ${line}`);
}

/** What each step must end with; the demo fails (exit code 1) when one does not. */
const problems: string[] = [];
function expectRun(step: string, run: ActionRun, status: string): void {
  const wanted = status === 'succeeded' ? 0 : 1;
  if (run.outputs.status !== status || run.exitCode !== wanted) problems.push(`${step}: expected status=${status} (exit ${wanted}), got status=${run.outputs.status ?? '(none)'} (exit ${run.exitCode})`);
}
function expectThat(step: string, ok: boolean, what: string): void {
  if (!ok) problems.push(`${step}: ${what}`);
}

// The project a team keeps in acme/crm: generated once, committed as `main`'s first content.
const project = mkdtempSync(path.join(tmpdir(), 'demo-project-'));
const { files, shape } = generateProject(project, 'default');
const orgs = await startOrgs({ pollsToComplete: 3 });
const github = await startGitHubWorld({ firstRunId: 7001, fixture: project });
try {
  console.log(bold('Salesforce Gated Deploy — demo'));
  console.log(`Salesforce org emulator: ${orgs.emulator.url} — sandbox '${orgs.sandbox.name}' (${orgs.sandbox.id}), production '${orgs.production.name}' (${orgs.production.id})`);
  console.log(`GitHub emulator:         ${github.emulator.url} — repository acme/crm, 'main' protected`);
  console.log(`Repository:              ${github.origin.dir} (a git repository; each run gets a fresh checkout of its commit, as actions/checkout leaves it)`);
  console.log(`Project:                 test/support/sfdx-project.ts, ${files} files: ${shape.services} Apex services with their tests, ${shape.objects} objects of ${shape.fieldsPerObject} fields, triggers, ${shape.lwc} LWC, ${shape.permissionSets} permission set, ${shape.labels} labels`);

  const inputs = { 'sandbox-auth-url': orgs.sandboxAuthUrl, 'production-auth-url': orgs.productionAuthUrl, 'required-approvals': '2' };

  // A pull request's content: the project as it is on `main`, with a team's change applied.
  const nextRelease = (change: Parameters<typeof changeProject>[1]) => {
    const draft = github.checkout(github.origin.main());
    rmSync(path.join(draft, '.git'), { recursive: true, force: true });
    return { tree: draft, ...changeProject(draft, change) };
  };

  const first = nextRelease({ editClasses: 2, addLwc: 1 });
  const pr = github.openPullRequest({ author: AUTHOR, tree: first.tree, reviews: [{ user: WRITERS[0], state: 'APPROVED' }] });
  heading(`1. Pull request #${pr.number} by ${AUTHOR}: validate against the sandbox`);
  console.log(`  changes ${first.changedClasses.join(', ')}; adds LWC ${first.addedLwc.join(', ')}; approved by ${WRITERS[0]} (1 of 2)`);
  const payload = { action: 'opened', number: pr.number, pull_request: { number: pr.number, head: { sha: pr.headSha, ref: pr.branch }, base: { ref: 'main' }, user: { login: AUTHOR } } };
  const validation = await runAction({ eventName: 'pull_request', payload, ref: `refs/pull/${pr.number}/merge`, sha: pr.headSha, workspace: github.checkout(pr.headSha), inputs, ...github.run({ sha: pr.headSha, event: 'pull_request' }) });
  printRun(validation);
  expectRun('pull-request validation', validation, 'succeeded');
  console.log(dim(`\n  PR comment now on #${pr.number}: ${github.repo.comments(pr.number).length} comment (updated in place on every run)`));

  heading(`2. Approved by ${WRITERS[1]} too and merged: release to production (push to main)`);
  github.repo.addReview(pr.number, { user: WRITERS[1], state: 'APPROVED', commitId: pr.headSha });
  const merged = github.mergePullRequest(pr);
  const release1 = await runAction({ eventName: 'push', ref: 'refs/heads/main', sha: merged.mergeSha, workspace: merged.workspace, inputs: { ...inputs, environment: 'production' }, ...github.run({ sha: merged.mergeSha }) });
  printRun(release1);
  expectRun('first release', release1, 'succeeded');
  const firstRelease = new Map(orgs.production.components().map((c) => [`${c.type}:${c.fullName}`, JSON.stringify(orgs.production.component(c.type, c.fullName)?.files)]));

  heading('3. A second change is reviewed, merged and released');
  const second = nextRelease({ editClasses: 3, addLwc: 1 });
  console.log(`  changes ${second.changedClasses.join(', ')}; adds LWC ${second.addedLwc.join(', ')}; approved by ${WRITERS[1]} and ${WRITERS[2]}`);
  const merged2 = github.mergedPullRequest({ tree: second.tree, reviews: [{ user: WRITERS[1], state: 'APPROVED' }, { user: WRITERS[2], state: 'APPROVED' }] });
  const release2Run = github.run({ sha: merged2.mergeSha });
  const release2 = await runAction({ eventName: 'push', ref: 'refs/heads/main', sha: merged2.mergeSha, workspace: merged2.workspace, inputs: { ...inputs, environment: 'production' }, ...release2Run });
  expectRun('second release', release2, 'succeeded');
  console.log(`  status=${release2.outputs.status} deploy-id=${release2.outputs['deploy-id']} rollback-artifact=${release2.outputs['rollback-artifact']}`);
  const changed = second.changedClasses.filter((name) => JSON.stringify(orgs.production.component('ApexClass', name)?.files) !== firstRelease.get(`ApexClass:${name}`));
  console.log(`  production now has the second release: ${changed.length} of ${second.changedClasses.length} changed classes differ from the first release`);
  expectThat('second release', changed.length === second.changedClasses.length, 'production does not hold every class the second release changed');

  heading(`4. Roll back the second release (workflow_dispatch, rollback-run-id: ${release2Run.runId})`);
  const rollbackRun = github.run({ sha: merged2.mergeSha, event: 'workflow_dispatch', actor: WRITERS[0] });
  const rollback = await runAction({ eventName: 'workflow_dispatch', sha: merged2.mergeSha, workspace: github.checkout(merged2.mergeSha), actor: WRITERS[0], inputs: { 'production-auth-url': orgs.productionAuthUrl, environment: 'production', 'rollback-run-id': String(release2Run.runId) }, ...rollbackRun });
  printRun(rollback);
  expectRun('rollback', rollback, 'succeeded');

  heading('What production looks like now');
  const now = new Map(orgs.production.components().map((c) => [`${c.type}:${c.fullName}`, JSON.stringify(orgs.production.component(c.type, c.fullName)?.files)]));
  const same = now.size === firstRelease.size && [...firstRelease].every(([key, files]) => now.get(key) === files);
  console.log(`  Production metadata equals the first release exactly: ${same ? 'yes ✓' : 'no ✗'} (${now.size} components compared, file by file)`);
  const differing = [...new Set([...firstRelease.keys(), ...now.keys()])].filter((key) => firstRelease.get(key) !== now.get(key));
  if (process.env.DEMO_DEBUG) for (const key of differing) console.log(key, '\nFIRST', firstRelease.get(key), '\nNOW', now.get(key));
  expectThat('rollback', same, `production does not equal the first release: ${differing.slice(0, 5).map((key) => `${key} (${!now.has(key) ? 'missing' : !firstRelease.has(key) ? 'extra' : 'differs'})`).join(', ')}${differing.length > 5 ? ` and ${differing.length - 5} more` : ''}`);
  const leftover = second.addedLwc.filter((name) => now.has(`LightningComponentBundle:${name}`));
  console.log(`  New LWC from the second release present: ${leftover.length ? 'yes ✗' : 'no ✓'}`);
  expectThat('rollback', leftover.length === 0, `the second release's LWC ${leftover.join(', ')} is still in production`);
  console.log(`  GitHub deployments: ${github.repo.deployments().map((d) => `#${d.id} ${d.task} ${d.statuses.at(-1)?.state}`).join(', ')}`);
  console.log(`  Artifacts: ${github.repo.artifacts().map((a) => a.name).join(', ')}`);

  heading('Demo verdict');
  if (problems.length) {
    for (const problem of problems) console.log(`  ✗ ${problem}`);
    process.exitCode = 1;
  } else {
    console.log('  ✓ every step ended as expected: validation succeeded, both releases succeeded, the rollback restored the first release exactly');
  }
} finally {
  await orgs.close();
  await github.close();
  rmSync(project, { recursive: true, force: true });
}
