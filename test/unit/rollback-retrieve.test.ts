import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { zipSync } from 'fflate';
import { SalesforceError } from '../../src/errors.js';
import type { OrgSession } from '../../src/salesforce/connection.js';
import type { ComponentRef } from '../../src/salesforce/manifest.js';
import { planRetrieveBatches, retrieveComponents } from '../../src/salesforce/retrieve.js';
import { mergePermissionFiles } from '../../src/salesforce/permission-merge.js';

/**
 * A production org's metadata that answers retrieve, checkRetrieveStatus and listMetadata the
 * way Salesforce does, quirks included: a retrieve of a child lists it in fileProperties as soon
 * as its parent exists, whether or not the child does.
 */
class FakeOrg {
  classes = new Map<string, string>([['Invoice', 'public class Invoice {}']]);
  objects = new Map<string, string[]>([['Account', ['Tier__c']]]);
  labels = new Map<string, string>([['Greeting', 'Hello']]);
  /** Picklist values of a field (`Account.Status__c`), each written with a `<fullName>` of its own inside the field. */
  picklists = new Map<string, string[]>();
  /** A comment at the head of the labels file, as a hand-edited org's file may carry. */
  labelsComment = '';
  /** Classes the user cannot retrieve although listMetadata shows them. */
  hidden = new Set<string>();
  pollsUntilDone = 2;
  failWith?: { code: string; message: string };
  /** Files one retrieve may return; over it Salesforce refuses the retrieve with LIMIT_EXCEEDED. */
  maxFiles = Infinity;
  /** Components asked for in each retrieve, in order. */
  requests: number[] = [];
  calls: string[] = [];
  private jobs = new Map<string, { request: any; polls: number }>();

  session(): OrgSession {
    const metadata = {
      retrieve: (request: any) => {
        this.calls.push('retrieve');
        this.requests.push(request.unpackaged.types.reduce((n: number, t: { members: string[] }) => n + t.members.length, 0));
        const id = `09S00000000000${this.jobs.size + 1}AAA`;
        this.jobs.set(id, { request, polls: 0 });
        return Promise.resolve({ id, done: false, state: 'Queued' });
      },
      checkRetrieveStatus: async (id: string) => {
        this.calls.push('checkRetrieveStatus');
        const job = this.jobs.get(id)!;
        job.polls++;
        if (job.polls < this.pollsUntilDone) return { id, done: false, status: 'InProgress', success: false, fileProperties: [], messages: [] };
        if (this.failWith) return { id, done: true, status: 'Failed', success: false, errorStatusCode: this.failWith.code, errorMessage: this.failWith.message, fileProperties: [] };
        return this.result(id, job.request);
      },
      list: async (queries: Array<{ type: string }>) => {
        this.calls.push(`list:${queries.map((q) => q.type).join(',')}`);
        const types = new Set(queries.map((q) => q.type));
        const out: Array<{ type: string; fullName: string }> = [];
        if (types.has('ApexClass')) for (const name of this.classes.keys()) out.push({ type: 'ApexClass', fullName: name });
        if (types.has('CustomObject')) for (const name of this.objects.keys()) out.push({ type: 'CustomObject', fullName: name });
        if (types.has('CustomField')) for (const [o, fields] of this.objects) for (const f of fields) out.push({ type: 'CustomField', fullName: `${o}.${f}` });
        if (types.has('CustomLabel')) for (const name of this.labels.keys()) out.push({ type: 'CustomLabel', fullName: name });
        return out;
      },
    };
    const connection = { metadata } as unknown as OrgSession['connection'];
    return {
      role: 'production',
      connection,
      identity: { id: '00D5g000004SnqbEAC', name: 'Acme', isSandbox: false, organizationType: 'Enterprise Edition', instanceUrl: 'https://acme.my.salesforce.com' },
      retrying: (_what, call) => call(connection),
      once: (_what, call) => call(connection),
    };
  }

