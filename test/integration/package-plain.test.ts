// package-plain.ts builds a "plain" project's package without loading source-deploy-retrieve. It
// must be an exact shortcut or none: for every plain layout here, its own files and package.xml
// (plainFiles, plainPackageXml: the plain path itself, not a silent fallback to SDR) and the
// package buildPackage builds hold the same entries with the same bytes as SDR's own conversion
// (`sf project convert source`); for every layout it does not mirror, it answers why, and the
// package is SDR's (or refused as SDR refuses it).
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { unzipSync } from 'fflate';
import { InputError } from '../../src/errors.js';
import { buildPackage } from '../../src/salesforce/package.js';
import { copiedFiles } from '../../src/salesforce/package-copy.js';
import { explainPlainPackage, plainFiles, plainPackageXml } from '../../src/salesforce/package-plain.js';
import { assertSameEntries, packageMembers, sdrZip } from '../support/package-compare.js';
import { generateProject } from '../support/sfdx-project.js';

const API_VERSION = '62.0';
const root = fileURLToPath(new URL('../..', import.meta.url));
const NS = 'http://soap.sforce.com/2006/04/metadata';

/** A metadata file as `sf` writes it: declaration, root element with its namespace, body. */
const meta = (type: string, body = '') => `<?xml version="1.0" encoding="UTF-8"?>\n<${type} xmlns="${NS}">\n${body}</${type}>\n`;
const apex = (type: 'ApexClass' | 'ApexTrigger') => meta(type, '    <apiVersion>62.0</apiVersion>\n    <status>Active</status>\n');
const field = (name: string, body = '') => meta('CustomField', `    <fullName>${name}</fullName>\n${body || '    <label>L</label>\n    <type>Text</type>\n    <length>80</length>\n'}`);
const named = (type: string, name: string, body = '') => meta(type, `    <fullName>${name}</fullName>\n${body}`);
const objectFile = (body = '    <label>Thing</label>\n    <pluralLabel>Things</pluralLabel>\n    <sharingModel>ReadWrite</sharingModel>\n') => meta('CustomObject', body);

type Tree = Record<string, string>;

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'package-plain-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A project: its sfdx-project.json (packageDirectories `dirs`, plus `config`) and files relative to the workspace. */
function writeProject(files: Tree, options: { dirs?: string[]; config?: Record<string, unknown> } = {}): string {
  const workspace = mkdtempSync(path.join(scratch, 'project-'));
  const dirs = options.dirs ?? ['force-app'];
  const project = { packageDirectories: dirs.map((dir, i) => ({ path: dir, ...(i === 0 ? { default: true } : {}) })), name: 'plain', namespace: '', sourceApiVersion: API_VERSION, ...options.config };
  writeFileSync(path.join(workspace, 'sfdx-project.json'), JSON.stringify(project, null, 2));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
    writeFileSync(path.join(workspace, file), content);
  }
  return workspace;
}

/** Files under force-app/main/default. */
function underDefault(files: Tree): Tree {
  return Object.fromEntries(Object.entries(files).map(([file, content]) => [file.startsWith('.') || file.startsWith('force-app') ? file : `force-app/main/default/${file}`, content]));
}

/** Entries in a zip's central directory (its end record's count): duplicates counted, unlike unzip's map. */
function entryCount(zip: Buffer): number {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'a zip end record');
  return zip.readUInt16LE(end + 10);
}

/** A zip's files (folder entries left out) by name. */
function zipFiles(zip: Buffer): Map<string, Buffer> {
  const files = unzipSync(zip);
  return new Map(Object.keys(files).filter((name) => !name.endsWith('/')).sort().map((name) => [name, Buffer.from(files[name]!)]));
}

/**
 * The project is plain, and both the plain conversion itself and buildPackage (one share, and
 * split in two and three) give SDR's entries, bytes, entry count and package.xml.
 */
async function assertPlainAsSdr(workspace: string, sourceDirs = ['force-app']): Promise<{ members: string[]; entries: string[] }> {
  const { plan, reason } = explainPlainPackage({ workspace, sourceDirs });
  assert.ok(plan, `not plain: ${reason}`);
  const sdr = await sdrZip(workspace, sourceDirs, API_VERSION);
  const theirs = zipFiles(sdr.zip);

  // The plain path alone: its files and package.xml against SDR's.
  const ours = new Map<string, Buffer>();
  for (const file of plainFiles(plan, plan.components, (component) => copiedFiles(component, component.files))) {
    const name = file.output.split(path.sep).join('/');
    assert.ok(!ours.has(name), `${name} written twice`);
    ours.set(name, file.data ?? readFileSync(file.source!));
  }
  ours.set('package.xml', Buffer.from(plainPackageXml(plan, API_VERSION)));
  assert.deepEqual([...ours.keys()].sort(), [...theirs.keys()], 'the plain files are SDR\'s files');
  for (const [name, bytes] of theirs) {
    assert.equal(ours.get(name)!.toString('utf8'), bytes.toString('utf8'), `${name}: plain text differs from SDR's`);
    assert.ok(ours.get(name)!.equals(bytes), `${name}: plain bytes differ from SDR's`);
  }

  // buildPackage, which takes the plain path for a plain project, in one share and split.
  assert.equal(entryCount(sdr.zip), sdr.count, 'SDR counts its entries');
  for (const shares of [1, 2, 3]) {
    const pkg = await buildPackage({ workspace, sourceDirs, apiVersion: API_VERSION }, { threads: false, shares });
    assertSameEntries(pkg.zip, sdr.zip, `${shares} share(s)`);
    assert.equal(pkg.fileCount, sdr.count, `${shares} share(s): entry count`);
    assert.equal(entryCount(pkg.zip), sdr.count, `${shares} share(s): entries in the zip`);
    assert.deepEqual(pkg.components.map((c) => `${c.type}:${c.fullName}`).sort(), packageMembers(sdr.zip));
  }
  return { members: packageMembers(sdr.zip), entries: [...theirs.keys()] };
}

/**
 * The project is not plain, for `cause`, and buildPackage gives SDR's package, or refuses it as SDR
 * does.
 */
