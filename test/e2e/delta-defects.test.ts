// Issue 8's defects, each through the bundled action against the org emulator: a pull-request
// validation with `delta: true` over a real git range, asserting what the action sent (the zip's
// package.xml and destructiveChangesPost.xml, as the emulator read them) and what it reported.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, test } from '@jest/globals';
import { copyFixtureProject, runAction, type ActionRun } from '../support/action-runner.js';
import { startOrgs, type OrgWorld } from '../support/orgs.js';

const DEFAULT = 'force-app/main/default';
const xml = (root: string, body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://soap.sforce.com/2006/04/metadata">\n${body}</${root}>\n`;

let world: OrgWorld;
beforeAll(async () => {
  world = await startOrgs();
});
afterAll(async () => world.close());

/** A git repository of the fixture project; `change` edits it into the head commit of a pull request. */
class Range {
  readonly workspace = copyFixtureProject();
  base = '';

  constructor(baseFiles: Record<string, string> = {}) {
    this.git('init', '-q', '-b', 'main');
    this.write(baseFiles);
    this.base = this.commit('base');
  }

  git(...args: string[]): string {
    return execFileSync('git', ['-c', 'user.name=ci', '-c', 'user.email=ci@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: this.workspace, encoding: 'utf8' }).trim();
  }

  write(files: Record<string, string>): this {
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(this.workspace, file)), { recursive: true });
      writeFileSync(path.join(this.workspace, file), content);
    }
    return this;
  }

  remove(...files: string[]): this {
    for (const file of files) rmSync(path.join(this.workspace, file), { recursive: true });
    return this;
  }

  commit(message: string): string {
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }

  /** Deploys the base commit whole to the sandbox, as the org holds it before the pull request. */
  async deployBase(): Promise<void> {
    const run = await runAction({ eventName: 'push', ref: 'refs/heads/develop', workspace: this.workspace, inputs: { mode: 'deploy', environment: 'sandbox', 'sandbox-auth-url': world.sandboxAuthUrl } });
    assert.equal(run.outputs.status, 'succeeded', run.stdout);
  }

  /** Validates the pull request base..HEAD with delta: true in the sandbox. */
  async validate(base = this.base): Promise<ActionRun & { sent: { package: string[]; destructive: string[] } }> {
    const head = this.git('rev-parse', 'HEAD');
    const before = world.sandbox.deploys.length;
    const payload = { number: 8, pull_request: { number: 8, base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'feature' }, user: { login: 'carol' } } };
    const run = await runAction({ eventName: 'pull_request', payload, sha: head, ref: 'refs/pull/8/merge', workspace: this.workspace, inputs: { delta: 'true', 'sandbox-auth-url': world.sandboxAuthUrl, 'github-token': '' } });
    const sent = world.sandbox.deploys.slice(before);
    assert.equal(sent.length, 1, `expected one deploy request:\n${run.stdout}`);
    const names = (refs: Array<{ type: string; fullName: string }> | undefined) => (refs ?? []).map((c) => `${c.type}:${c.fullName}`).sort();
    return { ...run, sent: { package: names(sent[0]!.packageMembers), destructive: names(sent[0]!.destructiveMembers) } };
  }
}

test('defect 1: a field renamed only in letter case is deployed under its new spelling and never deleted', async () => {
  const range = new Range();
  await range.deployBase();
  const fields = `${DEFAULT}/objects/Invoice__c/fields`;
  range.git('mv', `${fields}/Amount__c.field-meta.xml`, `${fields}/AMOUNT__c.field-meta.xml`);
  range.write({ [`${fields}/AMOUNT__c.field-meta.xml`]: xml('CustomField', '    <fullName>AMOUNT__c</fullName>\n    <label>Amount</label>\n    <precision>18</precision>\n    <scale>2</scale>\n    <type>Currency</type>\n') });
  range.commit('rename Amount__c in letter case');

  const run = await range.validate();
  assert.equal(run.exitCode, 0, run.stdout);
  assert.equal(run.outputs.status, 'succeeded');
  assert.deepEqual(run.sent.package, ['CustomField:Invoice__c.AMOUNT__c']);
  assert.deepEqual(run.sent.destructive, [], 'the renamed field would be deleted with its data');
  assert.doesNotMatch(run.summary, /delete CustomField/);
  assert.equal(run.outputs.components, '1');
});

