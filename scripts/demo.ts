// npm run demo: the whole gated pipeline against the built-in emulators, printed as a user sees
// it in GitHub: a pull-request validation, a release to production, a second release, and a
// rollback of that second release. It runs the committed dist/index.js exactly as the runner does.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runAction, type ActionRun } from '../test/support/action-runner.js';
import { AUTHOR, WRITERS, startGitHubWorld } from '../test/support/github-world.js';
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

const orgs = await startOrgs({ pollsToComplete: 3 });
const github = await startGitHubWorld({ firstRunId: 7001 });
try {
  console.log(bold('Salesforce Gated Deploy — demo'));
  console.log(`Salesforce org emulator: ${orgs.emulator.url} — sandbox '${orgs.sandbox.name}' (${orgs.sandbox.id}), production '${orgs.production.name}' (${orgs.production.id})`);
  console.log(`GitHub emulator:         ${github.emulator.url} — repository acme/crm, 'main' protected`);

  const workspace = mkdtempSync(path.join(tmpdir(), 'demo-project-'));
  const { files, shape } = generateProject(workspace, 'default');
  console.log(`Project:                 ${workspace} (test/support/sfdx-project.ts, ${files} files: ${shape.services} Apex services with their tests, ${shape.objects} objects of ${shape.fieldsPerObject} fields, triggers, ${shape.lwc} LWC, ${shape.permissionSets} permission set, ${shape.labels} labels)`);

  const inputs = { 'sandbox-auth-url': orgs.sandboxAuthUrl, 'production-auth-url': orgs.productionAuthUrl, 'required-approvals': '2' };

  heading(`1. Pull request #1 by ${AUTHOR}: validate against the sandbox`);
  const headSha = 'd'.repeat(40);
  const pr = github.repo.addPullRequest({ author: AUTHOR, headSha, headRef: 'feature/perf-classes', title: 'Performance classes' });
  github.repo.addReview(pr, { user: WRITERS[0], state: 'APPROVED', commitId: headSha });
  const payload = { action: 'opened', number: pr, pull_request: { number: pr, head: { sha: headSha, ref: 'feature/perf-classes' }, base: { ref: 'main' }, user: { login: AUTHOR } } };
  printRun(await runAction({ eventName: 'pull_request', payload, ref: `refs/pull/${pr}/merge`, sha: headSha, workspace, inputs, ...github.run({ sha: headSha, event: 'pull_request' }) }));
  console.log(dim(`\n  PR comment now on #${pr}: ${github.repo.comments(pr).length} comment (updated in place on every run)`));

  heading('2. Merged with two approvals: release to production (push to main)');
  const merged = github.mergedPullRequest({ reviews: [{ user: WRITERS[0], state: 'APPROVED' }, { user: WRITERS[1], state: 'APPROVED' }] });
  const release1 = github.run({ sha: merged.mergeSha });
  printRun(await runAction({ eventName: 'push', ref: 'refs/heads/main', sha: merged.mergeSha, workspace, inputs: { ...inputs, environment: 'production' }, ...release1 }));
  const firstRelease = new Map(orgs.production.components().map((c) => [`${c.type}:${c.fullName}`, JSON.stringify(orgs.production.component(c.type, c.fullName)?.files)]));

  heading('3. A second change is released (changed classes, a new LWC)');
  const { changedClasses, addedLwc } = changeProject(workspace, { editClasses: 3, addLwc: 1 });
  console.log(`  changed classes: ${changedClasses.join(', ')}; new LWC: ${addedLwc.join(', ')}`);
  const merged2 = github.mergedPullRequest({ reviews: [{ user: WRITERS[1], state: 'APPROVED' }, { user: WRITERS[2], state: 'APPROVED' }] });
  const release2 = github.run({ sha: merged2.mergeSha });
  const second = await runAction({ eventName: 'push', ref: 'refs/heads/main', sha: merged2.mergeSha, workspace, inputs: { ...inputs, environment: 'production' }, ...release2 });
  console.log(`  status=${second.outputs.status} deploy-id=${second.outputs['deploy-id']} rollback-artifact=${second.outputs['rollback-artifact']}`);
  const changed = changedClasses.filter((name) => JSON.stringify(orgs.production.component('ApexClass', name)?.files) !== firstRelease.get(`ApexClass:${name}`));
  console.log(`  production now has the second release: ${changed.length} of ${changedClasses.length} changed classes differ from the first release`);

  heading(`4. Roll back the second release (workflow_dispatch, rollback-run-id: ${release2.runId})`);
  const rollback = github.run({ sha: merged2.mergeSha, event: 'workflow_dispatch', actor: WRITERS[0] });
  printRun(await runAction({ eventName: 'workflow_dispatch', sha: merged2.mergeSha, workspace, actor: WRITERS[0], inputs: { 'production-auth-url': orgs.productionAuthUrl, environment: 'production', 'rollback-run-id': String(release2.runId) }, ...rollback }));

  heading('What production looks like now');
  const now = new Map(orgs.production.components().map((c) => [`${c.type}:${c.fullName}`, JSON.stringify(orgs.production.component(c.type, c.fullName)?.files)]));
  const same = now.size === firstRelease.size && [...firstRelease].every(([key, files]) => now.get(key) === files);
  console.log(`  Production metadata equals the first release exactly: ${same ? 'yes ✓' : 'no ✗'} (${now.size} components compared, file by file)`);
  const leftover = addedLwc.filter((name) => now.has(`LightningComponentBundle:${name}`));
  console.log(`  New LWC from the second release present: ${leftover.length ? 'yes ✗' : 'no ✓'}`);
  console.log(`  GitHub deployments: ${github.repo.deployments().map((d) => `#${d.id} ${d.task} ${d.statuses.at(-1)?.state}`).join(', ')}`);
  console.log(`  Artifacts: ${github.repo.artifacts().map((a) => a.name).join(', ')}`);
  if (!same || leftover.length) process.exitCode = 1;
} finally {
  await orgs.close();
  await github.close();
}