async function assertNotPlainAsSdr(workspace: string, cause: RegExp, job: { sourceDirs?: string[]; manifest?: string; shares?: number[] } = {}): Promise<'built' | 'refused'> {
  const sourceDirs = job.sourceDirs ?? ['force-app'];
  let sdr: { zip: Buffer; count: number } | undefined;
  let sdrError: Error | undefined;
  try {
    sdr = job.manifest ? await sdrManifestZip(workspace, sourceDirs, job.manifest) : await sdrZip(workspace, sourceDirs, API_VERSION);
  } catch (error) {
    sdrError = error as Error;
  }
  for (const shares of job.shares ?? [1]) {
    const built = buildPackage({ workspace, sourceDirs, apiVersion: API_VERSION, ...(job.manifest ? { manifest: job.manifest } : {}) }, { threads: false, shares });
    if (sdrError) {
      await assert.rejects(built, (error: Error) => {
        // The same reason, in SDR's words.
        const reason = sdrError.message.split(workspace + path.sep).join('');
        assert.ok(error.message.split(workspace + path.sep).join('').includes(reason.slice(0, 60)), `'${error.message}' does not give SDR's reason '${sdrError.message}'`);
        return true;
      });
      continue;
    }
    const pkg = await built;
    assertSameEntries(pkg.zip, sdr!.zip, `${shares} share(s)`);
    // The entries in SDR's zip (its zipFileCount counts an entry written twice twice).
    assert.equal(pkg.fileCount, entryCount(sdr!.zip), `${shares} share(s): entry count`);
    assert.deepEqual(pkg.components.map((c) => `${c.type}:${c.fullName}`).sort(), packageMembers(sdr!.zip));
  }
  // Checked after the packages, so that a plain plan that should not be shows what it would build.
  const explained = explainPlainPackage({ workspace, sourceDirs, ...(job.manifest ? { manifest: job.manifest } : {}) });
  assert.equal(explained.plan, undefined, 'no plain plan');
  assert.match(explained.reason ?? '', cause);
  return sdrError ? 'refused' : 'built';
}

/** SDR's conversion of a manifest's components over the package directories (as resolveComponentSet does). */
async function sdrManifestZip(workspace: string, sourceDirs: string[], manifest: string): Promise<{ zip: Buffer; count: number }> {
  const { ComponentSet, MetadataConverter } = await import('@salesforce/source-deploy-retrieve');
  const set = await ComponentSet.fromManifest({ manifestPath: path.join(workspace, manifest), resolveSourcePaths: sourceDirs.map((dir) => path.join(workspace, dir)), forceAddWildcards: true });
  set.sourceApiVersion = API_VERSION;
  set.apiVersion = API_VERSION;
  const converted = await new MetadataConverter().convert(set, 'metadata', { type: 'zip' });
  return { zip: converted.zipBuffer!, count: converted.zipFileCount ?? 0 };
}

const cls = (name: string) => ({ [`classes/${name}.cls`]: `public with sharing class ${name} {}\n`, [`classes/${name}.cls-meta.xml`]: apex('ApexClass') });