test('defect 2: a new object with its fields packages in one run (parent and children in one range)', async () => {
  const range = new Range();
  await range.deployBase();
  range.write({
    [`${DEFAULT}/objects/Payment__c/Payment__c.object-meta.xml`]: xml('CustomObject', '    <deploymentStatus>Deployed</deploymentStatus>\n    <label>Payment</label>\n    <nameField>\n        <label>Payment Name</label>\n        <type>Text</type>\n    </nameField>\n    <pluralLabel>Payments</pluralLabel>\n    <sharingModel>ReadWrite</sharingModel>\n'),
    [`${DEFAULT}/objects/Payment__c/fields/Paid__c.field-meta.xml`]: xml('CustomField', '    <fullName>Paid__c</fullName>\n    <defaultValue>false</defaultValue>\n    <label>Paid</label>\n    <type>Checkbox</type>\n'),
    [`${DEFAULT}/objects/Invoice__c/fields/Amount__c.field-meta.xml`]: xml('CustomField', '    <fullName>Amount__c</fullName>\n    <label>Amount due</label>\n    <precision>18</precision>\n    <scale>2</scale>\n    <type>Currency</type>\n'),
  });
  range.commit('payments');

  const run = await range.validate();
  assert.equal(run.exitCode, 0, run.stdout);
  assert.doesNotMatch(run.stdout, /workspace changed after the delta was computed/);
  assert.equal(run.outputs.status, 'succeeded');
  assert.deepEqual(run.sent.package, ['CustomField:Invoice__c.Amount__c', 'CustomField:Payment__c.Paid__c', 'CustomObject:Payment__c']);
  assert.deepEqual(run.sent.destructive, []);
  assert.equal(run.outputs.components, '3', 'the count is what the zip lists');
});

test('defect 3: a change to field translations only ships the object translation, and the count is what the zip lists', async () => {
  const translations = `${DEFAULT}/objectTranslations/Invoice__c-fr`;
  const fieldTranslation = (label: string) => xml('CustomFieldTranslation', `    <label>${label}</label>\n    <name>Amount__c</name>\n`);
  const range = new Range({
    [`${translations}/Invoice__c-fr.objectTranslation-meta.xml`]: xml('CustomObjectTranslation', '    <caseValues>\n        <plural>false</plural>\n        <value>Facture</value>\n    </caseValues>\n'),
    [`${translations}/Amount__c.fieldTranslation-meta.xml`]: fieldTranslation('Montant'),
  });
  range.write({ [`${translations}/Amount__c.fieldTranslation-meta.xml`]: fieldTranslation('Montant dû') }).commit('translate');

  const run = await range.validate();
  assert.equal(run.exitCode, 0, run.stdout);
  assert.equal(run.outputs.status, 'succeeded');
  assert.deepEqual(run.sent.package, ['CustomObjectTranslation:Invoice__c-fr']);
  assert.equal(run.outputs.components, '1');
  assert.match(run.stdout, /Packaged 1 components \(2 files/);
});

test('defect 4: deleting a standard object folder deletes its custom children, never the object or its standard fields', async () => {
  const account = `${DEFAULT}/objects/Account`;
  const range = new Range({
    [`${account}/Account.object-meta.xml`]: xml('CustomObject', '    <enableHistory>true</enableHistory>\n'),
    [`${account}/listViews/Key_Accounts.listView-meta.xml`]: xml('ListView', '    <fullName>Key_Accounts</fullName>\n    <filterScope>Everything</filterScope>\n    <label>Key Accounts</label>\n'),
    [`${account}/fields/Tier__c.field-meta.xml`]: xml('CustomField', '    <fullName>Tier__c</fullName>\n    <label>Tier</label>\n    <length>10</length>\n    <type>Text</type>\n'),
    [`${account}/fields/Phone.field-meta.xml`]: xml('CustomField', '    <fullName>Phone</fullName>\n    <trackHistory>true</trackHistory>\n'),
  });
  range.remove(account).commit('stop customising Account');

  const run = await range.validate();
  assert.equal(run.exitCode, 0, run.stdout);
  assert.equal(run.outputs.status, 'succeeded');
  assert.deepEqual(run.sent.package, []);
  assert.deepEqual(run.sent.destructive, ['CustomField:Account.Tier__c', 'ListView:Account.Key_Accounts']);
  assert.match(run.summary, /CustomField Account\.Phone, CustomObject Account were removed from the source, but Salesforce defines them and cannot delete them/);
});

test('a base that is not an ancestor of head falls back to the whole source, with a warning', async () => {
  const range = new Range();
  range.git('checkout', '-q', '-b', 'rewritten');
  range.write({ [`${DEFAULT}/classes/Greeting.cls`]: "public with sharing class Greeting {\n    public static String hello(String name) { return 'Hey ' + name; }\n}\n" });
  const elsewhere = range.commit('elsewhere');
  range.git('checkout', '-q', 'main');
  range.write({ [`${DEFAULT}/classes/InvoiceService.cls-meta.xml`]: xml('ApexClass', '    <apiVersion>61.0</apiVersion>\n    <status>Active</status>\n') }).commit('head');

  const run = await range.validate(elsewhere);
  assert.equal(run.exitCode, 0, run.stdout);
  assert.equal(run.outputs.status, 'succeeded');
  const warning = run.annotations.find((a) => a.level === 'warning' && /delta: base [0-9a-f]{12} is not an ancestor of head/.test(a.message));
  assert.ok(warning, run.stdout);
  assert.match(warning.message, /The whole source was packaged instead/);
  assert.ok(run.sent.package.includes('ApexClass:Greeting') && run.sent.package.includes('CustomObject:Invoice__c'), run.sent.package.join(', '));
  assert.deepEqual(run.sent.destructive, []);
});
