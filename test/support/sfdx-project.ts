// The project's own generator of Salesforce DX projects (source format) for the demo, the
// benchmarks and tests that need a realistic project bigger than test/fixtures/project: Apex service
// classes each with its test class, custom objects with fields of the common types, triggers with
// a handler, Lightning web components, permission sets that grant access to them, custom labels.
// The output is deterministic (same shape, same bytes), so runs and benchmarks compare like with
// like. File layouts and XML follow the Metadata API (https://developer.salesforce.com/docs/
// atlas.en-us.api_meta.meta/api_meta/) as `sf project generate` and a retrieve write them.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** How much of each kind of metadata a generated project holds. */
export interface ProjectShape {
  /** Apex service classes; each comes with a test class (4 files per service). */
  services: number;
  objects: number;
  fieldsPerObject: number;
  /** Every n-th object gets a trigger and a trigger handler class (0: no triggers). */
  triggerEvery: number;
  lwc: number;
  permissionSets: number;
  labels: number;
  apiVersion: string;
  packageDir: string;
}

const BASE: Omit<ProjectShape, 'services' | 'objects' | 'fieldsPerObject' | 'triggerEvery' | 'lwc' | 'permissionSets' | 'labels'> = {
  apiVersion: '62.0',
  packageDir: 'force-app',
};

/**
 * `default`: a team's small app, quick to deploy against the emulator (the demo);
 * `large`: exactly 10,000 files, for packaging and delta benchmarks.
 */
export const PROJECT_SIZES = {
  default: { ...BASE, services: 20, objects: 3, fieldsPerObject: 10, triggerEvery: 2, lwc: 2, permissionSets: 1, labels: 5 },
  large: { ...BASE, services: 1200, objects: 150, fieldsPerObject: 24, triggerEvery: 3, lwc: 399, permissionSets: 50, labels: 300 },
} satisfies Record<string, ProjectShape>;

export type ProjectSize = keyof typeof PROJECT_SIZES;

const NS = 'http://soap.sforce.com/2006/04/metadata';
const XML = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NOUNS = ['Invoice', 'Shipment', 'Quote', 'Contract', 'Payment', 'Ledger', 'Asset', 'Refund', 'Subscription', 'Warehouse', 'Vendor', 'Voucher', 'Claim', 'Policy', 'Booking', 'Tariff'];

/** Distinct, readable names: Invoice, Shipment, …, Invoice2, Shipment2, … */
const noun = (i: number): string => NOUNS[i % NOUNS.length] + (i >= NOUNS.length ? String(Math.floor(i / NOUNS.length) + 1) : '');
export const serviceName = (i: number): string => `${noun(i)}Service`;
export const objectName = (i: number): string => `${noun(i)}_Record__c`;
export const fieldName = (j: number): string => `${['Amount', 'Status', 'Due', 'Active', 'Notes', 'Owner_Email', 'Rate', 'Reference', 'Region', 'Closed_At'][j % 10]}${j >= 10 ? Math.floor(j / 10) + 1 : ''}__c`;
const lwcName = (i: number): string => `${noun(i).charAt(0).toLowerCase()}${noun(i).slice(1)}Card`;

