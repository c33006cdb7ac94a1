import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, it } from '@jest/globals';
import { unzipSync } from 'fflate';
import { GateError, Gate } from '../../src/errors.js';
import {
  destructiveComponents, listFiles, orgId18, parseRollbackArtifactName, rollbackArtifactName, ROLLBACK_MANIFEST,
  sameOrg, sha256, verifyRollbackBundle, writeRollbackBundle, zipRollbackBundle,
} from '../../src/rollback/bundle.js';
import { readPackageXml } from '../../src/salesforce/manifest.js';
import type { RetrievedComponents } from '../../src/salesforce/retrieve.js';

const ORG = '00D5g000004SnqbEAC';
const OTHER_ORG = '00D5g000009ZzzzEAC';
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rollback-bundle-test-'));
  roots.push(dir);
  return dir;
}

function retrieved(): RetrievedComponents {
  return {
    files: {
      'package.xml': Buffer.from('<Package><types><members>Ignored</members><name>ApexClass</name></types></Package>'),
      'classes/Invoice.cls': Buffer.from('public class Invoice { /* production version */ }'),
      'classes/Invoice.cls-meta.xml': Buffer.from('<ApexClass><apiVersion>62.0</apiVersion><status>Active</status></ApexClass>'),
      'objects/Account.object': Buffer.from('<CustomObject><fields><fullName>Tier__c</fullName></fields></CustomObject>'),
    },
    present: [
      { type: 'ApexClass', fullName: 'Invoice' },
      { type: 'CustomField', fullName: 'Account.Tier__c' },
    ],
    absent: [
      { type: 'ApexClass', fullName: 'InvoiceMailer' },
      { type: 'CustomField', fullName: 'Account.Region__c' },
    ],
  };
}

const meta = { orgId: ORG, commit: 'a'.repeat(40), createdAt: '2026-11-22T10:00:00.000Z', apiVersion: '62.0' };

function writtenBundle(): { dir: string; manifest: ReturnType<typeof writeRollbackBundle>['manifest']; files: string[] } {
  const dir = tempDir();
  return { dir, ...writeRollbackBundle(dir, retrieved(), meta) };
}

function refusal(run: () => unknown): GateError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof GateError, `expected a GateError, got ${String(error)}`);
    assert.equal(error.gate, Gate.RollbackArtifact);
    return error;
  }
  assert.fail('expected a refusal');
}

describe('rollback artifact names', () => {
  it('names the artifact after the 18-character org id, run and attempt', () => {
    assert.equal(rollbackArtifactName(ORG, 42, 2), `salesforce-rollback-${ORG}-42-2`);
  });

  it('extends a 15-character org id to its 18-character form', () => {
    assert.equal(orgId18('00D5g000004Snqb'), ORG);
    assert.equal(rollbackArtifactName('00D5g000004Snqb', 7, 1), `salesforce-rollback-${ORG}-7-1`);
  });

  it('parses its own names and nothing else', () => {
    assert.deepEqual(parseRollbackArtifactName(`salesforce-rollback-${ORG}-42-3`), { orgId: ORG, runId: 42, attempt: 3 });
    assert.equal(parseRollbackArtifactName('salesforce-rollback-00D5g000004Snqb-42-3'), undefined);
    assert.equal(parseRollbackArtifactName('coverage-report'), undefined);
    assert.equal(parseRollbackArtifactName(`salesforce-rollback-${ORG}-42`), undefined);
  });

  it('treats the 15- and 18-character forms of an id as the same org', () => {
    assert.ok(sameOrg(ORG, '00D5g000004Snqb'));
    assert.ok(!sameOrg(ORG, OTHER_ORG));
    assert.ok(!sameOrg(ORG, '00d5g000004snqbEAC'), 'the first 15 characters are case-sensitive');
  });
});