describe('plain projects: the plain package is SDR\'s, entry by entry', () => {
  test('a custom object with each child type, names that need sorting (mixed case, underscores, digits)', async () => {
    const object = 'Invoice__c';
    const children: Tree = {};
    // Each group's names in an order unlike localeCompare's (which SDR sorts by) and unlike code point order.
    for (const name of ['b_Field__c', 'A_field__c', 'a_Field__c', 'Z9__c', 'z10__c', 'Z10__c', 'Amount2__c', 'Amount10__c', 'amount_1__c', 'X_1__c', 'x_1__c']) {
      children[`objects/${object}/fields/${name}.field-meta.xml`] = field(name);
    }
    for (const name of ['Zed', 'all_Invoices', 'All', 'All_Invoices', 'open2', 'Open10']) {
      children[`objects/${object}/listViews/${name}.listView-meta.xml`] = named('ListView', name, `    <filterScope>Everything</filterScope>\n    <label>${name}</label>\n`);
    }
    for (const name of ['must_Have_amount', 'Must_have_Amount2', 'Amount_Positive']) {
      children[`objects/${object}/validationRules/${name}.validationRule-meta.xml`] = named('ValidationRule', name, `    <active>true</active>\n    <errorConditionFormula>Amount__c &lt; 0 &amp;&amp; ISPICKVAL(Status__c, &apos;Open&apos;)</errorConditionFormula>\n    <errorMessage>Amount can&apos;t be &lt; 0</errorMessage>\n`);
    }
    for (const name of ['Standard', 'credit_Note', 'Credit']) {
      children[`objects/${object}/recordTypes/${name}.recordType-meta.xml`] = named('RecordType', name, `    <active>true</active>\n    <label>${name}</label>\n`);
    }
    for (const name of ['Print', 'open_In_Erp', 'Open_in_ERP2']) {
      children[`objects/${object}/webLinks/${name}.webLink-meta.xml`] = named('WebLink', name, `    <availability>online</availability>\n    <displayType>button</displayType>\n    <linkType>url</linkType>\n    <masterLabel>${name}</masterLabel>\n    <openType>replace</openType>\n    <url>/apex/Print?id={!Invoice__c.Id}&amp;mode=1</url>\n`);
    }
    for (const name of ['Mobile', 'desktop']) {
      children[`objects/${object}/compactLayouts/${name}.compactLayout-meta.xml`] = named('CompactLayout', name, `    <fields>Name</fields>\n    <label>${name}</label>\n`);
    }
    children[`objects/${object}/fieldSets/Summary.fieldSet-meta.xml`] = named('FieldSet', 'Summary', '    <description>Summary</description>\n    <label>Summary</label>\n');
    children[`objects/${object}/businessProcesses/Billing.businessProcess-meta.xml`] = named('BusinessProcess', 'Billing', '    <isActive>true</isActive>\n');
    children[`objects/${object}/sharingReasons/Auditor__c.sharingReason-meta.xml`] = named('SharingReason', 'Auditor__c', '    <label>Auditor</label>\n');
    children[`objects/${object}/indexes/ByAmount.index-meta.xml`] = named('Index', 'ByAmount', '    <label>By amount</label>\n');
    const workspace = writeProject(underDefault({ [`objects/${object}/${object}.object-meta.xml`]: objectFile(), ...children }));
    const { members, entries } = await assertPlainAsSdr(workspace);
    assert.ok(members.includes('CustomObject:Invoice__c'));
    assert.ok(members.includes('CustomField:Invoice__c.Z10__c') && members.includes('ListView:Invoice__c.all_Invoices') && members.includes('CompactLayout:Invoice__c.desktop'));
    assert.deepEqual(entries, ['objects/Invoice__c.object', 'package.xml']);
  });

  test('XML with comments, CDATA, numeric entities, &amp;, attributes, whitespace-only and empty elements', async () => {
    const body = [
      '    <!-- the invoice object -->',
      '    <label>Invoice &amp; Credit</label>',
      '    <description><![CDATA[Keeps <b>invoices</b> & credits]]></description>',
      '    <pluralLabel>Invoice&#39;s &#160;&#x2014; all</pluralLabel>',
      '    <sharingModel>ReadWrite</sharingModel>',
      '    <deploymentStatus xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>',
      '    <enableHistory>   </enableHistory>',
      '    <enableReports></enableReports>',
      '    <enableSearch/>',
      '',
    ].join('\n');
    const workspace = writeProject(
      underDefault({
        'objects/Invoice__c/Invoice__c.object-meta.xml': objectFile(body),
        'objects/Invoice__c/fields/Note__c.field-meta.xml': field('Note__c', '    <!-- a note -->\n    <label>Note &#39;quoted&#39; &amp; more</label>\n    <type>LongTextArea</type>\n    <defaultValue><![CDATA["x" < y]]></defaultValue>\n    <inlineHelpText>   </inlineHelpText>\n    <description></description>\n    <length xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"></length>\n'),
        'objects/Invoice__c/fields/Amount__c.field-meta.xml': field('Amount__c', '    <label>Amount &#x20AC;</label>\n    <formula>IF(A__c &gt; 0, &quot;a&quot;, &apos;b&apos;)</formula>\n    <type>Number</type>\n'),
        'objects/Invoice__c/validationRules/R.validationRule-meta.xml': named('ValidationRule', 'R', '    <active>true</active>\n    <!-- first -->\n    <!-- second -->\n    <errorConditionFormula>A &amp;&amp; B</errorConditionFormula>\n    <errorMessage>&#160;</errorMessage>\n'),
        'permissionsets/Comments.permissionset-meta.xml': meta('PermissionSet', '    <!-- kept as is: copied -->\n    <label>Comments &amp; CDATA</label>\n    <description><![CDATA[a & b]]></description>\n'),
      }),
    );
    await assertPlainAsSdr(workspace);
  });

  test('an object folder with only fields (a standard object without its file)', async () => {
    const workspace = writeProject(
      underDefault({
        'objects/Account/fields/Tier__c.field-meta.xml': field('Tier__c'),
        'objects/Account/fields/Region__c.field-meta.xml': field('Region__c'),
        'objects/Account/listViews/Mine.listView-meta.xml': named('ListView', 'Mine', '    <filterScope>Mine</filterScope>\n    <label>Mine</label>\n'),
        ...cls('Uses'),
      }),
    );
    const { members } = await assertPlainAsSdr(workspace);
    assert.ok(members.includes('CustomField:Account.Tier__c'));
  });

  test('an object file with nothing but its namespace, and one with no namespace and one element', async () => {
    const workspace = writeProject(
      underDefault({
        'objects/Account/Account.object-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="${NS}"/>\n`,
        'objects/Account/fields/Tier__c.field-meta.xml': field('Tier__c'),
        'objects/Contact/Contact.object-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="${NS}">\n</CustomObject>\n`,
        'objects/Contact/fields/Level__c.field-meta.xml': field('Level__c'),
        'objects/Lead/Lead.object-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject>\n    <enableFeeds>false</enableFeeds>\n</CustomObject>\n`,
        'objects/Lead/fields/Score__c.field-meta.xml': field('Score__c'),
        'objects/Case/Case.object-meta.xml': meta('CustomObject', '    <enableFeeds>false</enableFeeds>\n'),
        'objects/Opportunity/Opportunity.object-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="${NS}"/>\n`,
      }),
    );
    const { members } = await assertPlainAsSdr(workspace);
    assert.ok(!members.includes('CustomObject:Account'), members.join(', '));
    assert.ok(members.includes('CustomField:Account.Tier__c'));
    assert.ok(members.includes('CustomObject:Case') && !members.includes('CustomObject:Opportunity') && !members.includes('CustomObject:Lead'), members.join(', '));
  });

  test('CustomLabels out of order, with special characters', async () => {
    const label = (name: string, value: string) => `    <labels>\n        <fullName>${name}</fullName>\n        <language>en_US</language>\n        <protected>false</protected>\n        <shortDescription>${name}</shortDescription>\n        <value>${value}</value>\n    </labels>\n`;
    const workspace = writeProject(
      underDefault({
        'labels/CustomLabels.labels-meta.xml': meta(
          'CustomLabels',
          [
            label('zeta_Label', 'Z &amp; z'),
            label('Alpha', 'It&apos;s &lt;b&gt;bold&lt;/b&gt; &#39;quoted&#39;&#160;&#x2603;'),
            label('alpha_2', '<![CDATA[<i>cdata</i> & more]]>'),
            label('Beta10', '   '),
            label('beta2', 'Ünïcödé — “quotes”'),
            '    <!-- a comment between labels -->\n',
            label('Gamma', ''),
          ].join(''),
        ),
      }),
    );
    const { members } = await assertPlainAsSdr(workspace);
    assert.ok(members.includes('CustomLabel:zeta_Label') && members.includes('CustomLabels:CustomLabels'));
  });

  test('LWC bundles with nested folders and __tests__ (forceignored and not), an Aura bundle', async () => {
    const lwcMeta = meta('LightningComponentBundle', '    <apiVersion>62.0</apiVersion>\n    <isExposed>true</isExposed>\n');
    const workspace = writeProject({
      '.forceignore': '**/jsconfig.json\n**/.eslintrc.json\n**/ignoredCmp/__tests__/**\n',
      ...underDefault({
        'lwc/invoiceList/invoiceList.js': 'import { LightningElement } from "lwc";\nexport default class InvoiceList extends LightningElement {}\n',
        'lwc/invoiceList/invoiceList.html': '<template><c-row></c-row></template>\n',
        'lwc/invoiceList/invoiceList.css': ':host { display: block; }\n',
        'lwc/invoiceList/invoiceList.js-meta.xml': lwcMeta,
        'lwc/invoiceList/utils/format.js': 'export const f = (x) => x;\n',
        'lwc/invoiceList/utils/deep/more/a b.js': 'export const g = 1;\n',
        'lwc/invoiceList/templates/row.html': '<template></template>\n',
        'lwc/invoiceList/__tests__/invoiceList.test.js': 'test("x", () => {});\n',
        'lwc/invoiceList/__tests__/data/rows.json': '[]\n',
        'lwc/ignoredCmp/ignoredCmp.js': 'export default class {}\n',
        'lwc/ignoredCmp/ignoredCmp.js-meta.xml': lwcMeta,
        'lwc/ignoredCmp/__tests__/ignoredCmp.test.js': 'test("y", () => {});\n',
        'lwc/jsconfig.json': '{}\n',
        'lwc/.eslintrc.json': '{}\n',
        'aura/invoiceBox/invoiceBox.cmp': '<aura:component implements="flexipage:availableForAllPageTypes">{!v.body}</aura:component>\n',
        'aura/invoiceBox/invoiceBox.cmp-meta.xml': meta('AuraDefinitionBundle', '    <apiVersion>62.0</apiVersion>\n    <description>Box</description>\n'),
        'aura/invoiceBox/invoiceBoxController.js': '({ init: function (c) {} })\n',
        'aura/invoiceBox/invoiceBoxHelper.js': '({ help: function () {} })\n',
        'aura/invoiceBox/invoiceBox.css': '.THIS { color: red; }\n',
        'aura/invoiceBox/invoiceBox.design': '<design:component label="Box"/>\n',
        'aura/invoiceBox/invoiceBox.svg': '<svg xmlns="http://www.w3.org/2000/svg"></svg>\n',
        'aura/invoiceBox/invoiceBox.auradoc': '<aura:documentation><aura:description>Box</aura:description></aura:documentation>\n',
      }),
    });
    const { entries } = await assertPlainAsSdr(workspace);
    assert.ok(entries.includes('lwc/invoiceList/__tests__/data/rows.json'), entries.join(', '));
    assert.ok(entries.includes('lwc/invoiceList/utils/deep/more/a b.js'));
    assert.ok(!entries.includes('lwc/ignoredCmp/__tests__/ignoredCmp.test.js'));
    assert.ok(entries.includes('aura/invoiceBox/invoiceBox.auradoc'));
  });

  test('Apex classes in nested subfolders, triggers, a Visualforce page and component', async () => {
    const workspace = writeProject(
      underDefault({
        ...cls('Top'),
        'classes/Sub Folder/Nested.cls': 'public class Nested {}\n',
        'classes/Sub Folder/Nested.cls-meta.xml': apex('ApexClass'),
        'classes/Sub Folder/deeper/more/Deepest_2.cls': 'public class Deepest_2 {}\n',
        'classes/Sub Folder/deeper/more/Deepest_2.cls-meta.xml': apex('ApexClass'),
        'triggers/InvoiceTrigger.trigger': 'trigger InvoiceTrigger on Invoice__c (before insert) {}\n',
        'triggers/InvoiceTrigger.trigger-meta.xml': apex('ApexTrigger'),
        'triggers/handlers/Other.trigger': 'trigger Other on Account (after update) {}\n',
        'triggers/handlers/Other.trigger-meta.xml': apex('ApexTrigger'),
        'pages/PrintInvoice.page': '<apex:page standardController="Invoice__c">{!Invoice__c.Name} &amp; more</apex:page>\n',
        'pages/PrintInvoice.page-meta.xml': meta('ApexPage', '    <apiVersion>62.0</apiVersion>\n    <label>PrintInvoice</label>\n'),
        'components/Header.component': '<apex:component>Header</apex:component>\n',
        'components/Header.component-meta.xml': meta('ApexComponent', '    <apiVersion>62.0</apiVersion>\n    <label>Header</label>\n'),
      }),
    );
    const { entries, members } = await assertPlainAsSdr(workspace);
    assert.ok(entries.includes('classes/Nested.cls') && entries.includes('classes/Deepest_2.cls-meta.xml') && entries.includes('triggers/Other.trigger'), entries.join(', '));
    assert.ok(members.includes('ApexClass:Nested') && members.includes('ApexPage:PrintInvoice') && members.includes('ApexComponent:Header'));
  });

  test('permission sets, layouts with spaces, dashes and dots in names, a CustomMetadata record, a tab, a flexipage, a flow', async () => {
    const workspace = writeProject(
      underDefault({
        'permissionsets/Invoice_Admin.permissionset-meta.xml': meta('PermissionSet', '    <label>Invoice Admin</label>\n    <hasActivationRequired>false</hasActivationRequired>\n'),
        'layouts/Account-Account Layout.layout-meta.xml': meta('Layout', '    <layoutSections>\n        <style>TwoColumnsTopToBottom</style>\n    </layoutSections>\n'),
        'layouts/Invoice__c-Invoice Layout v2.1 (EMEA).layout-meta.xml': meta('Layout'),
        'layouts/Case-Case-Support Layout.layout-meta.xml': meta('Layout'),
        'layouts/Service/Sub Folder/Case-Nested Layout.layout-meta.xml': meta('Layout'),
        'flows/Automation/Invoice_Reminder.flow-meta.xml': meta('Flow', '    <apiVersion>62.0</apiVersion>\n    <label>Reminder</label>\n    <processType>AutoLaunchedFlow</processType>\n    <status>Draft</status>\n'),
        'customMetadata/Invoice_Setting.Default_EU.md-meta.xml': meta('CustomMetadata', '    <label>Default EU</label>\n    <protected>false</protected>\n    <values>\n        <field>Rate__c</field>\n        <value xsi:type="xsd:double" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">0.2</value>\n    </values>\n'),
        'tabs/Invoice__c.tab-meta.xml': meta('CustomTab', '    <customObject>true</customObject>\n    <motif>Custom1: Heart</motif>\n'),
        'flexipages/Invoice_Record_Page.flexipage-meta.xml': meta('FlexiPage', '    <masterLabel>Invoice Record Page</masterLabel>\n    <type>RecordPage</type>\n'),
        'flows/Invoice_Approval.flow-meta.xml': meta('Flow', '    <apiVersion>62.0</apiVersion>\n    <label>Invoice Approval</label>\n    <processType>AutoLaunchedFlow</processType>\n    <status>Active</status>\n'),
      }),
    );
    const { members, entries } = await assertPlainAsSdr(workspace);
    for (const member of ['Layout:Case-Nested Layout', 'Flow:Invoice_Reminder', 'Layout:Account-Account Layout', 'Layout:Invoice__c-Invoice Layout v2.1 (EMEA)', 'CustomMetadata:Invoice_Setting.Default_EU', 'CustomTab:Invoice__c', 'FlexiPage:Invoice_Record_Page', 'Flow:Invoice_Approval', 'PermissionSet:Invoice_Admin']) {
      assert.ok(members.includes(member), `${member} not in ${members.join(', ')}`);
    }
    assert.ok(entries.includes('customMetadata/Invoice_Setting.Default_EU.md'));
  });

  test('a .forceignore with a folder pattern, a negation and a file pattern', async () => {
    const workspace = writeProject({
      '.forceignore': '# ignore\n**/scratch/\n**/*.bak.cls\n**/*.bak.cls-meta.xml\nclasses/Skip*\n**/Skip*\n!**/SkipNot.cls\n!**/SkipNot.cls-meta.xml\n**/lwc/**/drafts/**\n',
      ...underDefault({
        ...cls('Kept'),
        ...cls('SkipMe'),
        ...cls('SkipNot'),
        'classes/scratch/Draft.cls': 'public class Draft {}\n',
        'classes/scratch/Draft.cls-meta.xml': apex('ApexClass'),
        'classes/scratch/notes.txt': 'anything\n',
        'scratch/loose.txt': 'anything\n',
        'classes/Old.bak.cls': 'x',
        'classes/Old.bak.cls-meta.xml': 'x',
        'lwc/cmp/cmp.js': 'export default class {}\n',
        'lwc/cmp/cmp.js-meta.xml': meta('LightningComponentBundle', '    <apiVersion>62.0</apiVersion>\n    <isExposed>false</isExposed>\n'),
        'lwc/cmp/drafts/old.js': 'x\n',
        'objects/Thing__c/Thing__c.object-meta.xml': objectFile(),
        'objects/Thing__c/fields/A__c.field-meta.xml': field('A__c'),
        'objects/Thing__c/fields/scratch/B__c.field-meta.xml': field('B__c'),
        'objects/Thing__c/fields/SkipField__c.field-meta.xml': field('SkipField__c'),
      }),
    });
    const { members, entries } = await assertPlainAsSdr(workspace);
    assert.ok(members.includes('ApexClass:Kept') && members.includes('ApexClass:SkipNot'), members.join(', '));
    assert.ok(!members.includes('ApexClass:SkipMe') && !members.includes('ApexClass:Draft') && !members.includes('CustomField:Thing__c.SkipField__c'));
    assert.ok(!entries.some((entry) => entry.includes('drafts')));
  });

  test('two package directories', async () => {
    const workspace = writeProject(
      {
        'force-app/main/default/classes/A.cls': 'public class A {}\n',
        'force-app/main/default/classes/A.cls-meta.xml': apex('ApexClass'),
        'force-app/main/default/objects/Thing__c/Thing__c.object-meta.xml': objectFile(),
        'force-app/main/default/objects/Thing__c/fields/A__c.field-meta.xml': field('A__c'),
        'force-app/main/default/labels/CustomLabels.labels-meta.xml': meta('CustomLabels', '    <labels>\n        <fullName>One</fullName>\n        <language>en_US</language>\n        <protected>false</protected>\n        <shortDescription>One</shortDescription>\n        <value>1</value>\n    </labels>\n'),
        'common/main/default/classes/B.cls': 'public class B {}\n',
        'common/main/default/classes/B.cls-meta.xml': apex('ApexClass'),
        'common/main/default/objects/Other__c/Other__c.object-meta.xml': objectFile(),
        'common/main/default/objects/Other__c/fields/B__c.field-meta.xml': field('B__c'),
        'common/main/default/lwc/shared/shared.js': 'export const x = 1;\n',
        'common/main/default/lwc/shared/shared.js-meta.xml': meta('LightningComponentBundle', '    <apiVersion>62.0</apiVersion>\n    <isExposed>false</isExposed>\n'),
      },
      { dirs: ['force-app', 'common'] },
    );
    const { members } = await assertPlainAsSdr(workspace, ['force-app', 'common']);
    assert.ok(members.includes('ApexClass:A') && members.includes('ApexClass:B') && members.includes('CustomField:Other__c.B__c'));
  });
});

