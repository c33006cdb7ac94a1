// buildPackage against source-deploy-retrieve's own conversion on real metadata: every tree of the
// ranges cut from trailheadapps histories (test/fixtures/delta-history/*.json, base and head
// commits, the synthetic translation ranges included), each written out as a project with its own
// sfdx-project.json, packaged in one share and split in two. The same entries (names sorted, bytes
// equal), the same entry count, the same package.xml members as SDR's `MetadataConverter`. Where
// SDR itself cannot convert a tree, buildPackage must refuse it too, with an error that says why.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { buildPackage } from '../../src/salesforce/package.js';
import { headTree, loadHistoryRanges } from '../support/delta-history.js';
import { assertSameEntries, packageMembers, sdrZip } from '../support/package-compare.js';

const API_VERSION = '62.0';

interface Tree {
  name: string;
  files: Record<string, string>;
}

const trees: Tree[] = loadHistoryRanges().flatMap((range) => [
  { name: `${range.name} (base)`, files: range.base },
  { name: `${range.name} (head)`, files: headTree(range) },
]);

/** The package directories the tree's sfdx-project.json names. */
function packageDirectories(files: Record<string, string>): string[] {
  const project = files['sfdx-project.json'];
  assert.ok(project, 'the tree has an sfdx-project.json');
  return (JSON.parse(project).packageDirectories as Array<{ path: string }>).map((d) => d.path.replace(/\/$/, ''));
}

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'package-real-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function writeTree(tree: Tree): string {
  const workspace = mkdtempSync(path.join(scratch, 'tree-'));
  for (const [file, content] of Object.entries(tree.files)) {
    mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
    writeFileSync(path.join(workspace, file), content);
  }
  return workspace;
}

/** Trees SDR converted, and trees it refused: both are checked, neither skipped. */
const outcome = { converted: 0, refused: [] as string[] };

describe('buildPackage on real metadata, against SDR', () => {
  for (const tree of trees) {
    test(tree.name, async () => {
      const workspace = writeTree(tree);
      const sourceDirs = packageDirectories(tree.files);
      let sdr: Awaited<ReturnType<typeof sdrZip>> | undefined;
      let sdrError: Error | undefined;
      try {
        sdr = await sdrZip(workspace, sourceDirs, API_VERSION);
      } catch (error) {
        sdrError = error as Error;
      }
      for (const shares of [1, 2]) {
        const built = buildPackage({ workspace, sourceDirs, apiVersion: API_VERSION }, { shares });
        if (sdrError) {
          // SDR cannot convert it (a head that deleted the package directory's last file): neither may buildPackage.
          const reason = sdrError.message.replace(workspace + path.sep, '');
          await assert.rejects(built, (error: Error) => {
            assert.ok(error.message.replace(workspace + path.sep, '').includes(reason), `${shares} share(s): '${error.message}' does not give SDR's reason '${sdrError.message}'`);
            return true;
          });
          continue;
        }
        const pkg = await built;
        assertSameEntries(pkg.zip, sdr!.zip, `${shares} share(s)`);
        assert.equal(pkg.fileCount, sdr!.count, `${shares} share(s): file count`);
        const members = packageMembers(sdr!.zip);
        assert.deepEqual(packageMembers(pkg.zip), members, `${shares} share(s): package.xml members`);
        assert.deepEqual(pkg.components.map((c) => `${c.type}:${c.fullName}`).sort(), members, `${shares} share(s): the components the run reports`);
      }
      if (sdrError) outcome.refused.push(`${tree.name}: ${sdrError.message}`);
      else outcome.converted++;
    });
  }

  test('most trees are real packages, compared entry by entry', () => {
    // A change to the fixtures or to SDR that made it refuse most of them would leave little compared.
    assert.equal(trees.length, 2 * loadHistoryRanges().length);
    assert.ok(trees.length >= 34, `${trees.length} trees`);
    assert.ok(outcome.converted >= trees.length - 6, `SDR converted ${outcome.converted} of ${trees.length} trees; refused:\n${outcome.refused.join('\n')}`);
  });
});
