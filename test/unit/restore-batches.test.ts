import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { GateError } from '../../src/errors.js';
import { readPackageXml, writePackageXml, type ComponentRef } from '../../src/salesforce/manifest.js';
import { planRestoreBatches } from '../../src/rollback/restore-batches.js';

const enc = (s: string) => new TextEncoder().encode(s);

/** A rollback deploy zip as zipRollbackBundle writes it. */
function deployZip(components: ComponentRef[], files: string[], deletes: ComponentRef[] = []): Buffer {
  const entries: Record<string, Uint8Array> = { 'package.xml': enc(writePackageXml(components, '62.0')) };
  for (const file of files) entries[file] = enc(`content of ${file}`);
  if (deletes.length) entries['destructiveChangesPost.xml'] = enc(writePackageXml(deletes));
  return Buffer.from(zipSync(entries));
}

describe('planRestoreBatches', () => {
  const components: ComponentRef[] = [
    { type: 'PermissionSet', fullName: 'Sales' },
    ...Array.from({ length: 6 }, (_, i) => ({ type: 'ApexClass', fullName: `Svc${i}` })),
    { type: 'CustomObject', fullName: 'Invoice__c' },
    { type: 'CustomField', fullName: 'Invoice__c.Amount__c' },
    { type: 'CustomField', fullName: 'Invoice__c.Status__c' },
    { type: 'LightningComponentBundle', fullName: 'card' },
    { type: 'CustomMetadata', fullName: 'Rate.Standard' },
  ];
  const files = [
    'permissionsets/Sales.permissionset',
    ...Array.from({ length: 6 }, (_, i) => [`classes/Svc${i}.cls`, `classes/Svc${i}.cls-meta.xml`]).flat(),
    'objects/Invoice__c.object',
    'lwc/card/card.js', 'lwc/card/card.html', 'lwc/card/card.js-meta.xml',
    'customMetadata/Rate.Standard.md',
  ];
  const deletes = [{ type: 'ApexClass', fullName: 'Added' }];

  it('leaves a zip within the limits as one deploy, unchanged', () => {
    const zip = deployZip(components, files, deletes);
    const batches = planRestoreBatches(zip);
    assert.equal(batches.length, 1);
    assert.equal(batches[0]!.zip, zip);
    assert.deepEqual(batches[0]!.deletes, deletes);
  });

  it('splits in dependency order under the file limit, an object with its fields together, deletions in the last deploy', () => {
    const batches = planRestoreBatches(deployZip(components, files, deletes), { files: 8, zipBytes: 39_000_000 });
    assert.ok(batches.length >= 3);
    const order: string[] = [];
    for (const [i, batch] of batches.entries()) {
      const entries = unzipSync(batch.zip);
      assert.ok(Object.keys(entries).length <= 8, `batch ${i + 1} has ${Object.keys(entries).length} files`);
      assert.equal(batch.fileCount, Object.keys(entries).length);
      const listed = readPackageXml(strFromU8(entries['package.xml']!));
      assert.deepEqual(new Set(listed.map((c) => `${c.type}:${c.fullName}`)), new Set(batch.restores.map((c) => `${c.type}:${c.fullName}`)));
      // Every file of a batch belongs to one of its components.
      for (const file of Object.keys(entries)) if (file.includes('/')) assert.ok(batch.restores.some((c) => file.includes(c.fullName.split('.')[0]!)), `${file} in batch ${i + 1}`);
      assert.equal('destructiveChangesPost.xml' in entries, i === batches.length - 1);
      order.push(...batch.types);
    }
    const first = (type: string) => order.indexOf(type);
    assert.ok(first('CustomObject') < first('ApexClass') && first('ApexClass') < first('LightningComponentBundle') && first('LightningComponentBundle') < first('PermissionSet'));
    const objectBatch = batches.findIndex((b) => b.restores.some((c) => c.type === 'CustomObject'));
    assert.ok(batches[objectBatch]!.restores.filter((c) => c.type === 'CustomField').length === 2);
    assert.deepEqual(batches.at(-1)!.deletes, deletes);
    assert.equal(batches.reduce((n, b) => n + b.restores.length, 0), components.length);
  });

  it('refuses a component one deploy cannot carry, and a file no component owns', () => {
    assert.throws(() => planRestoreBatches(deployZip(components, files), { files: 3, zipBytes: 39_000_000 }), (e: unknown) => e instanceof GateError && /alone has \d+ files, more than one deploy can carry/.test(e.message));
    assert.throws(() => planRestoreBatches(deployZip(components, [...files, 'classes/Stray.cls']), { files: 8, zipBytes: 39_000_000 }), /'classes\/Stray\.cls' belongs to no component/);
  });
});
