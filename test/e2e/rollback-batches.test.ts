// A release into a production holding more than 10,000 files' worth of the components it touches,
// end to end through the bundled action against both emulators: its rollback snapshot is
// retrieved in several retrieves under the Metadata API's limits and put together into one
// rollback bundle, and the rollback restores production exactly, in several deploys.
//
// The shape: production has 2,100 Lightning web components of five files each (js, html, css,
// svg, js-meta.xml: 10,500 files); the release ships the same 2,100 bundles slimmed to two files
// each (4,200 files, well within one deploy). Deploying a bundle replaces all of its files, so the
// snapshot must hold production's 10,500 files, and restoring them takes more than one deploy.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { strFromU8, unzipSync } from 'fflate';
import type { EmulatedOrg } from '../../emulators/salesforce/index.js';
import { runAction, type ActionRun } from '../support/action-runner.js';
import { OWNER, REPO, WRITERS, onPush, startGitHubWorld, type GitHubWorld } from '../support/github-world.js';
import { startOrgs, type OrgWorld } from '../support/orgs.js';

const BUNDLES = 2100;
const LIMIT = 10_000;
const ZIP_LIMIT = 39 * 1024 * 1024;
const DISPATCHER = WRITERS[0];

let orgs: OrgWorld;
let github: GitHubWorld;

