// buildPackage on a metadata-format folder with what a repository root holds next to its
// metadata: the zip carries the metadata, never a dot-folder such as .git (whose config can
// hold a token), and a link out of the folder is refused even if it appeared after the inputs
// were checked.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from '@jest/globals';
import { unzipSync } from 'fflate';
import { InputError } from '../../src/errors.js';
import { buildPackage } from '../../src/salesforce/package.js';

const PACKAGE_XML = '<?xml version="1.0" encoding="UTF-8"?>\n<Package xmlns="http://soap.sforce.com/2006/04/metadata">\n    <types>\n        <members>Greeting</members>\n        <name>ApexClass</name>\n    </types>\n    <version>62.0</version>\n</Package>\n';

function metadataRoot(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'metadata-root-'));
  mkdirSync(path.join(root, 'classes'));
  mkdirSync(path.join(root, '.git'));
  mkdirSync(path.join(root, '.github/workflows'), { recursive: true });
  writeFileSync(path.join(root, 'package.xml'), PACKAGE_XML);
  writeFileSync(path.join(root, 'classes/Greeting.cls'), 'public class Greeting {}');
  writeFileSync(path.join(root, 'classes/Greeting.cls-meta.xml'), '<ApexClass/>');
  writeFileSync(path.join(root, '.git/config'), '[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n');
  writeFileSync(path.join(root, '.github/workflows/release.yml'), 'on: push\n');
  writeFileSync(path.join(root, '.env'), 'TOKEN=secret\n');
  return root;
}

test('a manifest at a metadata-format repository root zips the metadata, never .git or another dot-entry', async () => {
  const root = metadataRoot();
  const pkg = await buildPackage({ workspace: root, sourceDirs: [], manifest: 'package.xml', apiVersion: '62.0' });
  const names = Object.keys(unzipSync(pkg.zip)).sort();
  assert.deepEqual(names, ['classes/Greeting.cls', 'classes/Greeting.cls-meta.xml', 'package.xml']);
});

test('a symbolic link out of the metadata folder is refused while zipping, naming it', async () => {
  const root = metadataRoot();
  symlinkSync('/proc/self/environ', path.join(root, 'classes/Env.cls'));
  await assert.rejects(buildPackage({ workspace: root, sourceDirs: [], manifest: 'package.xml', apiVersion: '62.0' }), (error: unknown) => {
    assert.ok(error instanceof InputError);
    assert.match(error.message, /Input 'manifest': classes\/Env\.cls is a symbolic link to a path outside the metadata folder/);
    return true;
  });
});