  private fieldXml(object: string, field: string): string {
    const values = this.picklists.get(`${object}.${field}`);
    if (!values) return `<fields><fullName>${field}</fullName><type>Text</type></fields>`;
    const defined = values.map((v) => `<value><fullName>${v}</fullName><default>false</default><label>${v}</label></value>`).join('');
    return `<fields><fullName>${field}</fullName><type>Picklist</type><valueSet><valueSetDefinition>${defined}</valueSetDefinition></valueSet></fields>`;
  }

  private result(id: string, request: any) {
    const files: Record<string, Uint8Array> = { 'package.xml': Buffer.from('<Package/>') };
    const fileProperties: Array<{ type: string; fullName: string; fileName: string }> = [{ type: 'Package', fullName: 'package.xml', fileName: 'package.xml' }];
    const messages: Array<{ fileName: string; problem: string }> = [];
    const objectFields = new Map<string, string[]>();
    const labels: string[] = [];
    for (const { name: type, members } of request.unpackaged.types) {
      for (const member of members as string[]) {
        if (type === 'ApexClass') {
          // Salesforce names are case-insensitive; the org answers with its own spelling.
          const name = [...this.classes.keys()].find((k) => k.toLowerCase() === member.toLowerCase());
          if (name && !this.hidden.has(name)) {
            files[`classes/${name}.cls`] = Buffer.from(this.classes.get(name)!);
            files[`classes/${name}.cls-meta.xml`] = Buffer.from('<ApexClass/>');
            fileProperties.push({ type, fullName: name, fileName: `classes/${name}.cls` });
          } else {
            messages.push({ fileName: 'package.xml', problem: `Entity of type 'ApexClass' named '${member}' cannot be found` });
          }
        } else if (type === 'CustomObject') {
          if (this.objects.has(member)) objectFields.set(member, [...this.objects.get(member)!]);
        } else if (type === 'CustomField') {
          const [object, field] = member.split('.');
          if (this.objects.has(object!)) {
            const kept = objectFields.get(object!) ?? [];
            if (this.objects.get(object!)!.includes(field!)) kept.push(field!);
            objectFields.set(object!, kept);
            fileProperties.push({ type, fullName: member, fileName: `objects/${object}.object` });
          }
        } else if (type === 'CustomLabel') {
          if (this.labels.has(member)) labels.push(member);
        }
      }
    }
    for (const [object, fields] of objectFields) {
      files[`objects/${object}.object`] = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">${[...new Set(fields)].map((f) => this.fieldXml(object, f)).join('')}</CustomObject>`);
      fileProperties.push({ type: 'CustomObject', fullName: object, fileName: `objects/${object}.object` });
    }
    if (labels.length > 0) {
      files['labels/CustomLabels.labels'] = Buffer.from(`<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">${this.labelsComment}${labels.map((l) => `<labels><fullName>${l}</fullName><value>${this.labels.get(l)}</value></labels>`).join('')}</CustomLabels>`);
      fileProperties.push({ type: 'CustomLabels', fullName: 'CustomLabels', fileName: 'labels/CustomLabels.labels' });
    }
    if (Object.keys(files).length > this.maxFiles) {
      return { id, done: true, status: 'Failed', success: false, errorStatusCode: 'LIMIT_EXCEEDED', errorMessage: `Too many files in retrieve call, limit is: ${this.maxFiles}`, fileProperties: [] };
    }
    return { id, done: true, status: 'Succeeded', success: true, fileProperties, messages, zipFile: Buffer.from(zipSync(files)).toString('base64') };
  }
}

const noSleep = async () => {};
const options = (log: string[] = []) => ({ apiVersion: '62.0', timeoutMs: 60000, log: (l: string) => log.push(l), sleep: noSleep });
const refs = (...items: Array<[string, string]>): ComponentRef[] => items.map(([type, fullName]) => ({ type, fullName }));

