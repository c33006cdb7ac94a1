// The delta on ranges of real public history (trailheadapps samples), built back from small
// fixtures: the exact package.xml and destructiveChangesPost.xml members of each.
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { strFromU8, unzipSync } from 'fflate';
import { computeDelta } from '../../src/salesforce/delta.js';
import { DESTRUCTIVE_CHANGES_POST, readPackageXml } from '../../src/salesforce/manifest.js';
import { buildPackage } from '../../src/salesforce/package.js';
import { buildHistory, loadHistoryRanges, sourceDirsOf } from '../support/delta-history.js';

const names = (refs: Array<{ type: string; fullName: string }>) => refs.map((c) => `${c.type}:${c.fullName}`).sort();

describe('delta on real history', () => {
  for (const range of loadHistoryRanges()) {
    it(`${range.name}: ${range.source} ${range.range.replace(/([0-9a-f]{10})[0-9a-f]{30}/g, '$1')} (${range.subject})`, async () => {
      const repo = buildHistory(range);
      try {
        const sourceDirs = sourceDirsOf(range);
        const delta = await computeDelta({ workspace: repo.dir, base: repo.base, head: repo.head, sourceDirs, apiVersion: '62.0' });
        assert.equal(delta.fallback, undefined);
        const pkg = await buildPackage({ workspace: repo.dir, sourceDirs, apiVersion: '62.0', delta });
        const zip = unzipSync(pkg.zip);
        assert.deepEqual(names(readPackageXml(strFromU8(zip['package.xml']!))), range.expect.deploy, 'package.xml members');
        const destructive = zip[DESTRUCTIVE_CHANGES_POST] ? names(readPackageXml(strFromU8(zip[DESTRUCTIVE_CHANGES_POST]))) : [];
        assert.deepEqual(destructive, range.expect.destructive, 'destructiveChangesPost.xml members');
        assert.deepEqual(names(pkg.components), range.expect.deploy, 'the components the run reports');
      } finally {
        repo.cleanup();
      }
    });
  }
});