beforeAll(async () => {
  [orgs, github] = await Promise.all([startOrgs({ pollsToComplete: 1 }), startGitHubWorld({ firstRunId: 9700 })]);
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

const bundleName = (i: number) => `card${String(i).padStart(4, '0')}`;
const jsMeta = `<?xml version="1.0" encoding="UTF-8"?>\n<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>62.0</apiVersion>\n    <isExposed>false</isExposed>\n</LightningComponentBundle>\n`;
const js = (name: string, version: string) =>
  `import { LightningElement, api } from 'lwc';\n\n// ${version}\nexport default class ${name[0]!.toUpperCase()}${name.slice(1)} extends LightningElement {\n    @api recordId;\n    title = '${name} ${version}';\n}\n`;

/** Production's version: five files per bundle. */
function productionBundles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < BUNDLES; i++) {
    const name = bundleName(i);
    files[`lwc/${name}/${name}.js`] = js(name, 'production');
    files[`lwc/${name}/${name}.html`] = `<template>\n    <lightning-card title={title}><p>${name}</p></lightning-card>\n</template>\n`;
    files[`lwc/${name}/${name}.css`] = `:host {\n    display: block;\n    margin: ${i % 7}px;\n}\n`;
    files[`lwc/${name}/${name}.svg`] = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="${1 + (i % 4)}"/></svg>\n`;
    files[`lwc/${name}/${name}.js-meta.xml`] = jsMeta;
  }
  return files;
}

/** The release's version, in source format: two files per bundle. */
function releasedBundles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < BUNDLES; i++) {
    const name = bundleName(i);
    files[`force-app/main/default/lwc/${name}/${name}.js`] = js(name, 'release');
    files[`force-app/main/default/lwc/${name}/${name}.js-meta.xml`] = jsMeta;
  }
  return files;
}

type LogEntry = { seq: number; kind: string; orgId?: string; detail?: Record<string, unknown> };
const salesforceMark = (): number => orgs.emulator.requests.at(-1)?.seq ?? 0;
const productionRequests = (since: number, kind: string) =>
  (orgs.emulator.requests as LogEntry[]).filter((r) => r.seq > since && r.orgId === orgs.production.id && r.kind === kind);

/** A `workflow_dispatch` rollback of run `of`, with production credentials only. */
async function rollback(of: number): Promise<ActionRun> {
  const sha = 'c'.repeat(40);
  const { runtimeToken: _, ...context } = github.run({ sha, event: 'workflow_dispatch', actor: DISPATCHER });
  return runAction({
    eventName: 'workflow_dispatch',
    payload: { inputs: { 'rollback-run-id': String(of) }, ref: 'refs/heads/main', sender: { login: DISPATCHER } },
    workspace: github.origin.checkout(github.origin.main()),
    ref: 'refs/heads/main',
    sha,
    actor: DISPATCHER,
    ...context,
    inputs: { 'rollback-run-id': of, 'production-auth-url': orgs.productionAuthUrl },
  });
}

describe('a snapshot of more than 10,000 files', () => {
  let before: OrgState;
  let releaseRun: ActionRun;
  let releaseRunId: number;
  let releaseMark: number;

  beforeAll(async () => {
    orgs.production.putFiles(productionBundles());
    before = stateOf(orgs.production);
    const pr = github.mergedPullRequest({ files: releasedBundles(), reviews: [{ user: WRITERS[1], state: 'APPROVED' }] });
    const { runtimeToken: _, ...context } = github.run({ sha: pr.mergeSha, event: 'push' });
    releaseRunId = context.runId;
    releaseMark = salesforceMark();
    releaseRun = await runAction({
      eventName: 'push',
      payload: { ref: 'refs/heads/main', before: '0'.repeat(40), after: pr.mergeSha, repository: { full_name: `${OWNER}/${REPO}`, default_branch: 'main' }, head_commit: { id: pr.mergeSha } },
      workspace: pr.workspace,
      ref: 'refs/heads/main',
      sha: pr.mergeSha,
      ...context,
      inputs: { environment: 'production', 'required-approvals': 1, 'sandbox-auth-url': orgs.sandboxAuthUrl, 'production-auth-url': orgs.productionAuthUrl },
    });
  }, 600_000);

  test('the release succeeds; its snapshot is retrieved in several retrieves, each under the Metadata API limits, put together into one bundle', () => {
    assert.equal(releaseRun.exitCode, 0, releaseRun.stdout);
    assert.equal(releaseRun.outputs.status, 'succeeded');
    const retrieves = productionRequests(releaseMark, 'soap.retrieve');
    const finished = productionRequests(releaseMark, 'soap.checkRetrieveStatus').filter((r) => r.detail?.status === 'Succeeded');
    assert.ok(retrieves.length >= 2, `${retrieves.length} retrieve(s)`);
    assert.equal(finished.length, retrieves.length);
    for (const r of finished) {
      assert.ok(Number(r.detail!.files) < LIMIT, `a retrieve returned ${r.detail!.files} files`);
      assert.ok(Number(r.detail!.zipBytes) < ZIP_LIMIT, `a retrieve returned ${r.detail!.zipBytes} bytes`);
    }
    const retrievedFiles = finished.reduce((n, r) => n + Number(r.detail!.files), 0);
    assert.ok(retrievedFiles > LIMIT, `${retrievedFiles} files retrieved in all`);

    // One rollback artifact, one bundle: every production file of every bundle, one package.xml.
    const artifact = github.repo.artifacts(releaseRunId).find((a) => a.name === releaseRun.outputs['rollback-artifact']);
    assert.ok(artifact);
    const files = unzipSync(artifact.bytes);
    const manifest = JSON.parse(strFromU8(files['rollback.json']!)) as { components: Array<{ type: string }>; files: Record<string, string> };
    assert.equal(manifest.components.filter((c) => c.type === 'LightningComponentBundle').length, BUNDLES);
    assert.equal(Object.keys(manifest.files).filter((f) => f.startsWith('lwc/')).length, BUNDLES * 5);
    assert.equal(strFromU8(files[`lwc/${bundleName(7)}/${bundleName(7)}.html`]!), before[`LightningComponentBundle:${bundleName(7)}`]![`lwc/${bundleName(7)}/${bundleName(7)}.html`]);
    // Production now has the release's two-file bundles.
    assert.equal(Object.keys(orgs.production.component('LightningComponentBundle', bundleName(7))!.files).length, 2);
  });

  test('the rollback restores production exactly, in several deploys each validated first and under the limits, and says it is not atomic', async () => {
    assert.equal(releaseRun.exitCode, 0, 'the release failed');
    const mark = salesforceMark();
    const run = await rollback(releaseRunId);
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.status, 'succeeded', run.stdout);
    assert.deepEqual(stateOf(orgs.production), before, 'production is not as it was before the release');

    const deploys = productionRequests(mark, 'soap.deploy');
    const real = deploys.filter((d) => d.detail?.checkOnly === false);
    const checkOnly = deploys.filter((d) => d.detail?.checkOnly === true);
    assert.ok(real.length >= 2, `${real.length} deploy(s)`);
    assert.equal(checkOnly.length, real.length, 'each deploy is validated first');
    // Validation, deploy, validation, deploy…: each batch validated right before it is sent.
    assert.deepEqual(deploys.map((d) => d.detail?.checkOnly), real.flatMap(() => [true, false]));
    assert.match(run.stdout, /restored in \d+ deploys in dependency order, each validated first\. This restore is NOT atomic/);
    assert.match(run.summary, /Restore in \d+ deploys \(not atomic\)/);
    assert.match(run.outputs['deploy-id'] ?? '', /^0Af/);
  });

  test('a batch that fails after another was applied fails the run, naming the batch applied; production keeps it', async () => {
    // Production is as before the release again: rolling back the same run restores the same
    // versions. The submission of the second batch's validation is broken (UNKNOWN_EXCEPTION).
    const restored = stateOf(orgs.production);
    const mark = salesforceMark();
    let deploys = 0;
    // An entry is logged when its request arrives; its kind and org are filled in right after.
    const stop = onPush(orgs.emulator.requests as LogEntry[], (entry) => queueMicrotask(() => {
      if (entry.orgId === orgs.production.id && entry.kind === 'soap.deploy' && ++deploys === 2) {
        orgs.emulator.faults.add({ kind: 'soap.deploy', fault: 'unknown-exception', orgId: orgs.production.id });
      }
    }));
    let run: ActionRun;
    try {
      run = await rollback(releaseRunId);
    } finally {
      stop();
      orgs.emulator.faults.clear();
    }
    assert.notEqual(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.status, 'failed', run.stdout);
    const real = productionRequests(mark, 'soap.deploy').filter((d) => d.detail?.checkOnly === false);
    assert.equal(real.length, 1, 'only the first batch was deployed');
    const faulted = productionRequests(mark, 'soap.deploy').filter((d) => (d as { fault?: string }).fault === 'unknown-exception');
    assert.equal(faulted.length, 1, 'the second batch\'s validation was not the one broken');
    assert.match(run.stdout, /^::error::.*UNKNOWN_EXCEPTION.*Batches already applied: batch 1 of 2: \d+ component\(s\) \(\d+ files; LightningComponentBundle\) → 0Af\w+\. Production is partly restored \(the restore is not atomic\); fix the cause and run this rollback again/m);
    assert.match(run.summary, /Restore in 2 deploys \(not atomic\)/);
    assert.deepEqual(stateOf(orgs.production), restored);
  });
});