describe('retrieveComponents', () => {
  it('returns the production files and sorts the requested components into present and absent', async () => {
    const org = new FakeOrg();
    const result = await retrieveComponents(org.session(), refs(['ApexClass', 'Invoice'], ['ApexClass', 'InvoiceMailer']), options());
    assert.deepEqual(result.present, refs(['ApexClass', 'Invoice']));
    assert.deepEqual(result.absent, refs(['ApexClass', 'InvoiceMailer']));
    assert.equal(result.files['classes/Invoice.cls']?.toString(), 'public class Invoice {}');
    assert.ok('classes/Invoice.cls-meta.xml' in result.files);
  });

  it('polls checkRetrieveStatus until the retrieve is done', async () => {
    const org = new FakeOrg();
    org.pollsUntilDone = 4;
    const slept: number[] = [];
    await retrieveComponents(org.session(), refs(['ApexClass', 'Invoice']), { ...options(), sleep: async (ms: number) => void slept.push(ms) });
    assert.equal(org.calls.filter((c) => c === 'checkRetrieveStatus').length, 4);
    assert.equal(slept.length, 4);
    assert.ok(slept.every((ms) => ms >= 500 && ms <= 30000));
  });

  it('counts a new field on an existing object as absent although Salesforce lists it with its parent', async () => {
    const org = new FakeOrg();
    const result = await retrieveComponents(org.session(), refs(['CustomField', 'Account.Tier__c'], ['CustomField', 'Account.Region__c']), options());
    assert.deepEqual(result.present, refs(['CustomField', 'Account.Tier__c']));
    assert.deepEqual(result.absent, refs(['CustomField', 'Account.Region__c']));
    assert.match(result.files['objects/Account.object']!.toString(), /Tier__c/);
  });

  it('counts a field of a missing object as absent, with the object', async () => {
    const org = new FakeOrg();
    const result = await retrieveComponents(org.session(), refs(['CustomObject', 'Shipment__c'], ['CustomField', 'Shipment__c.Carrier__c']), options());
    assert.deepEqual(result.present, []);
    assert.deepEqual(result.absent, refs(['CustomObject', 'Shipment__c'], ['CustomField', 'Shipment__c.Carrier__c']));
  });

  it('finds a custom label inside CustomLabels.labels', async () => {
    const org = new FakeOrg();
    const result = await retrieveComponents(org.session(), refs(['CustomLabel', 'Greeting'], ['CustomLabel', 'Farewell']), options());
    assert.deepEqual(result.present, refs(['CustomLabel', 'Greeting']));
    assert.deepEqual(result.absent, refs(['CustomLabel', 'Farewell']));
  });

  it('reads a labels file of many labels, and one with a comment, alike', async () => {
    const org = new FakeOrg();
    for (let i = 0; i < 300; i++) org.labels.set(`Label_${i}`, `Value ${i}`);
    const asked = refs(['CustomLabel', 'Label_7'], ['CustomLabel', 'Label_299'], ['CustomLabel', 'Label_300'], ['CustomLabel', 'Greeting']);
    const plain = await retrieveComponents(org.session(), asked, options());
    org.labelsComment = '<!-- <labels><fullName>Label_300</fullName></labels> -->';
    const commented = await retrieveComponents(org.session(), asked, options());
    for (const result of [plain, commented]) {
      assert.deepEqual(result.present, refs(['CustomLabel', 'Label_7'], ['CustomLabel', 'Label_299'], ['CustomLabel', 'Greeting']));
      assert.deepEqual(result.absent, refs(['CustomLabel', 'Label_300']));
    }
  });

  it('does not take a picklist value inside a field for a field of the object', async () => {
    const org = new FakeOrg();
    org.objects.set('Account', ['Tier__c', 'Status__c']);
    org.picklists.set('Account.Status__c', ['Open', 'Closed']);
    const result = await retrieveComponents(org.session(), refs(['CustomField', 'Account.Status__c'], ['CustomField', 'Account.Open']), options());
    assert.deepEqual(result.present, refs(['CustomField', 'Account.Status__c']));
    assert.deepEqual(result.absent, refs(['CustomField', 'Account.Open']));
  });

  it('matches names without regard to case, as Salesforce does', async () => {
    const org = new FakeOrg();
    org.classes.set('invoice', org.classes.get('Invoice')!);
    org.classes.delete('Invoice');
    const result = await retrieveComponents(org.session(), refs(['ApexClass', 'INVOICE']), options());
    assert.deepEqual(result.present, refs(['ApexClass', 'INVOICE']));
  });

  it('confirms each absence with listMetadata before calling a component absent', async () => {
    const org = new FakeOrg();
    await retrieveComponents(org.session(), refs(['ApexClass', 'InvoiceMailer'], ['CustomField', 'Account.Region__c']), options());
    assert.ok(org.calls.includes('list:ApexClass,CustomField'));
  });

  it('does not call listMetadata when everything came back', async () => {
    const org = new FakeOrg();
    await retrieveComponents(org.session(), refs(['ApexClass', 'Invoice']), options());
    assert.ok(!org.calls.some((c) => c.startsWith('list:')));
  });

  it('refuses to call a component absent when listMetadata shows production has it', async () => {
    const org = new FakeOrg();
    org.classes.set('Secret', 'public class Secret {}');
    org.hidden.add('Secret');
    await assert.rejects(
      retrieveComponents(org.session(), refs(['ApexClass', 'Invoice'], ['ApexClass', 'Secret']), options()),
      (error: Error) => error instanceof SalesforceError && /has ApexClass Secret, but the retrieve did not return it/.test(error.message) && /delete/.test(error.message),
    );
  });

  it('counts the components Salesforce could not find instead of listing each', async () => {
    const log: string[] = [];
    await retrieveComponents(new FakeOrg().session(), refs(['ApexClass', 'InvoiceMailer']), options(log));
    assert.ok(log.includes('Retrieve: 1 requested component(s) not in the org yet.'), log.join('\n'));
    assert.ok(!log.some((l) => /named 'InvoiceMailer' cannot be found/.test(l)));
  });

  it('reports a failed retrieve with Salesforce\'s error code', async () => {
    const org = new FakeOrg();
    org.failWith = { code: 'INVALID_CROSS_REFERENCE_KEY', message: 'bad package' };
    await assert.rejects(retrieveComponents(org.session(), refs(['ApexClass', 'Invoice']), options()), /retrieve .* failed: INVALID_CROSS_REFERENCE_KEY: bad package/);
  });

  it('gives up past the timeout', async () => {
    const org = new FakeOrg();
    org.pollsUntilDone = Number.POSITIVE_INFINITY;
    let clock = 0;
    await assert.rejects(
      retrieveComponents(org.session(), refs(['ApexClass', 'Invoice']), { ...options(), timeoutMs: 120000, now: () => clock, sleep: async (ms: number) => void (clock += ms) }),
      /did not finish within wait-minutes \(2\)/,
    );
  });

  it('asks Salesforce nothing when there is nothing to retrieve', async () => {
    const org = new FakeOrg();
    assert.deepEqual(await retrieveComponents(org.session(), [], options()), { files: {}, present: [], absent: [] });
    assert.deepEqual(org.calls, []);
  });

  it('splits a retrieve Salesforce refuses for its size in two, again if needed, and puts the halves together', async () => {
    const org = new FakeOrg();
    for (let i = 0; i < 30; i++) org.classes.set(`Rule${i}`, `public class Rule${i} {}`);
    org.maxFiles = 21;
    const log: string[] = [];
    const wanted = [...org.classes.keys()].map((name) => ({ type: 'ApexClass', fullName: name }));
    const result = await retrieveComponents(org.session(), wanted, options(log));
    assert.equal(result.present.length, 31);
    assert.equal(result.absent.length, 0);
    assert.equal(Object.keys(result.files).filter((f) => f.startsWith('classes/')).length, 62);
    assert.equal(org.requests[0], 31, 'one retrieve was planned');
    assert.ok(org.requests.length > 3);
    assert.ok(log.some((l) => /LIMIT_EXCEEDED.*Splitting it in two/.test(l)), log.join('\n'));
  });

  it('refuses when one group Salesforce refuses cannot be split', async () => {
    const org = new FakeOrg();
    org.maxFiles = 1;
    await assert.rejects(retrieveComponents(org.session(), refs(['ApexClass', 'Invoice']), options()), /LIMIT_EXCEEDED.*cannot be split further/);
  });
});