describe('plain projects: other types SDR copies with a content file', () => {
  test('a certificate, a content asset, a DataWeave script, an s-control, network branding, a site.com site', async () => {
    const workspace = writeProject(
      underDefault({
        'certs/Signing_Cert.crt': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
        'certs/Signing_Cert.crt-meta.xml': meta('Certificate', '    <caSigned>false</caSigned>\n    <masterLabel>Signing Cert</masterLabel>\n'),
        'contentassets/logo_asset.asset': 'binary\u0000bytes\u00ff',
        'contentassets/logo_asset.asset-meta.xml': meta('ContentAsset', '    <language>en_US</language>\n    <masterLabel>logo</masterLabel>\n'),
        'dw/Transform_Invoice.dwl': '%dw 2.0\noutput application/json\n---\npayload\n',
        'dw/Transform_Invoice.dwl-meta.xml': meta('DataWeaveResource', '    <apiVersion>62.0</apiVersion>\n    <isGlobal>false</isGlobal>\n'),
        'scontrols/Legacy.scf': '<html></html>\n',
        'scontrols/Legacy.scf-meta.xml': meta('Scontrol', '    <contentSource>HTML</contentSource>\n    <name>Legacy</name>\n'),
        'networkBranding/cbPortal.networkBranding': 'branding',
        'networkBranding/cbPortal.networkBranding-meta.xml': meta('NetworkBranding', '    <network>Portal</network>\n'),
        'siteDotComSites/Portal1.site': 'site bytes',
        'siteDotComSites/Portal1.site-meta.xml': meta('SiteDotCom', '    <label>Portal</label>\n    <siteType>ChatterNetwork</siteType>\n'),
      }),
    );
    const { members } = await assertPlainAsSdr(workspace);
    for (const member of ['Certificate:Signing_Cert', 'ContentAsset:logo_asset', 'DataWeaveResource:Transform_Invoice', 'Scontrol:Legacy', 'NetworkBranding:cbPortal', 'SiteDotCom:Portal1']) assert.ok(members.includes(member), `${member} not in ${members.join(', ')}`);
  });
});