/** A small deterministic sequence (a linear congruential generator): varied bodies, same bytes every run. */
function sequence(seed: number): () => number {
  let state = (seed * 2654435761) >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const element = (name: string, body: string): string => `${XML}<${name} xmlns="${NS}">\n${body}</${name}>\n`;
const tags = (indent: string, fields: Array<[string, string | number | boolean]>): string => fields.map(([k, v]) => `${indent}<${k}>${typeof v === 'string' ? escapeXml(v) : v}</${k}>\n`).join('');

function classMeta(apiVersion: string): string {
  return element('ApexClass', tags('    ', [['apiVersion', apiVersion], ['status', 'Active']]));
}

/** How many `rule<n>` methods service `i` has (2 to 6), and the next draw of its sequence. */
function ruleCount(next: () => number): number {
  return 2 + Math.floor(next() * 5);
}

function serviceClass(i: number, revision = 0): string {
  const name = serviceName(i);
  const next = sequence(i * 31 + revision);
  const methods = ruleCount(next);
  const lines = [`/** ${noun(i)} rules: totals, rounding and validation used by the ${noun(i).toLowerCase()} screens. */`, `public with sharing class ${name} {`];
  lines.push(`    public class ${noun(i)}Exception extends Exception {}`, '');
  for (let m = 1; m <= methods; m++) {
    const factor = 2 + Math.floor(next() * 40);
    lines.push(
      `    public static Decimal rule${m}(Decimal amount) {`,
      '        if (amount == null) {',
      `            throw new ${noun(i)}Exception('amount is required');`,
      '        }',
      `        Decimal result = amount * ${factor} / 100;`,
      `        return result.setScale(2, RoundingMode.HALF_EVEN);`,
      '    }',
      '',
    );
  }
  lines.push(
    '    public static Decimal total(List<Decimal> amounts) {',
    '        Decimal sum = 0;',
    '        for (Decimal amount : amounts) {',
    '            sum += rule1(amount);',
    '        }',
    '        return sum;',
    '    }',
    '}',
  );
  return `${lines.join('\n')}\n`;
}

/**
 * The test class of service `i`, as a team writes one: every rule and the total are exercised (the
 * org measures coverage per class, so an untested method shows), and where object `i` has a
 * trigger, a record of it is saved so the trigger and its handler run too (Salesforce requires
 * every trigger to have some coverage).
 */
function testClass(i: number, triggerObject?: string): string {
  const name = serviceName(i);
  const methods = ruleCount(sequence(i * 31));
  const lines = [
    '@IsTest',
    `private class ${name}Test {`,
    '    @IsTest',
    '    static void totalsAmounts() {',
    `        Decimal total = ${name}.total(new List<Decimal>{ 100, 250.5 });`,
    `        System.assertEquals(${name}.rule1(100) + ${name}.rule1(250.5), total);`,
    '    }',
    '',
    '    @IsTest',
    '    static void appliesEveryRule() {',
    ...Array.from({ length: methods }, (_, m) => `        System.assert(${name}.rule${m + 1}(0) == 0, 'rule${m + 1} of nothing is nothing');`),
    '    }',
    '',
    '    @IsTest',
    '    static void refusesMissingAmount() {',
    '        try {',
    `            ${name}.rule1(null);`,
    "            System.assert(false, 'expected an exception');",
    `        } catch (${name}.${noun(i)}Exception e) {`,
    "            System.assertEquals('amount is required', e.getMessage());",
    '        }',
    '    }',
  ];
  if (triggerObject) {
    lines.push(
      '',
      '    @IsTest',
      '    static void defaultsAmountOnSave() {',
      `        ${triggerObject} record = new ${triggerObject}();`,
      '        insert record;',
      `        System.assertEquals(0, [SELECT ${fieldName(0)} FROM ${triggerObject} WHERE Id = :record.Id].${fieldName(0)});`,
      '    }',
    );
  }
  lines.push('}', '');
  return lines.join('\n');
}

function objectMeta(i: number): string {
  const label = noun(i).replace(/(\d+)$/, ' $1');
  return element(
    'CustomObject',
    tags('    ', [
      ['deploymentStatus', 'Deployed'],
      ['description', `${label} records kept by the ${noun(i).toLowerCase()} team`],
      ['enableActivities', false],
      ['enableBulkApi', true],
      ['enableHistory', true],
      ['enableReports', true],
      ['enableSearch', true],
      ['enableSharing', true],
      ['enableStreamingApi', true],
      ['externalSharingModel', 'Private'],
      ['label', `${label} Record`],
    ]) +
      `    <nameField>\n${tags('        ', [['displayFormat', `${noun(i).slice(0, 3).toUpperCase()}-{000000}`], ['label', `${label} Number`], ['type', 'AutoNumber']])}    </nameField>\n` +
      tags('    ', [['pluralLabel', `${label} Records`], ['sharingModel', 'ReadWrite'], ['visibility', 'Public']]),
  );
}

const FIELD_KINDS = ['Currency', 'Picklist', 'Date', 'Checkbox', 'LongTextArea', 'Email', 'Percent', 'Text', 'Lookup', 'DateTime'] as const;

function fieldMeta(objectIndex: number, j: number): string {
  const kind = FIELD_KINDS[j % FIELD_KINDS.length];
  const name = fieldName(j);
  const label = name.replace(/__c$/, '').replace(/_/g, ' ');
  const head: Array<[string, string | number | boolean]> = [['fullName', name], ['description', `${label} of the ${noun(objectIndex).toLowerCase()}`], ['label', label]];
  let body: string;
  switch (kind) {
    case 'Currency':
    case 'Percent':
      body = tags('    ', [...head, ['precision', 18], ['required', false], ['scale', 2], ['trackHistory', kind === 'Currency'], ['type', kind]]);
      break;
    case 'Picklist':
      body =
        tags('    ', [...head, ['required', false], ['type', 'Picklist']]) +
        `    <valueSet>\n        <restricted>true</restricted>\n        <valueSetDefinition>\n            <sorted>false</sorted>\n` +
        ['Draft', 'Submitted', 'Approved', 'Closed'].map((v, k) => `            <value>\n${tags('                ', [['fullName', v], ['default', k === 0], ['label', v]])}            </value>\n`).join('') +
        `        </valueSetDefinition>\n    </valueSet>\n`;
      break;
    case 'Date':
    case 'DateTime':
    case 'Email':
      body = tags('    ', [...head, ['required', false], ['type', kind]]);
      break;
    case 'Checkbox':
      body = tags('    ', [...head, ['defaultValue', 'false'], ['type', 'Checkbox']]);
      break;
    case 'LongTextArea':
      body = tags('    ', [...head, ['length', 32768], ['type', 'LongTextArea'], ['visibleLines', 4]]);
      break;
    case 'Text':
      body = tags('    ', [...head, ['length', 80], ['required', false], ['type', 'Text'], ['unique', false]]);
      break;
    case 'Lookup':
      // A lookup to the previous object (the first one looks up to itself), as related records do.
      body = tags('    ', [...head, ['deleteConstraint', 'SetNull'], ['referenceTo', objectName(Math.max(0, objectIndex - 1))], ['relationshipLabel', `${label} ${noun(objectIndex)}s`], ['relationshipName', `${name.replace(/__c$/, '')}_${noun(objectIndex)}s`], ['required', false], ['type', 'Lookup']]);
      break;
  }
  return element('CustomField', body);
}

function triggerFiles(i: number, apiVersion: string): Record<string, string> {
  const object = objectName(i);
  const handler = `${noun(i)}TriggerHandler`;
  return {
    [`triggers/${noun(i)}Trigger.trigger`]: `trigger ${noun(i)}Trigger on ${object} (before insert, before update) {\n    ${handler}.beforeSave(Trigger.new);\n}\n`,
    [`triggers/${noun(i)}Trigger.trigger-meta.xml`]: element('ApexTrigger', tags('    ', [['apiVersion', apiVersion], ['status', 'Active']])),
    [`classes/${handler}.cls`]: `/** Runs before ${object} records are saved: defaults the fields the screens leave empty. */\npublic with sharing class ${handler} {\n    public static void beforeSave(List<${object}> records) {\n        for (${object} record : records) {\n            if (record.${fieldName(0)} == null) {\n                record.${fieldName(0)} = 0;\n            }\n        }\n    }\n}\n`,
    [`classes/${handler}.cls-meta.xml`]: classMeta(apiVersion),
  };
}

function lwcFiles(i: number, apiVersion: string, revision = 0): Record<string, string> {
  const name = lwcName(i);
  const className = name.charAt(0).toUpperCase() + name.slice(1);
  return {
    [`lwc/${name}/${name}.html`]: `<template>\n    <lightning-card title={title} icon-name="standard:record">\n        <template for:each={rows} for:item="row">\n            <p key={row.id}>{row.label}</p>\n        </template>\n        <lightning-button label="Refresh" onclick={refresh}></lightning-button>\n    </lightning-card>\n</template>\n`,
    [`lwc/${name}/${name}.js`]: `import { LightningElement, api } from 'lwc';\n\nexport default class ${className} extends LightningElement {\n    @api recordId;\n    title = '${noun(i)}${revision ? ` (v${revision + 1})` : ''}';\n    rows = [];\n\n    connectedCallback() {\n        this.refresh();\n    }\n\n    refresh() {\n        this.rows = [${[1, 2, 3].map((k) => `{ id: ${k}, label: '${noun(i)} line ${k}' }`).join(', ')}];\n    }\n}\n`,
    [`lwc/${name}/${name}.js-meta.xml`]: element(
      'LightningComponentBundle',
      tags('    ', [['apiVersion', apiVersion], ['isExposed', true], ['masterLabel', `${noun(i)} Card`]]) + '    <targets>\n        <target>lightning__RecordPage</target>\n        <target>lightning__AppPage</target>\n    </targets>\n',
    ),
  };
}

function permissionSet(p: number, shape: ProjectShape): string {
  // Each set grants a slice of the services and objects; fields past the 8th are never granted, so
  // deleting a trailing field (changeProject) leaves no dangling reference.
  // Entries sorted by name, as a retrieve returns them (so a restored set compares byte for byte).
  const services = [...new Set(Array.from({ length: Math.min(25, shape.services) }, (_, k) => serviceName((p * 25 + k) % shape.services)))].sort();
  const objects = [...new Set(Array.from({ length: Math.min(3, shape.objects) }, (_, k) => (p * 3 + k) % shape.objects))].sort((a, b) => (objectName(a) < objectName(b) ? -1 : 1));
  const fields = objects.flatMap((o) => Array.from({ length: Math.min(8, shape.fieldsPerObject) }, (_, j) => j).map((j) => `${objectName(o)}.${fieldName(j)}`)).sort();
  const block = (tag: string, body: Array<[string, string | boolean]>) => `    <${tag}>\n${tags('        ', body)}    </${tag}>\n`;
  return element(
    'PermissionSet',
    services.map((s) => block('classAccesses', [['apexClass', s], ['enabled', true]])).join('') +
      tags('    ', [['description', `Access for team ${p + 1}`]]) +
      fields.map((f) => block('fieldPermissions', [['editable', true], ['field', f], ['readable', true]])).join('') +
      tags('    ', [['hasActivationRequired', false], ['label', `Team ${p + 1} Access`]]) +
      objects.map((o) => block('objectPermissions', [['allowCreate', true], ['allowDelete', false], ['allowEdit', true], ['allowRead', true], ['modifyAllRecords', false], ['object', objectName(o)], ['viewAllRecords', false]])).join(''),
  );
}

function labels(count: number): string {
  return element(
    'CustomLabels',
    Array.from({ length: count }, (_, k) => `    <labels>\n${tags('        ', [['fullName', `${noun(k)}_Message_${k + 1}`], ['categories', 'screens'], ['language', 'en_US'], ['protected', false], ['shortDescription', `${noun(k)} message ${k + 1}`], ['value', `${noun(k)} saved — check the totals & the due date`]])}    </labels>\n`).join(''),
  );
}

/** Whether object `i` has a trigger (and so service `i`'s test saves one of its records). */
function hasTrigger(shape: ProjectShape, i: number): boolean {
  return i < shape.objects && shape.triggerEvery > 0 && i % shape.triggerEvery === 0 && shape.fieldsPerObject > 0;
}

/** Every file of a project of this shape, by path relative to the project root. */
export function projectFiles(shape: ProjectShape): Map<string, string> {
  const files = new Map<string, string>();
  const base = `${shape.packageDir}/main/default`;
  const add = (rel: string, content: string) => files.set(`${base}/${rel}`, content);
  files.set('sfdx-project.json', `${JSON.stringify({ packageDirectories: [{ path: shape.packageDir, default: true }], name: 'generated-project', namespace: '', sfdcLoginUrl: 'https://login.salesforce.com', sourceApiVersion: shape.apiVersion }, null, 2)}\n`);
  files.set('.forceignore', '# Files the Salesforce CLI and the action leave out of a deploy\n**/jsconfig.json\n**/.eslintrc.json\n**/__tests__/**\n');
  for (let i = 0; i < shape.services; i++) {
    add(`classes/${serviceName(i)}.cls`, serviceClass(i));
    add(`classes/${serviceName(i)}.cls-meta.xml`, classMeta(shape.apiVersion));
    add(`classes/${serviceName(i)}Test.cls`, testClass(i, hasTrigger(shape, i) ? objectName(i) : undefined));
    add(`classes/${serviceName(i)}Test.cls-meta.xml`, classMeta(shape.apiVersion));
  }
  for (let i = 0; i < shape.objects; i++) {
    add(`objects/${objectName(i)}/${objectName(i)}.object-meta.xml`, objectMeta(i));
    for (let j = 0; j < shape.fieldsPerObject; j++) add(`objects/${objectName(i)}/fields/${fieldName(j)}.field-meta.xml`, fieldMeta(i, j));
    if (hasTrigger(shape, i)) {
      for (const [rel, content] of Object.entries(triggerFiles(i, shape.apiVersion))) add(rel, content);
    }
  }
  for (let i = 0; i < shape.lwc; i++) for (const [rel, content] of Object.entries(lwcFiles(i, shape.apiVersion))) add(rel, content);
  for (let p = 0; p < shape.permissionSets; p++) add(`permissionsets/Team_${p + 1}_Access.permissionset-meta.xml`, permissionSet(p, shape));
  if (shape.labels > 0) add('labels/CustomLabels.labels-meta.xml', labels(shape.labels));
  return files;
}

/** Writes a project of this size (or shape) into `dir` (created if missing). */
export function generateProject(dir: string, size: ProjectSize | ProjectShape = 'default'): { files: number; shape: ProjectShape } {
  const shape = typeof size === 'string' ? PROJECT_SIZES[size] : size;
  const files = projectFiles(shape);
  const made = new Set<string>();
  for (const [rel, content] of files) {
    const file = path.join(dir, rel);
    const parent = path.dirname(file);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(file, content);
  }
  return { files: files.size, shape };
}

export interface ProjectChange {
  /** Service classes whose body changes (spread over the project). */
  editClasses?: number;
  /** New Lightning web components. */
  addLwc?: number;
  /** Objects that lose their last field. */
  deleteFields?: number;
}

/**
 * A next release of a generated project, as a team's merge makes it: some classes edited, new
 * components, trailing fields deleted. Returns what it touched.
 */
export function changeProject(dir: string, change: ProjectChange): { changedClasses: string[]; addedLwc: string[]; deletedFields: string[] } {
  const config = JSON.parse(readFileSync(path.join(dir, 'sfdx-project.json'), 'utf8')) as { packageDirectories: Array<{ path: string }>; sourceApiVersion: string };
  const base = path.join(dir, config.packageDirectories[0].path, 'main', 'default');
  const services = readdirSync(path.join(base, 'classes')).filter((f) => /Service\.cls$/.test(f)).map((f) => f.replace(/\.cls$/, '')).sort();
  const changedClasses: string[] = [];
  const edits = Math.min(change.editClasses ?? 0, services.length);
  for (let k = 0; k < edits; k++) {
    const name = services[Math.floor((k * services.length) / edits)];
    const file = path.join(base, 'classes', `${name}.cls`);
    const revisions = (readFileSync(file, 'utf8').match(/\/\/ revision \d+/g) ?? []).length;
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n}\n$/, `\n\n    // revision ${revisions + 2}: rounding of partial amounts\n    public static Decimal roundPartial(Decimal amount) {\n        return amount == null ? 0 : amount.setScale(${revisions % 4}, RoundingMode.HALF_UP);\n    }\n}\n`));
    // The change comes with its test, as a team's does (coverage is measured per class).
    const testFile = path.join(base, 'classes', `${name}Test.cls`);
    if (existsSync(testFile)) {
      writeFileSync(testFile, readFileSync(testFile, 'utf8').replace(/\n}\n$/, `\n\n    @IsTest\n    static void roundsPartialAmounts${revisions + 2}() {\n        System.assertEquals(0, ${name}.roundPartial(null));\n    }\n}\n`));
    }
    changedClasses.push(name);
  }
  const addedLwc: string[] = [];
  for (let i = 0; addedLwc.length < (change.addLwc ?? 0); i++) {
    if (existsSync(path.join(base, 'lwc', lwcName(i)))) continue;
    for (const [rel, content] of Object.entries(lwcFiles(i, config.sourceApiVersion))) {
      mkdirSync(path.dirname(path.join(base, rel)), { recursive: true });
      writeFileSync(path.join(base, rel), content);
    }
    addedLwc.push(lwcName(i));
  }
  const deletedFields: string[] = [];
  const objects = existsSync(path.join(base, 'objects')) ? readdirSync(path.join(base, 'objects')).sort() : [];
  for (const object of objects.slice(0, change.deleteFields ?? 0)) {
    const fields = readdirSync(path.join(base, 'objects', object, 'fields')).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    // Never one a permission set or a trigger handler names (the first eight).
    const last = fields.filter((f) => !Array.from({ length: 8 }, (_, j) => `${fieldName(j)}.field-meta.xml`).includes(f)).at(-1);
    if (!last) continue;
    rmSync(path.join(base, 'objects', object, 'fields', last));
    deletedFields.push(`${object}.${last.replace(/\.field-meta\.xml$/, '')}`);
  }
  return { changedClasses, addedLwc, deletedFields };
}
