// `delta: true` packaging against real git repositories built from copies of the fixture project:
// what git reports between two commits, what source-deploy-retrieve makes of it, and the zip.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, it } from '@jest/globals';
import { strFromU8, unzipSync } from 'fflate';
import { RunStatus } from '../../src/constants.js';
import { ActionError } from '../../src/errors.js';
import { computeDelta, isEmptyDelta, parseNameStatus, type DeltaScope } from '../../src/salesforce/delta.js';
import { DESTRUCTIVE_CHANGES_POST, readPackageXml } from '../../src/salesforce/manifest.js';
import { buildPackage } from '../../src/salesforce/package.js';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/project');
const API = '62.0';
const CLASSES = 'force-app/main/default/classes';
const OBJECT = 'force-app/main/default/objects/Invoice__c';
const LWC = 'force-app/main/default/lwc/invoiceCard';
const LABELS = 'force-app/main/default/labels/CustomLabels.labels-meta.xml';
const roots: string[] = [];

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A git repository holding a copy of the fixture project, committed once. */
class ProjectRepo {
  readonly dir: string;
  readonly initial: string;

  constructor(extraFiles: Record<string, string> = {}) {
    const root = mkdtempSync(path.join(tmpdir(), 'delta-unit-'));
    roots.push(root);
    this.dir = path.join(root, 'repo');
    cpSync(FIXTURE, this.dir, { recursive: true });
    this.git('init', '-q', '-b', 'main');
    this.write(extraFiles);
    this.initial = this.commit('initial');
  }

  git(...args: string[]): string {
    return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd: this.dir, encoding: 'utf8' }).trim();
  }

  write(files: Record<string, string>): this {
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
      writeFileSync(path.join(this.dir, file), content);
    }
    return this;
  }

  remove(...files: string[]): this {
    for (const file of files) rmSync(path.join(this.dir, file), { recursive: true });
    return this;
  }

  move(from: string, to: string): this {
    renameSync(path.join(this.dir, from), path.join(this.dir, to));
    return this;
  }

  commit(message: string): string {
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }

  delta(base = this.initial, head = 'HEAD'): Promise<DeltaScope> {
    return computeDelta({ workspace: this.dir, base, head, sourceDirs: ['force-app'], apiVersion: API, tempDir: path.join(this.dir, '..', 'tmp') });
  }

  package(delta: DeltaScope) {
    return buildPackage({ workspace: this.dir, sourceDirs: ['force-app'], apiVersion: API, delta });
  }
}

const classMeta = `<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>${API}</apiVersion>\n    <status>Active</status>\n</ApexClass>\n`;
const statusField = `<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n    <fullName>Status__c</fullName>\n    <label>Status</label>\n    <length>20</length>\n    <type>Text</type>\n</CustomField>\n`;
const invoiceCard = {
  [`${LWC}/invoiceCard.js`]: "import { LightningElement } from 'lwc';\nexport default class InvoiceCard extends LightningElement {}\n",
  [`${LWC}/invoiceCard.html`]: '<template><p>Invoice</p></template>\n',
  [`${LWC}/invoiceCard.css`]: 'p { color: red; }\n',
  [`${LWC}/invoiceCard.js-meta.xml`]: `<?xml version="1.0" encoding="UTF-8"?>\n<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>${API}</apiVersion>\n    <isExposed>false</isExposed>\n</LightningComponentBundle>\n`,
};
const label = (name: string, value: string) =>
  `    <labels>\n        <fullName>${name}</fullName>\n        <language>en_US</language>\n        <protected>false</protected>\n        <shortDescription>${name}</shortDescription>\n        <value>${value}</value>\n    </labels>\n`;
const labels = (...entries: string[]) => `<?xml version="1.0" encoding="UTF-8"?>\n<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">\n${entries.join('')}</CustomLabels>\n`;
const reminderFlow = `<?xml version="1.0" encoding="UTF-8"?>\n<Flow xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>${API}</apiVersion>\n    <label>Invoice Reminder</label>\n    <processType>AutoLaunchedFlow</processType>\n    <status>Active</status>\n</Flow>\n`;

const zipFiles = (zip: Buffer) => Object.fromEntries(Object.entries(unzipSync(zip)).filter(([name]) => !name.endsWith('/')));