describe('plain projects: ties and overrides in the recomposition', () => {
  test('children whose sort values tie (no fullName) keep SDR\'s order; a child\'s fullName unlike its file name sorts by the fullName', async () => {
    const workspace = writeProject(
      underDefault({
        'objects/Thing__c/Thing__c.object-meta.xml': objectFile(),
        // No fullName, no name: they tie ('') and keep the order SDR reads them in.
        'objects/Thing__c/fields/b__c.field-meta.xml': meta('CustomField', '    <label>b</label>\n'),
        'objects/Thing__c/fields/A__c.field-meta.xml': meta('CustomField', '    <label>A</label>\n'),
        'objects/Thing__c/fields/C__c.field-meta.xml': meta('CustomField', '    <label>C</label>\n'),
        // A name element where there is no fullName; a fullName unlike the file's name.
        'objects/Thing__c/listViews/Zulu.listView-meta.xml': meta('ListView', '    <name>alpha</name>\n    <label>Zulu</label>\n'),
        'objects/Thing__c/listViews/Alpha.listView-meta.xml': named('ListView', 'zz_Last', '    <label>Alpha</label>\n'),
        'objects/Thing__c/listViews/Mike.listView-meta.xml': meta('ListView', '    <label>Mike</label>\n'),
      }),
    );
    await assertPlainAsSdr(workspace);
  });

  test('an object file that holds some of its children inline: the child folders\' groups replace them', async () => {
    const workspace = writeProject(
      underDefault({
        'objects/Thing__c/Thing__c.object-meta.xml': objectFile(`    <label>Thing</label>\n    <fields>\n        <fullName>Inline__c</fullName>\n        <type>Text</type>\n    </fields>\n    <listViews>\n        <fullName>Inline</fullName>\n    </listViews>\n    <sharingModel>ReadWrite</sharingModel>\n`),
        'objects/Thing__c/fields/A__c.field-meta.xml': field('A__c'),
      }),
    );
    await assertPlainAsSdr(workspace);
  });
});