describe('writeRollbackBundle', () => {
  it('writes the retrieved files, package.xml, destructiveChanges.xml and rollback.json at the root', () => {
    const { dir, files } = writtenBundle();
    assert.deepEqual(files.sort(), [
      'classes/Invoice.cls', 'classes/Invoice.cls-meta.xml', 'destructiveChanges.xml', 'objects/Account.object', 'package.xml', ROLLBACK_MANIFEST,
    ].sort());
    assert.deepEqual(listFiles(dir), [...files].sort());
  });

  it('lists the present components in package.xml with the API version, not the retrieve\'s own package.xml', () => {
    const { dir } = writtenBundle();
    const xml = readFileSync(path.join(dir, 'package.xml'), 'utf8');
    assert.deepEqual(readPackageXml(xml), [
      { type: 'ApexClass', fullName: 'Invoice' },
      { type: 'CustomField', fullName: 'Account.Tier__c' },
    ]);
    assert.match(xml, /<version>62\.0<\/version>/);
  });

  it('lists absent components, a new field on an existing object included, in destructiveChanges.xml', () => {
    const { dir, manifest } = writtenBundle();
    const xml = readFileSync(path.join(dir, 'destructiveChanges.xml'), 'utf8');
    assert.deepEqual(readPackageXml(xml), [
      { type: 'ApexClass', fullName: 'InvoiceMailer' },
      { type: 'CustomField', fullName: 'Account.Region__c' },
    ]);
    assert.doesNotMatch(xml, /<version>/);
    assert.deepEqual(manifest.destructive, readPackageXml(xml));
  });

  it('records org, commit, components and the sha256 of every file but rollback.json', () => {
    const { dir, manifest } = writtenBundle();
    const stored = JSON.parse(readFileSync(path.join(dir, ROLLBACK_MANIFEST), 'utf8'));
    assert.deepEqual(stored, manifest);
    assert.equal(manifest.orgId, ORG);
    assert.equal(manifest.commit, meta.commit);
    assert.deepEqual(Object.keys(manifest.files).sort(), ['classes/Invoice.cls', 'classes/Invoice.cls-meta.xml', 'destructiveChanges.xml', 'objects/Account.object', 'package.xml']);
    assert.equal(manifest.files['classes/Invoice.cls'], sha256(readFileSync(path.join(dir, 'classes/Invoice.cls'))));
  });

  it('writes an empty package.xml with its version and no destructiveChanges.xml when production has everything and nothing came back', () => {
    const dir = tempDir();
    const { files, manifest } = writeRollbackBundle(dir, { files: {}, present: [], absent: [] }, meta);
    assert.deepEqual(files.sort(), ['package.xml', ROLLBACK_MANIFEST]);
    assert.deepEqual(readPackageXml(readFileSync(path.join(dir, 'package.xml'), 'utf8')), []);
    assert.match(readFileSync(path.join(dir, 'package.xml'), 'utf8'), /<version>62\.0<\/version>/);
    assert.equal(manifest.destructive, undefined);
    verifyRollbackBundle(dir, ORG);
  });

  it('refuses a retrieved file whose path climbs out of the bundle', () => {
    const dir = tempDir();
    const bad = { ...retrieved(), files: { '../escape.cls': Buffer.from('x') } };
    assert.throws(() => writeRollbackBundle(dir, bad, meta), /unexpected path '\.\.\/escape\.cls'/);
  });

  it('keeps the release run and what it deletes in rollback.json', () => {
    const dir = tempDir();
    const release = { runId: 42, runAttempt: 1, deleted: [{ type: 'CustomField', fullName: 'Account.Legacy__c' }] };
    const { manifest } = writeRollbackBundle(dir, retrieved(), { ...meta, release });
    assert.deepEqual(manifest.release, release);
    assert.deepEqual(verifyRollbackBundle(dir, ORG).release, release);
  });
});

describe('destructiveComponents', () => {
  it('leaves out components the release itself deletes: production lacks them and that is what the release wanted undone', () => {
    const absent = [{ type: 'ApexClass', fullName: 'Old' }, { type: 'ApexClass', fullName: 'New' }];
    assert.deepEqual(destructiveComponents(absent, [{ type: 'ApexClass', fullName: 'old' }]), [{ type: 'ApexClass', fullName: 'New' }]);
  });

  it('deletes a new object without listing its fields again', () => {
    const absent = [
      { type: 'CustomObject', fullName: 'Shipment__c' },
      { type: 'CustomField', fullName: 'Shipment__c.Carrier__c' },
      { type: 'CustomField', fullName: 'Account.Region__c' },
    ];
    assert.deepEqual(destructiveComponents(absent), [
      { type: 'CustomObject', fullName: 'Shipment__c' },
      { type: 'CustomField', fullName: 'Account.Region__c' },
    ]);
  });
});

