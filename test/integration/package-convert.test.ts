// The package buildPackage builds (SDR's resolution and transformers, split into shares, each share
// compressed entry by entry, merged into one zip) holds the same entries with the same bytes as
// source-deploy-retrieve's own single-threaded conversion, the one `sf project convert source` and
// `sf project deploy` run: on the fixture project and on the 10,000-file generated project, in one
// share and split. The e2e suites run the same code in worker threads through the bundle.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, test } from '@jest/globals';
import { InputError } from '../../src/errors.js';
import { buildPackage, packageComponentSet, packageDigest, packagingShares } from '../../src/salesforce/package.js';
import { splitComponents } from '../../src/salesforce/package-convert.js';
import { assertSameEntries, sdrZip, zipEntries } from '../support/package-compare.js';
import { generateProject } from '../support/sfdx-project.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the package of the fixture project', () => {
  let workspace: string;
  beforeAll(() => {
    workspace = mkdtempSync(path.join(tmpdir(), 'package-convert-'));
    cpSync(path.join(root, 'test/fixtures/project'), workspace, { recursive: true });
  });

  for (const shares of [1, 3]) {
    test(`in ${shares} share(s): SDR's entries with SDR's bytes, its entry count, package.xml components, Apex files`, async () => {
      const pkg = await buildPackage({ workspace, sourceDirs: ['force-app'], apiVersion: '62.0' }, { shares });
      const sdr = await sdrZip(workspace);
      assertSameEntries(pkg.zip, sdr.zip);
      assert.equal(packageDigest(pkg.zip), packageDigest(sdr.zip));
      assert.equal(pkg.fileCount, sdr.count);
      assert.ok(!zipEntries(pkg.zip).has('classes/Ignored.cls'), '.forceignore applied');
      const listed = pkg.components.map((c) => `${c.type}:${c.fullName}`);
      for (const component of ['ApexClass:Greeting', 'ApexClass:InvoiceService', 'ApexClass:InvoiceServiceTest', 'CustomObject:Invoice__c', 'CustomField:Invoice__c.Amount__c']) assert.ok(listed.includes(component), `${component} not in ${listed.join(', ')}`);
      assert.ok(!listed.includes('ApexClass:Ignored'));
      assert.equal(pkg.hasApex, true);
      assert.equal(pkg.apexFiles?.['ApexClass:InvoiceService'], 'force-app/main/default/classes/InvoiceService.cls');
      // The component set, for mapping failures to files, is resolved on demand.
      const set = await packageComponentSet(pkg);
      assert.ok(set && set.size > 0);
    });
  }

  test('a symbolic link out of the package directory is refused, whichever share holds it', async () => {
    const linked = mkdtempSync(path.join(tmpdir(), 'package-convert-link-'));
    cpSync(path.join(root, 'test/fixtures/project'), linked, { recursive: true });
    const outside = path.join(mkdtempSync(path.join(tmpdir(), 'outside-')), 'Secret.cls');
    writeFileSync(outside, 'public class Secret {}');
    symlinkSync(outside, path.join(linked, 'force-app/main/default/classes/Secret.cls'));
    writeFileSync(path.join(linked, 'force-app/main/default/classes/Secret.cls-meta.xml'), '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>62.0</apiVersion><status>Active</status></ApexClass>\n');
    for (const shares of [1, 2]) {
      await assert.rejects(buildPackage({ workspace: linked, sourceDirs: ['force-app'], apiVersion: '62.0' }, { shares }), (error: unknown) => {
        assert.ok(error instanceof InputError);
        assert.match(error.message, /Secret\.cls/);
        return true;
      });
    }
  });
});

describe('the package of the 10,000-file generated project', () => {
  let workspace: string;
  beforeAll(() => {
    workspace = mkdtempSync(path.join(tmpdir(), 'package-convert-large-'));
    generateProject(workspace, 'large');
  });

  let sdr: { zip: Buffer; count: number };
  for (const shares of [1, 3]) {
    test(`in ${shares} share(s): the same entries and bytes as SDR, the same package.xml and entry count`, async () => {
      const pkg = await buildPackage({ workspace, sourceDirs: ['force-app'], apiVersion: '62.0' }, { shares });
      sdr ??= await sdrZip(workspace);
      assertSameEntries(pkg.zip, sdr.zip);
      assert.equal(pkg.fileCount, sdr.count);
      assert.ok(pkg.components.length > 5000, `${pkg.components.length} components`);
    }, 600_000);
  }
});

describe('splitting', () => {
  test('every component goes whole to exactly one share, shares of about the same weight', () => {
    const components = Array.from({ length: 100 }, (_, i) => ({ name: `c${i}`, files: 1 + (i % 7) }));
    const groups = splitComponents(components, 3, (c) => c.files);
    assert.deepEqual(groups.flat().map((c) => c.name).sort(), components.map((c) => c.name).sort());
    const weights = groups.map((g) => g.reduce((n, c) => n + c.files, 0));
    assert.ok(Math.max(...weights) - Math.min(...weights) <= 7, `weights ${weights}`);
  });

  test('shares: one per CPU but one, up to 4, none under 5,000 files', () => {
    assert.equal(packagingShares(13, 8), 1);
    assert.equal(packagingShares(10_000, 2), 1);
    assert.equal(packagingShares(10_000, 4), 2);
    assert.equal(packagingShares(10_000, 16), 2);
    assert.equal(packagingShares(4_500, 16), 1);
    assert.equal(packagingShares(40_000, 16), 4);
    assert.equal(packagingShares(40_000, 3), 2);
    assert.equal(packagingShares(0, 1), 1);
  });
});