describe('plain projects: roots SDR reads as the plain path does', () => {
  test('empty roots without a namespace, a root given twice, number-like values', async () => {
    const declared = '<?xml version="1.0" encoding="UTF-8"?>\n';
    const workspace = writeProject(
      underDefault({
        'objects/Empty__c/Empty__c.object-meta.xml': `${declared}<CustomObject></CustomObject>\n`,
        'objects/Empty__c/fields/Blank__c.field-meta.xml': `${declared}<CustomField></CustomField>\n`,
        'objects/Empty__c/fields/Other__c.field-meta.xml': field('Other__c'),
        'objects/Twice__c/Twice__c.object-meta.xml': `${objectFile()}<CustomObject>\n    <label>Again</label>\n</CustomObject>\n`,
        'objects/Twice__c/fields/Two__c.field-meta.xml': `${field('Two__c')}<CustomField>\n    <fullName>Second__c</fullName>\n</CustomField>\n`,
        'objects/Twice__c/fields/Number__c.field-meta.xml': field('Number__c', '    <label>0012</label>\n    <length>080</length>\n    <precision>1e3</precision>\n    <scale>0x1F</scale>\n    <type>Number</type>\n'),
      }),
    );
    await assertPlainAsSdr(workspace);
  });
});

describe('plain projects: other encodings and places', () => {
  test('CRLF line ends, a non-ASCII layout name, a .forceignore in the package directory', async () => {
    const workspace = writeProject({
      'force-app/.forceignore': '**/drafts/**\n',
      ...underDefault({
        'objects/Thing__c/Thing__c.object-meta.xml': objectFile().replace(/\n/g, '\r\n'),
        'objects/Thing__c/fields/A__c.field-meta.xml': field('A__c', '    <label>A</label>\r\n    <description><![CDATA[two\r\nlines]]></description>\r\n    <type>Text</type>\r\n'),
        'layouts/Account-Compte é – Ünïcode.layout-meta.xml': meta('Layout'),
        'classes/Crlf.cls': 'public class Crlf {\r\n}\r\n',
        'classes/Crlf.cls-meta.xml': apex('ApexClass').replace(/\n/g, '\r\n'),
        'classes/drafts/Draft.cls': 'public class Draft {}\n',
        'classes/drafts/Draft.cls-meta.xml': apex('ApexClass'),
      }),
    });
    const { members } = await assertPlainAsSdr(workspace);
    assert.ok(members.includes('Layout:Account-Compte é – Ünïcode') && !members.includes('ApexClass:Draft'), members.join(', '));
  });
});