describe('verifyRollbackBundle', () => {
  it('accepts an untouched bundle and returns its manifest', () => {
    const { dir, manifest } = writtenBundle();
    assert.deepEqual(verifyRollbackBundle(dir, ORG), manifest);
    assert.deepEqual(verifyRollbackBundle(dir), manifest);
  });

  it('refuses a changed file, naming it', () => {
    const { dir } = writtenBundle();
    writeFileSync(path.join(dir, 'classes/Invoice.cls'), 'public class Invoice { /* tampered */ }');
    const error = refusal(() => verifyRollbackBundle(dir, ORG));
    assert.match(error.message, /file 'classes\/Invoice\.cls' does not match its checksum/);
  });

  it('refuses a missing file, naming it', () => {
    const { dir } = writtenBundle();
    unlinkSync(path.join(dir, 'objects/Account.object'));
    assert.match(refusal(() => verifyRollbackBundle(dir, ORG)).message, /'objects\/Account\.object' listed in rollback\.json is missing/);
  });

  it('refuses an extra file, naming it', () => {
    const { dir } = writtenBundle();
    writeFileSync(path.join(dir, 'classes/Backdoor.cls'), 'public class Backdoor {}');
    assert.match(refusal(() => verifyRollbackBundle(dir, ORG)).message, /'classes\/Backdoor\.cls' is in the bundle but not listed/);
  });

  it('refuses a bundle of another org, naming both org ids', () => {
    const { dir } = writtenBundle();
    const message = refusal(() => verifyRollbackBundle(dir, OTHER_ORG)).message;
    assert.match(message, new RegExp(`retrieved from org ${ORG}`));
    assert.match(message, new RegExp(`reach org ${OTHER_ORG}`));
  });

  it('refuses a folder without rollback.json', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'package.xml'), '<Package/>');
    assert.match(refusal(() => verifyRollbackBundle(dir)).message, /no rollback\.json/);
  });

  it('refuses a rollback.json that is not JSON or lacks fields', () => {
    const { dir } = writtenBundle();
    writeFileSync(path.join(dir, ROLLBACK_MANIFEST), '{ not json');
    assert.match(refusal(() => verifyRollbackBundle(dir)).message, /not valid JSON/);
    writeFileSync(path.join(dir, ROLLBACK_MANIFEST), JSON.stringify({ orgId: ORG, files: {} }));
    assert.match(refusal(() => verifyRollbackBundle(dir)).message, /expected shape/);
  });

  it('refuses a rollback.json that lists a path outside the bundle', () => {
    const { dir, manifest } = writtenBundle();
    writeFileSync(path.join(dir, ROLLBACK_MANIFEST), JSON.stringify({ ...manifest, files: { ...manifest.files, '../../etc/passwd': 'a'.repeat(64) } }));
    assert.match(refusal(() => verifyRollbackBundle(dir)).message, /unsafe path '\.\.\/\.\.\/etc\/passwd'/);
  });

  it('refuses a rollback.json whose component list disagrees with package.xml', () => {
    const { dir, manifest } = writtenBundle();
    writeFileSync(path.join(dir, ROLLBACK_MANIFEST), JSON.stringify({ ...manifest, components: manifest.components.slice(1) }));
    assert.match(refusal(() => verifyRollbackBundle(dir)).message, /package\.xml and rollback\.json disagree about ApexClass:Invoice/);
  });

  it('refuses a symbolic link in the bundle', () => {
    const { dir } = writtenBundle();
    symlinkSync('/etc/hostname', path.join(dir, 'classes/Link.cls'));
    assert.match(refusal(() => verifyRollbackBundle(dir)).message, /'classes\/Link\.cls' in the bundle is not a regular file/);
  });
});

describe('zipRollbackBundle', () => {
  it('zips package.xml, the metadata files and the deletions as destructiveChangesPost.xml, without rollback.json', () => {
    const { dir, manifest } = writtenBundle();
    const entries = unzipSync(zipRollbackBundle(dir, manifest));
    assert.deepEqual(Object.keys(entries).sort(), [
      'classes/Invoice.cls', 'classes/Invoice.cls-meta.xml', 'destructiveChangesPost.xml', 'objects/Account.object', 'package.xml',
    ]);
    assert.equal(Buffer.from(entries['classes/Invoice.cls']!).toString(), 'public class Invoice { /* production version */ }');
    assert.deepEqual(readPackageXml(Buffer.from(entries['destructiveChangesPost.xml']!).toString()), manifest.destructive);
  });

  it('refuses a file changed between verification and zipping', () => {
    const { dir } = writtenBundle();
    const manifest = verifyRollbackBundle(dir, ORG);
    writeFileSync(path.join(dir, 'package.xml'), '<Package/>');
    assert.match(refusal(() => zipRollbackBundle(dir, manifest)).message, /'package\.xml' changed after the bundle was verified/);
  });
});