describe('computeDelta', () => {
  it('deploys only the class whose body changed', async () => {
    const repo = new ProjectRepo();
    repo.write({ [`${CLASSES}/Greeting.cls`]: 'public with sharing class Greeting {\n    public static String hello(String name) { return \'Hi, \' + name; }\n}\n' }).commit('reword greeting');

    const delta = await repo.delta();

    assert.equal(delta.base, repo.initial);
    assert.equal(delta.head, repo.git('rev-parse', 'HEAD'));
    assert.deepEqual(delta.changedPaths, [`${CLASSES}/Greeting.cls`]);
    assert.deepEqual(delta.deletedPaths, []);
    assert.deepEqual(delta.deploy, [{ type: 'ApexClass', fullName: 'Greeting' }]);
    assert.deepEqual(delta.destructive, []);
    assert.deepEqual(delta.notes, []);

    const pkg = await repo.package(delta);
    assert.deepEqual(pkg.components, [{ type: 'ApexClass', fullName: 'Greeting' }]);
    assert.deepEqual(pkg.destructive, []);
    assert.equal(pkg.hasApex, true);
    assert.deepEqual(Object.keys(zipFiles(pkg.zip)).sort(), ['classes/Greeting.cls', 'classes/Greeting.cls-meta.xml', 'package.xml']);
    assert.equal(pkg.fileCount, 3);
    assert.ok(pkg.componentSet, 'failures map back to files through the component set');
  });

  it('deploys a class whose -meta.xml alone changed', async () => {
    const repo = new ProjectRepo();
    repo.write({ [`${CLASSES}/InvoiceService.cls-meta.xml`]: classMeta.replace('62.0', '61.0') }).commit('pin api version');
    const delta = await repo.delta();
    assert.deepEqual(delta.deploy, [{ type: 'ApexClass', fullName: 'InvoiceService' }]);
  });

  it('deploys a new field alone, recomposed into its object file', async () => {
    const repo = new ProjectRepo();
    repo.write({ [`${OBJECT}/fields/Status__c.field-meta.xml`]: statusField }).commit('add status');

    const delta = await repo.delta();
    assert.deepEqual(delta.deploy, [{ type: 'CustomField', fullName: 'Invoice__c.Status__c' }]);

    const pkg = await repo.package(delta);
    assert.deepEqual(pkg.components, [{ type: 'CustomField', fullName: 'Invoice__c.Status__c' }]);
    assert.equal(pkg.hasApex, false);
    const files = zipFiles(pkg.zip);
    assert.deepEqual(Object.keys(files).sort(), ['objects/Invoice__c.object', 'package.xml']);
    const object = strFromU8(files['objects/Invoice__c.object']!);
    assert.match(object, /<fullName>Status__c<\/fullName>/);
    assert.doesNotMatch(object, /Amount__c/, 'an unchanged field stays out');
    assert.equal(files[DESTRUCTIVE_CHANGES_POST], undefined);
  });

  it('lists a deleted class as destructive, in destructiveChangesPost.xml next to an empty package.xml', async () => {
    const repo = new ProjectRepo();
    repo.remove(`${CLASSES}/Greeting.cls`, `${CLASSES}/Greeting.cls-meta.xml`).commit('drop greeting');

    const delta = await repo.delta();
    assert.deepEqual(delta.deletedPaths.sort(), [`${CLASSES}/Greeting.cls`, `${CLASSES}/Greeting.cls-meta.xml`]);
    assert.deepEqual(delta.deploy, []);
    assert.deepEqual(delta.destructive, [{ type: 'ApexClass', fullName: 'Greeting' }]);
    assert.equal(isEmptyDelta(delta), false);
    // Spread: arrays from Node's built-ins belong to another realm than jest's test context.
    assert.deepEqual([...readdirSync(path.join(repo.dir, '..', 'tmp'))], [], 'the base tree is removed once resolved');

    const pkg = await repo.package(delta);
    assert.deepEqual(pkg.components, []);
    assert.deepEqual(pkg.destructive, [{ type: 'ApexClass', fullName: 'Greeting' }]);
    assert.equal(pkg.componentSet, undefined);
    const files = zipFiles(pkg.zip);
    assert.deepEqual(Object.keys(files).sort(), [DESTRUCTIVE_CHANGES_POST, 'package.xml']);
    assert.deepEqual(readPackageXml(strFromU8(files['package.xml']!)), []);
    assert.match(strFromU8(files['package.xml']!), /<version>62\.0<\/version>/);
    assert.deepEqual(readPackageXml(strFromU8(files[DESTRUCTIVE_CHANGES_POST]!)), [{ type: 'ApexClass', fullName: 'Greeting' }]);
  });

  it('deploys changes and deletions of one delta in one zip', async () => {
    const repo = new ProjectRepo();
    repo.remove(`${CLASSES}/Greeting.cls`, `${CLASSES}/Greeting.cls-meta.xml`);
    repo.write({ [`${OBJECT}/fields/Status__c.field-meta.xml`]: statusField }).commit('swap');

    const pkg = await repo.package(await repo.delta());
    const files = zipFiles(pkg.zip);
    assert.deepEqual(Object.keys(files).sort(), [DESTRUCTIVE_CHANGES_POST, 'objects/Invoice__c.object', 'package.xml']);
    assert.deepEqual(readPackageXml(strFromU8(files['package.xml']!)), [{ type: 'CustomField', fullName: 'Invoice__c.Status__c' }]);
    assert.deepEqual(pkg.destructive, [{ type: 'ApexClass', fullName: 'Greeting' }]);
  });

  it('deploys the whole LWC bundle when one of its files is deleted, and deletes nothing', async () => {
    const repo = new ProjectRepo(invoiceCard);
    repo.remove(`${LWC}/invoiceCard.css`).commit('no styles');

    const delta = await repo.delta();
    assert.deepEqual(delta.deletedPaths, [`${LWC}/invoiceCard.css`]);
    assert.deepEqual(delta.deploy, [{ type: 'LightningComponentBundle', fullName: 'invoiceCard' }]);
    assert.deepEqual(delta.destructive, []);

    const pkg = await repo.package(delta);
    assert.deepEqual(Object.keys(zipFiles(pkg.zip)).sort(), ['lwc/invoiceCard/invoiceCard.html', 'lwc/invoiceCard/invoiceCard.js', 'lwc/invoiceCard/invoiceCard.js-meta.xml', 'package.xml']);
  });

  it('deploys the whole LWC bundle when one of its files changes', async () => {
    const repo = new ProjectRepo(invoiceCard);
    repo.write({ [`${LWC}/invoiceCard.html`]: '<template><p>Invoice!</p></template>\n' }).commit('louder');
    assert.deepEqual((await repo.delta()).deploy, [{ type: 'LightningComponentBundle', fullName: 'invoiceCard' }]);
  });

  it('deletes an LWC bundle whose folder is gone', async () => {
    const repo = new ProjectRepo(invoiceCard);
    repo.remove(LWC).commit('drop card');
    const delta = await repo.delta();
    assert.deepEqual(delta.deploy, []);
    assert.deepEqual(delta.destructive, [{ type: 'LightningComponentBundle', fullName: 'invoiceCard' }]);
  });

  it('turns a renamed class into a deletion of the old name and a deploy of the new one', async () => {
    const repo = new ProjectRepo();
    repo.git('mv', `${CLASSES}/Greeting.cls`, `${CLASSES}/Welcome.cls`);
    repo.git('mv', `${CLASSES}/Greeting.cls-meta.xml`, `${CLASSES}/Welcome.cls-meta.xml`);
    repo.write({ [`${CLASSES}/Welcome.cls`]: 'public with sharing class Welcome {\n    public static String hello(String name) {\n        return \'Hello, \' + name;\n    }\n}\n' }).commit('rename');

    const delta = await repo.delta();
    assert.deepEqual(delta.deletedPaths.sort(), [`${CLASSES}/Greeting.cls`, `${CLASSES}/Greeting.cls-meta.xml`]);
    assert.deepEqual(delta.changedPaths.sort(), [`${CLASSES}/Welcome.cls`, `${CLASSES}/Welcome.cls-meta.xml`]);
    assert.deepEqual(delta.deploy, [{ type: 'ApexClass', fullName: 'Welcome' }]);
    assert.deepEqual(delta.destructive, [{ type: 'ApexClass', fullName: 'Greeting' }]);
  });

  it('deploys a class moved to another folder and does not delete it', async () => {
    const repo = new ProjectRepo();
    mkdirSync(path.join(repo.dir, CLASSES, 'greeting'));
    repo.move(`${CLASSES}/Greeting.cls`, `${CLASSES}/greeting/Greeting.cls`).move(`${CLASSES}/Greeting.cls-meta.xml`, `${CLASSES}/greeting/Greeting.cls-meta.xml`).commit('move');
    const delta = await repo.delta();
    assert.deepEqual(delta.deploy, [{ type: 'ApexClass', fullName: 'Greeting' }]);
    assert.deepEqual(delta.destructive, []);
  });

  it('falls back to the whole source, saying why, when the base commit is not in the checkout', async () => {
    const repo = new ProjectRepo();
    const missing = '0123456789abcdef0123456789abcdef01234567';
    const delta = await repo.delta(missing);
    assert.equal(delta.fallback, `base ${missing} is not in the checkout, so what changed since then is unknown. Fetch the full history (actions/checkout with fetch-depth: 0).`);
    assert.deepEqual([delta.deploy, delta.destructive], [[], []]);
  });

  it('falls back in a shallow clone whose history does not reach the base', async () => {
    const repo = new ProjectRepo();
    repo.write({ [`${CLASSES}/Greeting.cls`]: 'public class Greeting {}\n' }).commit('second');
    repo.write({ [`${CLASSES}/InvoiceService.cls-meta.xml`]: classMeta.replace('62.0', '61.0') }).commit('third');
    const clone = path.join(repo.dir, '..', 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone]);
    const delta = await computeDelta({ workspace: clone, base: repo.initial, head: 'HEAD', sourceDirs: ['force-app'], apiVersion: API });
    assert.match(delta.fallback ?? '', new RegExp(`^base ${repo.initial} is not in the checkout, .* The checkout is shallow: check out with actions/checkout and fetch-depth: 0\\.$`));
  });

  it('falls back when the base is not an ancestor of head (history rewritten)', async () => {
    const repo = new ProjectRepo();
    repo.git('checkout', '-q', '-b', 'old');
    repo.remove(`${CLASSES}/Greeting.cls`, `${CLASSES}/Greeting.cls-meta.xml`);
    const old = repo.commit('deleted greeting on a branch since rewritten');
    repo.git('checkout', '-q', 'main');
    repo.write({ [`${CLASSES}/InvoiceService.cls-meta.xml`]: classMeta.replace('62.0', '61.0') }).commit('head');
    const delta = await repo.delta(old);
    assert.match(delta.fallback ?? '', /^base [0-9a-f]{12} is not an ancestor of head [0-9a-f]{12} \(history rewritten, or another branch\), so a diff of the two would undo or miss changes\.$/);
    assert.deepEqual(delta.destructive, []);
  });

  it('falls back when a changed file is metadata of a type source-deploy-retrieve does not know', async () => {
    const repo = new ProjectRepo();
    repo.write({ 'force-app/main/default/holograms/Lobby.hologram-meta.xml': '<?xml version="1.0"?><Hologram/>\n' }).commit('future type');
    const delta = await repo.delta();
    assert.equal(delta.fallback, '1 changed file(s) look like metadata that source-deploy-retrieve cannot type (force-app/main/default/holograms/Lobby.hologram-meta.xml), so their components are unknown.');
  });

  it('deploys a field renamed only in letter case, and deletes nothing', async () => {
    const repo = new ProjectRepo();
    repo.git('mv', `${OBJECT}/fields/Amount__c.field-meta.xml`, `${OBJECT}/fields/amount__c.field-meta.xml`);
    repo.commit('lower case');
    const delta = await repo.delta();
    assert.deepEqual(delta.deletedPaths, [`${OBJECT}/fields/Amount__c.field-meta.xml`]);
    assert.deepEqual(delta.deploy, [{ type: 'CustomField', fullName: 'Invoice__c.amount__c' }]);
    assert.deepEqual(delta.destructive, []);
  });

  it('deploys a class renamed only in letter case, and deletes nothing', async () => {
    const repo = new ProjectRepo();
    repo.git('mv', `${CLASSES}/Greeting.cls`, `${CLASSES}/GREETING.cls`);
    repo.git('mv', `${CLASSES}/Greeting.cls-meta.xml`, `${CLASSES}/GREETING.cls-meta.xml`);
    repo.commit('upper case');
    const delta = await repo.delta();
    assert.deepEqual(delta.deploy, [{ type: 'ApexClass', fullName: 'GREETING' }]);
    assert.deepEqual(delta.destructive, []);
  });

  it('packages an object and its changed field together, the count read from the zip', async () => {
    const repo = new ProjectRepo();
    const object = readFileSync(path.join(FIXTURE, OBJECT, 'Invoice__c.object-meta.xml'), 'utf8');
    repo.write({ [`${OBJECT}/Invoice__c.object-meta.xml`]: object.replace('<label>Invoice</label>', '<label>Bill</label>'), [`${OBJECT}/fields/Status__c.field-meta.xml`]: statusField }).commit('both');
    const delta = await repo.delta();
    assert.deepEqual(delta.deploy, [{ type: 'CustomObject', fullName: 'Invoice__c' }], 'the field goes with its object');
    const pkg = await repo.package(delta);
    assert.deepEqual(pkg.components, [
      { type: 'CustomField', fullName: 'Invoice__c.Amount__c' },
      { type: 'CustomField', fullName: 'Invoice__c.Status__c' },
      { type: 'CustomObject', fullName: 'Invoice__c' },
    ]);
    assert.deepEqual(readPackageXml(strFromU8(zipFiles(pkg.zip)['package.xml']!)), pkg.components);
  });

  it('reads only the base blobs of the touched folders, whatever the size of the repository', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 300; i++) many[`force-app/main/default/classes/bulk/Bulk${i}.cls`] = `public class Bulk${i} {}\n`, (many[`force-app/main/default/classes/bulk/Bulk${i}.cls-meta.xml`] = classMeta);
    const repo = new ProjectRepo(many);
    repo.remove(`${CLASSES}/Greeting.cls`, `${CLASSES}/Greeting.cls-meta.xml`).commit('drop greeting');
    const delta = await repo.delta();
    assert.deepEqual(delta.destructive, [{ type: 'ApexClass', fullName: 'Greeting' }]);
    assert.equal(delta.baseFilesRead, 4, 'Greeting.cls, its -meta.xml, .forceignore and sfdx-project.json');
  });

  it('refuses a head other than the checked-out commit, since the package is built from the working tree', async () => {
    const repo = new ProjectRepo();
    repo.write({ [`${CLASSES}/Greeting.cls`]: 'public class Greeting {}\n' }).commit('second');
    await assert.rejects(repo.delta(repo.initial, repo.initial), /delta head [0-9a-f]{40} is not the checked-out commit/);
  });

  it('explains that the null SHA of a first push has nothing to diff against', async () => {
    const repo = new ProjectRepo();
    await assert.rejects(repo.delta('0'.repeat(40)), /is the null SHA GitHub sends for the first push of a branch: .* delta: false/);
  });

  it('refuses a base that looks like an option', async () => {
    const repo = new ProjectRepo();
    await assert.rejects(repo.delta('--output=/tmp/x'), /Invalid delta base '--output=\/tmp\/x'/);
  });

  it('is empty, with a note, when nothing changed', async () => {
    const repo = new ProjectRepo();
    const delta = await repo.delta(repo.initial, repo.initial);
    assert.equal(isEmptyDelta(delta), true);
    assert.deepEqual(delta.changedPaths, []);
    assert.equal(delta.notes.length, 1);
    assert.match(delta.notes[0]!, /No metadata changed in force-app between [0-9a-f]{12}\.\.[0-9a-f]{12}: nothing to deploy\./);

    await assert.rejects(repo.package(delta), (error: ActionError) => {
      assert.ok(error instanceof ActionError);
      assert.equal(error.status, RunStatus.Skipped);
      assert.match(error.message, /^Nothing to deploy/);
      return true;
    });
  });

  it('is empty when a class was added and removed again between base and head', async () => {
    const repo = new ProjectRepo();
    repo.write({ [`${CLASSES}/Temp.cls`]: 'public class Temp {}\n', [`${CLASSES}/Temp.cls-meta.xml`]: classMeta }).commit('add temp');
    repo.remove(`${CLASSES}/Temp.cls`, `${CLASSES}/Temp.cls-meta.xml`).commit('drop temp');
    assert.equal(isEmptyDelta(await repo.delta()), true);
  });

  it('ignores changes to forceignored files, and says so', async () => {
    const repo = new ProjectRepo();
    repo.write({ [`${CLASSES}/scratch/Ignored.cls`]: 'public class Ignored { }\n' });
    repo.write({ 'force-app/README.md': 'notes\n' }).commit('scratch work');

    const delta = await repo.delta();
    assert.deepEqual(delta.changedPaths.sort(), ['force-app/README.md', `${CLASSES}/scratch/Ignored.cls`]);
    assert.equal(isEmptyDelta(delta), true);
    assert.match(delta.notes.join('\n'), /No deployable metadata changed/);
    assert.match(delta.notes.join('\n'), /2 changed file\(s\) are not deployable metadata .*scratch\/Ignored\.cls/);
  });

  it('does not delete a forceignored class whose files were removed', async () => {
    const repo = new ProjectRepo();
    repo.remove(`${CLASSES}/scratch`).commit('drop scratch');
    const delta = await repo.delta();
    assert.deepEqual(delta.destructive, []);
    assert.equal(isEmptyDelta(delta), true);
  });

  it('notes a .forceignore change, whose effect on unchanged files a delta cannot see', async () => {
    const repo = new ProjectRepo();
    repo.write({ '.forceignore': '**/jsconfig.json\n' }).commit('stop ignoring scratch');
    const delta = await repo.delta();
    assert.deepEqual(delta.changedPaths, []);
    assert.match(delta.notes.join('\n'), /\.forceignore changed between base and head/);
  });

  it('deletes a removed field alone, and a removed object without listing its fields', async () => {
    const repo = new ProjectRepo({ [`${OBJECT}/fields/Status__c.field-meta.xml`]: statusField });
    const fieldGone = repo.remove(`${OBJECT}/fields/Status__c.field-meta.xml`).commit('drop status');
    const fieldDelta = await repo.delta(repo.initial, fieldGone);
    assert.deepEqual(fieldDelta.destructive, [{ type: 'CustomField', fullName: 'Invoice__c.Status__c' }]);
    assert.deepEqual(fieldDelta.deploy, []);
    assert.match(fieldDelta.notes.join('\n'), /CustomField Invoice__c\.Status__c is deleted with its data/);

    repo.remove(OBJECT).commit('drop invoice');
    const objectDelta = await repo.delta();
    assert.deepEqual(objectDelta.destructive, [{ type: 'CustomObject', fullName: 'Invoice__c' }]);
    assert.match(objectDelta.notes.join('\n'), /CustomObject Invoice__c is deleted with its data/);
  });

  it('deploys the object when its own file changes', async () => {
    const repo = new ProjectRepo();
    const object = readFileSync(path.join(FIXTURE, OBJECT, 'Invoice__c.object-meta.xml'), 'utf8');
    repo.write({ [`${OBJECT}/Invoice__c.object-meta.xml`]: object.replace('<label>Invoice</label>', '<label>Bill</label>') }).commit('relabel');
    const delta = await repo.delta();
    assert.deepEqual(delta.deploy, [{ type: 'CustomObject', fullName: 'Invoice__c' }]);
    const pkg = await repo.package(delta);
    assert.match(strFromU8(zipFiles(pkg.zip)['objects/Invoice__c.object']!), /<label>Bill<\/label>/);
  });

  it('notes uncommitted changes in the files the package is built from, not elsewhere in the source folders', async () => {
    const repo = new ProjectRepo();
    repo.write({ [`${CLASSES}/Greeting.cls`]: "public with sharing class Greeting {\n    public static String hello() { return 'Hi'; }\n}\n" }).commit('reword greeting');
    const note = /uncommitted changes in files this package is built from/;
    // Another class edited in the working tree: not in the delta's package.
    repo.write({ [`${CLASSES}/InvoiceService.cls`]: 'public with sharing class InvoiceService {}\n' });
    assert.doesNotMatch((await repo.delta()).notes.join('\n'), note);
    // The delta's own class edited in the working tree: the package holds the edit.
    repo.write({ [`${CLASSES}/Greeting.cls`]: 'public with sharing class Greeting {}\n' });
    assert.match((await repo.delta()).notes.join('\n'), note);
  });

  it('deletes a label taken out of CustomLabels and ships the changed label, not the labels file', async () => {
    const repo = new ProjectRepo({ [LABELS]: labels(label('Invoice_Greeting', 'Thank you'), label('Invoice_Late', 'Overdue')) });
    repo.write({ [LABELS]: labels(label('Invoice_Greeting', 'Thanks!')) }).commit('drop late label');

    const delta = await repo.delta();
    assert.deepEqual(delta.deploy, [{ type: 'CustomLabel', fullName: 'Invoice_Greeting' }]);
    assert.deepEqual(delta.inFileChildren, { [LABELS]: ['CustomLabel:Invoice_Greeting'] });
    assert.deepEqual(delta.destructive, [{ type: 'CustomLabel', fullName: 'Invoice_Late' }]);
    const pkg = await repo.package(delta);
    assert.deepEqual(pkg.components, [{ type: 'CustomLabel', fullName: 'Invoice_Greeting' }]);
    assert.match(strFromU8(zipFiles(pkg.zip)['labels/CustomLabels.labels']!), /<fullName>Invoice_Greeting<\/fullName>[\s\S]*<value>Thanks!<\/value>/);
    assert.deepEqual(readPackageXml(strFromU8(zipFiles(pkg.zip)[DESTRUCTIVE_CHANGES_POST]!)), [{ type: 'CustomLabel', fullName: 'Invoice_Late' }]);
  });

  it('ships only the labels added or changed in a labels file, read once per version', async () => {
    const repo = new ProjectRepo({ [LABELS]: labels(label('A_Same', 'Same'), label('B_Edit', 'Before'), label('C_Gone', 'Gone'), label('D_Same', 'Same too')) });
    repo.write({ [LABELS]: labels(label('A_Same', 'Same'), label('B_Edit', 'After'), label('D_Same', 'Same too'), label('E_New', 'New')) }).commit('labels');

    const delta = await repo.delta();
    assert.deepEqual(delta.deploy, [{ type: 'CustomLabel', fullName: 'B_Edit' }, { type: 'CustomLabel', fullName: 'E_New' }]);
    assert.deepEqual(delta.deployPaths, [LABELS]);
    assert.deepEqual(delta.destructive, [{ type: 'CustomLabel', fullName: 'C_Gone' }]);
    const pkg = await repo.package(delta);
    assert.deepEqual(pkg.components, [{ type: 'CustomLabel', fullName: 'B_Edit' }, { type: 'CustomLabel', fullName: 'E_New' }]);
    const shipped = strFromU8(zipFiles(pkg.zip)['labels/CustomLabels.labels']!);
    assert.deepEqual([...shipped.matchAll(/<fullName>([^<]+)<\/fullName>/g)].map((m) => m[1]), ['B_Edit', 'E_New']);
    assert.match(shipped, /<value>After<\/value>/);
  });

  it('deploys nothing from a labels file whose labels were only removed or reformatted', async () => {
    const repo = new ProjectRepo({ [LABELS]: labels(label('A_Same', 'Same'), label('C_Gone', 'Gone')) });
    repo.write({ [LABELS]: labels(label('A_Same', 'Same')).replace(/\n {8}/g, '\n\t\t') }).commit('drop a label, reindent');

    const delta = await repo.delta();
    assert.deepEqual(delta.deploy, []);
    assert.deepEqual(delta.deployPaths, []);
    assert.deepEqual(delta.destructive, [{ type: 'CustomLabel', fullName: 'C_Gone' }]);
    const pkg = await repo.package(delta);
    assert.deepEqual(pkg.components, []);
    assert.deepEqual(Object.keys(zipFiles(pkg.zip)).sort(), [DESTRUCTIVE_CHANGES_POST, 'package.xml']);
  });

  it('refuses a package whose labels file no longer holds a label the delta names', async () => {
    const repo = new ProjectRepo({ [LABELS]: labels(label('Invoice_Greeting', 'Thank you')) });
    repo.write({ [LABELS]: labels(label('Invoice_Greeting', 'Thanks!')) }).commit('edit label');
    const delta = await repo.delta();
    // The working tree changed after the delta was computed: the label is gone from the file.
    repo.write({ [LABELS]: labels(label('Invoice_Other', 'Other')) });
    await assert.rejects(repo.package(delta), /CustomLabel Invoice_Greeting, which the package built from force-app does not contain/);
  });

  it('does not delete a label moved to another labels file, whichever file sorts first', async () => {
    const other = 'force-app/main/default/labels/Billing.labels-meta.xml';
    const repo = new ProjectRepo({ [LABELS]: labels(label('Invoice_Greeting', 'Thank you'), label('Invoice_Late', 'Overdue')), [other]: labels(label('Billing_Hello', 'Hello')) });
    repo.write({ [LABELS]: labels(label('Invoice_Greeting', 'Thank you')), [other]: labels(label('Billing_Hello', 'Hello'), label('Invoice_Late', 'Overdue')) }).commit('move late label');
    const delta = await repo.delta();
    assert.deepEqual(delta.destructive, []);
    // Moved, unchanged: it ships from its new file (new there), and the other labels stay out.
    assert.deepEqual(delta.deploy, [{ type: 'CustomLabel', fullName: 'Invoice_Late' }]);
    assert.deepEqual(delta.deployPaths, [other]);
    const pkg = await repo.package(delta);
    assert.deepEqual(pkg.components, [{ type: 'CustomLabel', fullName: 'Invoice_Late' }]);
  });

  it('does not delete a label moved into the first labels file', async () => {
    const other = 'force-app/main/default/labels/Zeta.labels-meta.xml';
    const repo = new ProjectRepo({ [LABELS]: labels(label('Invoice_Greeting', 'Thank you')), [other]: labels(label('Zeta_Hello', 'Hello'), label('Zeta_Late', 'Late')) });
    repo.write({ [LABELS]: labels(label('Invoice_Greeting', 'Thank you'), label('Zeta_Late', 'Late')), [other]: labels(label('Zeta_Hello', 'Hello')) }).commit('move late label');
    assert.deepEqual((await repo.delta()).destructive, []);
  });

  it('deletes the labels, not the CustomLabels container, when the labels file is deleted', async () => {
    const repo = new ProjectRepo();
    repo.remove(LABELS).commit('no labels');
    const delta = await repo.delta();
    assert.deepEqual(delta.destructive, [{ type: 'CustomLabel', fullName: 'Invoice_Greeting' }]);
  });

  it('warns that a deleted flow must be deactivated first', async () => {
    const repo = new ProjectRepo({ 'force-app/main/default/flows/Invoice_Reminder.flow-meta.xml': reminderFlow });
    repo.remove('force-app/main/default/flows/Invoice_Reminder.flow-meta.xml').commit('drop flow');
    const delta = await repo.delta();
    assert.deepEqual(delta.destructive, [{ type: 'Flow', fullName: 'Invoice_Reminder' }]);
    assert.match(delta.notes.join('\n'), /Flow Invoice_Reminder is deleted by destructiveChangesPost\.xml: .*deactivate it in the target org first/);
  });

  it('works from a workspace in a subfolder of the repository, and leaves the checkout untouched', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'delta-unit-'));
    roots.push(root);
    const workspace = path.join(root, 'salesforce');
    cpSync(FIXTURE, workspace, { recursive: true });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' }).trim();
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'initial');
    const base = git('rev-parse', 'HEAD');
    rmSync(path.join(workspace, CLASSES, 'Greeting.cls'));
    rmSync(path.join(workspace, CLASSES, 'Greeting.cls-meta.xml'));
    writeFileSync(path.join(workspace, CLASSES, 'InvoiceService.cls-meta.xml'), classMeta.replace('62.0', '61.0'));
    git('add', '-A');
    git('commit', '-q', '-m', 'change');

    const delta = await computeDelta({ workspace, base, head: 'HEAD', sourceDirs: ['force-app'], apiVersion: API });
    assert.deepEqual(delta.changedPaths, [`${CLASSES}/InvoiceService.cls-meta.xml`]);
    assert.deepEqual(delta.deploy, [{ type: 'ApexClass', fullName: 'InvoiceService' }]);
    assert.deepEqual(delta.destructive, [{ type: 'ApexClass', fullName: 'Greeting' }]);
    assert.equal(git('status', '--porcelain'), '', 'no file, index entry or worktree left behind');
    assert.equal(git('worktree', 'list').split('\n').length, 1);
  });

  it('refuses to combine a delta with a manifest', async () => {
    const repo = new ProjectRepo();
    repo.remove(`${CLASSES}/Greeting.cls`, `${CLASSES}/Greeting.cls-meta.xml`).commit('drop greeting');
    const delta = await repo.delta();
    await assert.rejects(buildPackage({ workspace: repo.dir, sourceDirs: ['force-app'], manifest: 'package.xml', apiVersion: API, delta }), /cannot be combined with manifest 'package\.xml'/);
  });

  it('keeps building full packages with an empty destructive list', async () => {
    const repo = new ProjectRepo();
    const pkg = await buildPackage({ workspace: repo.dir, sourceDirs: ['force-app'], apiVersion: API });
    assert.deepEqual(pkg.destructive, []);
    assert.ok(pkg.components.some((c) => c.type === 'ApexClass' && c.fullName === 'Greeting'));
  });
});

describe('parseNameStatus', () => {
  it('reads renames and copies from git diff -z output', () => {
    const output = ['M', 'a.cls', 'R087', 'old.cls', 'new.cls', 'D', 'gone.cls', 'A', 'added.cls', 'C100', 'src.cls', 'copy.cls', 'T', 'link', ''].join('\0');
    assert.deepEqual(parseNameStatus(output), { changed: ['a.cls', 'new.cls', 'added.cls', 'copy.cls', 'link'], deleted: ['old.cls', 'gone.cls'] });
  });
});