describe('a file only SDR can read makes the whole project not plain, in every share', () => {
  // Found while converting, it sent only the share holding its object to SDR, whose split of the
  // components differs from the plain one: in two or three shares a trigger was left out.
  const project = (objectXml: (name: string) => string, fieldXml: (name: string) => string) => {
    const files: Tree = {};
    for (const name of ['A__c', 'B__c', 'C__c']) {
      files[`objects/${name}/${name}.object-meta.xml`] = objectXml(name);
      files[`objects/${name}/fields/F__c.field-meta.xml`] = name === 'A__c' ? fieldXml(name) : field('F__c');
    }
    for (let i = 0; i < 4; i++) {
      files[`triggers/T${i}.trigger`] = `trigger T${i} on Account (before insert) {}\n`;
      files[`triggers/T${i}.trigger-meta.xml`] = apex('ApexTrigger');
    }
    return writeProject(underDefault(files));
  };

  test('a comment before an object\'s root element', async () => {
    const workspace = project((name) => (name === 'A__c' ? objectFile().replace('\n<CustomObject', '\n<!-- header -->\n<CustomObject') : objectFile()), () => field('F__c'));
    assert.equal(await assertNotPlainAsSdr(workspace, /A__c\.object-meta\.xml is not one CustomObject/, { shares: [1, 2, 3] }), 'built');
  });

  test('a comment after an object\'s root element', async () => {
    const workspace = project((name) => (name === 'A__c' ? `${objectFile()}<!-- footer -->\n` : objectFile()), () => field('F__c'));
    assert.equal(await assertNotPlainAsSdr(workspace, /A__c\.object-meta\.xml is not one CustomObject/, { shares: [1, 2, 3] }), 'built');
  });

  test('an object file whose root holds only text', async () => {
    const workspace = project((name) => (name === 'A__c' ? '<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject>text</CustomObject>\n' : objectFile()), () => field('F__c'));
    assert.equal(await assertNotPlainAsSdr(workspace, /A__c\.object-meta\.xml holds only text/, { shares: [1, 2, 3] }), 'built');
  });

  test('a field file whose root holds only text', async () => {
    const workspace = project(() => objectFile(), () => '<?xml version="1.0" encoding="UTF-8"?>\n<CustomField>F__c</CustomField>\n');
    assert.equal(await assertNotPlainAsSdr(workspace, /F__c\.field-meta\.xml holds only text/, { shares: [1, 2, 3] }), 'built');
  });

  test('a field file whose root is not a CustomField', async () => {
    const workspace = project(() => objectFile(), () => meta('CustomObject', '    <fields>\n        <fullName>F__c</fullName>\n        <type>Text</type>\n    </fields>\n'));
    assert.equal(await assertNotPlainAsSdr(workspace, /F__c\.field-meta\.xml is not one CustomField/, { shares: [1, 2, 3] }), 'built');
  });
});

describe('XML the parser cannot read: not plain, refused in SDR\'s words (naming the file)', () => {
  const cases: Array<[string, Tree, RegExp]> = [
    ['an unclosed comment in an object file', { 'objects/A__c/A__c.object-meta.xml': objectFile().replace('</CustomObject>', '<!-- open\n</CustomObject>') }, /A__c\.object-meta\.xml cannot be parsed: Comment is not closed/],
    ['an unclosed CDATA in a field file', { 'objects/A__c/A__c.object-meta.xml': objectFile(), 'objects/A__c/fields/F__c.field-meta.xml': field('F__c', '    <label><![CDATA[open</label>\n') }, /F__c\.field-meta\.xml cannot be parsed: CDATA is not closed/],
    ['an unclosed processing instruction in the labels file', { 'labels/CustomLabels.labels-meta.xml': meta('CustomLabels', '    <labels>\n        <fullName>A</fullName>\n        <?pi </labels>\n') }, /CustomLabels\.labels-meta\.xml cannot be parsed: Pi Tag is not closed/],
  ];
  for (const [name, files, cause] of cases) {
    test(name, async () => {
      const workspace = writeProject(underDefault({ ...cls('A'), ...files }));
      assert.equal(await assertNotPlainAsSdr(workspace, cause, { shares: [1, 2] }), 'refused');
    });
  }
});

