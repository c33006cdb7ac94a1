// forceignore.ts against source-deploy-retrieve's own ForceIgnore: the same answer for every path
// of a project tree (files, folders, missing paths, dot-entries, the .sf/orgs exceptions) under a
// range of .forceignore files (folder patterns, negations, anchored and file patterns, comments).
// Both the plain packaging shortcut and the release's tree gate rely on these answers being SDR's.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { forceIgnoreAt } from '../../src/salesforce/forceignore.js';
import { forceIgnoreOf } from '../../src/salesforce/package-contents.js';

const FILES = [
  'force-app/main/default/classes/A.cls',
  'force-app/main/default/classes/A.cls-meta.xml',
  'force-app/main/default/classes/SecretKeys.cls',
  'force-app/main/default/classes/scratch/Ignored.cls',
  'force-app/main/default/classes/Sub Folder/B.cls',
  'force-app/main/default/lwc/cmp/cmp.js',
  'force-app/main/default/lwc/cmp/__tests__/cmp.test.js',
  'force-app/main/default/lwc/jsconfig.json',
  'force-app/main/default/lwc/.eslintrc.json',
  'force-app/main/default/aura/.hidden/x.js',
  'force-app/main/default/objects/X__c/fields/F__c.field-meta.xml',
  'force-app/main/default/build',
  'force-app/debug.log',
  'force-app/keep.log',
  'force-app/x',
  'force-app/main/default/classes/A.cls.dup',
  'force-app/package2-descriptor.json',
  '.sf/orgs/00D/remoteMetadata/a.json',
  '.sf/orgs/00D/other.json',
  '.sfdx/tools/x',
  'scratch/top.txt',
];
const FOLDERS = ['force-app', 'force-app/main/default/classes/scratch', 'force-app/main/default/lwc/cmp/__tests__', 'force-app/main/default/classes/Sub Folder', 'force-app/main/default/lwc', '.sf', '.sf/orgs', 'scratch'];
const MISSING = ['force-app/main/default/classes/Missing.cls', 'force-app/main/default/missing-folder', 'force-app/main/default/build/'];

const IGNORE_FILES: Record<string, string> = {
  'the generator\'s': '# Files the CLI leaves out\n**/jsconfig.json\n**/.eslintrc.json\n**/__tests__/**\n',
  'folder patterns': '**/scratch/\nbuild/\n\n# a comment\n',
  'negations and file patterns': '*.log\n!keep.log\n**/Secret*\n',
  'anchored patterns': '/force-app/x\n/scratch\nforce-app/main/default/classes/Sub Folder/\n',
  'escapes and spaces': '\\#notacomment\nforce-app/main/default/classes/A.cls   \n',
  'everything under a folder but one file': 'force-app/main/default/lwc/**\n!force-app/main/default/lwc/cmp/cmp.js\n',
  'empty': '',
};

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'forceignore-'));
  for (const file of FILES) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), 'x');
  }
  for (const folder of FOLDERS) mkdirSync(path.join(root, folder), { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('forceignore.ts answers as SDR\'s ForceIgnore does', () => {
  for (const [name, contents] of Object.entries(IGNORE_FILES)) {
    test(`${name}: every file, folder and missing path`, async () => {
      process.env.SF_DISABLE_LOG_FILE = 'true';
      const { ForceIgnore } = await import('@salesforce/source-deploy-retrieve');
      const file = path.join(root, '.forceignore');
      writeFileSync(file, contents);
      const sdr = new ForceIgnore(file);
      const ours = forceIgnoreAt(file);
      const workspaceRelative = forceIgnoreOf(root);
      let denied = 0;
      for (const relative of [...FILES, ...FOLDERS, ...MISSING]) {
        const absolute = path.join(root, relative);
        const expected = sdr.denies(absolute);
        if (expected) denied++;
        assert.equal(ours(absolute), expected, `${relative}: SDR says ${expected ? 'denied' : 'accepted'}`);
        assert.equal(workspaceRelative(relative), expected, `${relative} (workspace-relative): SDR says ${expected ? 'denied' : 'accepted'}`);
        // Told whether it is a folder (the packaging walk knows), the same answer as asking the disk.
        if (!MISSING.includes(relative)) assert.equal(ours(absolute, FOLDERS.includes(relative)), expected, `${relative} (kind given)`);
      }
      // The cases are not vacuous: the defaults alone deny the dot-entries and the .dup file.
      assert.ok(denied >= 5, `${denied} paths denied`);
    });
  }

  test('no .forceignore: nothing is denied, as SDR\'s empty ForceIgnore', () => {
    const none = forceIgnoreAt(path.join(root, 'no-such-dir', '.forceignore'));
    assert.equal(none(path.join(root, '.sfdx/tools/x')), false);
    assert.equal(none(path.join(root, 'force-app/main/default/classes/A.cls.dup')), false);
  });
});