describe('planRetrieveBatches', () => {
  it('keeps everything that shares a file in one batch, and counts meta files and bundles', () => {
    const components = [
      ...Array.from({ length: 10 }, (_, i) => ({ type: 'ApexClass', fullName: `C${i}` })),
      { type: 'CustomObject', fullName: 'Invoice__c' },
      ...Array.from({ length: 50 }, (_, i) => ({ type: 'CustomField', fullName: `Invoice__c.F${i}__c` })),
      ...Array.from({ length: 40 }, (_, i) => ({ type: 'CustomLabel', fullName: `L${i}` })),
      ...Array.from({ length: 5 }, (_, i) => ({ type: 'LightningComponentBundle', fullName: `card${i}` })),
    ];
    // Budget 12 files: classes 2 each, the object with its fields 1, the labels 1, bundles 6 each.
    const batches = planRetrieveBatches(components, 12);
    for (const batch of batches) assert.ok(batch.predictedFiles <= 12 || batch.components.length === 1, JSON.stringify(batch));
    const batchOf = (type: string, name: string) => batches.findIndex((b) => b.components.some((c) => c.type === type && c.fullName === name));
    assert.ok(Array.from({ length: 50 }, (_, i) => batchOf('CustomField', `Invoice__c.F${i}__c`)).every((b) => b === batchOf('CustomObject', 'Invoice__c')));
    assert.equal(new Set(Array.from({ length: 40 }, (_, i) => batchOf('CustomLabel', `L${i}`))).size, 1);
    assert.equal(batches.reduce((n, b) => n + b.components.length, 0), components.length);
    assert.deepEqual(planRetrieveBatches(components).length, 1);
  });

  it('puts profiles and permission sets in every batch, so each returns their permissions on its components', () => {
    const components = [
      { type: 'Profile', fullName: 'Admin' },
      ...Array.from({ length: 30 }, (_, i) => ({ type: 'ApexClass', fullName: `C${i}` })),
      { type: 'PermissionSet', fullName: 'Sales' },
    ];
    const batches = planRetrieveBatches(components, 20);
    assert.ok(batches.length >= 4);
    for (const batch of batches) {
      assert.ok(batch.components.some((c) => c.type === 'Profile'));
      assert.ok(batch.components.some((c) => c.type === 'PermissionSet'));
    }
  });

  it('unites the permissions two batches returned for one profile, each entry once', () => {
    const head = '<?xml version="1.0" encoding="UTF-8"?>\n<Profile xmlns="http://soap.sforce.com/2006/04/metadata">\n';
    const a = `${head}    <classAccesses>\n        <apexClass>A</apexClass>\n        <enabled>true</enabled>\n    </classAccesses>\n    <custom>false</custom>\n    <userLicense>Salesforce</userLicense>\n</Profile>\n`;
    const b = `${head}    <classAccesses>\n        <apexClass>B</apexClass>\n        <enabled>true</enabled>\n    </classAccesses>\n    <custom>false</custom>\n    <fieldPermissions><field>X.Y</field><readable>true</readable></fieldPermissions>\n    <userLicense>Salesforce</userLicense>\n</Profile>\n`;
    const merged = mergePermissionFiles(a, b);
    assert.equal((merged.match(/<classAccesses>/g) ?? []).length, 2);
    assert.equal((merged.match(/<custom>/g) ?? []).length, 1);
    assert.equal((merged.match(/<userLicense>/g) ?? []).length, 1);
    assert.ok(merged.indexOf('<apexClass>B') < merged.indexOf('<custom>'), 'entries of one element stay together');
    assert.match(merged, /<fieldPermissions><field>X\.Y<\/field>/);
    // Element names in the WSDL's (alphabetical) order, wherever each file had them.
    assert.ok(merged.indexOf('<custom>') < merged.indexOf('<fieldPermissions>') && merged.indexOf('<fieldPermissions>') < merged.indexOf('<userLicense>'));
    assert.ok(merged.startsWith(head) && merged.trimEnd().endsWith('</Profile>'));
  });
});