describe('projects that are not plain: SDR builds them', () => {
  test('static resources', async () => {
    const workspace = writeProject(underDefault({ ...cls('A'), 'staticresources/logo.png': 'png', 'staticresources/logo.resource-meta.xml': meta('StaticResource', '    <cacheControl>Public</cacheControl>\n    <contentType>image/png</contentType>\n') }));
    assert.equal(await assertNotPlainAsSdr(workspace, /staticresources/), 'built');
  });

  test('object translations', async () => {
    const workspace = writeProject(
      underDefault({
        ...cls('A'),
        'objectTranslations/Account-fr/Account-fr.objectTranslation-meta.xml': meta('CustomObjectTranslation', '    <caseValues>\n        <plural>false</plural>\n        <value>Compte</value>\n    </caseValues>\n'),
        'objectTranslations/Account-fr/Tier__c.fieldTranslation-meta.xml': meta('CustomFieldTranslation', '    <label>Niveau</label>\n    <name>Tier__c</name>\n'),
      }),
    );
    assert.equal(await assertNotPlainAsSdr(workspace, /objectTranslations/), 'built');
  });

  test('replacements in sfdx-project.json', async () => {
    const workspace = writeProject(underDefault(cls('A')), { config: { replacements: [{ filename: 'force-app/main/default/classes/A.cls', stringToReplace: 'class', replaceWithEnv: 'PLAIN_TEST_UNSET', allowUnsetEnvVariable: true }] } });
    assert.equal(await assertNotPlainAsSdr(workspace, /replacements/), 'built');
  });

  test('registry customizations in sfdx-project.json', async () => {
    const workspace = writeProject(underDefault(cls('A')), { config: { registryCustomizations: { types: {}, suffixes: {}, strictDirectoryNames: {}, childTypes: {} } } });
    assert.equal(await assertNotPlainAsSdr(workspace, /variants/), 'built');
  });

  test('a manifest', async () => {
    const workspace = writeProject({ ...underDefault({ ...cls('A'), ...cls('B') }), 'manifest/package.xml': `<?xml version="1.0" encoding="UTF-8"?>\n<Package xmlns="${NS}">\n    <types>\n        <members>A</members>\n        <name>ApexClass</name>\n    </types>\n    <version>62.0</version>\n</Package>\n` });
    assert.equal(await assertNotPlainAsSdr(workspace, /manifest/, { manifest: 'manifest/package.xml' }), 'built');
  });

  test('a class whose -meta.xml is forceignored but not its .cls', async () => {
    const workspace = writeProject({ '.forceignore': '**/B.cls-meta.xml\n', ...underDefault({ ...cls('A'), ...cls('B') }) });
    assert.equal(await assertNotPlainAsSdr(workspace, /B\.cls without both of its files/), 'built');
  });

  test('a class whose .cls is forceignored but not its -meta.xml', async () => {
    const workspace = writeProject({ '.forceignore': '**/B.cls\n', ...underDefault({ ...cls('A'), ...cls('B') }) });
    assert.equal(await assertNotPlainAsSdr(workspace, /B\.cls without both of its files/), 'refused');
  });

  test('a class without its -meta.xml', async () => {
    const workspace = writeProject(underDefault({ ...cls('A'), 'classes/B.cls': 'public class B {}\n' }));
    assert.equal(await assertNotPlainAsSdr(workspace, /B\.cls without both of its files/), 'built');
  });

  test('a -meta.xml without its class', async () => {
    const workspace = writeProject(underDefault({ ...cls('A'), 'classes/B.cls-meta.xml': apex('ApexClass') }));
    assert.equal(await assertNotPlainAsSdr(workspace, /B\.cls-meta\.xml without its \.cls/), 'refused');
  });

  test('a symbolic link in the package, to a file inside it', async () => {
    const workspace = writeProject({ '.forceignore': '**/linked/\n', ...underDefault({ ...cls('A'), 'classes/B.cls-meta.xml': apex('ApexClass'), 'linked/B.cls': 'public class B {}\n' }) });
    symlinkSync('../linked/B.cls', path.join(workspace, 'force-app/main/default/classes/B.cls'));
    assert.equal(await assertNotPlainAsSdr(workspace, /B\.cls is neither a file nor a folder/), 'built');
  });

  test('a symbolic link in the package, to a file outside it: not plain, and refused by the package gate (SDR would read it)', async () => {
    const workspace = writeProject(underDefault({ ...cls('A'), 'classes/B.cls-meta.xml': apex('ApexClass') }));
    const target = path.join(workspace, 'B-source.cls');
    writeFileSync(target, 'public class B {}\n');
    symlinkSync(target, path.join(workspace, 'force-app/main/default/classes/B.cls'));
    const { plan, reason } = explainPlainPackage({ workspace, sourceDirs: ['force-app'] });
    assert.equal(plan, undefined);
    assert.match(reason ?? '', /B\.cls is neither a file nor a folder/);
    assert.ok(zipFiles((await sdrZip(workspace)).zip).has('classes/B.cls'), 'SDR follows the link');
    await assert.rejects(buildPackage({ workspace, sourceDirs: ['force-app'], apiVersion: API_VERSION }, { threads: false }), (error: Error) => {
      assert.ok(error instanceof InputError);
      assert.match(error.message, /classes\/B\.cls resolves outside the package directories/);
      return true;
    });
  });

  test('a dot-file without a .forceignore', async () => {
    const workspace = writeProject(underDefault({ ...cls('A'), 'classes/.DS_Store': 'x' }));
    assert.equal(await assertNotPlainAsSdr(workspace, /\.DS_Store/), 'built');
  });

  test('a file directly in force-app/main/default', async () => {
    const workspace = writeProject(underDefault({ ...cls('A'), 'README.md': '# notes\n' }));
    assert.equal(await assertNotPlainAsSdr(workspace, /README\.md outside a type's folder/), 'built');
  });

  test('the same class in two package directories', async () => {
    const workspace = writeProject({ ...underDefault(cls('A')), 'other/classes/A.cls': 'public class A { }\n', 'other/classes/A.cls-meta.xml': apex('ApexClass') }, { dirs: ['force-app', 'other'] });
    assert.equal(await assertNotPlainAsSdr(workspace, /ApexClass:A twice/, { sourceDirs: ['force-app', 'other'] }), 'built');
  });

  test('two labels with the same name', async () => {
    const label = (value: string) => `    <labels>\n        <fullName>Same</fullName>\n        <language>en_US</language>\n        <protected>false</protected>\n        <shortDescription>Same</shortDescription>\n        <value>${value}</value>\n    </labels>\n`;
    const workspace = writeProject(underDefault({ ...cls('A'), 'labels/CustomLabels.labels-meta.xml': meta('CustomLabels', label('one') + label('two')) }));
    assert.equal(await assertNotPlainAsSdr(workspace, /twice/), 'built');
  });

  test('an object child file directly in the object folder', async () => {
    const workspace = writeProject(underDefault({ 'objects/Thing__c/Thing__c.object-meta.xml': objectFile(), 'objects/Thing__c/A__c.field-meta.xml': field('A__c') }));
    assert.equal(await assertNotPlainAsSdr(workspace, /A__c\.field-meta\.xml beside the object's file/), 'built');
  });

  test('a package directory that does not exist, and one that is a file', async () => {
    const workspace = writeProject({ ...underDefault(cls('A')), 'notes.txt': 'not a folder\n' });
    assert.equal(await assertNotPlainAsSdr(workspace, /ENOENT/, { sourceDirs: ['missing'] }), 'refused');
    assert.equal(await assertNotPlainAsSdr(workspace, /ENOTDIR/, { sourceDirs: ['notes.txt'] }), 'refused');
  });

  test('a folder named like a type\'s folder inside an LWC bundle', async () => {
    const workspace = writeProject(
      underDefault({
        'lwc/cmp/cmp.js': 'export default class {}\n',
        'lwc/cmp/cmp.js-meta.xml': meta('LightningComponentBundle', '    <apiVersion>62.0</apiVersion>\n    <isExposed>false</isExposed>\n'),
        'lwc/cmp/classes/helper.js': 'export const h = 1;\n',
      }),
    );
    assert.equal(await assertNotPlainAsSdr(workspace, /a folder named classes/), 'built');
  });
});

describe('the projects the tests build are plain', () => {
  test('the fixture project', async () => {
    const workspace = mkdtempSync(path.join(scratch, 'fixture-'));
    cpSync(path.join(root, 'test/fixtures/project'), workspace, { recursive: true });
    const { members } = await assertPlainAsSdr(workspace);
    assert.ok(members.includes('CustomField:Invoice__c.Amount__c') && !members.includes('ApexClass:Ignored'));
  });

  test('the generated project', async () => {
    const workspace = mkdtempSync(path.join(scratch, 'generated-'));
    generateProject(workspace, 'default');
    const { members } = await assertPlainAsSdr(workspace);
    assert.ok(members.length > 50, `${members.length} members`);
  });
});
